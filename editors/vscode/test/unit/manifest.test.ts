// Checks package.json's contributions against the code's view of them.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { SEVERITIES } from "../../src/settings";

const root = path.resolve(__dirname, "..", "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const props = pkg.contributes.configuration.properties;

test("activates for Markdown, plain text and dossier.json workspaces", () => {
  for (const e of ["onLanguage:markdown", "onLanguage:plaintext", "workspaceContains:dossier.json"]) {
    assert.ok(pkg.activationEvents.includes(e), e);
  }
});

// Which codes there are is checked against the server's rule registry by tests/it/docs.rs.
test("every rule's setting takes the server's severities, and no other code", () => {
  const rules = props["dossier.rules"];
  for (const [code, setting] of Object.entries(rules.properties)) {
    assert.deepEqual((setting as { enum: string[] }).enum, [...SEVERITIES], code);
  }
  assert.equal(rules.additionalProperties, false);
});

test("settings and commands the extension reads are contributed", () => {
  for (const key of ["dossier.server.path", "dossier.trace.server", "dossier.articles", "dossier.exclude"]) {
    assert.ok(props[key], key);
  }
  const commands = pkg.contributes.commands.map((c: { command: string }) => c.command);
  assert.deepEqual(commands.sort(), ["dossier.annotateHere", "dossier.restartServer", "dossier.showOutput"]);
});

test("packaging metadata vsce needs", () => {
  assert.ok(pkg.repository);
  assert.ok(fs.existsSync(path.join(root, "LICENSE")));
  assert.equal(pkg.main, "./dist/extension.js");
});
