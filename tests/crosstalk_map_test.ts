import assert from "node:assert/strict";
import fc from "fast-check";
import { crosstalkMap, gaussianAverage } from "../lib/crosstalk_map.ts";
import { fixedPoints, iterateMap, mapSlope } from "../lib/meanfield.ts";
import { simulateRetrieval } from "../lib/retrieval.ts";

/**
 * erf independent of the library: Taylor series for |x| <= 3, continued
 * fraction of erfc beyond (both accurate to ~1e-13 there).
 */
function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x > 3) {
    let k = x;
    for (let n = 80; n >= 1; n--) k = x + n / 2 / k;
    return 1 - Math.exp(-x * x) / (Math.sqrt(Math.PI) * k);
  }
  let sum = 0, term = x;
  for (let n = 0; n < 200 && Math.abs(term) > 1e-20; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** E_z[tanh(beta (m + sqrt(alpha) z))] by a brute-force trapezoid rule on [-12, 12]. */
function bruteForce(alpha: number, beta: number, m: number): number {
  const n = 200_000, L = 12, h = (2 * L) / n;
  let s = 0;
  for (let k = 0; k <= n; k++) {
    const z = -L + k * h;
    const w = k === 0 || k === n ? 0.5 : 1;
    s += w * Math.tanh(beta * (m + Math.sqrt(alpha) * z)) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

Deno.test("the reference erf of this test matches tabulated values", () => {
  const table: [number, number][] = [[0.5, 0.5204998778], [2, 0.9953222650], [3.5, 0.9999992569]];
  for (const [x, v] of table) assert.ok(Math.abs(erf(x) - v) < 1e-10, `erf(${x})`);
});

Deno.test("Gaussian average: moments of the standard normal and a tail probability", () => {
  assert.ok(Math.abs(gaussianAverage(() => 1) - 1) < 1e-12);
  assert.ok(Math.abs(gaussianAverage((z) => z)) < 1e-12);
  assert.ok(Math.abs(gaussianAverage((z) => z * z) - 1) < 1e-12);
  assert.ok(Math.abs(gaussianAverage((z) => z ** 4) - 3) < 1e-10);
  // Pr{z >= 1} with the jump placed at the split point
  assert.ok(
    Math.abs(gaussianAverage((z) => (z >= 1 ? 1 : 0), 1) - 0.5 * (1 - erf(Math.SQRT1_2))) < 1e-12,
  );
});

Deno.test("alpha = 0 gives back the crosstalk-free map tanh(beta m)", () => {
  const F = crosstalkMap(0, 2);
  for (const m of [-1, -0.3, 0, 0.4, 1]) assert.equal(F(m), Math.tanh(2 * m));
});

Deno.test("beta = infinity: F_alpha(m) = erf(m / sqrt(2 alpha)) to 1e-9, slope at 0 = sqrt(2/(pi alpha))", () => {
  for (const alpha of [0.001, 0.01, 0.05, 0.138, 0.3, 1]) {
    const F = crosstalkMap(alpha, Infinity);
    for (const m of [-0.8, -0.05, 0, 0.02, 0.3, 0.7, 1]) {
      assert.ok(Math.abs(F(m) - erf(m / Math.sqrt(2 * alpha))) < 1e-9, `alpha ${alpha}, m ${m}`);
    }
    assert.ok(Math.abs(mapSlope(F, 0) - Math.sqrt(2 / (Math.PI * alpha))) < 1e-12);
  }
});

Deno.test("finite beta: agrees with brute-force integration to 1e-9", () => {
  for (const [alpha, beta] of [[0.05, 2], [0.138, 4], [0.5, 20], [0.01, 100]]) {
    const F = crosstalkMap(alpha, beta);
    for (const m of [0, 0.1, 0.5, 0.95]) {
      assert.ok(
        Math.abs(F(m) - bruteForce(alpha, beta, m)) < 1e-9,
        `alpha ${alpha}, beta ${beta}, m ${m}`,
      );
    }
  }
});

Deno.test("a gain function gives the same map as its beta; the exact slope matches a difference", () => {
  const g = (h: number) => 0.5 * (1 + Math.tanh(3 * h));
  const A = crosstalkMap(0.1, 3), B = crosstalkMap(0.1, g);
  for (const m of [-0.6, 0, 0.25, 0.9]) {
    assert.ok(Math.abs(A(m) - B(m)) < 1e-12);
    const numeric = (A(m + 1e-6) - A(m - 1e-6)) / 2e-6;
    assert.ok(Math.abs(A.derivative!(m) - numeric) < 1e-6);
  }
});

Deno.test("property: F_alpha is odd and bounded by 1", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      (alpha, beta, m) => {
        const F = crosstalkMap(alpha, beta);
        assert.ok(Math.abs(F(m) + F(-m)) < 1e-12);
        assert.ok(Math.abs(F(m)) <= 1 + 1e-12);
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("more load, lower retrieval overlap; at beta = infinity it vanishes at alpha = 2/pi", () => {
  const mStar = (alpha: number, beta: number) =>
    Math.max(0, ...fixedPoints(crosstalkMap(alpha, beta)).filter((p) => p.stable).map((p) => p.m));
  const atTwo = [0, 0.05, 0.1, 0.2].map((a) => mStar(a, 2));
  for (let k = 1; k < atTwo.length; k++) assert.ok(atTwo[k] < atTwo[k - 1], `${atTwo}`);
  assert.ok(Math.abs(atTwo[0] - 0.957504) < 1e-5);
  assert.ok(mStar(0.6, Infinity) > 0.2);
  assert.equal(mStar(2 / Math.PI + 0.02, Infinity), 0);
});

Deno.test("the map is a one-step approximation: right for step 1, too optimistic later at alpha = 0.2", () => {
  const N = 2000, M = 400, steps = 12;
  const res = simulateRetrieval({ N, M, beta: Infinity, m0: 0.6, steps, seeds: [1, 2] });
  const theory = iterateMap(crosstalkMap(M / N, Infinity), res.m0, steps);
  for (const run of res.runs) {
    assert.ok(
      Math.abs(run.cued[1] - theory[1]) < 0.03,
      `first step ${run.cued[1]} vs ${theory[1]}`,
    );
    assert.ok(
      run.cued[steps] < theory[steps] - 0.2,
      `later ${run.cued[steps]} vs ${theory[steps]}`,
    );
  }
});

Deno.test("bad input: negative or NaN load, odd number of intervals", () => {
  assert.throws(() => crosstalkMap(-0.1, 2), /alpha must be a number in \[0, .*\], got -0.1/);
  assert.throws(() => crosstalkMap(NaN, 2), /alpha must be a number in \[0, .*\], got NaN/);
  assert.throws(() => crosstalkMap(0.1, -2), /beta must be a number >= 0, got -2/);
  assert.throws(
    () => gaussianAverage((z) => z, 0, { intervals: 7 }),
    /intervals must be an even integer/,
  );
});

// ---- tester findings (part 2): one test each ------------------------------------------------

/** d/dm erf(m / sqrt(2 alpha)): the slope of the beta = infinity map. */
const erfSlope = (alpha: number, m: number) =>
  Math.sqrt(2 / (Math.PI * alpha)) * Math.exp((-m * m) / (2 * alpha));

Deno.test("the slope at large finite beta approaches the beta = infinity slope (Stein's lemma)", () => {
  for (const beta of [1e4, 1e6, 1e308]) {
    const F = crosstalkMap(0.1, beta);
    for (const m of [0, 0.05, 0.3, 0.6, 0.9984]) {
      const want = erfSlope(0.1, m);
      assert.ok(
        Math.abs(F.derivative!(m) - want) < 1e-6 * Math.max(1, want),
        `beta ${beta}, m ${m}: ${F.derivative!(m)} vs ${want}`,
      );
    }
  }
  // the tester's numbers: 1.51, 13.8 and 138 at m = 0.3, 0 at m = 0 for beta = 1e308
  assert.ok(Math.abs(crosstalkMap(0.1, 1e4).derivative!(0.3) - 1.6088) < 1e-4);
  assert.ok(Math.abs(crosstalkMap(0.1, 1e308).derivative!(0) - 2.5231) < 1e-4);
});

Deno.test("large finite beta: the memories +-0.9984 are stable fixed points", () => {
  const pts = fixedPoints(crosstalkMap(0.1, 1e6));
  assert.deepEqual(pts.map((p) => p.stability), ["stable", "unstable", "stable"]);
  assert.ok(Math.abs(pts[2].m - 0.9984073) < 1e-6);
  assert.ok(Math.abs(pts[2].m - erf(pts[2].m / Math.sqrt(0.2))) < 1e-9, "the erf fixed point");
});

Deno.test("the slope is continuous where it switches to Stein's lemma (beta sqrt(alpha) = 100)", () => {
  const alpha = 0.04; // sigma = 0.2: the switch is at beta = 500
  for (const beta of [499, 501, 2000]) {
    const F = crosstalkMap(alpha, beta);
    for (const m of [0, 0.1, 0.4]) {
      const numeric = (F(m + 1e-6) - F(m - 1e-6)) / 2e-6;
      assert.ok(Math.abs(F.derivative!(m) - numeric) < 1e-5, `beta ${beta}, m ${m}`);
    }
  }
});

Deno.test("bad input: the map names m when it is NaN or not a number; limits at +-Infinity", () => {
  assert.throws(() => crosstalkMap(0.1, 2)(NaN), /m must be a number .*got NaN/);
  assert.throws(() => crosstalkMap(0.1, Infinity)(NaN), /m must be a number .*got NaN/);
  assert.throws(() => crosstalkMap(0.1, 2)("0.3" as never), /m must be a number, got "0.3"/);
  assert.throws(() => crosstalkMap(0.1, 2).derivative!(NaN), /m must be a number .*got NaN/);
  const g = (h: number) => 0.5 * (1 + Math.tanh(2 * h));
  assert.throws(() => crosstalkMap(0.1, g)(NaN), /m must be a number .*got NaN/);
  assert.equal(crosstalkMap(0.1, 2)(Infinity), 1);
  assert.equal(crosstalkMap(0.1, 2)(-Infinity), -1);
  assert.equal(crosstalkMap(0.1, 0)(Infinity), 0);
  assert.equal(crosstalkMap(0.1, 2).derivative!(Infinity), 0);
  assert.equal(crosstalkMap(0.1, g)(Infinity), 1);
});

Deno.test("bad input: intervals are checked when the map is built, not on its first call", () => {
  assert.throws(
    () => crosstalkMap(0.1, 2, { intervals: 3 }),
    /intervals must be an even integer in \[2, 10000\] .*got 3/,
  );
  assert.throws(() => crosstalkMap(0, 2, { intervals: 3 }), /intervals must be an even integer/);
});

Deno.test("bad input: gaussianAverage intervals above 10,000 are rejected at once", () => {
  const t0 = performance.now();
  assert.throws(
    () => gaussianAverage(() => 1, 0, { intervals: 1e9 }),
    /intervals must be an even integer in \[2, 10000\] .*got 1000000000/,
  );
  assert.ok(performance.now() - t0 < 100);
  assert.ok(Math.abs(gaussianAverage(() => 1, 0, { intervals: 10_000 }) - 1) < 1e-12);
});

Deno.test("bad input: gaussianAverage of a function that gives NaN names the node", () => {
  assert.throws(
    () => gaussianAverage((z) => (z > 2 ? NaN : 1)),
    /f\(z\) must return a finite number, got NaN at z = 2\.0/,
  );
  assert.throws(() => gaussianAverage(5 as never), /f must be a function z => number, got 5/);
});

Deno.test("bad input: options null is the same as no options", () => {
  assert.equal(gaussianAverage((z) => z * z, 0, null as never), gaussianAverage((z) => z * z));
  assert.equal(crosstalkMap(0.1, 2, null as never)(0.3), crosstalkMap(0.1, 2)(0.3));
});
