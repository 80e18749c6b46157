import { test } from "node:test";
import * as assert from "node:assert/strict";
import { expandConfiguredPath, resolveServerPath, ResolveEnv, whichOnPath } from "../../src/serverPath";

function env(files: string[], over: Partial<ResolveEnv> = {}): ResolveEnv {
  const set = new Set(files);
  return {
    extensionPath: "/ext",
    workspaceFolder: "/ws",
    platform: "linux",
    pathVar: "/usr/local/bin:/usr/bin",
    homeDir: "/home/ana",
    isExecutable: (p) => set.has(p),
    ...over,
  };
}

test("the setting wins over a bundled binary and PATH", () => {
  const r = resolveServerPath(env(["/opt/dossier", "/ext/server/dossier", "/usr/bin/dossier"], { configured: "/opt/dossier" }));
  assert.deepEqual(r, { ok: true, command: "/opt/dossier", source: "setting" });
});

test("a bundled binary comes before PATH", () => {
  const r = resolveServerPath(env(["/ext/server/dossier", "/usr/bin/dossier"]));
  assert.deepEqual(r, { ok: true, command: "/ext/server/dossier", source: "bundled" });
});

test("PATH is searched in order", () => {
  const r = resolveServerPath(env(["/usr/bin/dossier", "/usr/local/bin/dossier"]));
  assert.deepEqual(r, { ok: true, command: "/usr/local/bin/dossier", source: "path" });
});

test("an empty or blank setting counts as unset", () => {
  assert.deepEqual(resolveServerPath(env(["/usr/bin/dossier"], { configured: "   " })), {
    ok: true,
    command: "/usr/bin/dossier",
    source: "path",
  });
});

test("nothing found: one error that says how to install", () => {
  const r = resolveServerPath(env([]));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /not found/);
    assert.match(r.message, /cargo install/);
    assert.match(r.message, /dossier\.server\.path/);
  }
});

test("a setting naming a missing file is an error, not a silent fallback", () => {
  const r = resolveServerPath(env(["/usr/bin/dossier"], { configured: "/nope/dossier" }));
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.message, /“\/nope\/dossier”/);
});

test("~, ${workspaceFolder} and relative paths in the setting", () => {
  const e = { workspaceFolder: "/ws", homeDir: "/home/ana", platform: "linux" };
  assert.equal(expandConfiguredPath("~/bin/dossier", e), "/home/ana/bin/dossier");
  assert.equal(expandConfiguredPath("${workspaceFolder}/target/release/dossier", e), "/ws/target/release/dossier");
  assert.equal(expandConfiguredPath("target/release/dossier", e), "/ws/target/release/dossier");
  const r = resolveServerPath(env(["/ws/target/release/dossier"], { configured: "./target/release/dossier" }));
  assert.deepEqual(r, { ok: true, command: "/ws/target/release/dossier", source: "setting" });
});

test("a bare name in the setting is looked up on PATH", () => {
  const r = resolveServerPath(env(["/usr/bin/dossier-nightly"], { configured: "dossier-nightly" }));
  assert.deepEqual(r, { ok: true, command: "/usr/bin/dossier-nightly", source: "setting" });
});

test("Windows: dossier.exe bundled, PATHEXT on PATH", () => {
  const bundled = resolveServerPath(
    env(["C:\\ext\\server\\dossier.exe"], { platform: "win32", extensionPath: "C:\\ext", pathVar: "C:\\bin" }),
  );
  assert.deepEqual(bundled, { ok: true, command: "C:\\ext\\server\\dossier.exe", source: "bundled" });
  const found = whichOnPath("dossier", {
    platform: "win32",
    pathVar: "C:\\tools;C:\\bin",
    pathExt: ".COM;.EXE",
    isExecutable: (p) => p === "C:\\bin\\dossier.exe",
  });
  assert.equal(found, "C:\\bin\\dossier.exe");
});
