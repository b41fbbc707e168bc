import assert from "node:assert/strict";
import fc from "fast-check";
import {
  AGS_CAPACITY,
  crosstalk,
  crosstalkSample,
  crosstalkVariance,
  loadForPError,
  pError,
  simulatedErrorRate,
} from "../lib/capacity.ts";
import { erf, erfc, normalTail } from "../lib/special.ts";
import { storePatterns } from "../lib/network.ts";
import { randomPatterns } from "../lib/patterns.ts";
import { meanStd } from "../lib/overlap.ts";

Deno.test("erfc matches known values to 1e-14 relative", () => {
  const known: [number, number][] = [
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.5374597944280349e-12],
  ];
  for (const [x, v] of known) {
    assert.ok(Math.abs(erfc(x) - v) / v < 1e-13, `erfc(${x}) = ${erfc(x)}`);
  }
  assert.ok(Math.abs(erf(1) - 0.8427007929497149) < 1e-15);
  assert.ok(Math.abs(normalTail(1.959963984540054) - 0.025) < 1e-12);
});

Deno.test("P_error at the classic capacity M/N = 0.138 is 0.00355", () => {
  assert.equal(AGS_CAPACITY, 0.138);
  assert.ok(Math.abs(pError(0.138) - 0.00355) < 1e-5, `P_error(0.138) = ${pError(0.138)}`);
});

Deno.test("loads for P_error = 0.001 and 0.01 are 0.1047 and 0.1848", () => {
  assert.ok(Math.abs(loadForPError(0.001) - 0.1047) < 1e-3);
  assert.ok(Math.abs(loadForPError(0.01) - 0.1848) < 1e-3);
  // the rest of the spec's table
  assert.ok(Math.abs(loadForPError(0.05) - 0.370) < 1e-3);
  assert.ok(Math.abs(loadForPError(0.1) - 0.609) < 1e-3);
});

Deno.test("P_error reverse table: 0.10 -> 0.00078, 0.20 -> 0.0127, 1.0 -> 0.1587", () => {
  assert.ok(Math.abs(pError(0.1) - 0.00078) < 1e-5);
  assert.ok(Math.abs(pError(0.2) - 0.0127) < 1e-4);
  assert.ok(Math.abs(pError(1) - 0.1587) < 1e-4);
});

Deno.test("loadForPError inverts pError (property)", () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-6, max: 0.3, noNaN: true }), (p) => {
      assert.ok(Math.abs(pError(loadForPError(p)) - p) / p < 1e-9);
    }),
  );
});

Deno.test("crosstalk variance is (M-1)(N-1)/N^2 (N = 2000, within 5%)", () => {
  for (const [M, seed] of [[100, 1], [276, 2]]) {
    const N = 2000;
    const net = storePatterns(randomPatterns(M, N, seed));
    const noise: number[] = [];
    for (let nu = 0; nu < M; nu++) noise.push(...crosstalk(net, nu).noise);
    const { mean, std } = meanStd(noise);
    const theory = crosstalkVariance(N, M);
    assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
    assert.ok(Math.abs(std ** 2 - theory) / theory < 0.05, `M = ${M}: ${std ** 2} vs ${theory}`);
  }
});

Deno.test("crosstalk signal: (N-1)/N with w_ii = 0 and 1 + (M-1)/N with w_ii = M/N", () => {
  const ps = randomPatterns(5, 100, 3);
  assert.equal(crosstalk(storePatterns(ps), 0).signal, 0.99);
  assert.equal(crosstalk(storePatterns(ps, { diagonal: "hebb" }), 0).signal, 1.04);
});

Deno.test("simulated one-step error rate at M/N = 0.138 and 0.185 agrees with theory (N = 2000)", () => {
  for (const load of [0.138, 0.185]) {
    const r = simulatedErrorRate(2000, load, 7, { networks: 2 });
    // 80,000 bits: the binomial standard error at p = 0.004 is 0.0002
    assert.ok(
      Math.abs(r.rate - r.theory) < 0.25 * r.theory + 0.001,
      `${load}: ${r.rate} vs ${r.theory}`,
    );
  }
});

Deno.test("bad input: negative load, error probability outside (0, 0.5)", () => {
  assert.throws(() => pError(-0.1), /load \(M\/N\) must be a number >= 0, got -0.1/);
  assert.throws(() => loadForPError(0.7), /p \(error probability\) must be a number in/);
  assert.throws(
    () => crosstalk(storePatterns(randomPatterns(2, 10, 1)), 5),
    /nu \(pattern index\) must be an integer in \[0, 1\], got 5/,
  );
});

Deno.test("crosstalkSample pools the crosstalk of several patterns", () => {
  const net = storePatterns(randomPatterns(30, 200, 4));
  const pooled = crosstalkSample(net, 3);
  assert.equal(pooled.noise.length, 600);
  assert.deepEqual(pooled.noise.subarray(200, 400), crosstalk(net, 1).noise);
  assert.equal(pooled.errors, [0, 1, 2].reduce((s, nu) => s + crosstalk(net, nu).errors, 0));
  assert.throws(() => crosstalkSample(net, 31), /count must be an integer in \[1, 30\], got 31/);
});
