/**
 * Where the energy argument fails (Sec. 17.2.5): small networks that break one
 * of its conditions, each with a starting state that shows the failure.
 *
 * - Synchronous updates: {@linkcode twoNeuronCycle} (two neurons inhibiting
 *   each other swap between (+,+) and (-,-) forever) and
 *   {@linkcode checkerboardCycle} (a 4x4 checkerboard cued with exactly 8 wrong
 *   pixels maps to its own negative every step). Both weight matrices are
 *   symmetric; one neuron at a time, the same networks settle.
 * - Asymmetric weights: {@linkcode chasingPair} (neuron 1 copies neuron 2,
 *   neuron 2 opposes neuron 1: no fixed point at all, so E must go up again
 *   and again) and {@linkcode randomWeights} with an asymmetric part.
 * - Negative self-coupling: {@linkcode negativeSelfCoupling}.
 *
 * @module
 */
import { type DenseNetwork, denseNetwork, type HebbianNetwork, storePatterns } from "./network.ts";
import { checkerboard, flipN } from "./patterns.ts";
import { type Rng, type RngLike, toRng } from "./random.ts";
import { checkInteger, checkNumber, show } from "./validate.ts";

/** A network together with the starting state that shows its counter-example. */
export interface CounterExample<T extends DenseNetwork | HebbianNetwork = DenseNetwork> {
  /** The network. */
  net: T;
  /** The starting state. */
  initial: Int8Array;
  /** One sentence on what goes wrong. */
  description: string;
}

/**
 * Two neurons coupled by a negative weight, w_12 = w_21 = `coupling` < 0, no
 * self-coupling, started in (+1, +1). Synchronous updates swap
 * (+,+) -> (-,-) -> (+,+) ... forever, at the constant energy E = -coupling,
 * while the minima (+,-) and (-,+) (E = coupling) are one asynchronous update
 * away.
 *
 * @example
 * ```ts
 * import { twoNeuronCycle } from "./counterexamples.ts";
 * import { run } from "./dynamics.ts";
 * const { net, initial } = twoNeuronCycle();
 * run(net, initial, { steps: 2 }).states; // [1, 1], [-1, -1], [1, 1]
 * ```
 */
export function twoNeuronCycle(coupling = -1): CounterExample {
  if (typeof coupling !== "number" || !(coupling < 0) || !Number.isFinite(coupling)) {
    throw new RangeError(`coupling must be a finite number < 0, got ${show(coupling)}`);
  }
  return {
    net: denseNetwork([[0, coupling], [coupling, 0]]),
    initial: Int8Array.of(1, 1),
    description:
      "two mutually inhibiting neurons started both ON: updated together they switch OFF together, then ON together, forever",
  };
}

/**
 * A `size` x `size` checkerboard (N = size^2, even) stored alone, cued with
 * exactly N/2 flipped pixels, so m = 0. With w_ii = 0 every field is
 * h_i = p_i m - S_i / N = -S_i / N, and a synchronous step maps S to -S: a
 * 2-cycle at constant energy E = +1/2, while asynchronous updates reach the
 * checkerboard or its negative (E = -N/2 + 1/2) within one sweep.
 *
 * @example
 * ```ts
 * import { checkerboardCycle } from "./counterexamples.ts";
 * import { run } from "./dynamics.ts";
 * const { net, initial } = checkerboardCycle(4, 1);
 * run(net, initial, { steps: 4, stopAt: "cycle" }).stoppedBy; // "2-cycle"
 * ```
 */
export function checkerboardCycle(size = 4, rng: RngLike = 1): CounterExample<HebbianNetwork> {
  checkInteger("size", size, 2);
  if ((size * size) % 2 !== 0) {
    throw new RangeError(
      `size must be even (N = size^2 even, so N/2 flips are possible), got ${size}`,
    );
  }
  const p = checkerboard(size);
  return {
    net: storePatterns([p]),
    initial: flipN(p, (size * size) / 2, rng),
    description:
      `a ${size}x${size} checkerboard cued with half of its pixels wrong (m = 0): updated together, every neuron flips at every step`,
  };
}

/**
 * Two neurons with asymmetric weights: w_12 = +1 (neuron 1 follows neuron 2)
 * and w_21 = -3 (neuron 2 opposes neuron 1). There is no fixed point (S_1 = S_2
 * and S_2 = -S_1 cannot both hold), so even one-at-a-time updates circle
 * through all four states. The energy -1/2 sum w_ij S_i S_j = S_1 S_2 then
 * goes up by 2 every time neuron 1 catches up with neuron 2.
 *
 * @example
 * ```ts
 * import { chasingPair } from "./counterexamples.ts";
 * import { energyDense } from "./energy.ts";
 * const { net } = chasingPair();
 * energyDense(net, Int8Array.of(1, -1)); // -1; neuron 1 then flips to -1: E = +1
 * ```
 */
export function chasingPair(): CounterExample {
  return {
    net: denseNetwork([[0, 1], [-3, 0]]),
    initial: Int8Array.of(1, -1),
    description:
      "neuron 1 copies neuron 2, neuron 2 opposes neuron 1: there is no fixed point, and the energy must rise again and again",
  };
}

/**
 * Two neurons with negative self-couplings, w_11 = w_22 = -1 and a weak mutual
 * excitation w_12 = w_21 = 1/2 (symmetric), started in (+1, +1). Neuron 1 sees
 * h_1 = -1 + 1/2 < 0 and switches OFF, which raises E from 1/2 to 3/2: the
 * Lyapunov argument needs w_kk >= 0.
 *
 * @example
 * ```ts
 * import { negativeSelfCoupling } from "./counterexamples.ts";
 * import { energyDense } from "./energy.ts";
 * const { net } = negativeSelfCoupling();
 * [energyDense(net, Int8Array.of(1, 1)), energyDense(net, Int8Array.of(-1, 1))]; // [0.5, 1.5]
 * ```
 */
export function negativeSelfCoupling(): CounterExample {
  return {
    net: denseNetwork([[-1, 0.5], [0.5, -1]]),
    initial: Int8Array.of(1, 1),
    description:
      "with negative self-coupling a neuron can flip against its own term and the energy goes up",
  };
}

/** Options of {@linkcode randomWeights}. */
export interface RandomWeightsOptions {
  /**
   * Mixing of an antisymmetric part into symmetric Gaussian weights:
   * w = (1 - a) W_sym + a W_anti. 0 (default) is symmetric, 1/2 makes w_ij and
   * w_ji independent, 1 is antisymmetric.
   */
  asymmetry?: number;
}

/**
 * Random Gaussian weights without self-coupling, w_ij = (1 - a) s_ij + a u_ij,
 * with s symmetric and u antisymmetric (s_ij = s_ji, u_ij = -u_ji, entries of
 * variance 1/N). With `asymmetry` a = 0 the energy never increases under
 * asynchronous updates; with a > 0 single updates can raise it.
 *
 * @example
 * ```ts
 * import { randomWeights } from "./counterexamples.ts";
 * const net = randomWeights(50, 1, { asymmetry: 0.5 }); // w_12 and w_21 independent
 * ```
 */
export function randomWeights(
  N: number,
  rng: RngLike,
  options: RandomWeightsOptions = {},
): DenseNetwork {
  checkInteger("N", N, 1, 5000);
  if (
    options !== null && options !== undefined &&
    (typeof options !== "object" || Array.isArray(options))
  ) {
    throw new TypeError(`options must be an object, got ${show(options)}`);
  }
  const a = checkNumber("asymmetry", options?.asymmetry ?? 0, 0, 1);
  const r = toRng(rng);
  const sd = 1 / Math.sqrt(N);
  const w = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      const s = normal(r) * sd;
      const u = normal(r) * sd;
      w[i * N + j] = (1 - a) * s + a * u;
      w[j * N + i] = (1 - a) * s - a * u;
    }
  }
  return denseNetwork(w);
}

/**
 * A standard normal deviate (Box-Muller, one value per call) that never loops:
 * a generator of the student's own that returns 0 again and again gives the
 * finite value of the smallest positive double instead of waiting for u > 0.
 * For u > 0 it is the transform the weights were always drawn with, so a
 * seeded network stays the same.
 */
function normal(r: Rng): number {
  const u = uniform(r), v = uniform(r);
  return Math.sqrt(-2 * Math.log(u > 0 ? u : Number.MIN_VALUE)) * Math.cos(2 * Math.PI * v);
}

function uniform(r: Rng): number {
  const u = r();
  if (typeof u !== "number" || !(u >= 0 && u < 1)) {
    throw new RangeError(`rng() must return numbers in [0, 1), got ${show(u)}`);
  }
  return u;
}
