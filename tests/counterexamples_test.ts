import assert from "node:assert/strict";
import { randomPattern } from "../lib/patterns.ts";
import { rng } from "../lib/random.ts";
import { isFixedPoint, run } from "../lib/dynamics.ts";
import { energy, energyDense, energyTrace, largestRise } from "../lib/energy.ts";
import {
  chasingPair,
  checkerboardCycle,
  negativeSelfCoupling,
  randomWeights,
  twoNeuronCycle,
} from "../lib/counterexamples.ts";

Deno.test("two neurons with w12 = w21 = -1: synchronous 2-cycle (+,+) <-> (-,-) at E = +1", () => {
  const { net, initial } = twoNeuronCycle();
  const tr = run(net, initial, { steps: 6, stopAt: "cycle" });
  assert.equal(tr.stoppedBy, "2-cycle");
  assert.deepEqual(tr.states[1], Int8Array.of(-1, -1));
  assert.deepEqual(tr.states[2], Int8Array.of(1, 1));
  const sync = energyTrace(net, initial, { mode: "sync", steps: 6 });
  assert.equal(sync.period, 2);
  assert.deepEqual(Array.from(sync.energy), [1, 1, 1, 1, 1, 1, 1]);
  // one at a time, the first update already reaches a minimum (+,-) or (-,+) with E = -1
  const async = energyTrace(net, initial, { steps: 3, rng: 4 });
  assert.deepEqual(Array.from(async.energy.slice(1)), [-1, -1, -1, -1, -1, -1]);
  assert.equal(async.final[0], -async.final[1]);
});

Deno.test("4x4 checkerboard with 8 flips: synchronous S -> -S forever, asynchronous settles", () => {
  for (const seed of [1, 2, 3]) {
    const { net, initial } = checkerboardCycle(4, seed);
    const references = [net.patterns[0], initial];
    const sync = energyTrace(net, initial, { mode: "sync", steps: 6, references });
    assert.equal(sync.period, 2);
    assert.ok(sync.energy.every((e) => e === 0.5)); // -(16/2) * 0^2 + 1/2
    assert.ok(sync.overlaps[0].every((m) => m === 0));
    assert.deepEqual(Array.from(sync.overlaps[1]), [1, -1, 1, -1, 1, -1, 1]);
    const async = energyTrace(net, initial, { steps: 3, rng: seed, references });
    assert.equal(async.energy[async.energy.length - 1], -7.5);
    assert.equal(Math.abs(async.overlaps[0][async.energy.length - 1]), 1);
    assert.equal(largestRise(async.energy), 0);
  }
});

Deno.test("asymmetric chasing pair: no fixed point exists, and E rises under async updates", () => {
  const { net, initial } = chasingPair();
  for (const S of [[1, 1], [1, -1], [-1, 1], [-1, -1]]) {
    assert.equal(isFixedPoint(net, Int8Array.from(S)), false);
    assert.equal(energyDense(net, Int8Array.from(S)), S[0] * S[1]);
  }
  const tr = energyTrace(net, initial, { steps: 10, rng: 1 });
  assert.equal(largestRise(tr.energy), 2);
  // every value is exact: the trace agrees with the double sum at the end
  assert.equal(tr.energy[tr.energy.length - 1], energyDense(net, tr.final));
});

Deno.test("random asymmetric weights: E rises; the same construction without asymmetry never rises", () => {
  const N = 100;
  const start = randomPattern(N, 5);
  const asym = energyTrace(randomWeights(N, 1, { asymmetry: 0.5 }), start, { steps: 5, rng: 3 });
  assert.ok(largestRise(asym.energy) > 0);
  let rises = 0;
  for (let t = 1; t < asym.energy.length; t++) if (asym.energy[t] > asym.energy[t - 1]) rises++;
  assert.ok(rises >= 10, `${rises} rises`);
  const sym = energyTrace(randomWeights(N, 1), start, { steps: 5, rng: 3 });
  for (let t = 1; t < sym.energy.length; t++) assert.ok(sym.energy[t] <= sym.energy[t - 1] + 1e-12);
  // asymmetry 0 is exactly symmetric, asymmetry 1 exactly antisymmetric (E = 0 for every state)
  const w0 = randomWeights(20, 2).w, w1 = randomWeights(20, 2, { asymmetry: 1 }).w;
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 20; j++) {
      assert.ok(w0[i * 20 + j] === w0[j * 20 + i]);
      assert.ok(w1[i * 20 + j] === -w1[j * 20 + i]);
    }
  }
  assert.ok(Math.abs(energy(randomWeights(20, 2, { asymmetry: 1 }), randomPattern(20, 1))) < 1e-12);
});

Deno.test("negative self-coupling: the first flip raises E from 1/2 to 3/2", () => {
  const { net, initial } = negativeSelfCoupling();
  const tr = energyTrace(net, initial, { steps: 1, rng: 2 });
  assert.equal(tr.energy[0], 0.5);
  assert.equal(tr.energy[1], 1.5);
});

Deno.test("bad input: counter-example parameters", () => {
  assert.throws(() => twoNeuronCycle(1), /coupling must be a finite number < 0, got 1/);
  assert.throws(() => checkerboardCycle(3), /size must be even/);
  assert.throws(
    () => randomWeights(10, 1, { asymmetry: 2 }),
    /asymmetry must be a number in \[0, 1\], got 2/,
  );
});

Deno.test("randomWeights with a constant generator returns (no endless wait for u > 0)", () => {
  const w = randomWeights(3, () => 0).w;
  assert.ok(w.every((x) => Number.isFinite(x)));
  assert.equal(w[1], w[3]); // still symmetric
  const half = randomWeights(3, () => 0.5).w;
  assert.ok(half.every((x) => Number.isFinite(x)));
  assert.throws(
    () => randomWeights(3, () => NaN),
    /rng\(\) must return numbers in \[0, 1\), got NaN/,
  );
});

Deno.test("randomWeights: seeded weights are the Box-Muller draws they always were", () => {
  const r = rng(7);
  const N = 4, sd = 1 / Math.sqrt(N);
  const draw = () => {
    const u = r(), v = r();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const w = randomWeights(N, 7).w;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const s = draw() * sd;
      draw(); // the antisymmetric part, weight 0 here
      assert.equal(w[i * N + j], s);
      assert.equal(w[j * N + i], s);
    }
  }
});

Deno.test("randomWeights: null options are {}", () => {
  assert.deepEqual(randomWeights(3, 1, null as never), randomWeights(3, 1));
  assert.throws(() => randomWeights(3, 1, 0.5 as never), /options must be an object, got 0.5/);
});
