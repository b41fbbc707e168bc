/**
 * Simulated memory retrieval in the stochastic Hopfield network, to hold
 * against the mean-field overlap map (Sec. 17.2.3; science spec section 3.4).
 *
 * Each run draws M random patterns, cues pattern 1 with a corrupted copy of
 * overlap m0 (round((1 - m0) N / 2) bits flipped), runs the stochastic
 * dynamics of `dynamics.ts` (parallel or asynchronous updates with the gain
 * 0.5 [1 + tanh(beta h)] or a gain of your own) and records the overlap with
 * the cued pattern and the largest |overlap| with any other pattern. In a
 * large network with few patterns the first follows the map
 * m(t + 1) = tanh(beta m(t)) and the second stays of order 1/sqrt(N).
 *
 * @module
 */
import { run, type UpdateMode } from "./dynamics.ts";
import type { Gain } from "./gain.ts";
import { checkGain } from "./gain.ts";
import { type Diagonal, storePatterns } from "./network.ts";
import { flipN, randomPatterns } from "./patterns.ts";
import { rng } from "./random.ts";
import { checkInteger, checkNumber, show } from "./validate.ts";

/** Options of {@linkcode simulateRetrieval}. */
export interface RetrievalOptions {
  /** Number of neurons. */
  N: number;
  /** Number of stored random patterns (default 1); pattern 1 is the one cued. */
  M?: number;
  /** Noise parameter of the standard gain (beta >= 0; `Infinity` = deterministic). */
  beta?: number;
  /** A gain function of your own, instead of `beta` (give one of the two, not both). */
  gain?: Gain;
  /** Overlap of the cue with the cued pattern, in [-1, 1]. */
  m0: number;
  /** Number of parallel steps (or asynchronous sweeps), at most 100,000. */
  steps: number;
  /** One run per seed (default [1, 2, 3]; at most 1000); the seed fixes patterns, cue and noise. */
  seeds?: readonly number[];
  /** `"sync"` (default: parallel updates, as in the map) or `"async"` (one sweep per time step). */
  mode?: UpdateMode;
  /** Self-coupling convention (default `"zero"`). */
  diagonal?: Diagonal;
}

/** One simulated run. */
export interface RetrievalRun {
  /** The seed of this run. */
  seed: number;
  /** Overlap with the cued pattern, m^1(t) for t = 0..steps. */
  cued: Float64Array;
  /** max over mu > 1 of |m^mu(t)| for t = 0..steps (empty when M = 1). */
  maxOther: Float64Array;
}

/** The result of {@linkcode simulateRetrieval}. */
export interface RetrievalResult {
  N: number;
  M: number;
  /** The noise parameter (NaN when a custom gain was used). */
  beta: number;
  /** The actual initial overlap (N - 2 round((1 - m0) N / 2)) / N. */
  m0: number;
  steps: number;
  mode: UpdateMode;
  runs: RetrievalRun[];
}

/** Largest number of steps (every step's M overlaps are recorded). */
const MAX_STEPS = 100_000;
/** Largest number of runs (seeds). */
const MAX_RUNS = 1000;
/** Largest N x M: the patterns are held in memory about four times (N x M bytes each). */
const MAX_PATTERN_ENTRIES = 2e8;
/** Largest runs x steps x N: one random number and one gain value per neuron and step. */
const MAX_NEURON_UPDATES = 2e9;
/** Largest runs x steps x N x M: the cost of the fields and overlaps (about a minute). */
const MAX_WORK = 2e10;

/**
 * Simulates retrieval from a corrupted cue in a network of N stochastic
 * neurons storing M random patterns, once per seed, and returns the overlap
 * with the cued pattern and the largest overlap with any other pattern over
 * time. Uses `run` from `dynamics.ts` (no states kept, so N = 10,000 is cheap).
 *
 * Sizes are capped so that a typo fails at once instead of running for hours:
 * steps <= 100,000, at most 1000 seeds, N x M <= 2e8, runs x steps x N <= 2e9
 * and runs x steps x N x M <= 2e10 (about a minute).
 *
 * @example
 * ```ts
 * import { simulateRetrieval } from "./retrieval.ts";
 * const res = simulateRetrieval({ N: 10_000, M: 5, beta: 2, m0: 0.2, steps: 8, seeds: [1] });
 * res.runs[0].cued; // 0.2, ~0.38, ~0.63, ~0.85, ~0.93, ... ~0.957 = m*(2)
 * ```
 */
export function simulateRetrieval(options: RetrievalOptions): RetrievalResult {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `options must be an object { N, m0, steps, beta or gain }, got ${show(options)}`,
    );
  }
  const N = checkInteger("N", options.N, 2);
  const M = checkInteger("M", options.M ?? 1, 1);
  const m0 = checkNumber("m0", options.m0, -1, 1);
  const steps = checkInteger("steps", options.steps, 0);
  if (steps > MAX_STEPS) {
    throw new RangeError(
      `steps must be at most ${MAX_STEPS} (the overlaps of every step are kept), got ${steps}`,
    );
  }
  const mode = options.mode ?? "sync";
  let beta = NaN;
  let gain: Gain | undefined;
  if (options.gain !== undefined && options.beta !== undefined) {
    throw new TypeError(
      `give either beta or gain, not both (got beta = ${show(options.beta)} and gain = ${
        show(options.gain)
      }): a gain function of your own replaces the standard gain of beta`,
    );
  }
  if (options.gain !== undefined) gain = checkGain(options.gain);
  else if (options.beta !== undefined) beta = checkNumber("beta", options.beta, 0);
  else throw new TypeError("beta or gain must be given (the noise of the neurons), got neither");
  const seeds = options.seeds ?? [1, 2, 3];
  if (!Array.isArray(seeds) || seeds.length === 0 || seeds.length > MAX_RUNS) {
    throw new RangeError(
      `seeds must be a non-empty list of at most ${MAX_RUNS} numbers, got ${show(seeds)}`,
    );
  }
  seeds.forEach((seed, k) => {
    if (typeof seed !== "number" || !Number.isFinite(seed)) {
      throw new RangeError(`seeds[${k}] must be a finite number, got ${show(seed)}`);
    }
  });
  const runCount = seeds.length;
  if (N * M > MAX_PATTERN_ENTRIES) {
    throw new RangeError(
      `N x M must be at most ${MAX_PATTERN_ENTRIES} (the patterns are held in memory), ` +
        `got N = ${N}, M = ${M}`,
    );
  }
  if (runCount * steps * N > MAX_NEURON_UPDATES) {
    throw new RangeError(
      `seeds.length x steps x N must be at most ${MAX_NEURON_UPDATES} (neuron updates), ` +
        `got ${runCount} x ${steps} x ${N}`,
    );
  }
  if (runCount * steps * N * M > MAX_WORK) {
    throw new RangeError(
      `seeds.length x steps x N x M must be at most ${MAX_WORK} (about a minute of work), ` +
        `got ${runCount} x ${steps} x ${N} x ${M}`,
    );
  }
  const flips = Math.round(((1 - m0) * N) / 2);
  const runs = seeds.map((seed): RetrievalRun => {
    const r = rng(seed);
    const net = storePatterns(randomPatterns(M, N, r), { diagonal: options.diagonal });
    const cue = flipN(net.patterns[0], flips, r);
    const tr = run(net, cue, {
      steps,
      mode,
      rng: r,
      recordStates: false,
      ...(gain ? { gain } : { beta }),
    });
    const cued = new Float64Array(steps + 1);
    const maxOther = new Float64Array(M > 1 ? steps + 1 : 0);
    tr.overlaps.forEach((m, t) => {
      cued[t] = m[0];
      if (M > 1) {
        let best = 0;
        for (let mu = 1; mu < M; mu++) best = Math.max(best, Math.abs(m[mu]));
        maxOther[t] = best;
      }
    });
    return { seed, cued, maxOther };
  });
  return { N, M, beta, m0: (N - 2 * flips) / N, steps, mode, runs };
}
