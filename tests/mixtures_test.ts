import assert from "node:assert/strict";
import { randomPattern, randomPatterns } from "../lib/patterns.ts";
import { denseNetwork, storePatterns } from "../lib/network.ts";
import { isFixedPoint, syncStep } from "../lib/dynamics.ts";
import { overlaps } from "../lib/overlap.ts";
import { energy } from "../lib/energy.ts";
import {
  classifyFixedPoint,
  fixedPointCensus,
  mixtureState,
  mixtureTheory,
} from "../lib/mixtures.ts";

function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return c;
}

Deno.test("3-mixture at N = 10,000: overlaps 0.5 +- 0.02, E/N = -0.375 +- 0.02, a fixed point", () => {
  const N = 10_000;
  const ps = randomPatterns(3, N, 2024);
  const net = storePatterns(ps);
  const mix = mixtureState(ps);
  for (const m of overlaps(ps, mix)) assert.ok(Math.abs(m - 0.5) <= 0.02, `overlap ${m}`);
  const e = energy(net, mix) / N;
  assert.ok(Math.abs(e - -0.375) <= 0.02, `E/N = ${e}`);
  // with only the three members stored (M << N) the mixture does not move at all
  const next = syncStep(net, mix);
  let same = 0;
  for (let i = 0; i < N; i++) if (next[i] === mix[i]) same++;
  assert.ok(same / N >= 0.99, `${same} of ${N} unchanged`);
});

Deno.test("mixture overlap theory: C(n-1, (n-1)/2) / 2^(n-1) and E/N = -(n/2) m^2", () => {
  assert.deepEqual(mixtureTheory(1), { n: 1, overlap: 1, energyPerNeuron: -0.5 });
  assert.deepEqual(mixtureTheory(3), { n: 3, overlap: 0.5, energyPerNeuron: -0.375 });
  for (const n of [5, 7, 9, 21]) {
    const m = binomial(n - 1, (n - 1) / 2) / 2 ** (n - 1);
    const t = mixtureTheory(n);
    assert.ok(Math.abs(t.overlap - m) < 1e-12);
    assert.ok(Math.abs(t.energyPerNeuron - -(n / 2) * m * m) < 1e-12);
  }
  // a 5-mixture at large N has overlap 3/8 with each member (finite-N spread about 0.01)
  const ps = randomPatterns(5, 20_000, 5);
  const m5 = overlaps(ps, mixtureState(ps, [0, 1, 2, 3, 4]));
  for (const m of m5) assert.ok(Math.abs(m - 0.375) < 0.03, `overlap ${m}`);
  assert.ok(Math.abs(m5.reduce((a, b) => a + b, 0) / 5 - 0.375) < 0.01);
});

Deno.test("mixture signs: sgn(p1 - p2 + p3) has overlaps (+1/2, -1/2, +1/2)", () => {
  const ps = randomPatterns(3, 10_000, 8);
  const m = overlaps(ps, mixtureState(ps, [0, 1, 2], [1, -1, 1]));
  assert.ok(
    Math.abs(m[0] - 0.5) < 0.02 && Math.abs(m[1] + 0.5) < 0.02 && Math.abs(m[2] - 0.5) < 0.02,
  );
});

Deno.test("classifyFixedPoint: pattern, reversed pattern, mixture and other", () => {
  const ps = randomPatterns(6, 2000, 3);
  assert.equal(classifyFixedPoint(ps, ps[4]).kind, "pattern");
  assert.deepEqual(classifyFixedPoint(ps, ps[4]).members, [4]);
  const rev = classifyFixedPoint(ps, ps[2].map((v) => -v));
  assert.equal(rev.kind, "reversed pattern");
  assert.deepEqual(rev.signs, [-1]);
  const mix = classifyFixedPoint(ps, mixtureState(ps, [1, 3, 5], [1, 1, -1]));
  assert.equal(mix.kind, "mixture");
  assert.deepEqual([...mix.members].sort(), [1, 3, 5]);
  const signOf = new Map(mix.members.map((mu, k) => [mu, mix.signs[k]]));
  assert.deepEqual([signOf.get(1), signOf.get(3), signOf.get(5)], [1, 1, -1]);
  assert.equal(classifyFixedPoint(ps, randomPattern(2000, 99)).kind, "other");
});

Deno.test("fixed-point census at low load: patterns near -0.5, 3-mixtures near -0.375", () => {
  const N = 1000;
  const net = storePatterns(randomPatterns(6, N, 7));
  const census = fixedPointCensus(net, { starts: 120, rng: 8 });
  assert.equal(census.entries.length, 120);
  const total = Object.values(census.counts).reduce((a, b) => a + b, 0);
  assert.equal(total, 120);
  for (const e of census.entries) {
    assert.ok(e.converged);
    // with symmetric weights every run ends at a fixed point
    assert.ok(isFixedPoint(net, e.state));
    assert.ok(Math.abs(e.energyPerNeuron - energy(net, e.state) / N) < 1e-12);
    if (e.kind === "pattern" || e.kind === "reversed pattern") {
      assert.ok(Math.abs(e.energyPerNeuron - -0.5) < 0.02, `pattern at ${e.energyPerNeuron}`);
    }
    if (e.kind === "mixture" && e.size === 3) {
      // at N = 1000 the reached fixed point sits a little off the exact template
      assert.ok(Math.abs(e.energyPerNeuron - -0.375) < 0.04, `3-mixture at ${e.energyPerNeuron}`);
    }
  }
  const mix3 = census.entries.filter((e) => e.kind === "mixture" && e.size === 3);
  const mean3 = mix3.reduce((a, e) => a + e.energyPerNeuron, 0) / mix3.length;
  assert.ok(Math.abs(mean3 - -0.375) < 0.01, `mean 3-mixture E/N = ${mean3}`);
  // mixtures are found, and they are not memories: their energy lies above every pattern's
  assert.ok((census.mixtureSizes["3"] ?? 0) > 0);
  const patternMax = Math.max(
    ...census.entries.filter((e) => e.size === 1).map((e) => e.energyPerNeuron),
  );
  const mixMin = Math.min(
    ...census.entries.filter((e) => e.kind === "mixture").map((e) => e.energyPerNeuron),
  );
  assert.ok(mixMin > patternMax);
});

Deno.test("bad input: an even mixture size", () => {
  const ps = randomPatterns(4, 100, 1);
  assert.throws(
    () => mixtureState(ps, [0, 1]),
    /members must list an odd number of patterns.*got 2/,
  );
  assert.throws(() => mixtureTheory(4), /n \(mixture size\) must be odd, got 4/);
});

Deno.test("bad input: mixture members out of range, repeated, or with bad signs", () => {
  const ps = randomPatterns(4, 100, 1);
  assert.throws(
    () => mixtureState(ps, [0, 1, 4]),
    /members\[2\] must be an integer in \[0, 3\], got 4/,
  );
  assert.throws(() => mixtureState(ps, [0, 1, 1]), /distinct/);
  assert.throws(
    () => mixtureState(ps, [0, 1, 2], [1, 0, 1]),
    /signs\[1\] must be \+1 or -1, got 0/,
  );
  assert.throws(
    () => classifyFixedPoint(ps, Int8Array.of(1, -1)),
    /state must have length N = 100/,
  );
  assert.throws(
    () => fixedPointCensus(storePatterns(ps), { starts: 0, rng: 1 }),
    /starts must be an integer in \[1, 100000\], got 0/,
  );
});

/** C(n-1, (n-1)/2) / 2^(n-1) from exact integers (BigInt), to about 1e-30. */
function exactOverlap(n: number): number {
  const h = BigInt((n - 1) / 2);
  let c = 1n;
  for (let j = 1n; j <= h; j++) c = (c * (h + j)) / j;
  return Number((c * 10n ** 40n) / 2n ** BigInt(n - 1)) / 1e40;
}

Deno.test("mixtureTheory at n = 4999 (it used to overflow to Infinity): overlap 0.011285..., exact to 1e-14", () => {
  for (const n of [2001, 2003, 4501, 4999, 20_001]) {
    const t = mixtureTheory(n);
    const m = exactOverlap(n);
    assert.ok(Math.abs(t.overlap - m) / m < 1e-14, `n = ${n}: ${t.overlap} vs ${m}`);
    assert.ok(Math.abs(t.energyPerNeuron - -(n / 2) * m * m) < 1e-14);
  }
  assert.ok(Math.abs(mixtureTheory(4999).overlap - 0.011285484592398323) < 1e-16);
});

Deno.test("mixtureTheory at n = 1e15 + 1 returns at once: m -> sqrt(2/(pi n)), E/N -> -1/pi", () => {
  const n = 1e15 + 1;
  const t0 = performance.now();
  const t = mixtureTheory(n);
  assert.ok(performance.now() - t0 < 50);
  assert.ok(Math.abs(t.overlap / Math.sqrt(2 / (Math.PI * n)) - 1) < 1e-12);
  assert.ok(Math.abs(t.energyPerNeuron - -1 / Math.PI) < 1e-12);
  assert.throws(
    () => mixtureTheory(2 ** 53 + 1),
    /n \(mixture size\) must be an integer in \[1, 9007199254740991\], got 9007199254740992/,
  );
});

Deno.test("classifyFixedPoint: null options are {}, an even maxMixture is refused", () => {
  const ps = randomPatterns(5, 200, 1);
  assert.equal(classifyFixedPoint(ps, ps[0], null as never).kind, "pattern");
  assert.throws(
    () => classifyFixedPoint(ps, ps[0], { maxMixture: 4 }),
    /maxMixture must be an odd integer >= 1 .*got 4/,
  );
  assert.throws(
    () => classifyFixedPoint(ps, ps[0], 3 as never),
    /options must be an object, got 3/,
  );
});

Deno.test("fixedPointCensus: missing options name rng; starts is capped at 100,000", () => {
  const net = storePatterns(randomPatterns(3, 50, 1));
  assert.throws(
    () => fixedPointCensus(net, undefined as never),
    /options must be given with at least rng .*got undefined/,
  );
  assert.throws(
    () => fixedPointCensus(net, { starts: 1e9, rng: 1 }),
    /starts must be an integer in \[1, 100000\], got 1000000000/,
  );
  assert.throws(
    () => fixedPointCensus(net, { starts: 2, maxSweeps: 1e9, rng: 1 }),
    /maxSweeps must be an integer in \[1, 1000000\], got 1000000000/,
  );
});

Deno.test("mixtureState of a dense network: says why instead of 'got undefined'", () => {
  assert.throws(
    () => mixtureState(denseNetwork([[0, 1], [1, 0]]) as never),
    /patterns must be a list of patterns or a Hebbian network from storePatterns\(\), got a dense network/,
  );
  assert.throws(
    () => mixtureState(undefined as never),
    /patterns must be a list of patterns or a Hebbian network from storePatterns\(\), got undefined/,
  );
  // a Hebbian network still works
  const ps = randomPatterns(3, 100, 2);
  assert.deepEqual(mixtureState(storePatterns(ps)), mixtureState(ps));
});
