import assert from "node:assert/strict";
import fc from "fast-check";
import { checkerboard, flipN, randomPattern, randomPatterns } from "../lib/patterns.ts";
import { denseNetwork, hebbianWeights, storePatterns } from "../lib/network.ts";
import { asyncSweep, isFixedPoint, NeuronUpdater, run, syncStep } from "../lib/dynamics.ts";
import { denseField, inputField } from "../lib/field.ts";
import { overlap } from "../lib/overlap.ts";

const board = checkerboard(4);
const boardNet = storePatterns([board]);

Deno.test("4x4 checkerboard: 5 and 7 flips are corrected in one step", () => {
  for (const [flips, m0] of [[5, 0.375], [7, 0.125]]) {
    const tr = run(boardNet, flipN(board, flips, flips), { steps: 4 });
    assert.equal(tr.overlaps[0][0], m0);
    assert.deepEqual(tr.overlaps.map((m) => m[0]), [m0, 1, 1, 1, 1]);
  }
});

Deno.test("4x4 checkerboard: exactly 8 flips gives the 2-cycle S -> -S with m = 0", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const cue = flipN(board, 8, seed);
    const tr = run(boardNet, cue, { steps: 6, stopAt: "cycle" });
    assert.equal(tr.stoppedBy, "2-cycle");
    assert.deepEqual(tr.states[1], cue.map((v) => -v));
    assert.deepEqual(tr.states[2], cue);
    assert.ok(tr.overlaps.every((m) => m[0] === 0));
  }
});

Deno.test("4x4 checkerboard: more than 8 flips converges to the inverted checkerboard", () => {
  for (const flips of [9, 11, 16]) {
    const tr = run(boardNet, flipN(board, flips, 7), { steps: 5, stopAt: "fixed-point" });
    assert.equal(tr.stoppedBy, "fixed-point");
    assert.equal(tr.overlaps[tr.overlaps.length - 1][0], -1);
  }
});

Deno.test("sgn(0) = +1: a neuron with zero input turns ON", () => {
  // two orthogonal patterns in N = 2 with w_ii = 0 give W = 0, so every field is exactly 0
  const net = storePatterns([Int8Array.of(1, 1), Int8Array.of(1, -1)]);
  assert.deepEqual(Array.from(inputField(net, Int8Array.of(-1, -1))), [0, 0]);
  assert.deepEqual(syncStep(net, Int8Array.of(-1, -1)), Int8Array.of(1, 1));
  assert.deepEqual(asyncSweep(net, Int8Array.of(-1, 1), { rng: 1 }), Int8Array.of(1, 1));
});

Deno.test("stored patterns are fixed points at low load; retrieval from a noisy cue (N = 1000)", () => {
  const ps = randomPatterns(10, 1000, 11);
  const net = storePatterns(ps);
  ps.forEach((p) => assert.ok(isFixedPoint(net, p)));
  const tr = run(net, flipN(ps[3], 300, 5), { steps: 5 });
  assert.equal(tr.overlaps[0][3], 0.4);
  assert.equal(tr.overlaps[tr.steps][3], 1);
  // the inverted pattern is an attractor too
  const inv = run(net, flipN(ps[3].map((v) => -v), 300, 5), { steps: 5 });
  assert.equal(inv.overlaps[inv.steps][3], -1);
});

Deno.test("asynchronous sweep equals a sequential reference built on the dense field", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 40 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer(),
      (N, M, seed) => {
        const ps = randomPatterns(M, N, seed);
        const net = storePatterns(ps);
        // N w_ij is an integer, so the dense field is exact and ties h = 0 agree
        const dense = denseNetwork(hebbianWeights(ps).map((w) => Math.round(w * N)));
        const S0 = randomPattern(N, seed + 3);
        // same seed -> same visiting order in both networks
        assert.deepEqual(asyncSweep(net, S0, { rng: seed }), asyncSweep(dense, S0, { rng: seed }));
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("NeuronUpdater keeps exact overlaps and fields after flips (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 50 }),
      fc.integer({ min: 1, max: 6 }),
      fc.integer(),
      (N, M, seed) => {
        const ps = randomPatterns(M, N, seed);
        const net = storePatterns(ps, { diagonal: seed % 2 ? "zero" : "hebb" });
        const u = new NeuronUpdater(net, randomPattern(N, seed + 1));
        for (let k = 0; k < N; k += 2) u.set(k, u.state[k] === 1 ? -1 : 1);
        const m = u.overlaps();
        ps.forEach((p, mu) => assert.equal(m[mu], overlap(p, u.state)));
        const h = denseField(denseNetwork(hebbianWeights(ps, { diagonal: net.diagonal })), u.state);
        for (let k = 0; k < N; k++) assert.ok(Math.abs(u.field(k) - h[k]) < 1e-12);
      },
    ),
    { numRuns: 100 },
  );
});

Deno.test("same seed gives the same trajectory (stochastic and asynchronous)", () => {
  const ps = randomPatterns(4, 200, 1);
  const net = storePatterns(ps);
  const cue = flipN(ps[0], 60, 2);
  for (const mode of ["sync", "async"] as const) {
    const a = run(net, cue, { steps: 5, mode, beta: 2, rng: 42 });
    const b = run(net, cue, { steps: 5, mode, beta: 2, rng: 42 });
    const c = run(net, cue, { steps: 5, mode, beta: 2, rng: 43 });
    assert.deepEqual(a.states, b.states);
    assert.notDeepEqual(a.states, c.states);
    a.overlaps.forEach((row) => row.forEach((m) => assert.ok(m >= -1 && m <= 1)));
  }
});

Deno.test("stochastic dynamics at small beta destroy the memory, at large beta keep it", () => {
  const ps = randomPatterns(3, 2000, 8);
  const net = storePatterns(ps);
  const hot = run(net, ps[0], { steps: 10, beta: 0.5, rng: 1, recordStates: false });
  const cold = run(net, ps[0], { steps: 10, beta: 4, rng: 1, recordStates: false });
  assert.ok(Math.abs(hot.overlaps[10][0]) < 0.1, `hot m = ${hot.overlaps[10][0]}`);
  assert.ok(cold.overlaps[10][0] > 0.99, `cold m = ${cold.overlaps[10][0]}`);
});

Deno.test("bad input: beta negative or NaN", () => {
  assert.throws(
    () => run(boardNet, board, { steps: 1, beta: -1, rng: 1 }),
    /beta must be a number >= 0, got -1/,
  );
  assert.throws(
    () => run(boardNet, board, { steps: 1, beta: NaN, rng: 1 }),
    /beta must be a number >= 0, got NaN/,
  );
});

Deno.test("bad input: steps not a non-negative integer, cue of the wrong length", () => {
  assert.throws(
    () => run(boardNet, board, { steps: -1 }),
    /steps must be an integer in \[0, 10000000\], got -1/,
  );
  assert.throws(
    () => run(boardNet, board, { steps: 1.5 }),
    /steps must be an integer in \[0, 10000000\], got 1.5/,
  );
  assert.throws(
    () => run(boardNet, checkerboard(3), { steps: 1 }),
    /initial must have length N = 16 .* got length 9/,
  );
});

Deno.test("bad input: stochastic or asynchronous dynamics without a generator, unknown mode", () => {
  assert.throws(
    () => run(boardNet, board, { steps: 1, beta: 2 }),
    /rng must be given .* for stochastic updates/,
  );
  assert.throws(() => asyncSweep(boardNet, board), /rng must be given .* for asynchronous updates/);
  assert.throws(
    () => run(boardNet, board, { steps: 1, mode: "parallel" as unknown as "sync" }),
    /mode must be "sync" or "async", got "parallel"/,
  );
  assert.throws(
    () => run(boardNet, board, { steps: 1, beta: 2, rng: 1, stopAt: "fixed-point" }),
    /stopAt must be "none" for stochastic dynamics/,
  );
});

Deno.test("bad input: a gain that returns values outside [0, 1]", () => {
  assert.throws(
    () => syncStep(boardNet, board, { gain: (h) => 2 * h, rng: 1 }),
    /gain\(h\) must return a probability in \[0, 1\]/,
  );
});
