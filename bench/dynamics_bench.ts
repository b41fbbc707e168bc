/**
 * Speed of the part-1 dynamics at N = 10,000 neurons and M = 500 patterns
 * (load 0.05): one synchronous step and one asynchronous sweep through the
 * overlap form of the field, against one dense W S product of the same size.
 *
 *   deno task bench
 */
import { denseNetwork, storePatterns } from "../lib/network.ts";
import { asyncSweep, syncStep } from "../lib/dynamics.ts";
import { denseField, inputField } from "../lib/field.ts";
import { flipN, randomPatterns } from "../lib/patterns.ts";
import { rng } from "../lib/random.ts";

const N = 10_000;
const M = 500;
const patterns = randomPatterns(M, N, 1);
const net = storePatterns(patterns);
const cue = flipN(patterns[0], 2000, 2);

// A dense N x N matrix (800 MB of float64). Its values do not change the cost
// of W S, so it is filled with random symmetric-ish numbers instead of the
// O(N^2 M) Hebbian sum, which would take minutes to build.
const r = rng(3);
const w = new Float64Array(N * N);
for (let k = 0; k < w.length; k++) w[k] = r() - 0.5;
const dense = denseNetwork(w);
const field = new Float64Array(N);

Deno.bench({
  name: "input field from the overlaps, O(NM)",
  group: "field N=10k M=500",
  baseline: true,
  fn: () => {
    inputField(net, cue, field);
  },
});

Deno.bench({
  name: "dense W S, O(N^2)",
  group: "field N=10k M=500",
  fn: () => {
    denseField(dense, cue, field);
  },
});

Deno.bench({
  name: "synchronous deterministic step (overlap form)",
  group: "dynamics N=10k M=500",
  baseline: true,
  fn: () => {
    syncStep(net, cue);
  },
});

Deno.bench({
  name: "asynchronous deterministic sweep, N single-neuron updates",
  group: "dynamics N=10k M=500",
  fn: () => {
    asyncSweep(net, cue, { rng: 4 });
  },
});

Deno.bench({
  name: "synchronous stochastic step, beta = 2",
  group: "dynamics N=10k M=500",
  fn: () => {
    syncStep(net, cue, { beta: 2, rng: 5 });
  },
});
