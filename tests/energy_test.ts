import assert from "node:assert/strict";
import fc from "fast-check";
import {
  checkerboard,
  flipN,
  noisyCopy,
  randomPattern,
  randomPatterns,
  rowPatterns,
} from "../lib/patterns.ts";
import { denseNetwork, hebbianWeights, storePatterns } from "../lib/network.ts";
import { NeuronUpdater, run } from "../lib/dynamics.ts";
import { inputField } from "../lib/field.ts";
import { overlaps } from "../lib/overlap.ts";
import { gaussian, rng } from "../lib/random.ts";
import {
  deltaE,
  energy,
  energyDense,
  energyFromOverlaps,
  energyTrace,
  largestRise,
  updaterDeltaE,
  updaterEnergy,
} from "../lib/energy.ts";

/** The lecture's definition, written out independently: -1/2 sum_ij w_ij S_i S_j. */
function doubleSum(w: Float64Array, S: Int8Array): number {
  const N = S.length;
  let e = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) e += w[i * N + j] * S[i] * S[j];
  return -e / 2;
}

function flipped(S: Int8Array, k: number): Int8Array {
  const out = S.slice();
  out[k] = -out[k];
  return out;
}

/** Random symmetric weights with a non-negative diagonal. */
function symmetricWeights(N: number, seed: number, diagonal = true): Float64Array {
  const r = rng(seed);
  const w = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    if (diagonal) w[i * N + i] = Math.abs(gaussian(r)) / N;
    for (let j = i + 1; j < N; j++) w[i * N + j] = w[j * N + i] = gaussian(r) / Math.sqrt(N);
  }
  return w;
}

Deno.test("4x4 checkerboard: E = -N/2 + M/2 = -7.5 (w_ii = 0) and -N/2 = -8 (w_ii = M/N)", () => {
  const p = checkerboard(4);
  assert.equal(energy(storePatterns([p]), p), -7.5);
  assert.equal(energy(storePatterns([p], { diagonal: "hebb" }), p), -8);
  // reversed pattern: same energy (E is even in S)
  assert.equal(energy(storePatterns([p]), p.map((v) => -v)), -7.5);
});

Deno.test("overlap form equals the dense double sum for both diagonal conventions (1e-9)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 120 }),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.constantFrom("zero" as const, "hebb" as const),
      (N, M, seed, diagonal) => {
        const net = storePatterns(randomPatterns(M, N, seed), { diagonal });
        const w = hebbianWeights(net);
        for (
          const S of [
            randomPattern(N, seed + 1),
            net.patterns[0],
            noisyCopy(net.patterns[0], 0.2, seed),
          ]
        ) {
          const e = energy(net, S);
          assert.ok(Math.abs(e - doubleSum(w, S)) <= 1e-9, `${e} vs ${doubleSum(w, S)}`);
          assert.ok(Math.abs(e - energyDense(w, S)) <= 1e-9);
          assert.ok(Math.abs(e - energyFromOverlaps(overlaps(net, S), N, { diagonal })) <= 1e-9);
        }
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("the two diagonal conventions differ by exactly M/2", () => {
  const ps = randomPatterns(10, 200, 4);
  const S = randomPattern(200, 5);
  const zero = energy(storePatterns(ps), S);
  const hebb = energy(storePatterns(ps, { diagonal: "hebb" }), S);
  assert.ok(Math.abs(zero - hebb - 10 / 2) < 1e-12);
});

Deno.test("energy from overlaps: orthogonal patterns sit exactly at -N/2 (+M/2)", () => {
  // four row patterns of a 25 x 4 grid are mutually orthogonal (N = 100)
  const ps = rowPatterns(25, 4);
  const net = storePatterns(ps);
  for (const p of ps) assert.equal(energy(net, p), -50 + 2);
  assert.equal(energyFromOverlaps([1, 0, 0, 0], 100), -48);
  assert.equal(energyFromOverlaps([0.5, 0.5, 0.5], 100, { diagonal: "hebb" }), -37.5);
});

Deno.test("Delta E of a flip equals -(S'_k - S_k) h_k with h_k = sum_{j != k} w_kj S_j", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 60 }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.boolean(),
      (N, seed, hebbian) => {
        const r = rng(seed);
        const net = hebbian
          ? storePatterns(randomPatterns(1 + (seed % 7), N, r), {
            diagonal: seed % 2 ? "hebb" : "zero",
          })
          : denseNetwork(symmetricWeights(N, seed));
        const w = hebbian ? hebbianWeights(net as ReturnType<typeof storePatterns>) : (
          net as ReturnType<typeof denseNetwork>
        ).w;
        const S = randomPattern(N, r);
        const k = Math.floor(r() * N);
        const h = inputField(net, S)[k] - w[k * N + k] * S[k];
        const d = deltaE(net, S, k);
        assert.ok(Math.abs(d - -(-S[k] - S[k]) * h) <= 1e-9);
        assert.ok(Math.abs(d - (energy(net, flipped(S, k)) - energy(net, S))) <= 1e-9);
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("Delta E is exact for asymmetric weights too", () => {
  const r = rng(9);
  const N = 12;
  const w = new Float64Array(N * N).map(() => gaussian(r));
  const net = denseNetwork(w);
  const S = randomPattern(N, 3);
  for (let k = 0; k < N; k++) {
    assert.ok(Math.abs(deltaE(net, S, k) - (doubleSum(w, flipped(S, k)) - doubleSum(w, S))) < 1e-9);
  }
});

Deno.test("async deterministic, symmetric weights, w_kk >= 0: E never increases (seeds, sizes, loads)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 4, max: 400 }),
      fc.double({ min: 0.005, max: 0.6, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.integer({ min: 0, max: 1e6 }),
      fc.constantFrom("zero" as const, "hebb" as const),
      (N, load, noise, seed, diagonal) => {
        const M = Math.max(1, Math.round(load * N));
        const ps = randomPatterns(M, N, seed);
        const net = storePatterns(ps, { diagonal });
        const tr = energyTrace(net, noisyCopy(ps[0], noise, seed + 1), { steps: 3, rng: seed + 2 });
        assert.equal(tr.energy.length, 3 * N + 1);
        for (let t = 1; t < tr.energy.length; t++) {
          assert.ok(tr.energy[t] <= tr.energy[t - 1], `E rose at update ${t}`);
          // an update that changes nothing leaves E alone
          if (tr.changed[t] === 0) assert.equal(tr.energy[t], tr.energy[t - 1]);
        }
        assert.equal(largestRise(tr.energy), 0);
        assert.equal(tr.energy[tr.energy.length - 1], energy(net, tr.final));
      },
    ),
    { numRuns: 40 },
  );
});

Deno.test("dense symmetric weights with w_kk >= 0: E never increases; trace matches the double sum", () => {
  for (const seed of [1, 2, 3, 4]) {
    const N = 40;
    const w = symmetricWeights(N, seed);
    const net = denseNetwork(w);
    const tr = energyTrace(net, randomPattern(N, seed), {
      steps: 50,
      rng: seed,
      stopAtFixedPoint: true,
    });
    for (let t = 1; t < tr.energy.length; t++) assert.ok(tr.energy[t] <= tr.energy[t - 1] + 1e-12);
    assert.ok(Math.abs(tr.energy[tr.energy.length - 1] - doubleSum(w, tr.final)) < 1e-9);
    assert.equal(tr.period, 1);
  }
});

Deno.test("energy trace: overlaps are recorded per update and end at the run's overlaps", () => {
  const ps = randomPatterns(4, 300, 21);
  const net = storePatterns(ps);
  const cue = flipN(ps[2], 100, 3);
  const tr = energyTrace(net, cue, { steps: 2, rng: 5 });
  assert.equal(tr.overlaps.length, 4);
  assert.equal(tr.overlaps[2][0], 100 / 300); // 100 of 300 flipped: m = 1 - 2 * 100/300
  assert.equal(tr.overlaps[2][tr.energy.length - 1], 1);
  // the same seed through run() gives the same final state
  const ref = run(net, cue, { mode: "async", steps: 2, rng: 5 });
  assert.deepEqual(tr.final, ref.final);
});

Deno.test("energy trace: synchronous mode records one entry per step", () => {
  const ps = randomPatterns(3, 200, 2);
  const net = storePatterns(ps);
  const tr = energyTrace(net, flipN(ps[0], 40, 1), { mode: "sync", steps: 4 });
  assert.equal(tr.energy.length, 5);
  assert.equal(tr.updatesPerStep, 1);
  assert.equal(tr.period, 1);
  tr.energy.forEach((e, t) => assert.ok(Number.isFinite(e), `step ${t}`));
});

Deno.test("stochastic async dynamics: the energy fluctuates (rises happen) but still falls overall", () => {
  const ps = randomPatterns(5, 400, 1);
  const net = storePatterns(ps);
  const tr = energyTrace(net, noisyCopy(ps[0], 0.35, 2), { steps: 5, rng: 3, beta: 3 });
  assert.ok(largestRise(tr.energy) > 0);
  assert.ok(tr.energy[tr.energy.length - 1] / 400 < -0.45);
});

Deno.test("onUpdate hook of run(): called once per single-neuron update, async only", () => {
  const ps = randomPatterns(2, 50, 1);
  const net = storePatterns(ps);
  let calls = 0;
  run(net, ps[0], { mode: "async", steps: 3, rng: 1, onUpdate: () => calls++ });
  assert.equal(calls, 150);
  assert.throws(() => run(net, ps[0], { steps: 1, onUpdate: () => {} }), /onUpdate .*async/);
});

Deno.test("bad input: a weight matrix that is not square", () => {
  assert.throws(
    () => energyDense(new Float64Array(5), Int8Array.of(1, -1)),
    /square.*N\*N entries, got 5/,
  );
  assert.throws(
    () => energyDense([[0, 1], [1]], Int8Array.of(1, -1)),
    /square.*row 1 has length 1/,
  );
});

Deno.test("bad input: a weight matrix that does not match the state", () => {
  assert.throws(
    () => energyDense([[0, 1], [1, 0]], Int8Array.of(1, -1, 1)),
    /state must have length N = 2 .*got length 3/,
  );
  assert.throws(
    () => energy(storePatterns([checkerboard(4)]), Int8Array.of(1, -1)),
    /state must have length N = 16/,
  );
});

Deno.test("bad input: states with values other than +-1", () => {
  const net = storePatterns([checkerboard(2)]);
  assert.throws(
    () => energy(net, Int8Array.of(1, 0, 1, -1)),
    /state\[1\] must be \+1 or -1, got 0/,
  );
  assert.throws(
    () => energyDense([[0, 1], [1, 0]], Int8Array.of(2, 1)),
    /state\[0\] must be \+1 or -1, got 2/,
  );
  assert.throws(
    () => deltaE(net, Int8Array.of(1, 1, 1, 3), 0),
    /state\[3\] must be \+1 or -1, got 3/,
  );
  assert.throws(
    () => energyTrace(net, Int8Array.of(1, 1, -2, 1), { steps: 1, rng: 1 }),
    /initial\[2\] must be \+1 or -1, got -2/,
  );
});

Deno.test("bad input: other parameters name the value and the range", () => {
  const net = storePatterns([checkerboard(2)]);
  assert.throws(() => deltaE(net, checkerboard(2), 4), /k must be an integer in \[0, 3\], got 4/);
  assert.throws(
    () => energyTrace(net, checkerboard(2), { steps: -1, rng: 1 }),
    /steps must be an integer >= 0, got -1/,
  );
  assert.throws(
    () => energyTrace(net, checkerboard(2), { steps: 1 }),
    /rng must be given/,
  );
  assert.throws(
    () => energyFromOverlaps([1.5], 10),
    /m\[0\] must be a number in \[-1, 1\], got 1.5/,
  );
});

Deno.test("energyTrace: stopAtFixedPoint with finite beta names stopAtFixedPoint, not stopAt", () => {
  const ps = randomPatterns(2, 50, 1);
  const net = storePatterns(ps);
  assert.throws(
    () =>
      energyTrace(net, ps[0], {
        steps: 2,
        mode: "sync",
        beta: 2,
        rng: 1,
        stopAtFixedPoint: true,
      }),
    /stopAtFixedPoint must be false for stochastic dynamics \(beta = 2.*got true/,
  );
  assert.throws(
    () => energyTrace(net, ps[0], { steps: 2, rng: 1, gain: () => 1, stopAtFixedPoint: true }),
    /stopAtFixedPoint must be false for stochastic dynamics \(a gain function/,
  );
  assert.throws(
    () => energyTrace(net, ps[0], { steps: 2, rng: 1, stopAtFixedPoint: "yes" as never }),
    /stopAtFixedPoint must be true or false, got "yes"/,
  );
});

Deno.test("energyTrace: a gain function is used (same run as run() with that gain)", () => {
  const ps = randomPatterns(3, 60, 2);
  const net = storePatterns(ps);
  const cue = flipN(ps[0], 20, 3);
  const gain = (h: number) => 1 / (1 + Math.exp(-4 * h));
  const tr = energyTrace(net, cue, { steps: 2, rng: 4, gain });
  const ref = run(net, cue, { mode: "async", steps: 2, rng: 4, gain });
  assert.deepEqual(tr.final, ref.final);
  assert.equal(tr.energy[tr.energy.length - 1], energy(net, ref.final));
  // a gain that always says +1 drives every neuron ON: not the deterministic run
  const on = energyTrace(net, cue, { steps: 1, rng: 4, gain: () => 1 });
  assert.ok(on.final.every((v) => v === 1));
  assert.throws(
    () => energyTrace(net, cue, { steps: 1, rng: 4, gain: 3 as never }),
    /gain must be a function h => probability, got 3/,
  );
});

Deno.test("energyTrace: unknown options are named instead of silently ignored", () => {
  const ps = randomPatterns(2, 20, 1);
  assert.throws(
    () =>
      energyTrace(storePatterns(ps), ps[0], { steps: 1, rng: 1, stopAt: "fixed-point" } as never),
    /energyTrace has no option "stopAt"; the options are steps, mode, beta, gain, rng/,
  );
  assert.throws(
    () => energyTrace(storePatterns(ps), ps[0], null as never),
    /options must be an object with at least steps.*got null/,
  );
});

Deno.test("energyTrace: steps are capped by the memory the trace keeps (names steps and the range)", () => {
  const net = storePatterns(randomPatterns(2, 200, 1));
  assert.throws(
    () => energyTrace(net, randomPattern(200, 2), { steps: 1e7, rng: 1 }),
    /steps must be an integer in \[0, 166666\] for N = 200 with 2 references .*got 10000000/,
  );
  assert.throws(
    () => energyTrace(net, randomPattern(200, 2), { mode: "sync", steps: 1e7 }),
    /steps must be an integer in \[0, \d+\] for N = 200 .*sync trace keeps .*got 10000000/,
  );
});

Deno.test("energyTrace and energyProfile-style list options: references must be a list", () => {
  const ps = randomPatterns(2, 20, 1);
  assert.throws(
    () => energyTrace(storePatterns(ps), ps[0], { steps: 1, rng: 1, references: "x" as never }),
    /references must be a list of states \(Int8Array of \+1\/-1, length N = 20\), got "x"/,
  );
});

Deno.test("options given as null are treated like {}", () => {
  assert.equal(energyFromOverlaps([1], 10, null as never), -4.5);
  assert.throws(() => energyFromOverlaps([1], 10, 5 as never), /options must be an object, got 5/);
});

Deno.test("missing or malformed networks give a clear error, not a crash or NaN", () => {
  const p4 = Int8Array.of(1, 1, -1, 1);
  assert.throws(
    () => energy(undefined as never, p4),
    /net must be a network from storePatterns\(patterns\) or denseNetwork\(weights\), got undefined/,
  );
  assert.throws(
    () => deltaE({ kind: "hopfield" } as never, p4, 0),
    /net.kind must be "hebbian" or "dense", got "hopfield"/,
  );
  assert.throws(
    () => energyDense({ kind: "dense", N: 2, w: new Float64Array(1) }, Int8Array.of(1, 1)),
    /weights.w must be a Float64Array of N\*N = 4 weights, got Float64Array of length 1/,
  );
  assert.throws(
    () => energy({ kind: "dense", N: 2, w: [NaN, 0, 0, 0] } as never, Int8Array.of(1, 1)),
    /net.w must be a Float64Array of N\*N = 4 weights, got an array of length 4/,
  );
  assert.throws(
    () => energyDense({ kind: "dense" } as never, Int8Array.of(1, 1)),
    /weights.N must be an integer >= 1, got undefined/,
  );
  // a hand-built dense network with a NaN weight: named, not a NaN energy
  const bad = { kind: "dense" as const, N: 2, w: Float64Array.of(0, NaN, 1, 0) };
  assert.throws(
    () => energy(bad, Int8Array.of(1, 1)),
    /weights\[0\]\[1\] must be a finite number, got NaN/,
  );
  assert.throws(
    () => deltaE(bad, Int8Array.of(1, 1), 1),
    /weights\[0\]\[1\] must be a finite number, got NaN/,
  );
  assert.throws(
    () => energyTrace(bad, Int8Array.of(1, 1), { steps: 1, rng: 1 }),
    /weights\[0\]\[1\] must be a finite number, got NaN/,
  );
  const hebb = storePatterns([checkerboard(2)]);
  assert.throws(
    () => energy({ ...hebb, xi: new Int8Array(1) }, checkerboard(2)),
    /net.xi must be an Int8Array of N\*M = 4 entries, got Int8Array of length 1/,
  );
});

Deno.test("weights too large for double precision: a clear error instead of -Infinity or NaN", () => {
  const net = denseNetwork([[0, 1e308], [1e308, 0]]);
  assert.throws(
    () => energy(net, Int8Array.of(1, 1)),
    /the energy is not a finite number \(got -Infinity\): the weights are too large .*1e\+308/,
  );
  assert.throws(
    () => energyTrace(net, Int8Array.of(1, -1), { steps: 1, rng: 1 }),
    /the energy is not a finite number .*too large/,
  );
  assert.throws(
    () => energyTrace(net, Int8Array.of(1, -1), { steps: 1, mode: "sync" }),
    /the energy is not a finite number .*too large/,
  );
});

Deno.test("updaterDeltaE checks the neuron index", () => {
  const net = storePatterns(randomPatterns(2, 50, 1));
  const u = new NeuronUpdater(net, net.patterns[0]);
  assert.throws(() => updaterDeltaE(net, u, 999), /k must be an integer in \[0, 49\], got 999/);
  assert.throws(() => updaterDeltaE(net, u, 1.5), /k must be an integer in \[0, 49\], got 1.5/);
  assert.equal(updaterDeltaE(net, u, 3), deltaE(net, net.patterns[0], 3));
  assert.throws(
    () => updaterEnergy(storePatterns(randomPatterns(2, 10, 1)), u),
    /u must be a NeuronUpdater of this network \(N = 10\), got one with N = 50/,
  );
});

Deno.test("largestRise: values must be finite numbers", () => {
  assert.throws(() => largestRise([1, NaN, 3]), /energies\[1\] must be a finite number, got NaN/);
  assert.throws(
    () => largestRise([1, Infinity]),
    /energies\[1\] must be a finite number, got Infinity/,
  );
  assert.throws(() => largestRise(undefined as never), /energies must be a list of numbers/);
  assert.equal(largestRise([3, 1, 2, 0]), 1);
  assert.equal(largestRise([]), 0);
});
