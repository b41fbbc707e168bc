/**
 * The mean-field overlap map of the stochastic Hopfield model (Sec. 17.2.3,
 * lecture part 2).
 *
 * Neurons fire stochastically, Pr{S_i(t + dt) = +1 | h_i} = g(h_i) (Eq. 17.3),
 * and all of them update in parallel. Suppose the state has overlap m with
 * one pattern nu and (essentially) none with the others, as for a few random
 * patterns in a large network (M << N). Then h_i = p_i^nu m: a neuron that
 * should be ON sees +m, one that should be OFF sees -m. After one step the
 * neurons fall into four groups (fractions of N):
 *
 * | the pattern says | the neuron is | fraction        | adds to m(t + dt) |
 * |------------------|---------------|-----------------|-------------------|
 * | ON  (p = +1)     | ON            | g(m) / 2        | +1                |
 * | ON  (p = +1)     | OFF           | [1 - g(m)] / 2  | -1                |
 * | OFF (p = -1)     | ON            | g(-m) / 2       | -1                |
 * | OFF (p = -1)     | OFF           | [1 - g(-m)] / 2 | +1                |
 *
 * By the law of large numbers the overlap after the step is the signed sum,
 *
 *   m(t + dt) = F(m(t)) = g(m) - g(-m),
 *
 * which for the standard gain g(h) = 0.5 [1 + tanh(beta h)] is tanh(beta m).
 * The memories are the stable fixed points m* = F(m*): for beta > 1 a pair
 * +-m*(beta) with m* < 1 (0.9575 at beta = 2), for beta < 1 only m* = 0 (no
 * memory left). The branches meet in a pitchfork at beta = 1.
 *
 * The map neglects the crosstalk from the other patterns (of order
 * sqrt(M / N)); `crosstalk_map.ts` adds it in a one-step approximation.
 *
 * @module
 */
import { checkGain, type Gain, standardGain } from "./gain.ts";
import { checkInteger, checkNumber, show } from "./validate.ts";

/**
 * A one-dimensional overlap map m -> F(m): callable like a function, with a
 * description and, when known, its exact derivative.
 */
export interface OverlapMap {
  /** The overlap one parallel step later. */
  (m: number): number;
  /** F'(m), exact (present for the standard gain). */
  readonly derivative?: (m: number) => number;
  /** The noise parameter beta of the standard gain, when the map was built from one. */
  readonly beta?: number;
  /** A short formula for titles and legends, e.g. `F(m) = tanh(2 m)`. */
  readonly label: string;
}

/** Either the noise parameter beta of the standard gain or a gain function. */
export type GainLike = number | Gain;

/**
 * The error for a map argument m that is not a number or is NaN (+-Infinity
 * is allowed: the maps have limits there). Callers test
 * `typeof m !== "number" || m !== m` inline, which is cheap in loops.
 */
function badArgument(m: unknown): never {
  if (typeof m !== "number") throw new TypeError(`m must be a number, got ${show(m)}`);
  throw new RangeError(`m must be a number (±Infinity allowed), got ${show(m)}`);
}

/** Formats a number compactly for labels (at most 4 significant digits). */
export function shortNumber(x: number): string {
  if (typeof x !== "number" || Number.isNaN(x)) {
    throw new TypeError(`shortNumber: x must be a number, got ${show(x)}`);
  }
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "-∞";
  return String(Number(x.toPrecision(4)));
}

/**
 * Wraps a function as an {@linkcode OverlapMap} with a label and, optionally,
 * its exact derivative.
 *
 * @example
 * ```ts
 * import { toOverlapMap } from "./meanfield.ts";
 * const F = toOverlapMap((m) => Math.tanh(3 * m), "F(m) = tanh(3 m)");
 * F(0.5); // 0.905
 * ```
 */
export function toOverlapMap(
  F: (m: number) => number,
  label: string,
  derivative?: (m: number) => number,
  beta?: number,
): OverlapMap {
  if (typeof F !== "function") {
    throw new TypeError(`F must be a function m => overlap, got ${show(F)}`);
  }
  if (typeof label !== "string") {
    throw new TypeError(`label must be a string (a formula for titles), got ${show(label)}`);
  }
  if (derivative !== undefined && typeof derivative !== "function") {
    throw new TypeError(`derivative must be a function m => F'(m), got ${show(derivative)}`);
  }
  const f = (m: number) => F(m);
  return Object.assign(f, { label, derivative, beta }) as OverlapMap;
}

/**
 * Resolves a {@linkcode GainLike} to a validated gain function: a number is the
 * noise parameter beta >= 0 of the standard gain 0.5 [1 + tanh(beta h)]
 * (`Infinity` is the deterministic step), a function is checked with
 * {@linkcode checkGain}.
 *
 * @example
 * ```ts
 * import { resolveGain } from "./meanfield.ts";
 * resolveGain(2)(0); // 0.5
 * ```
 */
export function resolveGain(gainOrBeta: GainLike, name = "gainOrBeta"): Gain {
  if (typeof gainOrBeta === "number") {
    return standardGain(gainOrBeta);
  }
  if (typeof gainOrBeta !== "function") {
    throw new TypeError(
      `${name} must be beta (a number >= 0) or a gain function h => probability, got ${
        show(gainOrBeta)
      }`,
    );
  }
  return checkGain(gainOrBeta, "gain");
}

/**
 * The mean-field overlap map F(m) = g(m) - g(-m) of the stochastic Hopfield
 * model with parallel updates, for one pattern and negligible crosstalk
 * (lecture part 2; Sec. 17.2.3). Give beta for the standard gain, where
 * F(m) = tanh(beta m) exactly (beta = `Infinity`: F(m) = sgn(m), 0 at m = 0),
 * or any non-decreasing gain g with values in [0, 1].
 *
 * @example
 * ```ts
 * import { meanFieldMap } from "./meanfield.ts";
 * const F = meanFieldMap(2);
 * F(0.4); // 0.6640 = tanh(0.8)
 * const G = meanFieldMap((h) => 0.5 * (1 + Math.tanh(2 * (h - 0.1)))); // a gain with a threshold
 * ```
 */
export function meanFieldMap(gainOrBeta: GainLike): OverlapMap {
  if (typeof gainOrBeta === "number") {
    const beta = checkNumber("beta", gainOrBeta, 0);
    if (beta === Infinity) {
      return toOverlapMap(
        (m) => {
          if (typeof m !== "number" || m !== m) badArgument(m);
          return m > 0 ? 1 : m < 0 ? -1 : 0;
        },
        "F(m) = sgn(m) (β = ∞)",
        (m) => {
          if (typeof m !== "number" || m !== m) badArgument(m);
          return m === 0 ? Infinity : 0;
        },
        Infinity,
      );
    }
    // at beta = 0, beta * m is NaN for m = +-Infinity: the map is 0 there (its value everywhere)
    const finite = (m: number) => (beta === 0 && (m === Infinity || m === -Infinity) ? 0 : m);
    return toOverlapMap(
      (m) => {
        if (typeof m !== "number" || m !== m) badArgument(m);
        return Math.tanh(beta * finite(m));
      },
      `F(m) = tanh(${shortNumber(beta)} m)`,
      (m) => {
        if (typeof m !== "number" || m !== m) badArgument(m);
        const t = Math.tanh(beta * finite(m));
        return beta * (1 - t * t);
      },
      beta,
    );
  }
  const g = resolveGain(gainOrBeta);
  return toOverlapMap((m) => {
    if (typeof m !== "number" || m !== m) badArgument(m);
    const next = g(m) - g(-m);
    if (!(next >= -1 && next <= 1)) {
      throw new RangeError(
        `gain(h) must return a probability in [0, 1], got gain(${m}) = ${show(g(m))} and ` +
          `gain(${-m}) = ${show(g(-m))} (at m = ${m})`,
      );
    }
    return next;
  }, "F(m) = g(m) - g(-m)");
}

/** The four groups of neurons after one parallel step, as fractions of N. */
export interface GroupFractions {
  /** Should be ON (p = +1) and is ON: g(m) / 2. */
  onOn: number;
  /** Should be ON and is OFF: [1 - g(m)] / 2. */
  onOff: number;
  /** Should be OFF (p = -1) and is ON: g(-m) / 2. */
  offOn: number;
  /** Should be OFF and is OFF: [1 - g(-m)] / 2. */
  offOff: number;
  /** The overlap after the step, onOn - onOff - offOn + offOff = g(m) - g(-m). */
  next: number;
}

/**
 * The expected fractions of the four groups of neurons one parallel step after
 * a state with overlap m with one pattern (the lecture's derivation of the
 * overlap map; Sec. 17.2.3): neurons that should be ON fire with probability
 * g(m), neurons that should be OFF with probability g(-m).
 *
 * @example
 * ```ts
 * import { groupFractions } from "./meanfield.ts";
 * const f = groupFractions(0.4, 2); // onOn 0.416, onOff 0.084, offOn 0.084, offOff 0.416
 * f.next; // 0.664 = tanh(0.8)
 * ```
 */
export function groupFractions(m: number, gainOrBeta: GainLike): GroupFractions {
  checkNumber("m", m, -1, 1);
  const g = resolveGain(gainOrBeta);
  const on = g(m);
  const off = g(-m);
  const onOn = on / 2, onOff = (1 - on) / 2, offOn = off / 2, offOff = (1 - off) / 2;
  return { onOn, onOff, offOn, offOff, next: onOn - onOff - offOn + offOff };
}

function checkMap(F: unknown): (m: number) => number {
  if (typeof F !== "function") {
    throw new TypeError(`F must be a function m => overlap (an overlap map), got ${show(F)}`);
  }
  return F as (m: number) => number;
}

/** Largest number of iterations of {@linkcode iterateMap} (80 MB of results). */
const MAX_ITERATIONS = 1e7;

/**
 * Iterates an overlap map T times from m0: returns m(0) = m0, m(1) = F(m0),
 * ..., m(T) (T + 1 values), the mean-field prediction of the overlap under
 * parallel stochastic updates. T is at most 10,000,000.
 *
 * @example
 * ```ts
 * import { iterateMap, meanFieldMap } from "./meanfield.ts";
 * iterateMap(meanFieldMap(2), 0.4, 3); // [0.4, 0.6640, 0.8688, 0.9399]
 * ```
 */
export function iterateMap(F: (m: number) => number, m0: number, T: number): Float64Array {
  const f = checkMap(F);
  checkNumber("m0", m0, -1, 1);
  checkInteger("T", T, 0);
  if (T > MAX_ITERATIONS) {
    throw new RangeError(
      `T must be at most ${MAX_ITERATIONS} (all T + 1 iterates are kept in memory), got ${T}`,
    );
  }
  const out = new Float64Array(T + 1);
  out[0] = m0;
  for (let t = 1; t <= T; t++) {
    const m = f(out[t - 1]);
    if (typeof m !== "number" || !(m >= -1 - 1e-12 && m <= 1 + 1e-12)) {
      throw new RangeError(
        `F(m) must be an overlap in [-1, 1], got ${show(m)} at m = ${out[t - 1]} (step ${t})`,
      );
    }
    out[t] = m;
  }
  return out;
}

/** Stability of a fixed point from the slope of the map there. */
export type Stability = "stable" | "unstable" | "marginal";

/** A fixed point m* = F(m*) of an overlap map. */
export interface FixedPoint {
  /** The overlap m*. */
  m: number;
  /** The slope F'(m*) (exact when the map provides its derivative, else a central difference). */
  slope: number;
  /** `"stable"` if |F'(m*)| < 1, `"unstable"` if > 1, `"marginal"` if = 1 (linearisation undecided). */
  stability: Stability;
  /** Shorthand for `stability === "stable"`. */
  stable: boolean;
}

/** Options of {@linkcode fixedPoints}. */
export interface FixedPointOptions {
  /**
   * Number of bracketing intervals on [-1, 1] (default 2000, i.e. spacing
   * 0.001; at most 100,000, which takes about two seconds for a crosstalk map).
   */
  intervals?: number;
}

/** Largest `intervals` of {@linkcode fixedPoints}: about 2 s for a crosstalk map. */
const MAX_FIXED_POINT_INTERVALS = 100_000;

/** Brent's method for a root of f in [a, b] with f(a) f(b) < 0. */
function brent(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  let c = a, fc = fa, d = b - a, e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0) === (fc > 0)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 1e-16;
    const half = (c - b) / 2;
    if (Math.abs(half) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // inverse quadratic interpolation (secant if only two points)
      const s = fb / fa;
      let p: number, q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qq = fa / fc, r = fb / fc;
        p = s * (2 * half * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/** Golden-section search for the minimum of f on [a, b]. */
function goldenMin(f: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a), x2 = a + r * (b - a);
  let f1 = f(x1), f2 = f(x2);
  for (let iter = 0; iter < 100 && b - a > 1e-15; iter++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - r * (b - a);
      f1 = f(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + r * (b - a);
      f2 = f(x2);
    }
  }
  return f1 < f2 ? x1 : x2;
}

/** Largest |F(m*) - m*| accepted as a fixed point. */
const RESIDUAL = 1e-10;

/**
 * The slope F'(m) of an overlap map: its exact derivative when it has one,
 * else a central difference.
 *
 * @example
 * ```ts
 * import { mapSlope, meanFieldMap } from "./meanfield.ts";
 * mapSlope(meanFieldMap(2), 0); // 2
 * ```
 */
export function mapSlope(F: (m: number) => number, m: number): number {
  const f = checkMap(F);
  checkNumber("m", m);
  const exact = (F as Partial<OverlapMap>).derivative;
  if (typeof exact === "function") {
    const slope: unknown = exact(m);
    if (typeof slope !== "number" || Number.isNaN(slope)) {
      throw new RangeError(
        `F.derivative(m) must return a number (the slope F'(m)), got ${show(slope)} at m = ${m}`,
      );
    }
    return slope;
  }
  const h = 1e-6;
  const up = f(m + h), down = f(m - h);
  const slope = (up - down) / (2 * h);
  if (typeof up !== "number" || typeof down !== "number" || Number.isNaN(slope)) {
    throw new RangeError(
      `the slope of F at m = ${m} is not a number: F(${m + h}) = ${show(up)}, F(${m - h}) = ${
        show(down)
      }`,
    );
  }
  return slope;
}

function classify(F: (m: number) => number, m: number): FixedPoint {
  const slope = mapSlope(F, m);
  const exact = typeof (F as Partial<OverlapMap>).derivative === "function";
  const tol = exact ? 0 : 1e-6;
  const a = Math.abs(slope);
  const stability: Stability = a < 1 - tol ? "stable" : a > 1 + tol ? "unstable" : "marginal";
  return { m, slope, stability, stable: stability === "stable" };
}

/**
 * All fixed points m* = F(m*) of an overlap map on [-1, 1], in increasing
 * order, each classified by the slope there: stable if |F'(m*)| < 1 (nearby
 * overlaps are attracted), unstable if |F'(m*)| > 1.
 *
 * Method: F(m) - m is evaluated on a grid of `intervals` intervals; every sign
 * change is refined with Brent's method, grid points where F(m) = m exactly
 * are kept, and touching points (F tangent to the diagonal) are found by
 * minimising |F(m) - m| around local minima. A candidate counts only if
 * |F(m*) - m*| < 1e-10, so a jump of a discontinuous F across the diagonal is
 * not mistaken for a fixed point. Where F(m) = m exactly on a grid point (m = 0
 * for every odd map), the two neighbouring intervals are searched again from a
 * thousandth of the spacing away, so roots right next to it are found too;
 * elsewhere two fixed points closer than the grid spacing may be missed.
 *
 * For F(m) = tanh(beta m): only m* = 0 (stable) for beta < 1; for beta > 1,
 * m* = 0 becomes unstable and +-m*(beta) appear (0.957504 at beta = 2).
 *
 * @example
 * ```ts
 * import { fixedPoints, meanFieldMap } from "./meanfield.ts";
 * fixedPoints(meanFieldMap(2)).map((p) => [p.m, p.stability]);
 * // [[-0.9575, "stable"], [0, "unstable"], [0.9575, "stable"]]
 * ```
 */
export function fixedPoints(
  F: (m: number) => number,
  options: FixedPointOptions = {},
): FixedPoint[] {
  const f = checkMap(F);
  options ??= {};
  const n = options.intervals ?? 2000;
  if (
    typeof n !== "number" || !Number.isInteger(n) || n < 2 || n > MAX_FIXED_POINT_INTERVALS
  ) {
    throw new RangeError(
      `intervals must be an integer in [2, ${MAX_FIXED_POINT_INTERVALS}] (a finer grid takes ` +
        `more than a second or two for a crosstalk map), got ${show(n)}`,
    );
  }
  const G = (m: number) => {
    const y = f(m);
    if (typeof y !== "number" || Number.isNaN(y)) {
      throw new RangeError(`F(m) must be a number, got ${show(y)} at m = ${m}`);
    }
    return y - m;
  };
  const xs = new Float64Array(n + 1);
  const gs = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    xs[k] = k === n ? 1 : -1 + (2 * k) / n;
    gs[k] = G(xs[k]);
  }
  const found: number[] = [];
  for (let k = 0; k <= n; k++) {
    if (gs[k] !== 0) continue;
    found.push(xs[k]);
    // an exact zero on the grid (m = 0 for odd maps) can hide a root right next to it
    for (const j of [k - 1, k + 1]) {
      if (j < 0 || j > n || gs[j] === 0) continue;
      const probe = xs[k] + (xs[j] - xs[k]) * 1e-3;
      const gp = G(probe);
      if (gp !== 0 && (gp < 0) !== (gs[j] < 0)) {
        const [a, b, ga, gb] = j > k ? [probe, xs[j], gp, gs[j]] : [xs[j], probe, gs[j], gp];
        const r = brent(G, a, b, ga, gb);
        if (Math.abs(G(r)) < RESIDUAL) found.push(r);
      }
    }
  }
  for (let k = 0; k < n; k++) {
    const ga = gs[k], gb = gs[k + 1];
    if (ga !== 0 && gb !== 0 && (ga < 0) !== (gb < 0)) {
      const r = brent(G, xs[k], xs[k + 1], ga, gb);
      if (Math.abs(G(r)) < RESIDUAL) found.push(r);
    }
  }
  // tangencies: F touches the diagonal without crossing it
  for (let k = 1; k < n; k++) {
    const a = Math.abs(gs[k]);
    if (
      gs[k] !== 0 && a <= Math.abs(gs[k - 1]) && a <= Math.abs(gs[k + 1]) &&
      (gs[k - 1] < 0) === (gs[k] < 0) && (gs[k + 1] < 0) === (gs[k] < 0) && a < 1e-3
    ) {
      const r = goldenMin((m) => Math.abs(G(m)), xs[k - 1], xs[k + 1]);
      if (Math.abs(G(r)) < RESIDUAL) found.push(r);
    }
  }
  found.sort((a, b) => a - b);
  const unique: number[] = [];
  for (const r of found) {
    const last = unique[unique.length - 1];
    if (last !== undefined && r - last < 1e-9) {
      if (Math.abs(G(r)) < Math.abs(G(last))) unique[unique.length - 1] = r;
    } else unique.push(r);
  }
  return unique.map((m) => classify(f, m));
}

/**
 * The positive stable fixed point m*(beta) of F(m) = tanh(beta m): the
 * overlap at which a retrieved memory settles under noise, 0 for beta <= 1
 * (no retrieval), 1 for beta = infinity.
 *
 * @example
 * ```ts
 * import { retrievalOverlap } from "./meanfield.ts";
 * retrievalOverlap(2); // 0.957504
 * ```
 */
export function retrievalOverlap(beta: number): number {
  checkNumber("beta", beta, 0);
  if (beta <= 1) return 0;
  if (beta === Infinity) return 1;
  const G = (m: number) => Math.tanh(beta * m) - m;
  // G > 0 just above 0 (slope beta > 1) and G(1) < 0: exactly one root in (0, 1).
  // 3 (beta - 1) and 2 beta overflow for beta near MAX_VALUE: there, sqrt(3 / beta) / 2
  const a = Math.min(
    1e-3,
    beta < 1e300 ? Math.sqrt(3 * (beta - 1)) / (2 * beta) : Math.sqrt(3 / beta) / 2,
  );
  const ga = G(a);
  if (!(ga > 0)) return Math.sqrt(3 * (beta - 1)); // beta within rounding of 1: leading order
  return brent(G, a, 1, ga, G(1));
}

/**
 * The noise parameter beta at which m* is the stable fixed point of
 * F(m) = tanh(beta m): solving m* = tanh(beta m*) for beta gives
 * beta = artanh(m*) / m* (1 at m* = 0, the pitchfork; infinity at m* = 1).
 * The lecture's fixed point m* = 0.97 needs beta = 2.15701.
 *
 * @example
 * ```ts
 * import { betaForFixedPoint } from "./meanfield.ts";
 * betaForFixedPoint(0.97); // 2.15701
 * ```
 */
export function betaForFixedPoint(mStar: number): number {
  checkNumber("mStar", mStar, -1, 1);
  const m = Math.abs(mStar);
  if (m === 0) return 1;
  if (m === 1) return Infinity;
  return Math.atanh(m) / m;
}

/** Largest `count` of {@linkcode betaValues}. */
const MAX_BETA_VALUES = 1_000_000;

/**
 * `count` equally spaced values from `min` to `max` (both included), e.g. the
 * beta axis of a bifurcation diagram. `count` is at most 1,000,000.
 *
 * @example
 * ```ts
 * import { betaValues } from "./meanfield.ts";
 * betaValues(0, 4, 5); // [0, 1, 2, 3, 4]
 * ```
 */
export function betaValues(min: number, max: number, count: number): number[] {
  checkNumber("min", min, 0, Number.MAX_VALUE);
  checkNumber("max", max, min, Number.MAX_VALUE);
  checkInteger("count", count, 2);
  if (count > MAX_BETA_VALUES) {
    throw new RangeError(
      `count must be at most ${MAX_BETA_VALUES} (every value makes a fixed-point search in ` +
        `bifurcation), got ${count}`,
    );
  }
  const width = max - min; // finite: 0 <= min <= max <= MAX_VALUE
  if (Number.isFinite(width * (count - 1))) {
    return Array.from({ length: count }, (_, k) => min + (width * k) / (count - 1));
  }
  // a range so wide that width * k overflows: step first, never past max
  const step = width / (count - 1);
  return Array.from(
    { length: count },
    (_, k) => (k === count - 1 ? max : Math.min(max, min + step * k)),
  );
}

/** A fixed point at one value of beta, tagged with the branch it belongs to. */
export interface BifurcationPoint extends FixedPoint {
  /** The noise parameter. */
  beta: number;
  /** Branch number: points on one continuous curve of fixed points share it. */
  branch: number;
}

/** Options of {@linkcode bifurcation}. */
export interface BifurcationOptions {
  /** The family of maps, beta -> F (default: the standard map tanh(beta m)). */
  map?: (beta: number) => (m: number) => number;
  /** Bracketing intervals for {@linkcode fixedPoints} (default 2000). */
  intervals?: number;
  /** Locate where fixed points appear or change stability between grid values (default true). */
  refine?: boolean;
}

function signature(points: FixedPoint[]): string {
  return points.map((p) => p.stability[0]).join("");
}

/**
 * The fixed points m*(beta) of the overlap map for every beta in `betas`: the
 * bifurcation diagram. For the standard gain it shows the pitchfork at
 * beta = 1: below, only m* = 0 (stable); above, m* = 0 is unstable and the
 * stable pair +-m*(beta) carries the memory.
 *
 * Points are sorted by beta and grouped into branches (continuous curves of
 * fixed points with the same stability). Where the set of fixed points changes
 * between two neighbouring betas, the change is located by bisection and the
 * fixed points on both sides of it are added, so that new branches start
 * where they are born (beta = 1 for the pitchfork), not at the next grid value.
 *
 * @example
 * ```ts
 * import { betaValues, bifurcation } from "./meanfield.ts";
 * const points = bifurcation(betaValues(0, 4, 400));
 * points.filter((p) => p.beta === 2).map((p) => p.m); // [-0.9575, 0, 0.9575]
 * ```
 */
export function bifurcation(
  betas: ArrayLike<number>,
  options: BifurcationOptions = {},
): BifurcationPoint[] {
  options ??= {};
  if (!betas || typeof betas.length !== "number" || betas.length === 0) {
    throw new RangeError(`betas must be a non-empty list of numbers >= 0, got ${show(betas)}`);
  }
  const list = Array.from(betas, (b, k) => checkNumber(`betas[${k}]`, b, 0, Number.MAX_VALUE));
  list.sort((a, b) => a - b);
  const family = options.map ?? meanFieldMap;
  if (typeof family !== "function") {
    throw new TypeError(`map must be a function beta => overlap map, got ${show(family)}`);
  }
  const fpOptions = { intervals: options.intervals };
  const at = (beta: number) => fixedPoints(family(beta), fpOptions);
  const samples: Sample[] = [];
  let prev: Sample | null = null;
  for (const beta of list) {
    if (prev && prev.beta === beta) continue;
    const cur: Sample = { beta, points: at(beta) };
    if (prev && options.refine !== false && signature(prev.points) !== signature(cur.points)) {
      // bisect for the last beta with the left signature, then (if an intermediate
      // signature such as a marginal point sits in between) for the first beta
      // with the right one
      const [lo, hi] = bisect(at, prev, cur, (pts) => signature(pts) === signature(prev!.points));
      if (lo.beta !== prev.beta) samples.push(lo);
      if (signature(hi.points) !== signature(cur.points)) {
        const [, hi2] = bisect(at, hi, cur, (pts) => signature(pts) !== signature(cur.points));
        samples.push(hi);
        if (hi2.beta !== beta) samples.push(hi2);
      } else if (hi.beta !== beta) samples.push(hi);
    }
    samples.push(cur);
    prev = cur;
  }
  // continuation: link each fixed point to the nearest unused one at the previous beta
  const out: BifurcationPoint[] = [];
  let last: BifurcationPoint[] = [];
  let nextBranch = 0;
  for (const s of samples) {
    const used = new Set<number>();
    const here: BifurcationPoint[] = [];
    const order = s.points.map((_, k) => k).sort((a, b) =>
      nearest(s.points[a], last, used).distance - nearest(s.points[b], last, used).distance
    );
    for (const k of order) {
      const p = s.points[k];
      const { index } = nearest(p, last, used);
      let branch: number;
      if (index >= 0) {
        used.add(index);
        branch = last[index].branch;
      } else branch = nextBranch++;
      here.push({ ...p, beta: s.beta, branch });
    }
    here.sort((a, b) => a.m - b.m);
    out.push(...here);
    last = here;
  }
  return out;
}

interface Sample {
  beta: number;
  points: FixedPoint[];
}

/** Bisection on beta between two samples: returns the last sample where `left` holds and the first where it does not. */
function bisect(
  at: (beta: number) => FixedPoint[],
  lo: Sample,
  hi: Sample,
  left: (points: FixedPoint[]) => boolean,
): [Sample, Sample] {
  for (let iter = 0; iter < 60 && hi.beta - lo.beta > 1e-9 * Math.max(1, hi.beta); iter++) {
    const beta = (lo.beta + hi.beta) / 2;
    if (beta === lo.beta || beta === hi.beta) break;
    const s = { beta, points: at(beta) };
    if (left(s.points)) lo = s;
    else hi = s;
  }
  return [lo, hi];
}

function compatible(a: Stability, b: Stability): boolean {
  return a === b || a === "marginal" || b === "marginal";
}

function nearest(
  p: FixedPoint,
  candidates: BifurcationPoint[],
  used: Set<number>,
): { index: number; distance: number } {
  let index = -1, distance = Infinity;
  candidates.forEach((c, k) => {
    if (used.has(k) || !compatible(c.stability, p.stability)) return;
    const d = Math.abs(c.m - p.m);
    if (d < distance) {
      distance = d;
      index = k;
    }
  });
  return { index, distance };
}
