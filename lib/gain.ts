/**
 * Gain functions g(h): the probability that a neuron is ON (+1) at the next
 * step given its input h, Pr{S_i(t + dt) = +1 | h_i} = g(h_i) (Eq. 17.3).
 *
 * @module
 */
import { checkNumber, show } from "./validate.ts";

/** A gain function: input potential to firing probability in [0, 1]. */
export type Gain = (h: number) => number;

/**
 * The deterministic sign rule S = sgn(h), with the convention sgn(0) = +1
 * (as in the companion exercises).
 *
 * @example
 * ```ts
 * import { sgn } from "./gain.ts";
 * [sgn(-0.2), sgn(0), sgn(3)]; // [-1, 1, 1]
 * ```
 */
export function sgn(h: number): 1 | -1 {
  if (typeof h !== "number" || h !== h) badInput(h);
  return h >= 0 ? 1 : -1;
}

/** Throws the error for an input h that is not a number (or is NaN); kept out of the hot path. */
function badInput(h: unknown): never {
  if (typeof h !== "number") throw new TypeError(`h must be a number, got ${show(h)}`);
  throw new RangeError(`h must be a number (±Infinity allowed), got ${show(h)}`);
}

/**
 * The standard gain g(h) = 0.5 [1 + tanh(beta h)]. `beta` is the inverse
 * noise level; `beta = Infinity` gives the step function of the deterministic
 * model (g(0) = 1, matching sgn(0) = +1). The input h may be +-Infinity
 * (g(+inf) = 1, g(-inf) = 0; at beta = 0 every input gives 0.5); a NaN or
 * non-number input throws.
 *
 * @example
 * ```ts
 * import { standardGain } from "./gain.ts";
 * const g = standardGain(2);
 * g(0); // 0.5
 * ```
 */
export function standardGain(beta: number): Gain {
  checkNumber("beta", beta, 0);
  if (beta === Infinity) return stepGain;
  if (beta === 0) {
    // 0.5 for every input, infinite ones included (tanh(0 * infinity) would be NaN)
    return (h) => {
      if (typeof h !== "number" || h !== h) badInput(h);
      return 0.5;
    };
  }
  return (h) => {
    if (typeof h !== "number" || h !== h) badInput(h);
    return 0.5 * (1 + Math.tanh(beta * h));
  };
}

/**
 * The deterministic limit beta -> infinity of the standard gain: the step
 * function g(h) = 1 for h >= 0 and 0 otherwise, so that S = sgn(h) with
 * sgn(0) = +1 (Eq. 17.4). Same as `standardGain(Infinity)`.
 *
 * @example
 * ```ts
 * import { stepGain } from "./gain.ts";
 * [stepGain(-0.1), stepGain(0), stepGain(0.1)]; // [0, 1, 1]
 * ```
 */
export const stepGain: Gain = (h) => {
  if (typeof h !== "number" || h !== h) badInput(h);
  return h >= 0 ? 1 : 0;
};

/** Inputs at which {@linkcode checkGain} tries a gain: -4 to 4 in steps of 0.01 (0 included). */
const GAIN_CHECK_GRID = Array.from({ length: 801 }, (_, k) => (k - 400) / 100);
/** Far inputs tried after the grid, each side ordered away from it. */
const GAIN_CHECK_FAR_LEFT = [-10, -100, -1e3];
const GAIN_CHECK_FAR_RIGHT = [10, 100, 1e3];

/**
 * Checks that `g` can serve as a gain function (Eq. 17.3): a function of one
 * number whose values are probabilities in [0, 1] and that never decreases (a
 * stronger input never lowers the firing probability). It is tried on a grid
 * of inputs h from -4 to 4 in steps of 0.01 and at the far inputs +-10,
 * +-100 and +-1000. Returns `g` itself, so that it can be used inline; throws
 * an error naming the first offending input otherwise.
 *
 * @example
 * ```ts
 * import { checkGain } from "./gain.ts";
 * const g = checkGain((h: number) => 1 / (1 + Math.exp(-4 * h))); // a logistic gain: fine
 * ```
 */
export function checkGain(g: unknown, name = "gain"): Gain {
  if (typeof g !== "function") {
    throw new TypeError(
      `${name} must be a function h => probability in [0, 1], got ${show(g)}`,
    );
  }
  const f = g as Gain;
  const value = (h: number): number => {
    let p: unknown;
    try {
      p = f(h);
    } catch (e) {
      throw new TypeError(
        `${name}(h) threw an error at h = ${h}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
      throw new RangeError(
        `${name}(h) must return a probability in [0, 1], got ${show(p)} at h = ${h}`,
      );
    }
    return p;
  };
  // each run of inputs must give non-decreasing values when read in the direction `dir`
  const monotone = (hs: readonly number[], dir: 1 | -1, startH: number, start: number) => {
    let prevH = startH, prev = start;
    for (const h of hs) {
      const p = value(h);
      if (dir * (p - prev) < -1e-12) {
        const [h1, p1, h2, p2] = dir === 1 ? [prevH, prev, h, p] : [h, p, prevH, prev];
        throw new RangeError(
          `${name} must be non-decreasing in h (more input never lowers the firing probability), ` +
            `got ${name}(${h1}) = ${p1} > ${name}(${h2}) = ${p2}`,
        );
      }
      prev = p;
      prevH = h;
    }
  };
  monotone(GAIN_CHECK_GRID, 1, NaN, -Infinity);
  const first = GAIN_CHECK_GRID[0], last = GAIN_CHECK_GRID[GAIN_CHECK_GRID.length - 1];
  monotone(GAIN_CHECK_FAR_LEFT, -1, first, f(first));
  monotone(GAIN_CHECK_FAR_RIGHT, 1, last, f(last));
  return f;
}
