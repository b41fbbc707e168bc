/**
 * Valleys that are not memories: mixture (spurious) states (Sec. 17.2.5).
 *
 * The mixture of an odd number n of stored patterns is the state
 * S_i = sgn(s_1 p_i^{mu_1} + ... + s_n p_i^{mu_n}) with signs s = +-1 (an odd
 * sum of +-1 values is never 0). For random patterns and large N it has the
 * same overlap with each of its n members,
 *
 *     m = C(n-1, (n-1)/2) / 2^(n-1)     (1/2 for n = 3, 3/8 for n = 5),
 *
 * and, at low load, it is a fixed point of the deterministic dynamics: a local
 * minimum of the energy with E/N = -(n/2) m^2 (-3/8 for n = 3), above the
 * stored patterns' -1/2 but still a valley that traps the dynamics.
 *
 * {@linkcode fixedPointCensus} runs the asynchronous deterministic dynamics
 * from many random states and sorts the fixed points it reaches into stored
 * patterns, reversed patterns, mixtures and others.
 *
 * @module
 */
import { run } from "./dynamics.ts";
import { energy } from "./energy.ts";
import { checkNetwork, checkPatterns, type HebbianNetwork } from "./network.ts";
import { randomPattern } from "./patterns.ts";
import type { Pattern } from "./patterns.ts";
import { type RngLike, toRng } from "./random.ts";
import { checkInteger, checkLength, checkNumber, checkSpins, show } from "./validate.ts";

function patternList(patterns: readonly Pattern[] | HebbianNetwork): readonly Pattern[] {
  if (Array.isArray(patterns)) {
    checkPatterns(patterns);
    return patterns;
  }
  const kind = (patterns as { kind?: unknown } | null)?.kind;
  if (kind !== "hebbian") {
    throw new TypeError(
      `patterns must be a list of patterns or a Hebbian network from storePatterns(), got ${
        kind === "dense"
          ? "a dense network (its weights do not say which patterns it stores)"
          : show(patterns)
      }`,
    );
  }
  checkNetwork(patterns, "patterns");
  checkPatterns((patterns as HebbianNetwork).patterns as Pattern[], "patterns.patterns");
  return (patterns as HebbianNetwork).patterns;
}

/** Treats null and undefined options like {}; anything else must be an object. */
function optionsOf<T extends object>(options: T | null | undefined, name = "options"): T {
  if (options === null || options === undefined) return {} as T;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${name} must be an object, got ${show(options)}`);
  }
  return options;
}

/**
 * The mixture state S_i = sgn(sum_k s_k p_i^{mu_k}) of an odd number of stored
 * patterns `members` (indices, default the first three) with signs `signs`
 * (default all +1).
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { overlaps } from "./overlap.ts";
 * import { mixtureState } from "./mixtures.ts";
 * const ps = randomPatterns(3, 10000, 1);
 * overlaps(ps, mixtureState(ps)); // about [0.5, 0.5, 0.5]
 * ```
 */
export function mixtureState(
  patterns: readonly Pattern[] | HebbianNetwork,
  members: readonly number[] = [0, 1, 2],
  signs?: readonly number[],
): Pattern {
  const list = patternList(patterns);
  const M = list.length;
  if (!Array.isArray(members) || members.length === 0 || members.length % 2 === 0) {
    throw new RangeError(
      `members must list an odd number of patterns (with an even number the sum can be 0 and sgn is undefined), got ${
        Array.isArray(members) ? `${members.length} patterns` : show(members)
      }`,
    );
  }
  members.forEach((mu, k) => checkInteger(`members[${k}]`, mu, 0, M - 1));
  if (new Set(members).size !== members.length) {
    throw new RangeError(`members must be distinct pattern indices, got [${members.join(", ")}]`);
  }
  const s = signs ?? members.map(() => 1);
  if (!Array.isArray(s) || s.length !== members.length) {
    throw new RangeError(
      `signs must have one entry per member (${members.length}), got ${show(signs)}`,
    );
  }
  s.forEach((v, k) => {
    if (v !== 1 && v !== -1) throw new RangeError(`signs[${k}] must be +1 or -1, got ${show(v)}`);
  });
  const N = list[0].length;
  const out = new Int8Array(N);
  for (let i = 0; i < N; i++) {
    let sum = 0;
    for (let k = 0; k < members.length; k++) sum += s[k] * list[members[k]][i];
    out[i] = sum > 0 ? 1 : -1;
  }
  return out;
}

/**
 * Large-N theory for the mixture of n (odd) random patterns: the overlap with
 * each member, m = C(n-1, (n-1)/2) / 2^(n-1), and the energy per neuron
 * E/N = -(n/2) m^2 (diagonal terms included, i.e. without the M/(2N) offset of
 * the zero-diagonal convention). Any odd n up to 2^53 - 1, in O(1) for large n:
 * m tends to sqrt(2/(pi n)) and E/N to -1/pi.
 *
 * @example
 * ```ts
 * import { mixtureTheory } from "./mixtures.ts";
 * mixtureTheory(3); // { n: 3, overlap: 0.5, energyPerNeuron: -0.375 }
 * mixtureTheory(1); // { n: 1, overlap: 1, energyPerNeuron: -0.5 }: a stored pattern
 * ```
 */
export function mixtureTheory(n: number): { n: number; overlap: number; energyPerNeuron: number } {
  checkInteger("n (mixture size)", n, 1, Number.MAX_SAFE_INTEGER);
  if (n % 2 === 0) {
    throw new RangeError(`n (mixture size) must be odd, got ${n}`);
  }
  const m = centralBinomialRatio((n - 1) / 2);
  return { n, overlap: m, energyPerNeuron: -(n / 2) * m * m };
}

/**
 * C(2h, h) / 4^h, the probability that h + h fair coins split evenly. Up to
 * h = 1000 as the running product of (2j - 1)/(2j), every factor below 1 (no
 * overflow, at most h rounding errors); beyond, from the asymptotic series
 * (1/sqrt(pi h)) (1 - 1/(8h) + 1/(128h^2) + 5/(1024h^3) - 21/(32768h^4) ...),
 * whose first omitted term is below 1e-18 there: O(1) for any h.
 */
function centralBinomialRatio(h: number): number {
  if (h <= 1000) {
    let m = 1;
    for (let j = 1; j <= h; j++) m *= (2 * j - 1) / (2 * j);
    return m;
  }
  const x = 1 / h;
  const series = 1 +
    x * (-1 / 8 + x * (1 / 128 + x * (5 / 1024 + x * (-21 / 32768 + x * (-399 / 262144)))));
  return series / Math.sqrt(Math.PI * h);
}

/** What kind of fixed point a state is. */
export type FixedPointKind = "pattern" | "reversed pattern" | "mixture" | "other";

/** The outcome of {@linkcode classifyFixedPoint}. */
export interface Classification {
  /** `"pattern"`, `"reversed pattern"`, `"mixture"` (of an odd number of patterns) or `"other"`. */
  kind: FixedPointKind;
  /** Indices of the patterns involved (one for patterns, n for an n-mixture, empty for other). */
  members: number[];
  /** Signs of the members (+1, or -1 for a reversed pattern or member). */
  signs: number[];
  /** Overlap of the state with the best-matching template (pattern or mixture state). */
  match: number;
  /** Overlaps m^mu of the state with every pattern. */
  overlaps: Float64Array;
}

/** Options of {@linkcode classifyFixedPoint} and {@linkcode fixedPointCensus}. */
export interface ClassifyOptions {
  /** Minimum overlap with a template to count as that template (default 0.9). */
  minMatch?: number;
  /** Largest mixture size tried (odd, default 5). */
  maxMixture?: number;
}

/**
 * Sorts a state into: a stored pattern (overlap >= `minMatch` with some
 * p^mu), a reversed pattern (with -p^mu), a mixture (overlap >= `minMatch` with
 * the mixture of the n patterns of largest |m^mu|, signed like m^mu, for
 * n = 3, 5, ... up to `maxMixture`), or other (e.g. spin-glass states).
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { classifyFixedPoint, mixtureState } from "./mixtures.ts";
 * const ps = randomPatterns(5, 1000, 1);
 * classifyFixedPoint(ps, mixtureState(ps, [0, 2, 4])).kind; // "mixture"
 * ```
 */
export function classifyFixedPoint(
  patterns: readonly Pattern[] | HebbianNetwork,
  state: Int8Array,
  options: ClassifyOptions = {},
): Classification {
  const list = patternList(patterns);
  const N = list[0].length;
  checkSpins("state", state);
  checkLength("state", state.length, N);
  const opts = optionsOf(options);
  const minMatch = checkNumber("minMatch", opts.minMatch ?? 0.9, 0, 1);
  const maxMixture = checkInteger("maxMixture", opts.maxMixture ?? 5, 1);
  if (maxMixture % 2 === 0) {
    throw new RangeError(
      `maxMixture must be an odd integer >= 1 (mixtures of an even number of patterns are not defined), got ${maxMixture}`,
    );
  }
  const M = list.length;
  const m = new Float64Array(M);
  for (let mu = 0; mu < M; mu++) {
    let s = 0;
    const p = list[mu];
    for (let i = 0; i < N; i++) s += p[i] * state[i];
    m[mu] = s / N;
  }
  const order = Array.from({ length: M }, (_, mu) => mu).sort((a, b) =>
    Math.abs(m[b]) - Math.abs(m[a])
  );
  const top = order[0];
  if (Math.abs(m[top]) >= minMatch) {
    return {
      kind: m[top] > 0 ? "pattern" : "reversed pattern",
      members: [top],
      signs: [m[top] > 0 ? 1 : -1],
      match: Math.abs(m[top]),
      overlaps: m,
    };
  }
  let best = Math.abs(m[top]);
  for (let n = 3; n <= Math.min(maxMixture, M); n += 2) {
    const members = order.slice(0, n);
    const signs = members.map((mu) => (m[mu] >= 0 ? 1 : -1));
    const template = mixtureState(list, members, signs);
    let s = 0;
    for (let i = 0; i < N; i++) s += template[i] * state[i];
    const match = s / N;
    best = Math.max(best, match);
    if (match >= minMatch) {
      return { kind: "mixture", members, signs, match, overlaps: m };
    }
  }
  return { kind: "other", members: [], signs: [], match: best, overlaps: m };
}

/** The most random starts of one {@linkcode fixedPointCensus}. */
export const MAX_STARTS = 100_000;

/** The most memory the entries of a census may hold (states and overlaps, 500 MB). */
const MAX_CENSUS_BYTES = 500_000_000;

/** Options of {@linkcode fixedPointCensus}. */
export interface CensusOptions extends ClassifyOptions {
  /** Number of random starting states (default 200). */
  starts?: number;
  /** Generator or seed for the starting states and update orders. */
  rng: RngLike;
  /** Sweeps allowed before giving up on convergence (default 100). */
  maxSweeps?: number;
}

/** One fixed point reached in a census. */
export interface CensusEntry extends Classification {
  /** Energy per neuron E/N of the final state. */
  energyPerNeuron: number;
  /** Mixture size n (1 for a pattern or reversed pattern, 0 for other). */
  size: number;
  /** True if the run stopped at a fixed point within `maxSweeps`. */
  converged: boolean;
  /** Sweeps needed. */
  sweeps: number;
  /** The final state. */
  state: Int8Array;
}

/** The outcome of {@linkcode fixedPointCensus}. */
export interface Census {
  /** Network size N and number of stored patterns M. */
  N: number;
  M: number;
  /** One entry per random start. */
  entries: CensusEntry[];
  /** How many starts ended in each kind of fixed point. */
  counts: Record<FixedPointKind, number>;
  /** How many ended in mixtures of each size n (keys "3", "5", ...). */
  mixtureSizes: Record<string, number>;
}

/**
 * Runs the asynchronous deterministic dynamics from `starts` random states
 * (each neuron +-1 with probability 1/2) until a fixed point, then classifies
 * each final state (pattern, reversed pattern, mixture, other) and records its
 * energy per neuron. With symmetric weights every run ends at a local energy
 * minimum; the census shows how many of those minima are not memories.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { fixedPointCensus } from "./mixtures.ts";
 * const census = fixedPointCensus(storePatterns(randomPatterns(5, 500, 1)), { starts: 20, rng: 2 });
 * census.counts; // e.g. { pattern: 6, "reversed pattern": 5, mixture: 9, other: 0 }
 * ```
 */
export function fixedPointCensus(net: HebbianNetwork, options: CensusOptions): Census {
  if (!net || net.kind !== "hebbian") {
    throw new TypeError(
      `net must be a Hebbian network (storePatterns), got ${show(net?.kind ?? net)}`,
    );
  }
  checkNetwork(net);
  if (options === null || options === undefined) {
    throw new TypeError(
      `options must be given with at least rng (a seed or a generator), e.g. { starts: 200, rng: 1 }, got ${
        show(options)
      }`,
    );
  }
  optionsOf(options);
  // every entry keeps its final state (N bytes) and its overlaps (M numbers)
  const maxStarts = Math.max(
    1,
    Math.min(MAX_STARTS, Math.floor(MAX_CENSUS_BYTES / (net.N + 8 * net.M))),
  );
  const starts = checkInteger("starts", options.starts ?? 200, 1, maxStarts);
  const maxSweeps = checkInteger("maxSweeps", options.maxSweeps ?? 100, 1, 1_000_000);
  if (options.rng === undefined) {
    throw new TypeError("rng must be given (a seed or a generator), got undefined");
  }
  const r = toRng(options.rng);
  const entries: CensusEntry[] = [];
  const counts: Record<FixedPointKind, number> = {
    pattern: 0,
    "reversed pattern": 0,
    mixture: 0,
    other: 0,
  };
  const mixtureSizes: Record<string, number> = {};
  for (let s = 0; s < starts; s++) {
    const start = randomPattern(net.N, r);
    const tr = run(net, start, {
      mode: "async",
      steps: maxSweeps,
      stopAt: "fixed-point",
      rng: r,
      recordStates: false,
      patterns: [],
    });
    const c = classifyFixedPoint(net, tr.final, options);
    const size = c.kind === "other" ? 0 : c.members.length;
    counts[c.kind]++;
    if (c.kind === "mixture") mixtureSizes[String(size)] = (mixtureSizes[String(size)] ?? 0) + 1;
    entries.push({
      ...c,
      size,
      energyPerNeuron: energy(net, tr.final) / net.N,
      converged: tr.stoppedBy === "fixed-point",
      sweeps: tr.steps,
      state: tr.final,
    });
  }
  return { N: net.N, M: net.M, entries, counts, mixtureSizes };
}
