import assert from "node:assert/strict";
import fc from "fast-check";
import { randomPattern, randomPatterns } from "../lib/patterns.ts";
import { storePatterns } from "../lib/network.ts";
import { overlapSums } from "../lib/field.ts";

Deno.test("overlap sums a^mu = sum_i p_i^mu S_i: word-packed path (N % 4 = 0) and byte path agree with the definition (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 203 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer(),
      (N, M, seed) => {
        const ps = randomPatterns(M, N, seed);
        // the state as a view at an odd byte offset, as a subarray of a larger buffer would be
        const buffer = new Int8Array(N + 3);
        const S = buffer.subarray(3, 3 + N);
        S.set(randomPattern(N, seed + 1));
        const a = overlapSums(storePatterns(ps), S);
        ps.forEach((p, mu) => assert.equal(a[mu], p.reduce((s, v, i) => s + v * S[i], 0)));
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("overlap sums at the extremes: the pattern itself gives N, its inverse -N", () => {
  const ps = randomPatterns(3, 1000, 5);
  const net = storePatterns(ps);
  assert.deepEqual(Array.from(overlapSums(net, ps[1])).slice(1, 2), [1000]);
  assert.equal(overlapSums(net, ps[2].map((v) => -v))[2], -1000);
});
