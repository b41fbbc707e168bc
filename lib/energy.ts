/**
 * The energy picture (Sec. 17.2.5): the energy of a network state,
 *
 *     E(S) = -1/2 sum_i sum_j w_ij S_i S_j,
 *
 * with the lecture's factor 1/2 (some texts drop it, which only doubles E).
 * The diagonal terms i = j are part of the sum, so the two self-coupling
 * conventions differ by a constant: with w_ii = M/N (`diagonal: "hebb"`) they
 * add -M/2, with w_ii = 0 (`diagonal: "zero"`, the library default) nothing.
 *
 * ## Energy from the overlaps
 * For Hebbian weights w_ij = (1/N) sum_mu p_i^mu p_j^mu the double sum
 * collapses onto the overlaps m^mu = (1/N) sum_i p_i^mu S_i:
 *
 *     E = -(N/2) sum_mu (m^mu)^2            (w_ii = M/N)
 *     E = -(N/2) sum_mu (m^mu)^2 + M/2      (w_ii = 0)
 *
 * which costs O(N M) instead of O(N^2), and O(M) per single-neuron update when
 * the overlap sums are kept up to date (as {@linkcode NeuronUpdater} does).
 *
 * ## Lyapunov property (Hopfield 1982)
 * If neuron k flips, S_k -> S_k' = -S_k, only the terms with i = k or j = k
 * change, and the diagonal term w_kk S_k^2 = w_kk does not. With symmetric
 * weights the two cross sums are equal, so
 *
 *     Delta E = -(S_k' - S_k) h_k,   h_k = sum_{j != k} w_kj S_j.
 *
 * Under the deterministic sign rule a neuron flips only when S_k' = sgn of its
 * full input sum_j w_kj S_j = h_k + w_kk S_k; with w_kk >= 0 that sign is also
 * the sign of h_k (or h_k = 0), hence Delta E = -2 |h_k| <= 0. So with
 * symmetric weights, non-negative self-couplings and one neuron updated at a
 * time, E never increases, and since the state space is finite the dynamics
 * end in a fixed point: a local minimum of E under single flips.
 *
 * @module
 */
import { NeuronUpdater, run, type UpdateCallback } from "./dynamics.ts";
import type { Gain } from "./gain.ts";
import { overlapSums } from "./field.ts";
import {
  checkNetwork,
  checkState,
  checkStates,
  type DenseNetwork,
  denseNetwork,
  type Diagonal,
  type Network,
} from "./network.ts";
import type { Pattern } from "./patterns.ts";
import type { RngLike } from "./random.ts";
import { checkInteger, checkNumber, checkSpins, show } from "./validate.ts";

/** A weight matrix in any of the forms the energy functions accept. */
export type WeightsLike = DenseNetwork | Float64Array | number[][];

function asDense(weights: WeightsLike): DenseNetwork {
  if (
    weights && typeof weights === "object" && !Array.isArray(weights) &&
    !(weights instanceof Float64Array)
  ) {
    if ((weights as DenseNetwork).kind === "dense") {
      return checkNetwork(weights, "weights") as DenseNetwork;
    }
  }
  if (!(weights instanceof Float64Array) && !Array.isArray(weights)) {
    throw new TypeError(
      `weights must be a dense network, a flat Float64Array of N*N entries or an array of rows, got ${
        show(weights)
      }`,
    );
  }
  return denseNetwork(weights);
}

/**
 * @internal Throws unless `value` (an energy, or Delta E, of `net`) is finite,
 * naming the first weight that is not a finite number, or else saying that
 * the weights are too large for double precision. Hebbian energies are always
 * finite; a dense network built by hand may hold NaN or huge weights.
 *
 * @example
 * ```ts
 * import { denseNetwork } from "./network.ts";
 * import { checkFiniteEnergy } from "./energy.ts";
 * checkFiniteEnergy(denseNetwork([[0, 1], [1, 0]]), -1, "energy"); // ok
 * ```
 */
export function checkFiniteEnergy(net: Network, value: number, what: string): number {
  if (Number.isFinite(value)) return value;
  if (net.kind === "dense") {
    const { N, w } = net;
    for (let k = 0; k < w.length; k++) {
      if (!Number.isFinite(w[k])) {
        throw new RangeError(
          `weights[${Math.floor(k / N)}][${k % N}] must be a finite number, got ${show(w[k])}`,
        );
      }
    }
    let largest = 0;
    for (let k = 0; k < w.length; k++) largest = Math.max(largest, Math.abs(w[k]));
    throw new RangeError(
      `the ${what} is not a finite number (got ${
        show(value)
      }): the weights are too large for double precision (largest |w_ij| = ${largest}); scale them down`,
    );
  }
  throw new RangeError(`the ${what} is not a finite number, got ${show(value)}`);
}

/** checkNetwork, then checkState: the network first, so a missing one is named. */
function checkNetAndState(net: Network, state: Int8Array, name = "state"): Int8Array {
  checkNetwork(net);
  return checkState(net, state, name);
}

/** Treats null and undefined options like {}; anything else must be an object. */
function optionsOf<T extends object>(options: T | null | undefined, name = "options"): T {
  if (options === null || options === undefined) return {} as T;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${name} must be an object, got ${show(options)}`);
  }
  return options;
}

/** E without input checks (O(N M) for Hebbian, O(N^2) for dense). */
function energyOf(net: Network, S: Int8Array): number {
  return net.kind === "hebbian"
    ? energyFromSums(overlapSums(net, S), net.N, net.diagonal)
    : denseEnergy(net, S);
}

/** E from the integer overlap sums a^mu = N m^mu: -(1/(2N)) sum a^2 (+ M/2 for w_ii = 0). */
function energyFromSums(sums: Int32Array, N: number, diagonal: Diagonal): number {
  let q = 0;
  for (let mu = 0; mu < sums.length; mu++) q += sums[mu] * sums[mu];
  // q is an exact integer (below 2^53 for any N, M the library can hold)
  return -q / (2 * N) + (diagonal === "zero" ? sums.length / 2 : 0);
}

/** The dense double sum without input checks. */
function denseEnergy(net: DenseNetwork, S: Int8Array): number {
  const { N, w } = net;
  let e = 0;
  for (let i = 0; i < N; i++) {
    let row = 0;
    const off = i * N;
    for (let j = 0; j < N; j++) row += w[off + j] * S[j];
    e += S[i] * row;
  }
  return -0.5 * e;
}

/**
 * The energy E(S) = -1/2 sum_ij w_ij S_i S_j of a state. For a Hebbian
 * network it is computed from the overlaps in O(N M),
 * E = -(N/2) sum_mu (m^mu)^2, plus M/2 when w_ii = 0 (Sec. 17.2.5); for a
 * dense network it is the double sum, O(N^2).
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { energy } from "./energy.ts";
 * const net = storePatterns([checkerboard(4)]); // N = 16, M = 1, w_ii = 0
 * energy(net, checkerboard(4)); // -16/2 + 1/2 = -7.5
 * ```
 */
export function energy(net: Network, state: Int8Array): number {
  checkNetAndState(net, state);
  return checkFiniteEnergy(net, energyOf(net, state), "energy");
}

/**
 * The energy as the plain double sum E = -1/2 sum_i sum_j w_ij S_i S_j, for
 * any weight matrix (symmetric or not), given as a dense network, a flat
 * row-major array of N*N entries, or an array of rows. O(N^2): for small
 * networks, counter-examples and checks of the overlap form.
 *
 * @example
 * ```ts
 * import { energyDense } from "./energy.ts";
 * energyDense([[0, -1], [-1, 0]], Int8Array.of(1, 1)); // -1/2 (-1 - 1) = 1
 * ```
 */
export function energyDense(weights: WeightsLike, state: Int8Array): number {
  const net = asDense(weights);
  checkSpins("state", state);
  if (state.length !== net.N) {
    throw new RangeError(
      `state must have length N = ${net.N} (the weight matrix is ${net.N} x ${net.N}), got length ${state.length}`,
    );
  }
  return checkFiniteEnergy(net, denseEnergy(net, state), "energy");
}

/** Options of {@linkcode energyFromOverlaps}. */
export interface OverlapEnergyOptions {
  /** Self-coupling convention of the Hebbian weights; default `"zero"` (adds M/2). */
  diagonal?: Diagonal;
}

/**
 * The energy of a Hebbian network written in the overlaps,
 * E = -(N/2) sum_mu (m^mu)^2 (+ M/2 with w_ii = 0), where M is the number of
 * overlaps given (one per stored pattern). Useful to reason about states
 * without simulating them: a stored pattern of M orthogonal patterns has
 * m = (1, 0, ..., 0) and E = -N/2 (+ M/2).
 *
 * @example
 * ```ts
 * import { energyFromOverlaps } from "./energy.ts";
 * energyFromOverlaps([1, 0, 0], 100, { diagonal: "hebb" }); // -50
 * energyFromOverlaps([0.5, 0.5, 0.5], 100, { diagonal: "hebb" }); // -37.5: a 3-mixture
 * ```
 */
export function energyFromOverlaps(
  m: ArrayLike<number>,
  N: number,
  options: OverlapEnergyOptions = {},
): number {
  checkInteger("N", N, 1);
  const diagonal = optionsOf(options).diagonal ?? "zero";
  if (diagonal !== "zero" && diagonal !== "hebb") {
    throw new RangeError(`diagonal must be "zero" or "hebb", got ${show(diagonal)}`);
  }
  if (m === null || typeof m !== "object" || typeof m.length !== "number" || m.length === 0) {
    throw new RangeError(`m must be a non-empty list of overlaps, got ${show(m)}`);
  }
  let q = 0;
  for (let mu = 0; mu < m.length; mu++) {
    checkNumber(`m[${mu}]`, m[mu], -1, 1);
    q += m[mu] * m[mu];
  }
  return -(N / 2) * q + (diagonal === "zero" ? m.length / 2 : 0);
}

/**
 * The change of energy Delta E = E(S with neuron k flipped) - E(S), exact for
 * any weights. With symmetric weights it equals -(S_k' - S_k) h_k with
 * h_k = sum_{j != k} w_kj S_j (the self-coupling drops out because S_k^2 = 1),
 * i.e. 2 S_k h_k; for asymmetric weights h_k is replaced by
 * (1/2) sum_{j != k} (w_kj + w_jk) S_j. O(N M) for a Hebbian network, O(N) for
 * a dense one.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { deltaE } from "./energy.ts";
 * const net = storePatterns([checkerboard(4)]);
 * deltaE(net, checkerboard(4), 0); // +1.875: leaving the pattern costs 2 * 15/16
 * ```
 */
export function deltaE(net: Network, state: Int8Array, k: number): number {
  checkNetAndState(net, state);
  checkInteger("k", k, 0, net.N - 1);
  const S = state;
  if (net.kind === "hebbian") {
    // h_k without self-coupling: (1/N) sum_mu p_k^mu a^mu - (M/N) S_k
    const { N, M, xiT } = net;
    const a = overlapSums(net, S);
    let s = 0;
    for (let mu = 0; mu < M; mu++) s += xiT[k * M + mu] * a[mu];
    return 2 * S[k] * (s - M * S[k]) / N;
  }
  return checkFiniteEnergy(net, 2 * S[k] * symmetricField(net, S, k), "energy change Delta E");
}

/** (1/2) sum_{j != k} (w_kj + w_jk) S_j: the field that enters Delta E. */
function symmetricField(net: DenseNetwork, S: Int8Array, k: number): number {
  const { N, w } = net;
  let s = 0;
  for (let j = 0; j < N; j++) if (j !== k) s += (w[k * N + j] + w[j * N + k]) * S[j];
  return s / 2;
}

/** Options of {@linkcode energyTrace}. */
export interface EnergyTraceOptions {
  /** Number of asynchronous sweeps (N single-neuron updates each) or synchronous steps. */
  steps: number;
  /** `"async"` (default): E after every single-neuron update; `"sync"`: E after every step. */
  mode?: "async" | "sync";
  /** Inverse noise level of the standard gain; `Infinity` (default) is the sign rule. */
  beta?: number;
  /** A gain function of your own, h => Pr{S = +1} (overrides `beta`; stochastic dynamics). */
  gain?: Gain;
  /** Generator or seed (needed for async order and for finite beta or a gain). */
  rng?: RngLike;
  /**
   * States whose overlaps are recorded alongside E (e.g. the cued pattern).
   * Default: the first ten stored patterns of a Hebbian network, none for a
   * dense network.
   */
  references?: readonly Pattern[];
  /** Stop after a step or sweep that changes nothing (deterministic only). Default false. */
  stopAtFixedPoint?: boolean;
}

const TRACE_OPTIONS = [
  "steps",
  "mode",
  "beta",
  "gain",
  "rng",
  "references",
  "stopAtFixedPoint",
] as const;

/**
 * The most numbers an {@linkcode energyTrace} may keep: its energies,
 * overlaps and, synchronously, its states (about 0.8 GB).
 */
export const MAX_TRACE_VALUES = 100_000_000;

/** The energy (and overlaps) recorded along a run. */
export interface EnergyTrace {
  /** Update scheme of the run. */
  mode: "async" | "sync";
  /** Number of neurons. */
  N: number;
  /** Entries per sweep or step: N for async (one per single-neuron update), 1 for sync. */
  updatesPerStep: number;
  /**
   * E after every recorded event, entry 0 being the initial state: async, after
   * every single-neuron update (steps * N + 1 entries); sync, after every step.
   */
  energy: Float64Array;
  /** `overlaps[r][t]`: overlap with `references[r]` at entry t. */
  overlaps: Float64Array[];
  /** The reference states whose overlaps were recorded. */
  references: readonly Pattern[];
  /** Async only: 1 where the update changed the neuron (entry t refers to update t, t >= 1). */
  changed: Uint8Array;
  /** Number of sweeps or steps run. */
  steps: number;
  /** The last state. */
  final: Int8Array;
  /** Whether the run ended early at a fixed point. */
  stoppedBy: null | "fixed-point" | "2-cycle";
  /**
   * How the run ended: 1 if the last step or sweep changed nothing (a fixed
   * point), 2 if a synchronous run alternates between two states
   * (S(T) = S(T-2) != S(T-1)), null otherwise (still moving, or too short to tell).
   */
  period: 1 | 2 | null;
}

/**
 * Runs the dynamics and records the energy E = -1/2 sum_ij w_ij S_i S_j
 * (Sec. 17.2.5) after every single-neuron update (asynchronous) or after every
 * step (synchronous), together with the overlaps with some reference states.
 * The run itself is {@linkcode run} of `dynamics.ts` (random order per sweep,
 * standard gain for finite beta, or a `gain` of your own). For a Hebbian
 * network each entry costs O(M) from the overlap sums; for a dense network O(N)
 * (exact Delta E of the flip). The trace keeps at most
 * {@linkcode MAX_TRACE_VALUES} numbers, which caps `steps`; unknown options are
 * refused (a misspelt one would otherwise be ignored).
 *
 * @example
 * ```ts
 * import { randomPatterns, noisyCopy } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { energyTrace } from "./energy.ts";
 * const ps = randomPatterns(5, 400, 1);
 * const tr = energyTrace(storePatterns(ps), noisyCopy(ps[0], 0.3, 2), { steps: 3, rng: 3 });
 * tr.energy.length; // 3 * 400 + 1, never increasing
 * ```
 */
export function energyTrace(
  net: Network,
  initial: Int8Array,
  options: EnergyTraceOptions,
): EnergyTrace {
  checkNetAndState(net, initial, "initial");
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(
      `options must be an object with at least steps, e.g. { steps: 3, rng: 1 }, got ${
        show(options)
      }`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!(TRACE_OPTIONS as readonly string[]).includes(key)) {
      throw new TypeError(
        `energyTrace has no option ${show(key)}; the options are ${TRACE_OPTIONS.join(", ")}`,
      );
    }
  }
  const T = checkInteger("steps", options.steps, 0);
  const mode = options.mode ?? "async";
  if (mode !== "async" && mode !== "sync") {
    throw new RangeError(`mode must be "async" or "sync", got ${show(mode)}`);
  }
  const stopAtFixedPoint = options.stopAtFixedPoint ?? false;
  if (typeof stopAtFixedPoint !== "boolean") {
    throw new TypeError(`stopAtFixedPoint must be true or false, got ${show(stopAtFixedPoint)}`);
  }
  const beta = options.beta === undefined ? Infinity : checkNumber("beta", options.beta, 0);
  if (options.gain !== undefined && typeof options.gain !== "function") {
    throw new TypeError(`gain must be a function h => probability, got ${show(options.gain)}`);
  }
  if (stopAtFixedPoint && (beta !== Infinity || options.gain !== undefined)) {
    throw new RangeError(
      `stopAtFixedPoint must be false for stochastic dynamics (${
        options.gain !== undefined ? "a gain function" : `beta = ${beta}`
      }: a noisy state never settles exactly), got true`,
    );
  }
  const refs = options.references ??
    (net.kind === "hebbian" ? net.patterns.slice(0, 10) : []);
  checkStates(net, refs, "references");
  const R = refs.length;
  const N = net.N;
  // memory: energies and overlaps per entry (and, synchronously, every state)
  const perStep = mode === "async" ? N * (1 + R) : 1 + R + N;
  const maxSteps = Math.max(0, Math.floor((MAX_TRACE_VALUES - (1 + R)) / perStep));
  if (T > maxSteps) {
    throw new RangeError(
      `steps must be an integer in [0, ${maxSteps}] for N = ${N} with ${R} reference${
        R === 1 ? "" : "s"
      } (the ${mode} trace keeps ${
        mode === "async"
          ? "(steps * N + 1) * (1 + references)"
          : "(steps + 1) * (1 + references + N)"
      } numbers, at most ${MAX_TRACE_VALUES}), got ${T}`,
    );
  }
  const runOptions = {
    mode,
    steps: T,
    beta: options.beta,
    gain: options.gain,
    rng: options.rng,
    stopAt: stopAtFixedPoint ? "fixed-point" as const : "none" as const,
    patterns: [] as Pattern[],
  };

  if (mode === "sync") {
    const tr = run(net, initial, { ...runOptions, recordStates: true });
    const n = tr.states.length;
    const st = tr.states;
    let period: 1 | 2 | null = null;
    if (n >= 2 && equalStates(st[n - 1], st[n - 2])) period = 1;
    else if (n >= 3 && equalStates(st[n - 1], st[n - 3])) period = 2;
    const e = new Float64Array(n);
    const ov = refs.map(() => new Float64Array(n));
    tr.states.forEach((S, t) => {
      e[t] = checkFiniteEnergy(net, energyOf(net, S), "energy");
      refs.forEach((p, r) => (ov[r][t] = dot(p, S) / N));
    });
    return {
      mode,
      N,
      updatesPerStep: 1,
      energy: e,
      overlaps: ov,
      references: refs,
      changed: new Uint8Array(0),
      steps: tr.steps,
      final: tr.final,
      stoppedBy: tr.stoppedBy,
      period,
    };
  }

  const total = T * N + 1;
  const e = new Float64Array(total);
  const ov = refs.map(() => new Float64Array(total));
  const changed = new Uint8Array(total);
  const refSums = new Int32Array(R);
  refs.forEach((p, r) => (refSums[r] = dot(p, initial)));
  const hebb = net.kind === "hebbian" ? net : null;
  let E = checkFiniteEnergy(net, energyOf(net, initial), "energy");
  e[0] = E;
  for (let r = 0; r < R; r++) ov[r][0] = refSums[r] / N;
  let t = 0;
  const onUpdate: UpdateCallback = (u: NeuronUpdater, k: number, c: boolean) => {
    t++;
    if (c) {
      changed[t] = 1;
      const s = u.state[k];
      if (hebb) E = energyFromSums(u.sums, N, hebb.diagonal);
      else E += 2 * -s * symmetricField(net as DenseNetwork, u.state, k);
      for (let r = 0; r < R; r++) refSums[r] += 2 * s * refs[r][k];
    }
    e[t] = E;
    for (let r = 0; r < R; r++) ov[r][t] = refSums[r] / N;
  };
  const tr = run(net, initial, { ...runOptions, recordStates: false, onUpdate });
  const n = t + 1;
  // dense weights: the running sum can overflow although every weight is finite
  for (let q = 1; q < n; q++) if (!Number.isFinite(e[q])) checkFiniteEnergy(net, e[q], "energy");
  let still = n > N; // at least one full sweep, none of whose updates changed anything
  for (let q = Math.max(1, n - N); q < n && still; q++) if (changed[q]) still = false;
  return {
    mode,
    N,
    updatesPerStep: N,
    energy: e.slice(0, n),
    overlaps: ov.map((o) => o.slice(0, n)),
    references: refs,
    changed: changed.slice(0, n),
    steps: tr.steps,
    final: tr.final,
    stoppedBy: tr.stoppedBy,
    period: still ? 1 : null,
  };
}

function equalStates(a: Int8Array, b: Int8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function dot(a: Int8Array, b: Int8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * The largest single increase E[t] - E[t-1] along a trace (0 if E never rises;
 * negative values are reported as 0).
 *
 * @example
 * ```ts
 * import { largestRise } from "./energy.ts";
 * largestRise(Float64Array.of(3, 1, 2, 0)); // 1
 * ```
 */
export function largestRise(energies: ArrayLike<number>): number {
  if (
    energies === null || typeof energies !== "object" || typeof energies.length !== "number"
  ) {
    throw new TypeError(
      `energies must be a list of numbers (e.g. trace.energy), got ${show(energies)}`,
    );
  }
  let worst = 0;
  for (let t = 0; t < energies.length; t++) {
    const e = energies[t];
    if (typeof e !== "number" || !Number.isFinite(e)) {
      throw new RangeError(`energies[${t}] must be a finite number, got ${show(e)}`);
    }
    if (t > 0) worst = Math.max(worst, e - energies[t - 1]);
  }
  return worst;
}

/**
 * @internal The energy of a {@linkcode NeuronUpdater}'s current state: O(M)
 * from its overlap sums for a Hebbian network, O(N^2) for a dense one. Used by
 * walks of single flips (`landscape.ts`).
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { NeuronUpdater } from "./dynamics.ts";
 * import { updaterEnergy } from "./energy.ts";
 * const net = storePatterns([checkerboard(4)]);
 * updaterEnergy(net, new NeuronUpdater(net, checkerboard(4))); // -7.5
 * ```
 */
export function updaterEnergy(net: Network, u: NeuronUpdater): number {
  checkUpdater(net, u);
  if (net.kind === "hebbian") return energyFromSums(u.sums, net.N, net.diagonal);
  return denseEnergy(net, u.state);
}

/**
 * @internal The Delta E of flipping neuron k in a {@linkcode NeuronUpdater}'s
 * current state (no checks): O(M) for a Hebbian network, O(N) for a dense one.
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { NeuronUpdater } from "./dynamics.ts";
 * import { updaterDeltaE } from "./energy.ts";
 * const net = storePatterns([checkerboard(4)]);
 * updaterDeltaE(net, new NeuronUpdater(net, checkerboard(4)), 0); // 1.875
 * ```
 */
export function updaterDeltaE(net: Network, u: NeuronUpdater, k: number): number {
  checkUpdater(net, u);
  checkInteger("k", k, 0, net.N - 1);
  const S = u.state;
  if (net.kind === "hebbian") {
    const { N, M, xiT } = net;
    const a = u.sums;
    let s = 0;
    for (let mu = 0; mu < M; mu++) s += xiT[k * M + mu] * a[mu];
    return 2 * S[k] * (s - M * S[k]) / N;
  }
  return 2 * S[k] * symmetricField(net, S, k);
}

/** O(1): `u` must be a NeuronUpdater whose state has the network's N neurons. */
function checkUpdater(net: Network, u: NeuronUpdater): void {
  checkNetwork(net);
  if (!(u instanceof NeuronUpdater) || u.state.length !== net.N) {
    throw new TypeError(
      `u must be a NeuronUpdater of this network (N = ${net.N}), got ${
        u instanceof NeuronUpdater ? `one with N = ${u.state.length}` : show(u)
      }`,
    );
  }
}
