import assert from "node:assert/strict";
import { checkFieldFromOverlaps, checkOverlap, checkPError } from "../lib/exercises/review.ts";
import { erfc } from "../lib/special.ts";
import type { Pattern } from "../lib/patterns.ts";

const DISPLAY = Symbol.for("Jupyter.display");

Deno.test("checkOverlap accepts a right answer and rejects wrong ones with a hint", () => {
  const right = (p: Pattern, S: Int8Array) => p.reduce((s, v, i) => s + v * S[i], 0) / p.length;
  assert.equal(checkOverlap(right).ok, true);
  const noNormalisation = (p: Pattern, S: Int8Array) => p.reduce((s, v, i) => s + v * S[i], 0);
  const wrong = checkOverlap(noNormalisation);
  assert.equal(wrong.ok, false);
  assert.match(wrong.message, /for a pattern with itself your function returns 8, expected 1/);
  assert.match(wrong.hint, /divide by N/);
  const html = (wrong as unknown as Record<symbol, () => Record<string, string>>)[DISPLAY]();
  assert.match(html["text/html"], /Not yet/);
  assert.match(html["text/plain"], /^not yet: /);
});

Deno.test("a student function that throws becomes a hint, not an error", () => {
  const r = checkOverlap(() => {
    throw new Error("TODO");
  });
  assert.equal(r.ok, false);
  assert.match(r.message, /threw an error .*: TODO/);
});

Deno.test("checkFieldFromOverlaps: overlap form right, forgetting the self-coupling wrong", () => {
  const overlapsOf = (ps: Pattern[], S: Int8Array) =>
    ps.map((p) => p.reduce((s, v, j) => s + v * S[j], 0) / S.length);
  const right = (ps: Pattern[], S: Int8Array, i: number) => {
    const m = overlapsOf(ps, S);
    return ps.reduce((h, p, mu) => h + p[i] * m[mu], 0) - (ps.length / S.length) * S[i];
  };
  const withDiagonal = (ps: Pattern[], S: Int8Array, i: number) => {
    const m = overlapsOf(ps, S);
    return ps.reduce((h, p, mu) => h + p[i] * m[mu], 0);
  };
  assert.equal(checkFieldFromOverlaps(right).ok, true);
  assert.equal(checkFieldFromOverlaps(withDiagonal).ok, false);
});

Deno.test("checkPError: the erfc formula is right, a missing factor 1/2 is not", () => {
  assert.equal(checkPError((a) => 0.5 * erfc(1 / Math.sqrt(2 * a))).ok, true);
  assert.equal(checkPError((a) => erfc(1 / Math.sqrt(2 * a))).ok, false);
  assert.equal(checkPError(() => NaN).ok, false);
});
