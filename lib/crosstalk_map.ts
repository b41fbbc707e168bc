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
 * function are integrated accurately.
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
import { checkInteger, checkNumber } from "./validate.ts";

/** Options of {@linkcode crosstalkMap} and {@linkcode gaussianAverage}. */
export interface QuadratureOptions {
  /** Simpson intervals on each side of the split point (even, default 400). */
  intervals?: number;
}

/** Half-width of the z range: the standard normal mass beyond 8.5 is below 1e-16. */
const Z_MAX = 8.5;
/** Node packing scale around the split point (in units of z). */
const PACK = 0.05;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

const tables = new Map<number, { offset: Float64Array; weight: Float64Array }>();

/**
 * Nodes z - split = PACK sinh(u) for u uniform on [0, asinh(2 Z_MAX / PACK)]
 * (each side reaches at least Z_MAX beyond any split in [-Z_MAX, Z_MAX]) and
 * Simpson weights including the Jacobian PACK cosh(u).
 */
function nodeTable(n: number): { offset: Float64Array; weight: Float64Array } {
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

/**
 * The Gaussian average E_z[f(z)] = integral of f(z) exp(-z^2/2) / sqrt(2 pi) dz,
 * z standard normal, by Simpson's rule on [-8.5, 8.5]. The range is split at
 * `split` (where f may jump or change fastest) and nodes are packed around it
 * (z = split +- 0.05 sinh(u), u uniform).
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
  const n = checkInteger("intervals", options.intervals ?? 400, 2);
  if (n % 2 !== 0) throw new RangeError(`intervals must be an even integer >= 2, got ${n}`);
  checkNumber("split", split);
  const s = Math.min(Z_MAX, Math.max(-Z_MAX, split));
  const { offset, weight } = nodeTable(n);
  let total = 0;
  for (const dir of [-1, 1]) {
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
 * The one-step crosstalk-corrected overlap map at load alpha = M / N,
 * F_alpha(m) = E_z[g(m + sqrt(alpha) z) - g(-m - sqrt(alpha) z)] with z
 * standard normal: the mean-field map averaged over Gaussian crosstalk of
 * variance alpha. For the standard gain (give beta) this is
 * E_z[tanh(beta (m + sqrt(alpha) z))]; alpha = 0 gives back
 * {@linkcode meanFieldMap}.
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
  if (alpha === 0) return meanFieldMap(gainOrBeta);
  const sigma = Math.sqrt(alpha);
  const a = shortNumber(alpha);
  // h = m + sigma z crosses 0 at z = -m / sigma: split the average there
  const avg = (f: (z: number) => number, m: number) => gaussianAverage(f, -m / sigma, options);
  if (typeof gainOrBeta === "number") {
    const beta = checkNumber("beta", gainOrBeta, 0);
    const b = shortNumber(beta);
    if (beta === Infinity) {
      return toOverlapMap(
        (m) => avg((z) => (m + sigma * z >= 0 ? 1 : -1), m),
        `F(m) = erf(m / √(2α)) (α = ${a}, β = ∞)`,
        (m) => Math.sqrt(2 / (Math.PI * alpha)) * Math.exp((-m * m) / (2 * alpha)),
        beta,
      );
    }
    return toOverlapMap(
      (m) => avg((z) => Math.tanh(beta * (m + sigma * z)), m),
      `F(m) = ⟨tanh(${b} (m + √α z))⟩ (α = ${a})`,
      (m) =>
        avg((z) => {
          const t = Math.tanh(beta * (m + sigma * z));
          return beta * (1 - t * t);
        }, m),
      beta,
    );
  }
  const g = resolveGain(gainOrBeta);
  return toOverlapMap(
    (m) => avg((z) => g(m + sigma * z) - g(-m - sigma * z), m),
    `F(m) = ⟨g(m + √α z) - g(-m - √α z)⟩ (α = ${a})`,
  );
}
