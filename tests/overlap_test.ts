import assert from "node:assert/strict";
import fc from "fast-check";
import { flipN, randomPattern, randomPatterns, rowPatterns } from "../lib/patterns.ts";
import { correlationMatrix, correlationSpread, overlap, overlaps } from "../lib/overlap.ts";

Deno.test("Fig. 17.7: one mismatching neuron in N = 8 gives m = 0.75", () => {
  const p = randomPatterns(3, 8, 17)[0];
  const S = p.slice();
  S[5] = -S[5];
  assert.equal(overlap(p, S), 0.75);
  assert.equal(overlap(p, p), 1);
  assert.equal(overlap(p, p.map((v) => -v)), -1);
});

Deno.test("overlap stays in [-1, 1] and equals 1 - 2d/N (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.integer(), (N, k, seed) => {
      const p = randomPattern(N, seed);
      const d = k % (N + 1);
      const m = overlap(p, flipN(p, d, seed ^ 0x55));
      assert.ok(m >= -1 && m <= 1);
      assert.ok(Math.abs(m - (1 - (2 * d) / N)) < 1e-12);
    }),
    { numRuns: 300 },
  );
});

Deno.test("overlaps with every pattern match the single overlap", () => {
  const ps = randomPatterns(5, 64, 2);
  const S = randomPattern(64, 9);
  const m = overlaps(ps, S);
  ps.forEach((p, mu) => assert.equal(m[mu], overlap(p, S)));
});

Deno.test("orthogonal patterns: correlation matrix is the identity", () => {
  // rows of +-1 Hadamard-like patterns: p1 = ++++, p2 = ++--, p3 = +-+-
  const ps = [Int8Array.of(1, 1, 1, 1), Int8Array.of(1, 1, -1, -1), Int8Array.of(1, -1, 1, -1)];
  assert.deepEqual(Array.from(correlationMatrix(ps)), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  // row patterns of a w x h grid: C = (N - 4w)/N, so the 4 rows of a 4x4 grid are orthogonal
  assert.equal(correlationMatrix(rowPatterns(4))[1], 0);
  assert.equal(correlationMatrix(rowPatterns(5, 10))[1], 0.6);
});

Deno.test("random patterns: correlation spread is 1/sqrt(N) within 10%", () => {
  for (const s of correlationSpread([100, 1000, 10000], 40, 2024)) {
    const expected = 1 / Math.sqrt(s.N);
    assert.ok(Math.abs(s.std - expected) / expected < 0.1, `N = ${s.N}: std ${s.std}`);
  }
});

Deno.test("bad input: overlap of patterns of different lengths", () => {
  assert.throws(
    () => overlap(randomPattern(8, 1), randomPattern(9, 1)),
    /state must have length N = 8 \(the number of neurons\), got length 9/,
  );
  assert.throws(() => correlationSpread([], 4, 1), /sizes must be a non-empty list/);
});
