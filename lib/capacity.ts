/**
 * Memory capacity (Sec. 17.2.4): the crosstalk between stored patterns and
 * the probability that a bit flips in one step.
 *
 * Start the network in pattern nu. With w_ii = 0 the field of neuron i is
 *
 *   p_i^nu h_i = (N - 1)/N + p_i^nu (1/N) sum_{mu != nu} sum_{j != i} p_i^mu p_j^mu p_j^nu,
 *
 * a signal (N - 1)/N plus crosstalk: a sum of (M - 1)(N - 1) independent +-1
 * terms divided by N, so for large N a Gaussian with mean 0 and variance
 * sigma^2 = (M - 1)(N - 1)/N^2, about M/N. The bit flips when the crosstalk
 * falls below minus the signal, which for large N gives
 *
 *   P_error = (1/2) [1 - erf(sqrt(N / (2M)))] = (1/2) erfc(1 / sqrt(2 M/N)).
 *
 * @module
 */
import { hebbianField } from "./field.ts";
import { checkNetwork, type Diagonal, type HebbianNetwork, storePatterns } from "./network.ts";
import { randomPatterns } from "./patterns.ts";
import { type RngLike, sampleIndices, toRng } from "./random.ts";
import { erfc } from "./special.ts";
import { checkInteger, checkNumber } from "./validate.ts";

/** The capacity of the Hopfield model from mean-field theory, M_max = 0.138 N (Amit, Gutfreund, Sompolinsky 1985). */
export const AGS_CAPACITY = 0.138;

/**
 * One-step error probability for load M/N (Gaussian crosstalk approximation):
 * P_error = (1/2) erfc(1 / sqrt(2 M/N)).
 *
 * @example
 * ```ts
 * import { pError } from "./capacity.ts";
 * pError(0.138); // 0.00355
 * ```
 */
export function pError(load: number): number {
  checkNumber("load (M/N)", load, 0);
  if (load === 0) return 0;
  return 0.5 * erfc(1 / Math.sqrt(2 * load));
}

/**
 * The largest load M/N whose one-step error probability is at most `p`: the
 * inverse of {@linkcode pError} (bisection; p must be in (0, 0.5)).
 *
 * @example
 * ```ts
 * import { loadForPError } from "./capacity.ts";
 * loadForPError(0.001); // 0.1047
 * loadForPError(0.01); // 0.1848
 * ```
 */
export function loadForPError(p: number): number {
  checkNumber("p (error probability)", p, Number.MIN_VALUE, 0.4999999);
  let lo = 0, hi = 1;
  while (pError(hi) < p) hi *= 2;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (pError(mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-15) break;
  }
  return (lo + hi) / 2;
}

/**
 * Variance of the crosstalk term for N neurons and M patterns with w_ii = 0:
 * sigma^2 = (M - 1)(N - 1)/N^2 (about M/N).
 *
 * @example
 * ```ts
 * import { crosstalkVariance } from "./capacity.ts";
 * crosstalkVariance(2000, 276); // 0.1374
 * ```
 */
export function crosstalkVariance(N: number, M: number): number {
  checkInteger("N", N, 1);
  checkInteger("M", M, 1);
  return ((M - 1) / N) * ((N - 1) / N);
}

/** Signal and crosstalk of every neuron when the network sits exactly in a pattern. */
export interface Crosstalk {
  /** The deterministic part of p_i^nu h_i: (N - 1)/N for w_ii = 0, 1 + (M - 1)/N for w_ii = M/N. */
  signal: number;
  /** The crosstalk of each neuron, p_i^nu h_i - signal (mean 0, variance about M/N). */
  noise: Float64Array;
  /** Number of neurons whose bit flips in one step (signal + noise < 0). */
  errors: number;
}

/**
 * Signal and crosstalk when the network is started exactly in stored pattern
 * `nu`: p_i^nu h_i = signal + noise_i. A bit flips in one synchronous step when
 * noise_i < -signal. Computed from the overlaps in O(N M).
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { crosstalk } from "./capacity.ts";
 * const net = storePatterns(randomPatterns(20, 200, 1));
 * const { signal, noise } = crosstalk(net, 0); // signal 0.995, noise variance ~ 0.1
 * ```
 */
export function crosstalk(net: HebbianNetwork, nu: number): Crosstalk {
  if (checkNetwork(net).kind !== "hebbian") {
    throw new TypeError(
      "net must be a Hebbian network from storePatterns (crosstalk needs stored patterns), got a dense network",
    );
  }
  checkInteger("nu (pattern index)", nu, 0, net.M - 1);
  const { N, M } = net;
  const p = net.patterns[nu];
  const h = hebbianField(net, p, new Float64Array(N));
  const signal = net.diagonal === "zero" ? (N - 1) / N : 1 + (M - 1) / N;
  const noise = new Float64Array(N);
  let errors = 0;
  for (let i = 0; i < N; i++) {
    const ph = p[i] * h[i];
    noise[i] = ph - signal;
    // sgn(0) = +1: a zero field flips a -1 bit but keeps a +1 bit
    const next = h[i] >= 0 ? 1 : -1;
    if (next !== p[i]) errors++;
  }
  return { signal, noise, errors };
}

/**
 * Crosstalk pooled over several stored patterns (the first `count`, default
 * all, at most 20): more samples for a histogram of the same distribution.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { crosstalkSample } from "./capacity.ts";
 * const c = crosstalkSample(storePatterns(randomPatterns(138, 1000, 1)), 10); // 10,000 values
 * ```
 */
export function crosstalkSample(net: HebbianNetwork, count?: number): Crosstalk {
  if (checkNetwork(net).kind !== "hebbian") {
    throw new TypeError(
      "net must be a Hebbian network from storePatterns (crosstalk needs stored patterns), got a dense network",
    );
  }
  count ??= Math.min(net.M, 20);
  checkInteger("count", count, 1, net.M);
  const parts = Array.from({ length: count }, (_, nu) => crosstalk(net, nu));
  const noise = new Float64Array(count * net.N);
  parts.forEach((c, k) => noise.set(c.noise, k * net.N));
  return { signal: parts[0].signal, noise, errors: parts.reduce((s, c) => s + c.errors, 0) };
}

/** Options of {@linkcode simulatedErrorRate}. */
export interface ErrorRateOptions {
  /** Self-coupling convention (default "zero"). */
  diagonal?: Diagonal;
  /** How many stored patterns to start from per network (default: all, at most 20). */
  patternsPerNetwork?: number;
  /** Independent networks to average over (default 1). */
  networks?: number;
}

/** A measured one-step error rate. */
export interface ErrorRate {
  /** Load M/N actually used (M = round(load N)). */
  load: number;
  N: number;
  M: number;
  /** Fraction of bits that flipped in one synchronous step from a stored pattern. */
  rate: number;
  /** Number of bits checked. */
  bits: number;
  /** The Gaussian-tail prediction pError(M/N). */
  theory: number;
}

/**
 * Simulated one-step error rate at load M/N: store M = round(load N) random
 * patterns, start exactly in a stored pattern, do one deterministic
 * synchronous step, and count the flipped bits.
 *
 * @example
 * ```ts
 * import { simulatedErrorRate } from "./capacity.ts";
 * const r = simulatedErrorRate(1000, 0.138, 1); // r.rate near r.theory = 0.0036
 * ```
 */
export function simulatedErrorRate(
  N: number,
  load: number,
  rng: RngLike,
  options: ErrorRateOptions = {},
): ErrorRate {
  checkInteger("N", N, 2);
  checkNumber("load (M/N)", load, 1 / N, 10);
  options ??= {};
  const r = toRng(rng);
  const M = Math.max(1, Math.round(load * N));
  const networks = checkInteger("networks", options.networks ?? 1, 1, 10_000);
  if (networks * M * N > 2e9) {
    throw new RangeError(
      `networks x M x N must be at most 2e9 (a few minutes of work), got ${networks} x ${M} x ${N}`,
    );
  }
  const per = checkInteger(
    "patternsPerNetwork",
    options.patternsPerNetwork ?? Math.min(M, 20),
    1,
    M,
  );
  let errors = 0, bits = 0;
  for (let n = 0; n < networks; n++) {
    const net = storePatterns(randomPatterns(M, N, r), { diagonal: options.diagonal ?? "zero" });
    for (const nu of sampleIndices(r, M, per)) {
      errors += crosstalk(net, nu).errors;
      bits += N;
    }
  }
  return { load: M / N, N, M, rate: errors / bits, bits, theory: pError(M / N) };
}
