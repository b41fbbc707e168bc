/**
 * Overlaps and correlations (Sec. 17.2.3).
 *
 * The overlap of a state S with pattern mu is m^mu = (1/N) sum_i p_i^mu S_i:
 * +1 at the pattern, -1 at its inverse, about 0 (spread 1/sqrt(N)) for an
 * unrelated state; with d mismatching neurons m = 1 - 2d/N. The correlation of
 * two patterns is the same quantity between patterns:
 * C^{mu nu} = (1/N) sum_i p_i^mu p_i^nu.
 *
 * @module
 */
import { checkPatterns, type HebbianNetwork } from "./network.ts";
import { type Pattern, randomPatterns } from "./patterns.ts";
import { type RngLike, toRng } from "./random.ts";
import { checkInteger, checkLength, checkSpins, show } from "./validate.ts";

/**
 * Overlap m = (1/N) sum_i p_i S_i between a pattern and a state.
 *
 * @example
 * ```ts
 * import { overlap } from "./overlap.ts";
 * overlap(Int8Array.of(1, 1, 1, 1, 1, 1, 1, 1), Int8Array.of(1, 1, 1, 1, 1, 1, 1, -1)); // 0.75
 * ```
 */
export function overlap(pattern: Pattern, state: Int8Array): number {
  checkSpins("pattern", pattern);
  checkSpins("state", state);
  checkLength("state", state.length, pattern.length);
  let s = 0;
  for (let i = 0; i < pattern.length; i++) s += pattern[i] * state[i];
  return s / pattern.length;
}

/**
 * Overlaps of `state` with every stored pattern, m^mu for mu = 1..M, in O(N M).
 * Accepts a network or a list of patterns.
 *
 * @example
 * ```ts
 * import { checkerboard, lPattern } from "./patterns.ts";
 * import { overlaps } from "./overlap.ts";
 * overlaps([checkerboard(4), lPattern(4)], checkerboard(4)); // Float64Array [1, 0.125]
 * ```
 */
export function overlaps(
  patterns: readonly Pattern[] | HebbianNetwork,
  state: Int8Array,
  out?: Float64Array,
): Float64Array {
  if (!Array.isArray(patterns) && (patterns as HebbianNetwork)?.kind !== "hebbian") {
    throw new TypeError(
      `patterns must be a list of patterns or a network from storePatterns, got ${show(patterns)}`,
    );
  }
  const list = Array.isArray(patterns) ? patterns : (patterns as HebbianNetwork).patterns;
  const N = checkPatterns(list);
  checkSpins("state", state);
  checkLength("state", state.length, N);
  if (out !== undefined && (!(out instanceof Float64Array) || out.length !== list.length)) {
    throw new RangeError(
      `out must be a Float64Array of length M = ${list.length}, got ${show(out)}`,
    );
  }
  const m = out ?? new Float64Array(list.length);
  for (let mu = 0; mu < list.length; mu++) {
    const p = list[mu];
    let s = 0;
    for (let i = 0; i < N; i++) s += p[i] * state[i];
    m[mu] = s / N;
  }
  return m;
}

/**
 * The M x M correlation matrix C^{mu nu} = (1/N) sum_i p_i^mu p_i^nu,
 * row-major. Its diagonal is 1; for orthogonal patterns it is the identity.
 *
 * @example
 * ```ts
 * import { rowPatterns } from "./patterns.ts";
 * import { correlationMatrix } from "./overlap.ts";
 * const C = correlationMatrix(rowPatterns(4)); // identity: the 4 rows of a 4x4 grid are orthogonal
 * ```
 */
export function correlationMatrix(patterns: readonly Pattern[]): Float64Array {
  const N = checkPatterns(patterns);
  const M = patterns.length;
  const C = new Float64Array(M * M);
  for (let mu = 0; mu < M; mu++) {
    C[mu * M + mu] = 1;
    for (let nu = mu + 1; nu < M; nu++) {
      let s = 0;
      const a = patterns[mu], b = patterns[nu];
      for (let i = 0; i < N; i++) s += a[i] * b[i];
      C[mu * M + nu] = C[nu * M + mu] = s / N;
    }
  }
  return C;
}

/**
 * The off-diagonal entries of the correlation matrix (each pair once): for
 * independent random patterns they have mean 0 and standard deviation
 * 1/sqrt(N).
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { pairwiseCorrelations } from "./overlap.ts";
 * const c = pairwiseCorrelations(randomPatterns(20, 1000, 1)); // 190 values, spread ~0.03
 * ```
 */
export function pairwiseCorrelations(patterns: readonly Pattern[]): Float64Array {
  const C = correlationMatrix(patterns);
  const M = patterns.length;
  const out = new Float64Array((M * (M - 1)) / 2);
  let k = 0;
  for (let mu = 0; mu < M; mu++) for (let nu = mu + 1; nu < M; nu++) out[k++] = C[mu * M + nu];
  return out;
}

/**
 * Smallest and largest of a list of finite numbers, in one pass (no argument
 * spreading, so any length works).
 *
 * @example
 * ```ts
 * import { extent } from "./overlap.ts";
 * extent([0.2, -1, 0.5]); // { min: -1, max: 0.5 }
 * ```
 */
export function extent(values: ArrayLike<number>, name = "values"): { min: number; max: number } {
  const n = values?.length;
  if (typeof n !== "number" || n === 0) {
    throw new RangeError(`${name} must be a non-empty list of numbers, got ${show(values)}`);
  }
  let min = Infinity, max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`${name}[${k}] must be a finite number, got ${show(v)}`);
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Mean and standard deviation (population) of a list of numbers.
 *
 * @example
 * ```ts
 * import { meanStd } from "./overlap.ts";
 * meanStd([1, -1]); // { mean: 0, std: 1 }
 * ```
 */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const { min, max } = extent(values);
  const n = values.length;
  // scale by the largest magnitude so that huge values do not overflow the sums
  const scale = Math.max(Math.abs(min), Math.abs(max)) || 1;
  let s = 0;
  for (let k = 0; k < n; k++) s += values[k] / scale;
  const mean = s / n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (values[k] / scale - mean) ** 2;
  return { mean: mean * scale, std: Math.sqrt(v / n) * scale };
}

/** Correlations between random patterns at one network size. */
export interface CorrelationSample {
  /** Number of neurons. */
  N: number;
  /** All pairwise correlations C^{mu nu}, mu < nu. */
  values: Float64Array;
  /** Their standard deviation (theory: 1/sqrt(N)). */
  std: number;
}

/**
 * For each N in `sizes`, draws M random patterns and returns all pairwise
 * correlations and their spread, to compare with 1/sqrt(N).
 *
 * @example
 * ```ts
 * import { correlationSpread } from "./overlap.ts";
 * const [s] = correlationSpread([1000], 30, 1); // s.std close to 1/sqrt(1000) = 0.0316
 * ```
 */
export function correlationSpread(
  sizes: readonly number[],
  M: number,
  rng: RngLike,
): CorrelationSample[] {
  if (!Array.isArray(sizes) || sizes.length === 0) {
    throw new RangeError(`sizes must be a non-empty list of network sizes N, got ${show(sizes)}`);
  }
  checkInteger("M", M, 2);
  const r = toRng(rng);
  return sizes.map((N, k) => {
    checkInteger(`sizes[${k}]`, N, 1);
    const values = pairwiseCorrelations(randomPatterns(M, N, r));
    return { N, values, std: meanStd(values).std };
  });
}
