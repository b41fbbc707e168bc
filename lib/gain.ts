/**
 * Gain functions g(h): the probability that a neuron is ON (+1) at the next
 * step given its input h, Pr{S_i(t + dt) = +1 | h_i} = g(h_i) (Eq. 17.3).
 *
 * @module
 */
import { checkNumber } from "./validate.ts";

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
