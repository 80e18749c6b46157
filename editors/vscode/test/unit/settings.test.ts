import { test } from "node:test";
import * as assert from "node:assert/strict";
import { normalizeSeverity, toServerConfiguration, userValue } from "../../src/settings";

test("defaults only: nothing is sent, so dossier.json decides", () => {
  const out = toServerConfiguration({
    rules: { defaultValue: {} },
    articles: { defaultValue: null },
    exclude: { defaultValue: null },
  });
  assert.deepEqual(out, {});
});

test("rule severities from all scopes merge, the most specific winning", () => {
  const out = toServerConfiguration({
    rules: {
      defaultValue: {},
      globalValue: { "unattributed-claim": "error", "hedged-report": "hint" },
      workspaceValue: { "hedged-report": "off" },
      workspaceFolderValue: { "anonymous-source": "information" },
    },
  });
  assert.deepEqual(out, {
    rules: { "unattributed-claim": "error", "hedged-report": "off", "anonymous-source": "information" },
  });
});

test("unknown severities are dropped, common spellings are accepted", () => {
  assert.equal(normalizeSeverity("warn"), "warning");
  assert.equal(normalizeSeverity("Info"), "information");
  assert.equal(normalizeSeverity("loud"), undefined);
  const out = toServerConfiguration({ rules: { globalValue: { "vague-attribution": "loud", "unsourced-figure": "WARN" } } });
  assert.deepEqual(out, { rules: { "unsourced-figure": "warning" } });
});

test("article and exclude globs come from the most specific scope", () => {
  const out = toServerConfiguration({
    articles: { defaultValue: null, globalValue: ["**/*.md"], workspaceValue: ["articles/**/*.md", "notes/*.txt"] },
    exclude: { defaultValue: null, workspaceFolderValue: ["drafts/**", "", 3] },
  });
  assert.deepEqual(out, { articles: ["articles/**/*.md", "notes/*.txt"], exclude: ["drafts/**"] });
});

test("an empty list set on purpose is sent as empty", () => {
  assert.deepEqual(toServerConfiguration({ exclude: { globalValue: [] } }), { exclude: [] });
});

test("userValue ignores the default", () => {
  assert.equal(userValue({ defaultValue: 1 }), undefined);
  assert.equal(userValue({ defaultValue: 1, globalValue: 2 }), 2);
  assert.equal(userValue(undefined), undefined);
});
