// Finding the dossier binary. Pure: everything it needs from the machine comes in `env`,
// so unit tests can run it without VS Code and without touching the file system.
import * as path from "path";

export interface ResolveEnv {
  /** The `dossier.server.path` setting, "" or undefined when unset. */
  configured?: string;
  /** The extension's install folder (holds `server/` when a binary is bundled). */
  extensionPath: string;
  /** First workspace folder, for relative paths and `${workspaceFolder}`. */
  workspaceFolder?: string;
  /** process.platform */
  platform: string;
  /** process.env.PATH (or Path on Windows) */
  pathVar?: string;
  /** process.env.PATHEXT, Windows only */
  pathExt?: string;
  homeDir?: string;
  /** true when `p` is an existing file that can be executed. */
  isExecutable: (p: string) => boolean;
}

export type ServerSource = "setting" | "bundled" | "path";

export type Resolution =
  | { ok: true; command: string; source: ServerSource }
  | { ok: false; message: string };

export const INSTALL_HINT =
  "Install the server with `cargo install --path .` in a checkout of dossier (or `cargo build --release` and point " +
  "`dossier.server.path` at `target/release/dossier`), then run “Dossier: Restart Server”.";

export function binaryName(platform: string): string {
  return platform === "win32" ? "dossier.exe" : "dossier";
}

/** Expands `~` and `${workspaceFolder}`; a relative result is taken from the workspace folder. */
export function expandConfiguredPath(p: string, env: Pick<ResolveEnv, "workspaceFolder" | "homeDir" | "platform">): string {
  const pathApi = env.platform === "win32" ? path.win32 : path.posix;
  let out = p.trim();
  if (env.workspaceFolder !== undefined) {
    out = out.split("${workspaceFolder}").join(env.workspaceFolder);
  }
  if (env.homeDir && (out === "~" || out.startsWith("~/") || out.startsWith("~\\"))) {
    out = pathApi.join(env.homeDir, out.slice(1));
  }
  if (!pathApi.isAbsolute(out) && env.workspaceFolder !== undefined && /[\\/]/.test(out)) {
    out = pathApi.join(env.workspaceFolder, out);
  }
  return out;
}

/** Looks `name` up in PATH the way a shell would (PATHEXT on Windows). */
export function whichOnPath(name: string, env: Pick<ResolveEnv, "pathVar" | "pathExt" | "platform" | "isExecutable">): string | undefined {
  const win = env.platform === "win32";
  const pathApi = win ? path.win32 : path.posix;
  const dirs = (env.pathVar ?? "").split(win ? ";" : ":").filter((d) => d.length > 0);
  const exts = win ? ["", ...(env.pathExt ?? ".EXE;.CMD;.BAT").split(";").map((e) => e.toLowerCase())] : [""];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = pathApi.join(dir, name + ext);
      if (env.isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * The order: the `dossier.server.path` setting, else the binary bundled in the extension,
 * else `dossier` on PATH. A setting that names a missing file is an error of its own
 * (no silent fallback: the user asked for that binary).
 */
export function resolveServerPath(env: ResolveEnv): Resolution {
  const pathApi = env.platform === "win32" ? path.win32 : path.posix;
  const configured = (env.configured ?? "").trim();
  if (configured !== "") {
    const expanded = expandConfiguredPath(configured, env);
    if (!/[\\/]/.test(expanded)) {
      // A bare name such as "dossier-nightly": look it up on PATH.
      const found = whichOnPath(expanded, env);
      if (found) {
        return { ok: true, command: found, source: "setting" };
      }
      return { ok: false, message: `dossier: \`dossier.server.path\` is “${configured}”, which is not on PATH. ${INSTALL_HINT}` };
    }
    if (env.isExecutable(expanded)) {
      return { ok: true, command: expanded, source: "setting" };
    }
    return {
      ok: false,
      message: `dossier: \`dossier.server.path\` is “${configured}”, but no executable file is there. ${INSTALL_HINT}`,
    };
  }
  const bundled = pathApi.join(env.extensionPath, "server", binaryName(env.platform));
  if (env.isExecutable(bundled)) {
    return { ok: true, command: bundled, source: "bundled" };
  }
  const onPath = whichOnPath("dossier", env);
  if (onPath) {
    return { ok: true, command: onPath, source: "path" };
  }
  return {
    ok: false,
    message: `dossier: the dossier language server was not found (no \`dossier.server.path\` setting, no server bundled with the extension, no \`dossier\` on PATH). ${INSTALL_HINT}`,
  };
}
