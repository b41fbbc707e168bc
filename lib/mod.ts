/**
 * Attractor networks and generalisations of the Hopfield model: the
 * simulation and figure library behind the course notebooks (Neuronal
 * Dynamics, Ch. 17).
 *
 * @example
 * ```ts
 * import { checkerboard, flipN, run, storePatterns } from "./mod.ts";
 * const net = storePatterns([checkerboard(4)]);
 * const tr = run(net, flipN(checkerboard(4), 5, 1), { steps: 3 });
 * tr.overlaps.map((m) => m[0]); // [0.375, 1, 1, 1]
 * ```
 *
 * @module
 */
export * from "./validate.ts";
export * from "./random.ts";
export * from "./patterns.ts";
export * from "./network.ts";
export * from "./overlap.ts";
export * from "./field.ts";
export * from "./gain.ts";
export * from "./dynamics.ts";
export * from "./meanfield.ts";
export * from "./crosstalk_map.ts";
export * from "./retrieval.ts";
export * from "./energy.ts";
export * from "./mixtures.ts";
export * from "./counterexamples.ts";
export * from "./landscape.ts";
export * from "./special.ts";
export * from "./capacity.ts";
export * from "./letters.ts";
export * from "./plot/mod.ts";
export * from "./exercises/check.ts";
export * from "./exercises/meanfield.ts";
export * from "./exercises/energy.ts";
export * from "./exercises/review.ts";
