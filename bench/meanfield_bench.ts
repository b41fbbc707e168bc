/**
 * Part-2 benchmarks (stochastic Hopfield model, mean-field overlap map):
 * 50 synchronous stochastic steps at N = 10,000, M = 5, beta = 2 (the
 * simulation the notebook holds against the map), the bifurcation diagram
 * over 400 values of beta, and the fixed points of the one-step crosstalk map.
 *
 *   deno task bench
 */
import { run } from "../lib/dynamics.ts";
import { storePatterns } from "../lib/network.ts";
import { flipN, randomPatterns } from "../lib/patterns.ts";
import { betaValues, bifurcation, fixedPoints, meanFieldMap } from "../lib/meanfield.ts";
import { crosstalkMap } from "../lib/crosstalk_map.ts";
import { simulateRetrieval } from "../lib/retrieval.ts";

const N = 10_000, M = 5;
const net = storePatterns(randomPatterns(M, N, 1));
const cue = flipN(net.patterns[0], 4000, 2); // m0 = 0.2
let seed = 0;

Deno.bench({
  name: "50 synchronous stochastic steps, N = 10,000, M = 5, beta = 2",
  group: "simulation",
  baseline: true,
  fn: () => {
    run(net, cue, { steps: 50, beta: 2, rng: ++seed, recordStates: false });
  },
});

Deno.bench({
  name: "simulateRetrieval: new patterns + cue + 50 steps, N = 10,000, M = 5",
  group: "simulation",
  fn: () => {
    simulateRetrieval({ N, M, beta: 2, m0: 0.2, steps: 50, seeds: [++seed] });
  },
});

const betas = betaValues(0, 4, 400);

Deno.bench({
  name: "bifurcation diagram, 400 values of beta in [0, 4]",
  group: "map",
  baseline: true,
  fn: () => {
    bifurcation(betas);
  },
});

Deno.bench({
  name: "fixed points of tanh(2 m) (2000 bracketing intervals)",
  group: "map",
  fn: () => {
    fixedPoints(meanFieldMap(2));
  },
});

Deno.bench({
  name: "fixed points of the one-step crosstalk map, alpha = 0.1, beta = 2",
  group: "map",
  fn: () => {
    fixedPoints(crosstalkMap(0.1, 2));
  },
});
