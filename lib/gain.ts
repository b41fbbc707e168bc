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
  return h >= 0 ? 1 : -1;
}

/**
 * The standard gain g(h) = 0.5 [1 + tanh(beta h)]. `beta` is the inverse
 * noise level; `beta = Infinity` gives the step function of the deterministic
 * model (g(0) = 1, matching sgn(0) = +1).
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
  if (beta === Infinity) return (h) => (h >= 0 ? 1 : 0);
  return (h) => 0.5 * (1 + Math.tanh(beta * h));
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
export const stepGain: Gain = (h) => (h >= 0 ? 1 : 0);

/** Inputs at which {@linkcode checkGain} tries a gain: -4 to 4 in steps of 0.01 (0 included). */
const GAIN_CHECK_GRID = Array.from({ length: 801 }, (_, k) => (k - 400) / 100);

/**
 * Checks that `g` can serve as a gain function (Eq. 17.3): a function of one
 * number whose values are probabilities in [0, 1] and that never decreases (a
 * stronger input never lowers the firing probability). It is tried on a grid
 * of inputs h from -4 to 4 in steps of 0.01. Returns `g` itself, so that it can
 * be used inline; throws an error naming the first offending input otherwise.
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
  let prevH = NaN;
  let prev = -Infinity;
  for (const h of GAIN_CHECK_GRID) {
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
    if (p < prev - 1e-12) {
      throw new RangeError(
        `${name} must be non-decreasing in h (more input never lowers the firing probability), ` +
          `got ${name}(${prevH}) = ${prev} > ${name}(${h}) = ${p}`,
      );
    }
    prev = p;
    prevH = h;
  }
  return f;
}
