import assert from "node:assert/strict";
import fc from "fast-check";
import { checkerboard, lPattern, randomPatterns } from "../lib/patterns.ts";
import { denseNetwork, hebbianWeights, storePatterns } from "../lib/network.ts";
import { denseField, inputField } from "../lib/field.ts";

Deno.test("4x4 checkerboard: weights are +-1/16 = +-0.0625 off the diagonal, 0 on it", () => {
  const w = hebbianWeights([checkerboard(4)]);
  assert.equal(w.length, 256);
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = w[i * 16 + j];
      if (i === j) assert.equal(v, 0);
      else assert.equal(Math.abs(v), 0.0625);
    }
  }
});

Deno.test("checkerboard + L: weights in {-0.125, 0, 0.125}, the sum of the single-pattern matrices", () => {
  const both = hebbianWeights([checkerboard(4), lPattern(4)]);
  const a = hebbianWeights([checkerboard(4)]);
  const b = hebbianWeights([lPattern(4)]);
  assert.deepEqual(new Set(both), new Set([-0.125, 0, 0.125]));
  both.forEach((v, k) => assert.ok(Math.abs(v - (a[k] + b[k])) < 1e-15));
});

Deno.test("diagonal convention 'hebb' keeps w_ii = M/N", () => {
  const ps = randomPatterns(3, 10, 1);
  const w = hebbianWeights(ps, { diagonal: "hebb" });
  for (let i = 0; i < 10; i++) assert.ok(Math.abs(w[i * 10 + i] - 0.3) < 1e-15);
});

Deno.test("W is symmetric for any stored patterns (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 8 }),
      fc.integer(),
      (N, M, seed) => {
        const w = hebbianWeights(randomPatterns(M, N, seed));
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) assert.equal(w[i * N + j], w[j * N + i]);
        }
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("field from overlaps equals dense W S, both diagonal conventions (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 10 }),
      fc.constantFrom("zero" as const, "hebb" as const),
      fc.integer(),
      (N, M, diagonal, seed) => {
        const ps = randomPatterns(M, N, seed);
        const net = storePatterns(ps, { diagonal });
        const S = randomPatterns(1, N, seed + 1)[0];
        const fast = inputField(net, S);
        const slow = denseField(denseNetwork(hebbianWeights(ps, { diagonal })), S);
        for (let i = 0; i < N; i++) assert.ok(Math.abs(fast[i] - slow[i]) < 1e-12);
      },
    ),
    { numRuns: 150 },
  );
});

Deno.test("bad input: empty pattern list, length mismatch, unknown diagonal", () => {
  assert.throws(() => storePatterns([]), /patterns must be a non-empty list of patterns/);
  assert.throws(
    () => storePatterns([checkerboard(4), checkerboard(3)]),
    /patterns\[1\] must have length N = 16 like patterns\[0\], got length 9/,
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => storePatterns([checkerboard(2)], { diagonal: "one" as any }),
    /diagonal must be "zero" or "hebb", got "one"/,
  );
});

Deno.test("bad input: state of the wrong length or with values other than +-1", () => {
  const net = storePatterns([checkerboard(4)]);
  assert.throws(
    () => inputField(net, checkerboard(3)),
    /state must have length N = 16 .* got length 9/,
  );
  assert.throws(() => inputField(net, new Int8Array(16)), /state\[0\] must be \+1 or -1, got 0/);
});

Deno.test("bad input: dense weights that are not square or not finite", () => {
  assert.throws(() => denseNetwork([[0, 1], [1]]), /weights must be square .* row 1 has length 1/);
  assert.throws(
    () => denseNetwork(new Float64Array(3)),
    /weights must be a square matrix: a flat array needs N\*N entries, got 3/,
  );
  assert.throws(
    () => denseNetwork([[0, NaN], [1, 0]]),
    /weights\[0\]\[1\] must be a finite number, got NaN/,
  );
});
