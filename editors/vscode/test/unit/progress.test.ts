import { test } from "node:test";
import * as assert from "node:assert/strict";
import { ProgressTracker } from "../../src/progress";

test("status bar follows begin, report and end", () => {
  const t = new ProgressTracker();
  assert.equal(t.view().busy, false);
  let v = t.update({ kind: "begin", title: "Indexing articles", percentage: 0 });
  assert.equal(v.busy, true);
  assert.equal(v.text, "$(sync~spin) dossier: Indexing articles 0%");
  v = t.update({ kind: "report", message: "12/40 files", percentage: 30 });
  assert.equal(v.text, "$(sync~spin) dossier: Indexing articles 30%");
  assert.equal(v.tooltip, "Indexing articles — 12/40 files");
  v = t.update({ kind: "end", message: "40 articles" });
  assert.equal(v.busy, false);
  assert.equal(v.text, "$(book) dossier");
  assert.equal(v.tooltip, "dossier: 40 articles");
});

test("no percentage: no number", () => {
  const t = new ProgressTracker();
  assert.equal(t.update({ kind: "begin", title: "Indexing articles" }).text, "$(sync~spin) dossier: Indexing articles");
});
