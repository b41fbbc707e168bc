/**
 * Energy benchmarks (Sec. 17.2.5). The headline: an energy trace over 10
 * asynchronous sweeps at N = 10,000, M = 500 that keeps E after every one of
 * the 100,000 single-neuron updates, each in O(M) from the overlap sums.
 */
import { noisyCopy, randomPattern, randomPatterns } from "../lib/patterns.ts";
import { storePatterns } from "../lib/network.ts";
import { run } from "../lib/dynamics.ts";
import { energy, energyDense, energyTrace } from "../lib/energy.ts";
import { randomWeights } from "../lib/counterexamples.ts";

const N = 10_000, M = 500;
const patterns = randomPatterns(M, N, 1);
const net = storePatterns(patterns);
const cue = noisyCopy(patterns[0], 0.2, 2);

Deno.bench({
  name: "energyTrace: 10 async sweeps, N = 10,000, M = 500, E after each of 100,000 updates",
  group: "trace",
  baseline: true,
  fn() {
    const tr = energyTrace(net, cue, { steps: 10, rng: 3 });
    if (tr.energy.length !== 10 * N + 1) throw new Error("wrong trace length");
  },
});

Deno.bench({
  name: "run: the same 10 async sweeps without the energy trace",
  group: "trace",
  fn() {
    run(net, cue, { mode: "async", steps: 10, rng: 3, recordStates: false, patterns: [] });
  },
});

const S = randomPattern(N, 4);
Deno.bench({
  name: "energy of one state from the overlaps, N = 10,000, M = 500 (O(N M))",
  group: "energy",
  fn() {
    energy(net, S);
  },
});

const dense = randomWeights(1000, 5);
const S1000 = randomPattern(1000, 6);
Deno.bench({
  name: "energyDense: double sum, N = 1000 (O(N^2))",
  group: "energy",
  fn() {
    energyDense(dense, S1000);
  },
});
