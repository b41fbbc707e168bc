import assert from "node:assert/strict";
import { hammingDistance, randomPatterns } from "../lib/patterns.ts";
import { denseNetwork, storePatterns } from "../lib/network.ts";
import { deltaE, energy, energyDense } from "../lib/energy.ts";
import { mixtureState } from "../lib/mixtures.ts";
import { energyProfile } from "../lib/landscape.ts";

Deno.test("profile p1 -> 3-mixture -> p2: exact endpoints, one flip per step, valleys at the waypoints", () => {
  const N = 1000;
  const ps = randomPatterns(3, N, 1);
  const net = storePatterns(ps);
  const mix = mixtureState(ps);
  const prof = energyProfile(net, [ps[0], mix, ps[1]], {
    labels: ["p1", "mixture", "p2"],
    rng: 2,
    references: ps,
  });
  const d1 = hammingDistance(ps[0], mix), d2 = hammingDistance(mix, ps[1]);
  assert.equal(prof.energy.length, d1 + d2 + 1);
  assert.deepEqual(prof.marks, [
    { index: 0, label: "p1" },
    { index: d1, label: "mixture" },
    { index: d1 + d2, label: "p2" },
  ]);
  assert.equal(prof.energy[0], energy(net, ps[0]));
  assert.equal(prof.energy[d1], energy(net, mix));
  assert.equal(prof.energy[d1 + d2], energy(net, ps[1]));
  // each waypoint is a fixed point here, so both neighbours along the path lie higher
  assert.ok(prof.energy[1] > prof.energy[0]);
  assert.ok(prof.energy[d1 - 1] > prof.energy[d1] && prof.energy[d1 + 1] > prof.energy[d1]);
  assert.ok(prof.energy[d1 + d2 - 1] > prof.energy[d1 + d2]);
  // overlaps: p1 goes from 1 to about 1/2 at the mixture, p2 ends at 1
  assert.equal(prof.overlaps[0][0], 1);
  assert.ok(Math.abs(prof.overlaps[0][d1] - 0.5) < 0.05);
  assert.equal(prof.overlaps[1][d1 + d2], 1);
  // the barrier from the pattern to the mixture is near the large-N value -1/3 (x = 2/3)
  let top = -Infinity;
  for (let j = 0; j <= d1; j++) top = Math.max(top, prof.energy[j] / N);
  assert.ok(Math.abs(top - -1 / 3) < 0.02, `barrier ${top}`);
});

Deno.test("profile steps equal Delta E of the flipped neuron (dense network, O(N) bookkeeping)", () => {
  const w = [[0, 0.3, -0.2, 0.1], [0.3, 0, 0.5, -0.4], [-0.2, 0.5, 0, 0.2], [0.1, -0.4, 0.2, 0]];
  const net = denseNetwork(w);
  const a = Int8Array.of(1, 1, 1, 1), b = Int8Array.of(-1, 1, -1, -1);
  const prof = energyProfile(net, [a, b]);
  // without rng the flips go in index order: neurons 0, 2, 3
  const states = [a, Int8Array.of(-1, 1, 1, 1), Int8Array.of(-1, 1, -1, 1), b];
  states.forEach((S, j) => assert.ok(Math.abs(prof.energy[j] - energyDense(w, S)) < 1e-12));
  assert.ok(Math.abs(prof.energy[1] - prof.energy[0] - deltaE(net, a, 0)) < 1e-12);
});

Deno.test("bad input: waypoints and labels", () => {
  const ps = randomPatterns(2, 50, 1);
  const net = storePatterns(ps);
  assert.throws(() => energyProfile(net, [ps[0]]), /waypoints must list at least two states/);
  assert.throws(
    () => energyProfile(net, [ps[0], Int8Array.of(1, -1)]),
    /waypoints\[1\] must have length N = 50/,
  );
  assert.throws(
    () => energyProfile(net, ps, { labels: ["only one"] }),
    /labels must have one entry per waypoint \(2\)/,
  );
});

Deno.test("the walk always ends at its last waypoint, whatever the generator returns", () => {
  const ps = randomPatterns(3, 80, 1);
  const net = storePatterns(ps);
  const d = hammingDistance(ps[0], ps[1]);
  for (const r of [() => 0, () => 0.999999999, () => 0.5, 3]) {
    const prof = energyProfile(net, [ps[0], ps[1]], { rng: r });
    assert.deepEqual(prof.final, ps[1]);
    assert.equal(prof.energy.length, d + 1);
    assert.equal(prof.energy[d], energy(net, ps[1]));
    assert.deepEqual(prof.marks[1], { index: d, label: "end" });
  }
  // a generator that returns NaN is named (it used to stop short of the end, at a wrong energy)
  assert.throws(
    () => energyProfile(net, [ps[0], ps[1]], { rng: () => NaN }),
    /rng\(\) must return numbers in \[0, 1\), got NaN/,
  );
});

Deno.test("equal waypoints: a zero-length path is a single point", () => {
  const ps = randomPatterns(2, 50, 1);
  const net = storePatterns(ps);
  const prof = energyProfile(net, [ps[0], ps[0]]);
  assert.deepEqual(Array.from(prof.energy), [energy(net, ps[0])]);
  assert.deepEqual(prof.marks, [{ index: 0, label: "start" }, { index: 0, label: "end" }]);
  assert.deepEqual(prof.final, ps[0]);
});

Deno.test("energyProfile: bad network, null options, references of the wrong type, overflow", () => {
  const ps = randomPatterns(2, 50, 1);
  const net = storePatterns(ps);
  const p4 = Int8Array.of(1, 1, -1, 1);
  assert.throws(
    () => energyProfile(undefined as never, [p4, p4]),
    /net must be a network from storePatterns\(patterns\) or denseNetwork\(weights\), got undefined/,
  );
  const prof = energyProfile(net, [ps[0], ps[1]], null as never);
  assert.equal(prof.energy[prof.energy.length - 1], energy(net, ps[1]));
  assert.throws(
    () => energyProfile(net, [ps[0], ps[1]], { references: "x" as never }),
    /references must be a list of states \(Int8Array of \+1\/-1, length N = 50\), got "x"/,
  );
  assert.throws(
    () =>
      energyProfile(denseNetwork([[0, 1e308], [1e308, 0]]), [
        Int8Array.of(1, 1),
        Int8Array.of(-1, 1),
      ]),
    /the energy is not a finite number \(got -Infinity\): the weights are too large/,
  );
});
