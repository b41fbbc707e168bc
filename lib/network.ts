/**
 * A Hopfield network that stores patterns with the Hebb rule
 * w_ij = (1/N) sum_mu p_i^mu p_j^mu (Sec. 17.2.2), and, for counter-examples,
 * a network with an arbitrary dense weight matrix.
 *
 * The Hebbian network never builds the N x N matrix: it keeps the patterns
 * and computes the input field from the overlaps (see `field.ts`), which
 * costs O(N M) time and memory instead of O(N^2). {@linkcode hebbianWeights}
 * builds the dense matrix on request, for display.
 *
 * ## Diagonal convention
 * Written as a plain sum, the Hebb rule gives w_ii = M/N. Like the companion
 * exercises, we default to `diagonal: "zero"` (w_ii = 0, no self-coupling);
 * `diagonal: "hebb"` keeps w_ii = M/N. The two differ by a constant M/2 in
 * the energy and slightly in small-N error rates.
 *
 * @module
 */
import type { Pattern } from "./patterns.ts";
import { checkLength, checkSpins, show } from "./validate.ts";

/** Self-coupling convention: `"zero"` (w_ii = 0, default) or `"hebb"` (w_ii = M/N). */
export type Diagonal = "zero" | "hebb";

/** A network with Hebbian weights, stored as its patterns. */
export interface HebbianNetwork {
  readonly kind: "hebbian";
  /** Number of neurons. */
  readonly N: number;
  /** Number of stored patterns. */
  readonly M: number;
  /** The stored patterns (copies). */
  readonly patterns: readonly Pattern[];
  /** Patterns pattern-major: entry mu * N + i is p_i^mu. */
  readonly xi: Int8Array;
  /** Patterns neuron-major: entry i * M + mu is p_i^mu (for single-neuron updates). */
  readonly xiT: Int8Array;
  /** Self-coupling convention. */
  readonly diagonal: Diagonal;
}

/** A network with an explicit N x N weight matrix (row i = weights onto neuron i). */
export interface DenseNetwork {
  readonly kind: "dense";
  readonly N: number;
  /** Row-major weights: entry i * N + j is w_ij, the weight from j to i. */
  readonly w: Float64Array;
}

/** Any network the dynamics can run. */
export type Network = HebbianNetwork | DenseNetwork;

/**
 * Checks that `net` is a network made by {@linkcode storePatterns} or
 * {@linkcode denseNetwork}: its kind, its size N and the lengths of its
 * arrays, naming the first field that is wrong (a clear error instead of a
 * crash or a NaN deep inside when something else is passed). O(1): the values
 * are not read.
 *
 * @example
 * ```ts
 * import { checkNetwork, denseNetwork } from "./network.ts";
 * checkNetwork(denseNetwork([[0, 1], [1, 0]])); // ok
 * ```
 */
export function checkNetwork(net: unknown, name = "net"): Network {
  const made = "a network from storePatterns(patterns) or denseNetwork(weights)";
  if (net === null || typeof net !== "object" || Array.isArray(net) || ArrayBuffer.isView(net)) {
    throw new TypeError(`${name} must be ${made}, got ${show(net)}`);
  }
  const n = net as Record<string, unknown>;
  if (n.kind !== "hebbian" && n.kind !== "dense") {
    throw new TypeError(
      `${name} must be ${made}: ${name}.kind must be "hebbian" or "dense", got ${show(n.kind)}`,
    );
  }
  const N = n.N;
  if (typeof N !== "number" || !Number.isInteger(N) || N < 1) {
    throw new TypeError(
      `${name} must be ${made}: ${name}.N must be an integer >= 1, got ${show(N)}`,
    );
  }
  if (n.kind === "dense") {
    if (!(n.w instanceof Float64Array) || n.w.length !== N * N) {
      throw new TypeError(
        `${name} must be ${made}: ${name}.w must be a Float64Array of N*N = ${N * N} weights, got ${
          show(n.w)
        }`,
      );
    }
    return net as DenseNetwork;
  }
  const M = n.M;
  if (typeof M !== "number" || !Number.isInteger(M) || M < 1) {
    throw new TypeError(
      `${name} must be ${made}: ${name}.M must be an integer >= 1, got ${show(M)}`,
    );
  }
  for (const key of ["xi", "xiT"]) {
    const a = n[key];
    if (!(a instanceof Int8Array) || a.length !== N * M) {
      throw new TypeError(
        `${name} must be ${made}: ${name}.${key} must be an Int8Array of N*M = ${
          N * M
        } entries, got ${show(a)}`,
      );
    }
  }
  if (!Array.isArray(n.patterns) || n.patterns.length !== M) {
    throw new TypeError(
      `${name} must be ${made}: ${name}.patterns must list its M = ${M} patterns, got ${
        show(n.patterns)
      }`,
    );
  }
  if (n.diagonal !== "zero" && n.diagonal !== "hebb") {
    throw new TypeError(
      `${name} must be ${made}: ${name}.diagonal must be "zero" or "hebb", got ${show(n.diagonal)}`,
    );
  }
  return net as HebbianNetwork;
}

/** Options for {@linkcode storePatterns} and {@linkcode hebbianWeights}. */
export interface HebbOptions {
  /** Self-coupling convention; default `"zero"`. */
  diagonal?: Diagonal;
}

/**
 * Checks a list of patterns: non-empty, all +1/-1, all of the same length N.
 * Returns N.
 *
 * @example
 * ```ts
 * import { checkPatterns } from "./network.ts";
 * checkPatterns([Int8Array.of(1, -1)]); // 2
 * ```
 */
export function checkPatterns(patterns: readonly Pattern[], name = "patterns"): number {
  if (!Array.isArray(patterns) || patterns.length === 0) {
    throw new RangeError(`${name} must be a non-empty list of patterns, got ${show(patterns)}`);
  }
  const N = patterns[0]?.length;
  patterns.forEach((p, mu) => {
    checkSpins(`${name}[${mu}]`, p);
    if (p.length !== N) {
      throw new RangeError(
        `${name}[${mu}] must have length N = ${N} like ${name}[0], got length ${p.length}`,
      );
    }
  });
  return N;
}

function checkDiagonal(diagonal: unknown): Diagonal {
  if (diagonal !== "zero" && diagonal !== "hebb") {
    throw new RangeError(`diagonal must be "zero" or "hebb", got ${show(diagonal)}`);
  }
  return diagonal;
}

/**
 * Stores `patterns` in a Hebbian network, w_ij = (1/N) sum_mu p_i^mu p_j^mu.
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * const net = storePatterns([checkerboard(4)]); // N = 16, M = 1, w_ii = 0
 * ```
 */
export function storePatterns(
  patterns: readonly Pattern[],
  options: HebbOptions = {},
): HebbianNetwork {
  options ??= {};
  const N = checkPatterns(patterns);
  const diagonal = checkDiagonal(options.diagonal ?? "zero");
  const M = patterns.length;
  const xi = new Int8Array(M * N);
  const xiT = new Int8Array(N * M);
  patterns.forEach((p, mu) => {
    xi.set(p, mu * N);
    for (let i = 0; i < N; i++) xiT[i * M + mu] = p[i];
  });
  return {
    kind: "hebbian",
    N,
    M,
    patterns: patterns.map((p) => p.slice()),
    xi,
    xiT,
    diagonal,
  };
}

/**
 * The dense Hebbian weight matrix w_ij = (1/N) sum_mu p_i^mu p_j^mu, row-major
 * (entry i * N + j), with w_ii = 0 unless `diagonal: "hebb"`. O(N^2 M): meant
 * for display and checks, not for the dynamics.
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { hebbianWeights } from "./network.ts";
 * const w = hebbianWeights([checkerboard(4)]); // entries +-1/16 = +-0.0625
 * ```
 */
export function hebbianWeights(
  patterns: readonly Pattern[] | HebbianNetwork,
  options: HebbOptions = {},
): Float64Array {
  options ??= {};
  if (!Array.isArray(patterns) && (patterns as HebbianNetwork)?.kind !== "hebbian") {
    throw new TypeError(
      `patterns must be a list of patterns or a network from storePatterns, got ${show(patterns)}`,
    );
  }
  const net = Array.isArray(patterns)
    ? storePatterns(patterns as Pattern[], options)
    : patterns as HebbianNetwork;
  const { N, M, xiT } = net;
  const diagonal = Array.isArray(patterns)
    ? net.diagonal
    : checkDiagonal(options.diagonal ?? net.diagonal);
  if (N > 5000) {
    throw new RangeError(
      `N must be <= 5000 for a dense weight matrix (it has N^2 entries), got ${N}; the dynamics do not need it`,
    );
  }
  const w = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      let s = 0;
      for (let mu = 0; mu < M; mu++) s += xiT[i * M + mu] * xiT[j * M + mu];
      w[i * N + j] = s / N;
      w[j * N + i] = s / N;
    }
    if (diagonal === "zero") w[i * N + i] = 0;
  }
  return w;
}

/**
 * A network with an arbitrary weight matrix, given row by row (row i holds the
 * weights onto neuron i) or as a flat row-major array of N*N entries. Used for
 * counter-examples: negative couplings, asymmetric weights.
 *
 * @example
 * ```ts
 * import { denseNetwork } from "./network.ts";
 * const pair = denseNetwork([[0, -1], [-1, 0]]); // two neurons, w_12 = w_21 = -1
 * ```
 */
export function denseNetwork(weights: number[][] | Float64Array): DenseNetwork {
  if (weights instanceof Float64Array) {
    const N = Math.round(Math.sqrt(weights.length));
    if (N * N !== weights.length || N === 0) {
      throw new RangeError(
        `weights must be a square matrix: a flat array needs N*N entries, got ${weights.length}`,
      );
    }
    checkFinite(weights);
    return { kind: "dense", N, w: weights.slice() };
  }
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new RangeError(`weights must be a non-empty square matrix, got ${show(weights)}`);
  }
  const N = weights.length;
  const w = new Float64Array(N * N);
  weights.forEach((row, i) => {
    if (!row || row.length !== N) {
      throw new RangeError(
        `weights must be square (N x N with N = ${N} rows): row ${i} has length ${row?.length}`,
      );
    }
    for (let j = 0; j < N; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new RangeError(`weights[${i}][${j}] must be a finite number, got ${show(v)}`);
      }
      w[i * N + j] = v;
    }
  });
  return { kind: "dense", N, w };
}

function checkFinite(w: Float64Array): void {
  const N = Math.round(Math.sqrt(w.length));
  for (let k = 0; k < w.length; k++) {
    if (!Number.isFinite(w[k])) {
      throw new RangeError(
        `weights[${Math.floor(k / N)}][${k % N}] must be a finite number, got ${show(w[k])}`,
      );
    }
  }
}

/**
 * The weight matrix of any network (dense copy; Hebbian networks build it).
 *
 * @example
 * ```ts
 * import { denseNetwork, weightMatrix } from "./network.ts";
 * weightMatrix(denseNetwork([[0, 1], [1, 0]])); // Float64Array [0, 1, 1, 0]
 * ```
 */
export function weightMatrix(net: Network): Float64Array {
  checkNetwork(net);
  return net.kind === "dense" ? net.w.slice() : hebbianWeights(net);
}

/**
 * Checks that `state` is a +1/-1 vector of length `net.N`.
 *
 * @example
 * ```ts
 * import { checkState, denseNetwork } from "./network.ts";
 * checkState(denseNetwork([[0, 1], [1, 0]]), Int8Array.of(1, -1)); // ok
 * ```
 */
/**
 * Checks a list of states for `net` (each +1/-1 of length N), naming the
 * list and the first bad entry.
 *
 * @example
 * ```ts
 * import { checkStates, denseNetwork } from "./network.ts";
 * checkStates(denseNetwork([[0, 1], [1, 0]]), [Int8Array.of(1, -1)], "references"); // ok
 * ```
 */
export function checkStates(net: Network, states: unknown, name: string): Int8Array[] {
  if (!Array.isArray(states)) {
    throw new TypeError(
      `${name} must be a list of states (Int8Array of +1/-1, length N = ${net.N}), got ${
        show(states)
      }`,
    );
  }
  states.forEach((p, k) => checkState(net, p, `${name}[${k}]`));
  return states;
}

export function checkState(net: Network, state: Int8Array, name = "state"): Int8Array {
  checkNetwork(net);
  checkSpins(name, state);
  checkLength(name, state.length, net.N);
  return state;
}
