// `dossier.insertSnippet`: the server sends fixes with placeholders ("…, according to
// ${1:source}") as this command rather than as a workspace edit, which cannot carry a snippet,
// to clients that announce they run it. This module holds the parts that need no VS Code.

/** The command the server puts in such code actions. */
export const INSERT_SNIPPET = "dossier.insertSnippet";

/** The key under the client's `experimental` capabilities that says we run the command. */
export const CAPABILITY = "dossierInsertSnippet";

export interface LspPosition {
  line: number;
  character: number;
}

export interface InsertSnippet {
  uri: string;
  range: { start: LspPosition; end: LspPosition };
  snippet: string;
}

/** Adds the capability to the client capabilities `initialize` sends, keeping what is there. */
export function announce(capabilities: { experimental?: unknown }): void {
  const experimental = typeof capabilities.experimental === "object" && capabilities.experimental !== null ? capabilities.experimental : {};
  capabilities.experimental = { ...experimental, [CAPABILITY]: true };
}

function isPosition(p: unknown): p is LspPosition {
  const q = p as LspPosition | null;
  return typeof q === "object" && q !== null && [q.line, q.character].every((n) => Number.isInteger(n) && n >= 0);
}

/** The command's one argument, checked; a string says what is wrong with it. */
export function parseArguments(args: unknown[]): InsertSnippet | string {
  const a = args[0] as Partial<InsertSnippet> | null | undefined;
  if (args.length !== 1 || typeof a !== "object" || a === null) {
    return `expected one argument { uri, range, snippet }, got ${JSON.stringify(args)}`;
  }
  if (typeof a.uri !== "string" || a.uri === "") return `no uri in ${JSON.stringify(a)}`;
  if (typeof a.snippet !== "string") return `no snippet in ${JSON.stringify(a)}`;
  const r = a.range;
  if (typeof r !== "object" || r === null || !isPosition(r.start) || !isPosition(r.end)) {
    return `no valid range in ${JSON.stringify(a)}`;
  }
  return { uri: a.uri, range: { start: r.start, end: r.end }, snippet: a.snippet };
}
