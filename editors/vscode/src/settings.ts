// VS Code settings → the object the server expects from `workspace/configuration` for
// section "dossier" (shaped like the workspace file dossier.json). Pure, unit-tested.

export const SEVERITIES = ["off", "hint", "information", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What dossier.json holds and the server reads from `workspace/configuration`. */
export interface ServerConfiguration {
  rules?: Record<string, Severity>;
  articles?: string[];
  exclude?: string[];
}

/** The result of `WorkspaceConfiguration.inspect(key)`, reduced to what we read. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The value the user set, most specific scope first; undefined when only the default applies. */
export function userValue<T>(i: Inspected<T> | undefined): T | undefined {
  if (!i) return undefined;
  if (i.workspaceFolderValue !== undefined) return i.workspaceFolderValue;
  if (i.workspaceValue !== undefined) return i.workspaceValue;
  if (i.globalValue !== undefined) return i.globalValue;
  return undefined;
}

/** Accepts "warn", "info", "Warning", … as the server's spelling; undefined for anything else. */
export function normalizeSeverity(value: unknown): Severity | undefined {
  if (typeof value !== "string") return undefined;
  const v = value.trim().toLowerCase();
  const aliases: Record<string, Severity> = {
    off: "off",
    none: "off",
    hint: "hint",
    info: "information",
    information: "information",
    warn: "warning",
    warning: "warning",
    error: "error",
  };
  return aliases[v];
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

export interface SettingsInput {
  rules?: Inspected<Record<string, unknown>>;
  articles?: Inspected<unknown>;
  exclude?: Inspected<unknown>;
}

/**
 * Only what the user set goes to the server, so that a workspace's dossier.json keeps its
 * say for everything else. Rule maps from the user, workspace and folder scopes merge (the
 * most specific wins per code), as VS Code merges object settings.
 */
export function toServerConfiguration(input: SettingsInput): ServerConfiguration {
  const out: ServerConfiguration = {};
  const r = input.rules;
  if (r) {
    const merged: Record<string, Severity> = {};
    for (const layer of [r.globalValue, r.workspaceValue, r.workspaceFolderValue]) {
      if (!layer || typeof layer !== "object") continue;
      for (const [code, sev] of Object.entries(layer)) {
        const s = normalizeSeverity(sev);
        if (s !== undefined) merged[code] = s;
      }
    }
    if (Object.keys(merged).length > 0) out.rules = merged;
  }
  const articles = stringList(userValue(input.articles));
  if (articles !== undefined) out.articles = articles;
  const exclude = stringList(userValue(input.exclude));
  if (exclude !== undefined) out.exclude = exclude;
  return out;
}

/** Settings whose change needs a new server process rather than a configuration push. */
export const RESTART_SETTINGS = ["dossier.server.path", "dossier.server.extraArgs"];
