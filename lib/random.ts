/**
 * Seeded randomness. Every random function in this library takes an
 * {@linkcode Rng} (or a seed, turned into one by {@linkcode toRng}); nothing
 * calls `Math.random`, so the same seed gives the same patterns, the same
 * trajectories and the same figures.
 *
 * @module
 */
import seedrandom from "seedrandom";
import { checkInteger, checkNumber, show } from "./validate.ts";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Either a generator or a seed for one. */
export type RngLike = Rng | number | string;

/** Generators known to return numbers in [0, 1): seeded ones and already wrapped ones. */
const VALIDATED = new WeakSet<Rng>();

/**
 * A seeded generator (seedrandom's Alea algorithm: fast, 2^116 period).
 *
 * @example
 * ```ts
 * import { rng } from "./random.ts";
 * const r = rng(42);
 * const u = r(); // same value on every machine for seed 42
 * ```
 */
export function rng(seed: number | string): Rng {
  if (typeof seed === "number" && !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string, got ${show(seed)}`);
  }
  if (typeof seed !== "number" && typeof seed !== "string") {
    throw new TypeError(`seed must be a finite number or a string, got ${show(seed)}`);
  }
  const alea = seedrandom.alea(String(seed));
  const r: Rng = () => alea();
  VALIDATED.add(r);
  return r;
}

/**
 * Returns `r` itself if it is a generator, or a new generator seeded with it.
 *
 * @example
 * ```ts
 * import { toRng } from "./random.ts";
 * const r = toRng(7); // same as rng(7)
 * ```
 */
export function toRng(r: RngLike, name = "rng"): Rng {
  if (typeof r === "function") {
    if (VALIDATED.has(r)) return r;
    // a generator of the student's own: every value must be a number in [0, 1)
    const checked: Rng = () => {
      const u = r();
      if (typeof u !== "number" || !(u >= 0 && u < 1)) {
        throw new RangeError(`${name}() must return numbers in [0, 1), got ${show(u)}`);
      }
      return u;
    };
    VALIDATED.add(checked);
    return checked;
  }
  if (typeof r === "number" || typeof r === "string") return rng(r);
  throw new TypeError(
    `${name} must be a seed (number or string) or a generator function, got ${show(r)}`,
  );
}

/**
 * Uniform integer in `[0, n)`.
 *
 * @example
 * ```ts
 * import { randomInt, rng } from "./random.ts";
 * const k = randomInt(rng(1), 16); // 0..15
 * ```
 */
export function randomInt(r: Rng, n: number): number {
  checkInteger("n", n, 1);
  return Math.floor(toRng(r)() * n);
}

/**
 * A uniformly random permutation of `0..n-1` (Fisher-Yates), written into
 * `out` if given.
 *
 * @example
 * ```ts
 * import { permutation, rng } from "./random.ts";
 * const order = permutation(rng(1), 5); // e.g. Uint32Array [3, 0, 4, 1, 2]
 * ```
 */
export function permutation(r: Rng, n: number, out = new Uint32Array(n)): Uint32Array {
  checkInteger("n", n, 0);
  if (!(out instanceof Uint32Array) || out.length !== n) {
    throw new RangeError(`out must be a Uint32Array of length n = ${n}, got ${show(out)}`);
  }
  r = toRng(r);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/**
 * `k` distinct indices from `0..n-1`, uniformly at random, in random order.
 *
 * @example
 * ```ts
 * import { sampleIndices, rng } from "./random.ts";
 * const idx = sampleIndices(rng(3), 16, 5); // five distinct pixels
 * ```
 */
export function sampleIndices(r: Rng, n: number, k: number): Uint32Array {
  checkInteger("n", n, 0);
  checkInteger("k", k, 0, n);
  r = toRng(r);
  // partial Fisher-Yates on a full index array: O(n) memory, O(n + k) time
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(r() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, k);
}

/**
 * Standard normal deviate (Box-Muller, one value per call).
 *
 * @example
 * ```ts
 * import { gaussian, rng } from "./random.ts";
 * const z = gaussian(rng(5)); // mean 0, variance 1
 * ```
 */
export function gaussian(r: Rng): number {
  const g = toRng(r);
  // u = 0 would give log(0); the smallest positive number instead (no loop waiting for u > 0)
  const u = g() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * g());
}

/**
 * True with probability `p`.
 *
 * @example
 * ```ts
 * import { bernoulli, rng } from "./random.ts";
 * const on = bernoulli(rng(1), 0.5);
 * ```
 */
export function bernoulli(r: Rng, p: number): boolean {
  checkNumber("p", p, 0, 1);
  return toRng(r)() < p;
}
