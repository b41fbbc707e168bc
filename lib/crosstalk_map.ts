/**
 * The overlap map with crosstalk at load alpha = M / N, in a one-step
 * approximation (Sec. 17.2.3-17.2.4; science spec section 3.6).
 *
 * With many stored patterns the input of neuron i is not just p_i^nu m: the
 * other M - 1 patterns add a crosstalk term sum_{mu != nu} p_i^mu m^mu. If the
 * state is unrelated to those patterns, each m^mu is of order 1/sqrt(N) and
 * the crosstalk is approximately Gaussian with variance (M - 1)/N ~ alpha.
 * Averaging the four-group argument over this Gaussian noise gives
 *
 *   m(t + dt) = F_alpha(m) = E_z[ g(m + sqrt(alpha) z) - g(-m - sqrt(alpha) z) ],
 *
 * z standard normal, which is E_z[tanh(beta (m + sqrt(alpha) z))] for the
 * standard gain and erf(m / sqrt(2 alpha)) in the deterministic limit.
 *
 * **This is an approximation.** It is right for the first step from a cue
 * that is unrelated to the other patterns (N -> infinity), but it neglects the
 * correlations that the dynamics build up between the state and the other
 * patterns (feedback through the weights). Iterating it therefore
 * overestimates what the network can store: at beta = infinity its retrieval
 * fixed point disappears only at alpha = 2/pi ~ 0.64, whereas the full theory
 * (Amit, Gutfreund and Sompolinsky 1987) and simulations put the limit near
 * alpha = 0.138.
 *
 * The Gaussian average is a deterministic quadrature (no sampling): Simpson's
 * rule on z in [-8.5, 8.5], split where the input crosses h = 0 and with nodes
 * packed around that point, so that steep gains (large beta) and the step
 * function are integrated accurately. The slope F_alpha'(m) of a steep gain
 * (beta sqrt(alpha) > 100) is computed with Stein's lemma,
 * d/dm E[f(m + sqrt(alpha) z)] = E[z f(m + sqrt(alpha) z)] / sqrt(alpha), whose
 * integrand stays bounded however narrow the spike of g' is.
 *
 * @module
 */
import {
  type GainLike,
  meanFieldMap,
  type OverlapMap,
  shortNumber,
  toOverlapMap,
} from "./meanfield.ts";
import { resolveGain } from "./meanfield.ts";
import { checkNumber, show } from "./validate.ts";

/** Options of {@linkcode crosstalkMap} and {@linkcode gaussianAverage}. */
export interface QuadratureOptions {
  /** Simpson intervals on each side of the split point (even, default 400, at most 10,000). */
  intervals?: number;
}

/** Half-width of the z range: the standard normal mass beyond 8.5 is below 1e-16. */
const Z_MAX = 8.5;
/** Node packing scale around the split point (in units of z). */
const PACK = 0.05;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/**
 * Largest number of Simpson intervals: 25 times the default, whose error is
 * already ~1e-13; a map with more would make `fixedPoints` take many seconds.
 */
const MAX_INTERVALS = 10_000;
/**
 * Above this beta sqrt(alpha) the spike of g'(m + sqrt(alpha) z) is narrower
 * than the quadrature resolves (direct error 5e-8 at 300, 2e-2 at 1000), so
 * the slope is taken by Stein's lemma; below, the direct average of g' is as
 * accurate (~1e-13) and is kept.
 */
const STEIN_ABOVE = 100;

interface NodeTable {
  offset: Float64Array;
  weight: Float64Array;
}

const tables = new Map<number, NodeTable>();

/** Validates `options.intervals` (even integer in [2, 10000], default 400). */
function quadratureIntervals(options: QuadratureOptions | null | undefined): number {
  const n = options?.intervals ?? 400;
  if (
    typeof n !== "number" || !Number.isInteger(n) || n < 2 || n > MAX_INTERVALS || n % 2 !== 0
  ) {
    throw new RangeError(
      `intervals must be an even integer in [2, ${MAX_INTERVALS}] (the default 400 is ` +
        `accurate to ~1e-13; more only costs time), got ${show(n)}`,
    );
  }
  return n;
}

/**
 * Nodes z - split = PACK sinh(u) for u uniform on [0, asinh(2 Z_MAX / PACK)]
 * (each side reaches at least Z_MAX beyond any split in [-Z_MAX, Z_MAX]) and
 * Simpson weights including the Jacobian PACK cosh(u).
 */
function nodeTable(n: number): NodeTable {
  let t = tables.get(n);
  if (!t) {
    const du = Math.asinh((2 * Z_MAX) / PACK) / n;
    const offset = new Float64Array(n + 1);
    const weight = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) {
      offset[k] = PACK * Math.sinh(k * du);
      const simpson = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2;
      weight[k] = (simpson * du * PACK * Math.cosh(k * du)) / 3;
    }
    t = { offset, weight };
    if (tables.size < 8) tables.set(n, t);
  }
  return t;
}

/** The quadrature itself, without checks: E_z[f(z)] split at `split` (any number). */
function average(f: (z: number) => number, split: number, table: NodeTable): number {
  const { offset, weight } = table;
  const n = offset.length - 1;
  const s = Math.min(Z_MAX, Math.max(-Z_MAX, split));
  let total = 0;
  for (let dir = -1; dir <= 1; dir += 2) {
    // the node at the split point itself is moved to the side's own limit, so
    // that a jump there is counted correctly on both sides
    let sum = weight[0] * f(s + dir * 1e-12 * Math.max(1, Math.abs(s))) * Math.exp(-0.5 * s * s);
    for (let k = 1; k <= n; k++) {
      const z = s + dir * offset[k];
      sum += weight[k] * f(z) * Math.exp(-0.5 * z * z);
    }
    total += sum;
  }
  return total * INV_SQRT_2PI;
}

/**
 * The Gaussian average E_z[f(z)] = integral of f(z) exp(-z^2/2) / sqrt(2 pi) dz,
 * z standard normal, by Simpson's rule on [-8.5, 8.5]. The range is split at
 * `split` (where f may jump or change fastest) and nodes are packed around it
 * (z = split +- 0.05 sinh(u), u uniform). Throws if f gives a value that is
 * not a finite number at a node.
 *
 * @example
 * ```ts
 * import { gaussianAverage } from "./crosstalk_map.ts";
 * gaussianAverage((z) => z * z); // 1 (the variance)
 * gaussianAverage((z) => (z >= 1 ? 1 : 0), 1); // 0.158655 = Pr{z >= 1}
 * ```
 */
export function gaussianAverage(
  f: (z: number) => number,
  split = 0,
  options: QuadratureOptions = {},
): number {
  if (typeof f !== "function") {
    throw new TypeError(`f must be a function z => number, got ${show(f)}`);
  }
  const table = nodeTable(quadratureIntervals(options));
  checkNumber("split", split);
  const result = average(f, split, table);
  if (Number.isFinite(result)) return result;
  // find the node that spoiled the sum, for the message
  const s = Math.min(Z_MAX, Math.max(-Z_MAX, split));
  for (const dir of [-1, 1]) {
    for (const z of [s, ...Array.from(table.offset, (o) => s + dir * o)]) {
      const y: unknown = f(z);
      if (typeof y !== "number" || !Number.isFinite(y)) {
        throw new RangeError(`f(z) must return a finite number, got ${show(y)} at z = ${z}`);
      }
    }
  }
  throw new RangeError(`the average of f is not finite (${show(result)}): f grows too fast`);
}

/** The error for a map argument m that is not a number or is NaN. */
function badArgument(m: unknown): never {
  if (typeof m !== "number") throw new TypeError(`m must be a number, got ${show(m)}`);
  throw new RangeError(`m must be a number (±Infinity allowed), got ${show(m)}`);
}

/**
 * The one-step crosstalk-corrected overlap map at load alpha = M / N,
 * F_alpha(m) = E_z[g(m + sqrt(alpha) z) - g(-m - sqrt(alpha) z)] with z
 * standard normal: the mean-field map averaged over Gaussian crosstalk of
 * variance alpha. For the standard gain (give beta) this is
 * E_z[tanh(beta (m + sqrt(alpha) z))]; alpha = 0 gives back
 * {@linkcode meanFieldMap}. At m = +-Infinity the map takes its limit, the
 * value of {@linkcode meanFieldMap} there.
 *
 * **An approximation**: exact for the first step from a cue unrelated to the
 * other patterns, but it neglects the correlations that later steps build up
 * with the other patterns, so its iterates are too optimistic at high load
 * (at beta = infinity retrieval survives up to alpha = 2/pi ~ 0.64 in this
 * map, versus 0.138 in the network).
 *
 * @example
 * ```ts
 * import { crosstalkMap } from "./crosstalk_map.ts";
 * const F = crosstalkMap(0.05, 2); // beta = 2, alpha = 0.05
 * F(0.2); // a little below tanh(0.4) = 0.380
 * crosstalkMap(0.1, Infinity)(0.3); // erf(0.3 / sqrt(0.2)) = 0.6572
 * ```
 */
export function crosstalkMap(
  alpha: number,
  gainOrBeta: GainLike,
  options: QuadratureOptions = {},
): OverlapMap {
  checkNumber("alpha", alpha, 0, Number.MAX_VALUE);
  const table = nodeTable(quadratureIntervals(options));
  if (alpha === 0) return meanFieldMap(gainOrBeta);
  // the value at m = +-Infinity: that of the map without crosstalk (built when first needed)
  let limitMap: OverlapMap | undefined;
  const limit = (m: number) => (limitMap ??= meanFieldMap(gainOrBeta))(m);
  const sigma = Math.sqrt(alpha);
  const a = shortNumber(alpha);
  // h = m + sigma z crosses 0 at z = -m / sigma: split the average there
  const avg = (f: (z: number) => number, m: number) => average(f, -m / sigma, table);
  const infinite = (m: number) => m === Infinity || m === -Infinity;
  if (typeof gainOrBeta === "number") {
    const beta = checkNumber("beta", gainOrBeta, 0);
    const b = shortNumber(beta);
    if (beta === Infinity) {
      return toOverlapMap(
        (m) => {
          if (typeof m !== "number" || m !== m) badArgument(m);
          if (infinite(m)) return limit(m);
          return avg((z) => (m + sigma * z >= 0 ? 1 : -1), m);
        },
        `F(m) = erf(m / √(2α)) (α = ${a}, β = ∞)`,
        (m) => {
          if (typeof m !== "number" || m !== m) badArgument(m);
          return Math.sqrt(2 / (Math.PI * alpha)) * Math.exp((-m * m) / (2 * alpha));
        },
        beta,
      );
    }
    // Stein's lemma for steep gains: F'(m) = E[z (tanh(beta (m + sigma z)) - tanh(beta m))] / sigma
    // (subtracting the constant tanh(beta m), whose average against z is 0, keeps the integrand small)
    const stein = beta * sigma > STEIN_ABOVE;
    return toOverlapMap(
      (m) => {
        if (typeof m !== "number" || m !== m) badArgument(m);
        if (infinite(m)) return limit(m);
        return avg((z) => Math.tanh(beta * (m + sigma * z)), m);
      },
      `F(m) = ⟨tanh(${b} (m + √α z))⟩ (α = ${a})`,
      (m) => {
        if (typeof m !== "number" || m !== m) badArgument(m);
        if (infinite(m)) return 0;
        if (stein) {
          const t0 = Math.tanh(beta * m);
          return avg((z) => z * (Math.tanh(beta * (m + sigma * z)) - t0), m) / sigma;
        }
        return avg((z) => {
          const t = Math.tanh(beta * (m + sigma * z));
          return beta * (1 - t * t);
        }, m);
      },
      beta,
    );
  }
  const g = resolveGain(gainOrBeta);
  return toOverlapMap(
    (m) => {
      if (typeof m !== "number" || m !== m) badArgument(m);
      if (infinite(m)) return limit(m);
      const next = avg((z) => g(m + sigma * z) - g(-m - sigma * z), m);
      if (!(next >= -1 - 1e-9 && next <= 1 + 1e-9)) {
        throw new RangeError(
          `gain(h) must return a probability in [0, 1] for every input h, but the average ` +
            `came out ${show(next)} at m = ${m}`,
        );
      }
      return next;
    },
    `F(m) = ⟨g(m + √α z) - g(-m - √α z)⟩ (α = ${a})`,
  );
}
