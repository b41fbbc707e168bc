/**
 * A network of N = 100,000 neurons with M = 100 random patterns: build it,
 * retrieve a pattern from a cue with 30% of its bits flipped, and report the
 * time and the memory used. The dense weight matrix would need 80 GB; the
 * overlap form needs the patterns twice (2 N M bytes = 20 MB).
 *
 *   deno task bench
 */
import { storePatterns } from "../lib/network.ts";
import { run } from "../lib/dynamics.ts";
import { flipN, randomPatterns } from "../lib/patterns.ts";

const N = 100_000;
const M = 100;
const rss = () => (Deno.memoryUsage().rss / 2 ** 20).toFixed(0);
const before = rss();
let t = performance.now();
const patterns = randomPatterns(M, N, 1);
const net = storePatterns(patterns);
const build = performance.now() - t;
const cue = flipN(patterns[0], 30_000, 2);
t = performance.now();
const sync = run(net, cue, { steps: 5, recordStates: false });
const syncMs = (performance.now() - t) / 5;
t = performance.now();
const asyncRun = run(net, cue, { steps: 2, mode: "async", rng: 3, recordStates: false });
const asyncMs = (performance.now() - t) / 2;
console.log(
  `large network: N = ${N}, M = ${M} (dense W would need ${(N * N * 8 / 1e9).toFixed(0)} GB)`,
);
console.log(`  build patterns + network: ${build.toFixed(0)} ms`);
console.log(
  `  synchronous step:         ${syncMs.toFixed(1)} ms   m(t) = ${
    sync.overlaps.map((m) => m[0].toFixed(3)).join(", ")
  }`,
);
console.log(
  `  asynchronous sweep:       ${asyncMs.toFixed(1)} ms   m(t) = ${
    asyncRun.overlaps.map((m) => m[0].toFixed(3)).join(", ")
  }`,
);
console.log(`  resident memory:          ${before} MB before, ${rss()} MB after`);
