import { test } from "node:test";
import * as assert from "node:assert/strict";
import { CAPABILITY, announce, parseArguments } from "../../src/snippet";

const range = { start: { line: 4, character: 52 }, end: { line: 4, character: 52 } };
const good = { uri: "file:///ws/a.md", range, snippet: ", according to ${1:source}" };

test("the capability is added to the experimental ones, which stay", () => {
  const none: { experimental?: unknown } = {};
  announce(none);
  assert.deepEqual(none.experimental, { [CAPABILITY]: true });
  const some: { experimental?: unknown } = { experimental: { other: 1 } };
  announce(some);
  assert.deepEqual(some.experimental, { other: 1, [CAPABILITY]: true });
});

test("a well-formed argument comes back as it is", () => {
  assert.deepEqual(parseArguments([good]), good);
});

test("bad arguments are explained, not thrown", () => {
  const bad: unknown[][] = [
    [],
    [null],
    ["file:///ws/a.md"],
    [good, good],
    [{ ...good, uri: 3 }],
    [{ ...good, snippet: undefined }],
    [{ ...good, range: undefined }],
    [{ ...good, range: { start: range.start } }],
    [{ ...good, range: { start: { line: -1, character: 0 }, end: range.end } }],
    [{ ...good, range: { start: { line: 1.5, character: 0 }, end: range.end } }],
  ];
  for (const args of bad) {
    const out = parseArguments(args);
    assert.equal(typeof out, "string", JSON.stringify(args));
  }
  assert.match(parseArguments([{ ...good, snippet: 1 }]) as string, /no snippet/);
});
