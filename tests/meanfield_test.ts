import assert from "node:assert/strict";
import fc from "fast-check";
import { checkGain, sgn, standardGain, stepGain } from "../lib/gain.ts";
import {
  betaForFixedPoint,
  betaValues,
  bifurcation,
  fixedPoints,
  groupFractions,
  iterateMap,
  mapSlope,
  meanFieldMap,
  retrievalOverlap,
  shortNumber,
  toOverlapMap,
} from "../lib/meanfield.ts";

const grid = Array.from({ length: 41 }, (_, k) => -1 + k / 20);

/** Positive stable fixed point, through the general fixed-point search. */
function positiveStable(beta: number): number {
  const pts = fixedPoints(meanFieldMap(beta)).filter((p) => p.stable && p.m > 0);
  assert.equal(pts.length, 1, `one positive stable fixed point at beta = ${beta}`);
  return pts[0].m;
}

Deno.test("F(m) = g(m) - g(-m) = 2 g(m) - 1 = tanh(beta m) to 1e-12 for the standard gain", () => {
  for (const beta of [0, 0.3, 0.8, 1, 1.5, 2, 2.157, 3, 10]) {
    const F = meanFieldMap(beta);
    const G = meanFieldMap(standardGain(beta)); // the general four-group form
    const g = standardGain(beta);
    for (const m of grid) {
      const t = Math.tanh(beta * m);
      assert.ok(Math.abs(F(m) - t) < 1e-12, `beta ${beta}, m ${m}`);
      assert.ok(Math.abs(G(m) - t) < 1e-12, `general form, beta ${beta}, m ${m}`);
      assert.ok(Math.abs(2 * g(m) - 1 - t) < 1e-12);
    }
  }
});

Deno.test("sample values of tanh(beta m) from the spec (beta = 2 and 1.5)", () => {
  const ms = [0, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0];
  const want: Record<number, number[]> = {
    2: [0, 0.1974, 0.3799, 0.6640, 0.8337, 0.9217, 0.9640],
    1.5: [0, 0.1489, 0.2913, 0.5370, 0.7163, 0.8337, 0.9051],
  };
  for (const [beta, values] of Object.entries(want)) {
    const F = meanFieldMap(Number(beta));
    ms.forEach((m, k) => assert.ok(Math.abs(F(m) - values[k]) < 5e-5, `beta ${beta}, m ${m}`));
  }
});

Deno.test("the four groups: fractions sum to 1, each pattern half sums to 1/2, signed sum = F(m)", () => {
  for (const beta of [0.5, 2, 5]) {
    for (const m of grid) {
      const f = groupFractions(m, beta);
      assert.ok(Math.abs(f.onOn + f.onOff - 0.5) < 1e-15);
      assert.ok(Math.abs(f.offOn + f.offOff - 0.5) < 1e-15);
      assert.ok(Math.abs(f.next - Math.tanh(beta * m)) < 1e-12);
    }
  }
  // the slide's task: m = 0.4, beta = 2
  const f = groupFractions(0.4, 2);
  assert.ok(Math.abs(f.onOn - 0.5 * 0.5 * (1 + Math.tanh(0.8))) < 1e-15);
  assert.ok(Math.abs(f.offOn - 0.5 * 0.5 * (1 + Math.tanh(-0.8))) < 1e-15);
  assert.ok(Math.abs(f.next - 0.6640) < 5e-5);
});

Deno.test("groups with a gain that is not symmetric: g(m) - g(-m), not 2 g(m) - 1", () => {
  const g = (h: number) => 0.5 * (1 + Math.tanh(3 * (h - 0.2)));
  const f = groupFractions(0.5, g);
  assert.ok(Math.abs(f.next - (g(0.5) - g(-0.5))) < 1e-15);
  assert.ok(Math.abs(f.next - (2 * g(0.5) - 1)) > 0.01);
});

Deno.test("fixed points m* = tanh(beta m*) match the spec within 1e-5", () => {
  const spec: [number, number][] = [[2, 0.957504], [1.5, 0.858560], [2.5, 0.985624], [3, 0.994902]];
  for (const [beta, mStar] of spec) {
    assert.ok(Math.abs(positiveStable(beta) - mStar) < 1e-5, `fixedPoints at beta ${beta}`);
    assert.ok(Math.abs(retrievalOverlap(beta) - mStar) < 1e-5, `retrievalOverlap at beta ${beta}`);
  }
  // the spec's table of m* and slopes
  const table: [number, number, number][] = [
    [1.05, 0.3707, 0.906],
    [1.2, 0.6586, 0.680],
    [2.0, 0.9575, 0.166],
    [4.0, 0.99933, 0.005],
  ];
  for (const [beta, mStar, slope] of table) {
    const p = fixedPoints(meanFieldMap(beta)).find((q) => q.m > 0)!;
    assert.ok(Math.abs(p.m - mStar) < 5e-5, `m* at beta ${beta}`);
    assert.ok(Math.abs(p.slope - slope) < 5e-4, `slope at beta ${beta}`);
    assert.equal(p.stability, "stable");
  }
});

Deno.test("the lecture's m* = 0.97 needs beta = 2.15701 (0.96 needs 2.027)", () => {
  const beta = betaForFixedPoint(0.97);
  assert.ok(Math.abs(beta - 2.15701) < 1e-4);
  assert.ok(Math.abs(retrievalOverlap(beta) - 0.97) < 1e-9);
  assert.ok(Math.abs(betaForFixedPoint(0.96) - 2.027) < 1e-3);
  assert.equal(betaForFixedPoint(0), 1);
  assert.equal(betaForFixedPoint(1), Infinity);
  assert.equal(betaForFixedPoint(-0.97), beta);
});

Deno.test("iterates from the spec: beta = 2 from m0 = 0.1 and 0.4, beta = 0.8 from 0.9", () => {
  const cases: [number, number, number[]][] = [
    [2, 0.1, [0.1, 0.1974, 0.3754, 0.6357, 0.8542, 0.9364, 0.9539, 0.9569, 0.9574, 0.9575, 0.9575]],
    [2, 0.4, [0.4, 0.6640, 0.8688, 0.9399, 0.9545, 0.9570, 0.9574, 0.9575]],
    [0.8, 0.9, [0.9, 0.6169, 0.4570, 0.3501, 0.2730]],
  ];
  for (const [beta, m0, want] of cases) {
    const got = iterateMap(meanFieldMap(beta), m0, want.length - 1);
    assert.equal(got.length, want.length);
    want.forEach((w, t) =>
      assert.ok(Math.abs(got[t] - w) < 5e-5, `beta ${beta}, m0 ${m0}, t ${t}`)
    );
  }
  assert.deepEqual(Array.from(iterateMap(meanFieldMap(2), 0.3, 0)), [0.3]);
});

Deno.test("m = 0 is stable exactly when beta < 1 (marginal at beta = 1)", () => {
  const zeroAt = (beta: number) => fixedPoints(meanFieldMap(beta)).find((p) => p.m === 0)!;
  assert.equal(zeroAt(0.999).stability, "stable");
  assert.equal(zeroAt(1).stability, "marginal");
  assert.equal(zeroAt(1.001).stability, "unstable");
  assert.equal(fixedPoints(meanFieldMap(1.001)).length, 3, "the pitchfork pair just above 1");
  fc.assert(
    fc.property(fc.double({ min: 0, max: 20, noNaN: true }), (beta) => {
      const zero = zeroAt(beta);
      assert.equal(zero.slope, beta);
      assert.equal(zero.stable, beta < 1);
      assert.equal(fixedPoints(meanFieldMap(beta)).length, beta > 1 ? 3 : 1);
    }),
    { numRuns: 60 },
  );
});

Deno.test("deterministic limit beta = infinity: F = sgn, fixed points -1, 0, 1", () => {
  const F = meanFieldMap(Infinity);
  assert.deepEqual([F(-0.3), F(0), F(0.01)], [-1, 0, 1]);
  const pts = fixedPoints(F);
  assert.deepEqual(pts.map((p) => p.m), [-1, 0, 1]);
  assert.deepEqual(pts.map((p) => p.stability), ["stable", "unstable", "stable"]);
  assert.equal(retrievalOverlap(Infinity), 1);
  assert.deepEqual(Array.from(iterateMap(F, 0.05, 2)), [0.05, 1, 1]);
  assert.equal(meanFieldMap(stepGain)(0.2), 1);
});

Deno.test("property: F is odd and bounded by 1, for any beta >= 0 and for gains with a threshold", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1e3, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      (beta, m, theta) => {
        const F = meanFieldMap(beta);
        assert.equal(F(-m), -F(m));
        assert.ok(Math.abs(F(m)) <= 1);
        const G = meanFieldMap((h) => 0.5 * (1 + Math.tanh(beta * (h - theta))));
        assert.ok(Math.abs(G(-m) + G(m)) < 1e-15);
        assert.ok(Math.abs(G(m)) <= 1);
      },
    ),
    { numRuns: 200 },
  );
});

/** Sign changes of F(m) - m between neighbours of a 1001-point grid on [-1, 1]. */
function gridCrossings(F: (m: number) => number): [number, number][] {
  const out: [number, number][] = [];
  const xs = Array.from({ length: 1001 }, (_, k) => -1 + k / 500);
  for (let k = 0; k < 1000; k++) {
    const a = F(xs[k]) - xs[k], b = F(xs[k + 1]) - xs[k + 1];
    if (a === 0 || (a < 0) !== (b < 0)) out.push([xs[k], xs[k + 1]]);
  }
  if (F(1) - 1 === 0) out.push([1, 1]);
  return out;
}

Deno.test("property: every fixed point has |F(m*) - m*| < 1e-9 and none is missed on a fine grid", () => {
  const gains = fc.oneof(
    fc.double({ min: 0, max: 30, noNaN: true }).map((beta) => ({ beta, theta: 0 })),
    fc.record({
      beta: fc.double({ min: 0, max: 30, noNaN: true }),
      theta: fc.double({ min: -0.8, max: 0.8, noNaN: true }),
    }),
  );
  fc.assert(
    fc.property(gains, ({ beta, theta }) => {
      const F = theta === 0
        ? meanFieldMap(beta)
        : meanFieldMap((h) => 0.5 * (1 + Math.tanh(beta * (h - theta))));
      const pts = fixedPoints(F);
      for (const p of pts) {
        assert.ok(Math.abs(F(p.m) - p.m) < 1e-9, `residual at ${p.m}`);
        assert.ok(p.m >= -1 && p.m <= 1);
        const slope = mapSlope(F, p.m);
        assert.equal(p.stable, Math.abs(slope) < 1 - (theta === 0 ? 0 : 1e-6));
      }
      for (const [a, b] of gridCrossings(F)) {
        assert.ok(
          pts.some((p) => p.m >= a - 1e-12 && p.m <= b + 1e-12),
          `a fixed point in [${a}, ${b}] (beta ${beta}, theta ${theta})`,
        );
      }
      for (let k = 1; k < pts.length; k++) assert.ok(pts[k].m > pts[k - 1].m, "sorted, distinct");
    }),
    { numRuns: 80 },
  );
});

Deno.test("fixedPoints of a hand-made map: touching, crossing by a jump, endpoints", () => {
  // F(m) = m + (m - 0.5)^2 touches the diagonal at 0.5 without crossing it
  const touch = fixedPoints(toOverlapMap((m) => m + (m - 0.5) ** 2 / 4, "touch"));
  assert.equal(touch.length, 1);
  assert.ok(Math.abs(touch[0].m - 0.5) < 1e-5);
  assert.equal(touch[0].stability, "marginal");
  // a step that jumps over the diagonal at 0.3 has no fixed point there
  const jump = fixedPoints((m) => (m < 0.3 ? 0.9 : 0.1));
  assert.deepEqual(jump, []);
  // the identity's grid points are all fixed: the endpoints are included
  const id = fixedPoints((m) => m, { intervals: 4 });
  assert.deepEqual(id.map((p) => p.m), [-1, -0.5, 0, 0.5, 1]);
});

Deno.test("bifurcation over 400 betas: pitchfork at beta = 1, branches +-m*(beta)", () => {
  const points = bifurcation(betaValues(0, 4, 400));
  const betas = [...new Set(points.map((p) => p.beta))];
  assert.ok(betas.length >= 400);
  for (const beta of betas) {
    const here = points.filter((p) => p.beta === beta);
    if (beta < 1) {
      assert.deepEqual(here.map((p) => [p.m, p.stability]), [[0, "stable"]]);
    } else if (beta > 1 + 1e-6) {
      assert.equal(here.length, 3, `three fixed points at beta ${beta}`);
      assert.deepEqual(here.map((p) => p.stability), ["stable", "unstable", "stable"]);
      assert.ok(Math.abs(here[2].m - retrievalOverlap(beta)) < 1e-9);
    }
  }
  // the new branches start within 1e-6 of beta = 1, next to m = 0
  const upper = points.filter((p) => p.m > 0);
  const start = upper.reduce((a, b) => (b.beta < a.beta ? b : a));
  assert.ok(start.beta > 1 && start.beta < 1 + 1e-6, `born at ${start.beta}`);
  assert.ok(start.m < 0.01);
  assert.equal(new Set(upper.map((p) => p.branch)).size, 1, "one continuous upper branch");
  const at2 = points.filter((p) => Math.abs(p.beta - 2) < 0.006 && p.m > 0);
  assert.ok(at2.every((p) => Math.abs(p.m - 0.9575) < 0.002));
});

Deno.test("bifurcation on a coarse grid still links the branches", () => {
  const points = bifurcation([0.5, 1.5, 2.5]);
  const upper = points.filter((p) => p.m > 0);
  assert.equal(new Set(upper.map((p) => p.branch)).size, 1);
  assert.ok(upper.some((p) => p.beta < 1 + 1e-6));
});

Deno.test("checkGain accepts gains and names the problem otherwise", () => {
  assert.equal(typeof checkGain(standardGain(2)), "function");
  checkGain(stepGain);
  checkGain((h: number) => 1 / (1 + Math.exp(-h)));
  assert.throws(() => checkGain((h: number) => (h > 0 ? 0.2 : 0.8)), /non-decreasing/);
  assert.throws(() => checkGain(() => NaN), /probability in \[0, 1\], got NaN/);
  assert.throws(() => checkGain(() => "high"), /probability in \[0, 1\], got "high"/);
  assert.throws(() =>
    checkGain(() => {
      throw new Error("oops");
    }), /threw an error at h = -4: oops/);
});

// ---- bad input: one test each --------------------------------------------------------------

Deno.test("bad input: negative beta", () => {
  assert.throws(() => meanFieldMap(-1), /beta must be a number >= 0, got -1/);
  assert.throws(() => groupFractions(0.2, -0.5), /beta must be a number >= 0, got -0.5/);
  assert.throws(() => retrievalOverlap(-2), /beta must be a number >= 0, got -2/);
});

Deno.test("bad input: beta NaN", () => {
  assert.throws(() => meanFieldMap(NaN), /beta must be a number >= 0, got NaN/);
  assert.throws(() => bifurcation([1, NaN]), /betas\[1\] must be a number in \[0, .*\], got NaN/);
});

Deno.test("bad input: m0 outside [-1, 1]", () => {
  assert.throws(
    () => iterateMap(meanFieldMap(2), 1.5, 3),
    /m0 must be a number in \[-1, 1\], got 1.5/,
  );
  assert.throws(
    () => iterateMap(meanFieldMap(2), NaN, 3),
    /m0 must be a number in \[-1, 1\], got NaN/,
  );
  assert.throws(() => groupFractions(-1.2, 2), /m must be a number in \[-1, 1\], got -1.2/);
});

Deno.test("bad input: a gain that is not a function", () => {
  assert.throws(
    () => meanFieldMap("tanh" as unknown as number),
    /gainOrBeta must be beta \(a number >= 0\) or a gain function h => probability, got "tanh"/,
  );
  assert.throws(
    () => checkGain(0.5),
    /gain must be a function h => probability in \[0, 1\], got 0.5/,
  );
  assert.throws(() => iterateMap(null as never, 0.1, 2), /F must be a function/);
});

Deno.test("bad input: a gain with values outside [0, 1]", () => {
  assert.throws(
    () => meanFieldMap((h) => 0.5 + h),
    /gain\(h\) must return a probability in \[0, 1\], got -3.5 at h = -4/,
  );
  assert.throws(
    () => groupFractions(0.1, (h) => Math.tanh(h)),
    /probability in \[0, 1\], got -0.999/,
  );
});

Deno.test("bad input: T not a non-negative integer", () => {
  const F = meanFieldMap(2);
  assert.throws(() => iterateMap(F, 0.1, -1), /T must be an integer >= 0, got -1/);
  assert.throws(() => iterateMap(F, 0.1, 2.5), /T must be an integer >= 0, got 2.5/);
  assert.throws(
    () => iterateMap(F, 0.1, "3" as unknown as number),
    /T must be an integer >= 0, got "3"/,
  );
});

Deno.test("bad input: a map that leaves [-1, 1] or returns NaN", () => {
  assert.throws(
    () => iterateMap((m) => 2 * m, 0.8, 3),
    /F\(m\) must be an overlap in \[-1, 1\], got 1.6/,
  );
  assert.throws(() => fixedPoints(() => NaN), /F\(m\) must be a number, got NaN/);
});

// ---- tester findings (part 2): one test each ------------------------------------------------

Deno.test("retrievalOverlap is 1 (not Infinity) for huge beta", () => {
  assert.equal(retrievalOverlap(1e308), 1);
  assert.equal(retrievalOverlap(Number.MAX_VALUE), 1);
  assert.equal(retrievalOverlap(1e20), 1);
  assert.ok(Math.abs(retrievalOverlap(2) - 0.957504) < 1e-6, "unchanged for ordinary beta");
});

Deno.test("betaValues over the whole double range stays finite and ends at max", () => {
  const v = betaValues(0, Number.MAX_VALUE, 3);
  assert.ok(v.every(Number.isFinite), `${v}`);
  assert.equal(v[0], 0);
  assert.equal(v[2], Number.MAX_VALUE);
  assert.ok(v[1] > 0 && v[1] < v[2]);
  assert.deepEqual(betaValues(0, 4, 5), [0, 1, 2, 3, 4], "unchanged for ordinary ranges");
});

Deno.test("bad input: betaValues count above 1,000,000 is rejected at once", () => {
  const t0 = performance.now();
  assert.throws(
    () => betaValues(0, 4, 1e9),
    /count must be at most 1000000 .*got 1000000000/,
  );
  assert.ok(performance.now() - t0 < 100);
});

Deno.test("bad input: maps reject a NaN or non-number m, and take limits at +-Infinity", () => {
  assert.throws(() => meanFieldMap(2)(NaN), /m must be a number .*got NaN/);
  assert.throws(() => meanFieldMap(2)("0.5" as never), /m must be a number, got "0.5"/);
  assert.throws(() => meanFieldMap(Infinity)(NaN), /m must be a number .*got NaN/);
  assert.throws(() => meanFieldMap(standardGain(3))(NaN), /m must be a number .*got NaN/);
  assert.throws(() => meanFieldMap(2).derivative!(NaN), /m must be a number .*got NaN/);
  assert.equal(meanFieldMap(0)(Infinity), 0);
  assert.equal(meanFieldMap(0)(-Infinity), 0);
  assert.equal(meanFieldMap(0).derivative!(Infinity), 0);
  assert.equal(meanFieldMap(2)(Infinity), 1);
  assert.equal(meanFieldMap(2)(-Infinity), -1);
});

Deno.test("bad input: mapSlope names m when it is NaN", () => {
  assert.throws(() => mapSlope(meanFieldMap(2), NaN), /m must be a number, got NaN/);
  assert.throws(() => mapSlope((m) => m / 2, NaN), /m must be a number, got NaN/);
});

Deno.test("bad input: gains reject NaN and non-numbers; g(+inf) = 1, g(-inf) = 0, 0.5 at beta = 0", () => {
  assert.throws(() => standardGain(2)(NaN), /h must be a number .*got NaN/);
  assert.throws(() => standardGain(Infinity)(NaN), /h must be a number .*got NaN/);
  assert.throws(() => stepGain("1" as never), /h must be a number, got "1"/);
  assert.throws(() => sgn(NaN), /h must be a number .*got NaN/);
  assert.equal(standardGain(0)(Infinity), 0.5);
  assert.equal(standardGain(0)(-Infinity), 0.5);
  assert.equal(standardGain(0)(3), 0.5);
  assert.equal(standardGain(2)(Infinity), 1);
  assert.equal(standardGain(2)(-Infinity), 0);
  assert.equal(standardGain(Infinity)(-Infinity), 0);
  assert.equal(sgn(-Infinity), -1);
  assert.equal(sgn(0), 1);
});

Deno.test("bad input: a map from a gain that is NaN far out names the gain", () => {
  // fine on every finite input checkGain tries, but NaN at infinity (Infinity / Infinity)
  const g = (h: number) => 0.5 * (1 + h / Math.sqrt(1 + h * h));
  const F = meanFieldMap(g);
  assert.ok(Math.abs(F(0.5) - (g(0.5) - g(-0.5))) < 1e-15);
  assert.throws(
    () => F(Infinity),
    /gain\(h\) must return a probability in \[0, 1\], got gain\(Infinity\) = NaN/,
  );
});

Deno.test("bad input: a derivative that returns NaN is named, not called marginal", () => {
  const F = toOverlapMap((m) => m / 2, "F(m) = m / 2", () => NaN);
  assert.throws(
    () => fixedPoints(F),
    /F\.derivative\(m\) must return a number \(the slope F'\(m\)\), got NaN at m = 0/,
  );
  assert.throws(() => mapSlope(F, 0.3), /F\.derivative\(m\) must return a number/);
  // a map without a derivative that is NaN beside its fixed point
  const G = (m: number) => (m > 0 ? NaN : m / 2);
  assert.throws(
    () => mapSlope(G, 0),
    /the slope of F at m = 0 is not a number: F\(0.000001\) = NaN/,
  );
});

Deno.test("bad input: iterateMap T above 10,000,000 is rejected at once", () => {
  const t0 = performance.now();
  assert.throws(
    () => iterateMap(meanFieldMap(2), 0.5, 1e9),
    /T must be at most 10000000 .*got 1000000000/,
  );
  assert.ok(performance.now() - t0 < 100);
});

Deno.test("bad input: fixedPoints intervals above 100,000 is rejected, naming the limit", () => {
  assert.throws(
    () => fixedPoints(meanFieldMap(2), { intervals: 1e7 }),
    /intervals must be an integer in \[2, 100000\] \(a finer grid takes .*\), got 10000000/,
  );
  assert.throws(() => fixedPoints(meanFieldMap(2), { intervals: 1 }), /got 1$/);
  assert.equal(fixedPoints(meanFieldMap(2), { intervals: 100_000 }).length, 3);
});

Deno.test("checkGain also tries inputs far out (+-10, +-100, +-1000)", () => {
  assert.throws(
    () => checkGain((h: number) => (Math.abs(h) > 4.5 ? NaN : 0.5)),
    /gain\(h\) must return a probability in \[0, 1\], got NaN at h = -10/,
  );
  assert.throws(
    () => checkGain((h: number) => (h > 50 ? 2 : 0.5)),
    /probability in \[0, 1\], got 2 at h = 100/,
  );
  assert.throws(
    () => checkGain((h: number) => (h < -5 ? 1 : 0.5)),
    /non-decreasing .*gain\(-10\) = 1 > gain\(-4\) = 0\.5/,
  );
  assert.throws(
    () => checkGain((h: number) => (h > 500 ? 0 : h > 0 ? 1 : 0)),
    /non-decreasing .*gain\(100\) = 1 > gain\(1000\) = 0/,
  );
  checkGain(standardGain(0.01));
  checkGain(standardGain(1e6));
});

Deno.test("bad input: options null is the same as no options", () => {
  assert.deepEqual(fixedPoints(meanFieldMap(2), null as never), fixedPoints(meanFieldMap(2)));
  assert.deepEqual(bifurcation([0.5, 2], null as never), bifurcation([0.5, 2]));
});

Deno.test("bad input: shortNumber of a non-number", () => {
  assert.throws(() => shortNumber("x" as never), /shortNumber: x must be a number, got "x"/);
  assert.throws(() => shortNumber(NaN), /got NaN/);
  assert.equal(shortNumber(0.957504), "0.9575");
});

Deno.test("bad input: toOverlapMap needs a string label and a function derivative", () => {
  assert.throws(() => toOverlapMap((m) => m, 5 as never), /label must be a string .*got 5/);
  assert.throws(
    () => toOverlapMap((m) => m, "F", 2 as never),
    /derivative must be a function m => F'\(m\), got 2/,
  );
});
