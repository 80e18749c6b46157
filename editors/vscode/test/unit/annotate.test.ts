import { test } from "node:test";
import * as assert from "node:assert/strict";
import { CAPABILITY, announce, complete, parseArguments } from "../../src/annotate";

const argument = {
  uri: "file:///ws/a.md",
  motivation: "assessing",
  assessment: "disputed",
  quote: "Haddad said the talks failed.",
  prefix: "\n\n",
  suffix: "\n",
  start: 56,
  end: 85,
  ask: ["note", "link"],
};

test("the capability is added to the experimental ones, which stay", () => {
  const some: { experimental?: unknown } = { experimental: { dossierInsertSnippet: true } };
  announce(some);
  assert.deepEqual(some.experimental, { dossierInsertSnippet: true, [CAPABILITY]: true });
});

test("the answers go into the request for dossier.annotate, empty ones left out", async () => {
  const parsed = parseArguments([argument]);
  assert.ok(typeof parsed !== "string");
  const answers = ["postponed, not failed", ""];
  const asked: string[] = [];
  const request = await complete(parsed, async (q) => {
    asked.push(q.prompt);
    return answers.shift();
  });
  assert.equal(asked.length, 2);
  const { ask: _ask, ...rest } = argument;
  assert.deepEqual(request, { ...rest, note: "postponed, not failed" });
});

test("cancelling, or leaving a required note empty, writes nothing", async () => {
  const parsed = parseArguments([{ ...argument, ask: ["note"], required: "note" }]);
  assert.ok(typeof parsed !== "string");
  assert.equal(await complete(parsed, async () => undefined), undefined);
  assert.equal(await complete(parsed, async () => "  "), undefined);
});

test("bad arguments are explained, not thrown", () => {
  for (const bad of [[], [null], [{ ...argument, uri: 3 }], [argument, argument]]) {
    assert.equal(typeof parseArguments(bad as unknown[]), "string", JSON.stringify(bad));
  }
});
