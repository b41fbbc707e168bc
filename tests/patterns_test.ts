import assert from "node:assert/strict";
import fc from "fast-check";
import {
  allOff,
  allOn,
  checkerboard,
  flipN,
  fromGrid,
  fromText,
  hadamardPatterns,
  hammingDistance,
  lPattern,
  noisyCopy,
  randomPattern,
  randomPatterns,
  rowPatterns,
  toGrid,
} from "../lib/patterns.ts";
import { overlap } from "../lib/overlap.ts";

Deno.test("checkerboard: +1 in the top-left corner, alternating, half ON", () => {
  const p = checkerboard(4);
  assert.deepEqual(toGrid(p, 4), [
    [1, -1, 1, -1],
    [-1, 1, -1, 1],
    [1, -1, 1, -1],
    [-1, 1, -1, 1],
  ]);
  assert.equal(checkerboard(3, 2).length, 6);
});

Deno.test("L pattern: left column and bottom row ON", () => {
  assert.deepEqual(toGrid(lPattern(4), 4), [
    [1, -1, -1, -1],
    [1, -1, -1, -1],
    [1, -1, -1, -1],
    [1, 1, 1, 1],
  ]);
  // overlap of the 4x4 checkerboard with the L is 0.125 (science.md 8.1)
  assert.equal(overlap(checkerboard(4), lPattern(4)), 0.125);
});

Deno.test("row patterns, all on, all off", () => {
  const rows = rowPatterns(3, 2);
  assert.equal(rows.length, 2);
  assert.deepEqual(Array.from(rows[1]), [-1, -1, -1, 1, 1, 1]);
  assert.deepEqual(Array.from(allOn(3)), [1, 1, 1]);
  assert.deepEqual(Array.from(allOff(2)), [-1, -1]);
});

Deno.test("random patterns: on-probability respected, same seed gives the same pattern", () => {
  const p = randomPattern(20000, 7, { onProbability: 0.2 });
  const on = p.filter((v) => v === 1).length / p.length;
  assert.ok(Math.abs(on - 0.2) < 0.015, `fraction ON ${on}`);
  assert.deepEqual(randomPatterns(3, 50, "seed"), randomPatterns(3, 50, "seed"));
  assert.notDeepEqual(randomPatterns(3, 50, 1), randomPatterns(3, 50, 2));
  assert.deepEqual(randomPatterns(0, 50, 1), []);
  assert.throws(() => randomPatterns(-1, 50, 1), /M must be an integer >= 0, got -1/);
});

Deno.test("flipN flips exactly n distinct pixels, so m = 1 - 2n/N (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.integer(), (N, k, seed) => {
      const n = k % (N + 1);
      const p = randomPattern(N, seed);
      const q = flipN(p, n, seed + 1);
      assert.equal(hammingDistance(p, q), n);
      assert.ok(Math.abs(overlap(p, q) - (1 - (2 * n) / N)) < 1e-12);
    }),
    { numRuns: 200 },
  );
});

Deno.test("noisyCopy flips round(noise N) pixels", () => {
  const p = checkerboard(10);
  assert.equal(hammingDistance(p, noisyCopy(p, 0.1, 3)), 10);
  assert.equal(hammingDistance(p, noisyCopy(p, 0, 3)), 0);
  assert.equal(hammingDistance(p, noisyCopy(p, 1, 3)), 100);
});

Deno.test("toGrid / fromGrid / fromText round trip", () => {
  const p = lPattern(5, 3);
  assert.deepEqual(fromGrid(toGrid(p, 5)), p);
  assert.deepEqual(fromText("#.\n.#"), Int8Array.of(1, -1, -1, 1));
});

Deno.test("bad input: N not a positive integer", () => {
  assert.throws(() => randomPattern(0, 1), /N must be an integer in \[1, 100000000\], got 0/);
  assert.throws(() => randomPattern(2.5, 1), /N must be an integer in \[1, 100000000\], got 2.5/);
  assert.throws(() => randomPatterns(3, -4, 1), /N must be an integer in \[1, 100000000\], got -4/);
});

Deno.test("bad input: flip count above N", () => {
  assert.throws(
    () => flipN(checkerboard(4), 17, 1),
    /n \(number of flips\) must be an integer in \[0, 16\], got 17/,
  );
});

Deno.test("bad input: noise outside [0, 1] and on-probability outside [0, 1]", () => {
  assert.throws(
    () => noisyCopy(checkerboard(4), 1.5, 1),
    /noise must be a number in \[0, 1\], got 1.5/,
  );
  assert.throws(
    () => randomPattern(4, 1, { onProbability: NaN }),
    /onProbability must be a number in \[0, 1\], got NaN/,
  );
});

Deno.test("bad input: pattern values other than +-1, grid width that does not divide N", () => {
  assert.throws(() => flipN(Int8Array.of(1, 0, -1), 1, 1), /pattern\[1\] must be \+1 or -1, got 0/);
  assert.throws(() => toGrid(checkerboard(4), 3), /width must divide the pattern length 16, got 3/);
  assert.throws(() => fromText("#x"), /must be "#" or "\."/);
});

Deno.test("bad input: seed that is not a number or string", () => {
  assert.throws(() => randomPattern(4, NaN), /seed must be a finite number or a string, got NaN/);
  assert.throws(
    () => randomPattern(4, {} as unknown as number),
    /rng must be a seed \(number or string\) or a generator function/,
  );
});

Deno.test("Hadamard patterns are exactly orthogonal and unbiased", () => {
  const ps = hadamardPatterns(15, 16);
  for (let a = 0; a < 15; a++) {
    assert.equal(ps[a].reduce((s, v) => s + v, 0), 0);
    for (let b = a + 1; b < 15; b++) assert.equal(overlap(ps[a], ps[b]), 0);
  }
  assert.throws(() => hadamardPatterns(2, 12), /N must be a power of two .* got 12/);
  assert.throws(() => hadamardPatterns(16, 16), /M must be an integer in \[1, 15\], got 16/);
});
