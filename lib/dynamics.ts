/**
 * Network dynamics (Sec. 17.2.1-17.2.3).
 *
 * - Deterministic: S_i(t + dt) = sgn(h_i(t)), sgn(0) = +1 (Eq. 17.4).
 * - Stochastic: Pr{S_i(t + dt) = +1} = g(h_i(t)), by default
 *   g(h) = 0.5 [1 + tanh(beta h)] (Eq. 17.3); `beta = Infinity` is the
 *   deterministic rule.
 * - Synchronous ("sync"): all N neurons update at once from the same fields;
 *   the book's default. Asynchronous ("async"): one sweep updates every neuron
 *   once, one at a time, in a fresh random order, each seeing the current state;
 *   this is what the energy argument needs.
 *
 * For Hebbian networks all updates go through the overlaps: a synchronous step
 * costs O(N M), a single-neuron update O(M).
 *
 * @module
 */
import { hebbianField, overlapSums } from "./field.ts";
import { denseField } from "./field.ts";
import type { Gain } from "./gain.ts";
import { standardGain } from "./gain.ts";
import { checkState, checkStates, type HebbianNetwork, type Network } from "./network.ts";
import type { Pattern } from "./patterns.ts";
import { permutation, type Rng, type RngLike, toRng } from "./random.ts";
import { checkInteger, show } from "./validate.ts";

/** Synchronous (parallel) or asynchronous (one neuron at a time) updates. */
export type UpdateMode = "sync" | "async";

/** Options shared by every update function. */
export interface UpdateOptions {
  /** `"sync"` (default) or `"async"`. */
  mode?: UpdateMode;
  /** Inverse noise level of the standard gain; `Infinity` (default) is deterministic. */
  beta?: number;
  /** A gain function of your own (values in [0, 1]); overrides `beta`. */
  gain?: Gain;
  /** Generator or seed; required for async updates and for stochastic (finite beta) dynamics. */
  rng?: RngLike;
}

interface Rule {
  deterministic: boolean;
  gain: Gain;
  rng: Rng | null;
  mode: UpdateMode;
}

function makeRule(options: UpdateOptions): Rule {
  const mode = options.mode ?? "sync";
  if (mode !== "sync" && mode !== "async") {
    throw new RangeError(`mode must be "sync" or "async", got ${show(mode)}`);
  }
  let gain: Gain;
  let deterministic: boolean;
  if (options.gain !== undefined) {
    if (typeof options.gain !== "function") {
      throw new TypeError(`gain must be a function h => probability, got ${show(options.gain)}`);
    }
    const g = options.gain;
    gain = (h) => {
      const p = g(h);
      if (!(p >= 0 && p <= 1)) {
        throw new RangeError(
          `gain(h) must return a probability in [0, 1], got ${show(p)} at h = ${h}`,
        );
      }
      return p;
    };
    deterministic = false;
  } else {
    const beta = options.beta ?? Infinity;
    gain = standardGain(beta);
    deterministic = beta === Infinity;
  }
  const needsRng = mode === "async" || !deterministic;
  if (needsRng && options.rng === undefined) {
    throw new TypeError(
      `rng must be given (a seed or a generator) for ${
        mode === "async" ? "asynchronous" : "stochastic"
      } updates, got undefined`,
    );
  }
  return {
    deterministic,
    gain,
    rng: options.rng === undefined ? null : toRng(options.rng),
    mode,
  };
}

function decide(rule: Rule, h: number): 1 | -1 {
  if (rule.deterministic) return h >= 0 ? 1 : -1;
  return rule.rng!() < rule.gain(h) ? 1 : -1;
}

/**
 * Incremental bookkeeping for single-neuron updates: the current state and,
 * for a Hebbian network, the integer overlap sums a^mu = N m^mu, so the field
 * of neuron k costs O(M) and a flip updates the overlaps in O(M).
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { NeuronUpdater } from "./dynamics.ts";
 * const net = storePatterns([checkerboard(4)]);
 * const u = new NeuronUpdater(net, flipN(checkerboard(4), 3, 1));
 * u.set(0, u.field(0) >= 0 ? 1 : -1); // update neuron 0 by the sign rule
 * ```
 */
export class NeuronUpdater {
  /** The current state (owned by the updater; copy it to keep a snapshot). */
  readonly state: Int8Array;
  /** Integer overlap sums a^mu = sum_i p_i^mu S_i (Hebbian networks; empty otherwise). */
  readonly sums: Int32Array;
  readonly #net: Network;

  constructor(net: Network, state: Int8Array) {
    checkState(net, state);
    this.#net = net;
    this.state = state.slice();
    this.sums = net.kind === "hebbian" ? overlapSums(net, this.state) : new Int32Array(0);
  }

  /** Input field h_k of neuron k in the current state. */
  field(k: number): number {
    const net = this.#net;
    if (!(k >= 0 && k < net.N && k === Math.floor(k))) {
      throw new RangeError(
        `k must be a neuron index, an integer in [0, ${net.N - 1}], got ${show(k)}`,
      );
    }
    const S = this.state;
    if (net.kind === "hebbian") {
      const { M, N, xiT } = net;
      const a = this.sums;
      let s = 0;
      const off = k * M;
      for (let mu = 0; mu < M; mu++) s += xiT[off + mu] * a[mu];
      if (net.diagonal === "zero") s -= M * S[k];
      return s / N;
    }
    const { N, w } = net;
    let s = 0;
    const off = k * N;
    for (let j = 0; j < N; j++) s += w[off + j] * S[j];
    return s;
  }

  /** Sets neuron k to `value`; returns true if it changed. */
  set(k: number, value: 1 | -1): boolean {
    const S = this.state;
    if (!(k >= 0 && k < S.length && k === Math.floor(k))) {
      throw new RangeError(
        `k must be a neuron index, an integer in [0, ${S.length - 1}], got ${show(k)}`,
      );
    }
    if (value !== 1 && value !== -1) {
      throw new RangeError(`value must be +1 or -1, got ${show(value)}`);
    }
    if (S[k] === value) return false;
    S[k] = value;
    const net = this.#net;
    if (net.kind === "hebbian") {
      const { M, xiT } = net;
      const a = this.sums;
      const d = 2 * value;
      const off = k * M;
      for (let mu = 0; mu < M; mu++) a[mu] += d * xiT[off + mu];
    }
    return true;
  }

  /** Current overlaps m^mu = a^mu / N (Hebbian networks). */
  overlaps(out = new Float64Array(this.sums.length)): Float64Array {
    const N = this.#net.N;
    if (!(out instanceof Float64Array) || out.length !== this.sums.length) {
      throw new RangeError(
        `out must be a Float64Array of length M = ${this.sums.length}, got ${show(out)}`,
      );
    }
    for (let mu = 0; mu < this.sums.length; mu++) out[mu] = this.sums[mu] / N;
    return out;
  }
}

/**
 * One synchronous step: every neuron updates from the fields of the current
 * state, S_i <- sgn(h_i) or +1 with probability g(h_i). Returns a new state.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { syncStep } from "./dynamics.ts";
 * const net = storePatterns([checkerboard(4)]);
 * const next = syncStep(net, flipN(checkerboard(4), 5, 1)); // the checkerboard again
 * ```
 */
export function syncStep(
  net: Network,
  state: Int8Array,
  options: Omit<UpdateOptions, "mode"> = {},
): Int8Array {
  checkState(net, state);
  return syncStepUnchecked(net, state, makeRule({ ...options, mode: "sync" }));
}

function syncStepUnchecked(
  net: Network,
  state: Int8Array,
  rule: Rule,
  h = new Float64Array(net.N),
): Int8Array {
  if (net.kind === "hebbian") hebbianField(net, state, h);
  else denseField(net, state, h);
  const next = new Int8Array(net.N);
  for (let i = 0; i < net.N; i++) next[i] = decide(rule, h[i]);
  return next;
}

/**
 * One asynchronous sweep: all N neurons updated once each, one at a time in a
 * random order (a fresh permutation per sweep), each from the current state.
 * Returns a new state.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { asyncSweep } from "./dynamics.ts";
 * const net = storePatterns([checkerboard(4)]);
 * const next = asyncSweep(net, flipN(checkerboard(4), 5, 1), { rng: 3 });
 * ```
 */
export function asyncSweep(
  net: Network,
  state: Int8Array,
  options: Omit<UpdateOptions, "mode"> = {},
): Int8Array {
  const rule = makeRule({ ...options, mode: "async" });
  const u = new NeuronUpdater(net, state);
  sweepInPlace(u, net.N, rule);
  return u.state.slice();
}

function sweepInPlace(
  u: NeuronUpdater,
  N: number,
  rule: Rule,
  order = new Uint32Array(N),
  onUpdate?: UpdateCallback,
): number {
  permutation(rule.rng!, N, order);
  let changed = 0;
  for (let n = 0; n < N; n++) {
    const k = order[n];
    const c = u.set(k, decide(rule, u.field(k)));
    if (c) changed++;
    if (onUpdate) onUpdate(u, k, c);
  }
  return changed;
}

/**
 * Called after every single-neuron update of an asynchronous run: the updater
 * (current state and overlap sums), the neuron k just updated, and whether it
 * changed. Meant for per-update measurements (the energy trace of `energy.ts`);
 * it must not modify the updater.
 */
export type UpdateCallback = (updater: NeuronUpdater, k: number, changed: boolean) => void;

/** The most steps (or sweeps) one {@linkcode run} may take. */
export const MAX_STEPS = 10_000_000;

/** The most state entries a run may keep (1 GB of Int8 states). */
const MAX_RECORDED = 1_000_000_000;

/** Options of {@linkcode run}. */
export interface RunOptions extends UpdateOptions {
  /** Number of steps (sync) or sweeps (async), T >= 0. */
  steps: number;
  /**
   * Stop early (deterministic dynamics only): `"fixed-point"` when a step
   * changes nothing, `"cycle"` also when the state repeats with period 2.
   * Default `"none"`.
   */
  stopAt?: "none" | "fixed-point" | "cycle";
  /** Keep every state (default true); set false for large N to keep only overlaps. */
  recordStates?: boolean;
  /** Patterns to measure overlaps against; default: the network's own patterns. */
  patterns?: readonly Pattern[];
  /** Asynchronous runs only: called after every single-neuron update (see {@linkcode UpdateCallback}). */
  onUpdate?: UpdateCallback;
}

/** A recorded run. Index t = 0 is the initial state. */
export interface Trajectory {
  /** States S(0), ..., S(T) (empty if `recordStates` was false). */
  states: Int8Array[];
  /** Overlaps m^mu(t): `overlaps[t][mu]`. */
  overlaps: Float64Array[];
  /** The last state. */
  final: Int8Array;
  /** Number of steps actually run. */
  steps: number;
  /** Why the run stopped early, or null if it ran all steps. */
  stoppedBy: null | "fixed-point" | "2-cycle";
}

/**
 * Runs the dynamics for `steps` synchronous steps or asynchronous sweeps from
 * `initial`, recording states and the overlaps with every stored pattern.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { run } from "./dynamics.ts";
 * const net = storePatterns([checkerboard(4)]);
 * const tr = run(net, flipN(checkerboard(4), 8, 1), { steps: 4 });
 * tr.overlaps.map((m) => m[0]); // [0, 0, 0, 0, 0]: the 2-cycle S -> -S
 * ```
 */
export function run(net: Network, initial: Int8Array, options: RunOptions): Trajectory {
  checkState(net, initial, "initial");
  if (options === null || typeof options !== "object") {
    throw new TypeError(`options must be an object with at least { steps }, got ${show(options)}`);
  }
  const T = checkInteger("steps", options.steps, 0, MAX_STEPS);
  const rule = makeRule(options);
  const stopAt = options.stopAt ?? "none";
  if (stopAt !== "none" && stopAt !== "fixed-point" && stopAt !== "cycle") {
    throw new RangeError(`stopAt must be "none", "fixed-point" or "cycle", got ${show(stopAt)}`);
  }
  if (stopAt !== "none" && !rule.deterministic) {
    throw new RangeError(
      `stopAt must be "none" for stochastic dynamics (a noisy state never settles exactly), got ${
        show(stopAt)
      }`,
    );
  }
  const onUpdate = options.onUpdate;
  if (onUpdate !== undefined && (typeof onUpdate !== "function" || rule.mode !== "async")) {
    throw new TypeError(
      `onUpdate must be a function and needs mode "async" (it is called per single-neuron update), got ${
        show(onUpdate)
      } with mode ${show(rule.mode)}`,
    );
  }
  const record = options.recordStates ?? true;
  if (typeof record !== "boolean") {
    throw new TypeError(`recordStates must be true or false, got ${show(record)}`);
  }
  if (record && (T + 1) * net.N > MAX_RECORDED) {
    throw new RangeError(
      `steps must be at most ${
        Math.floor(MAX_RECORDED / net.N) - 1
      } when every state of N = ${net.N} neurons is kept (recordStates: false keeps only the overlaps), got ${T}`,
    );
  }
  const refs = checkStates(
    net,
    options.patterns ?? (net.kind === "hebbian" ? net.patterns : []),
    "patterns",
  );
  const refNet: HebbianNetwork | null =
    refs.length > 0 && net.kind === "hebbian" && refs === net.patterns ? net : null;
  const measure = (S: Int8Array): Float64Array => {
    const m = new Float64Array(refs.length);
    if (refNet) {
      const a = overlapSums(refNet, S);
      for (let mu = 0; mu < a.length; mu++) m[mu] = a[mu] / net.N;
    } else {
      refs.forEach((p, mu) => {
        let s = 0;
        for (let i = 0; i < net.N; i++) s += p[i] * S[i];
        m[mu] = s / net.N;
      });
    }
    return m;
  };

  let S: Int8Array = initial.slice();
  let prev: Int8Array | null = null;
  const states: Int8Array[] = record ? [S.slice()] : [];
  const overlapsList = [measure(S)];
  let stoppedBy: Trajectory["stoppedBy"] = null;
  let t = 0;
  const h = new Float64Array(net.N);
  const u = rule.mode === "async" ? new NeuronUpdater(net, S) : null;
  const order = new Uint32Array(net.N);
  while (t < T) {
    let next: Int8Array;
    if (u) {
      sweepInPlace(u, net.N, rule, order, onUpdate);
      next = u.state.slice();
    } else {
      next = syncStepUnchecked(net, S, rule, h);
    }
    t++;
    if (record) states.push(next);
    overlapsList.push(measure(next));
    if (stopAt !== "none" && equal(next, S)) {
      stoppedBy = "fixed-point";
    } else if (stopAt === "cycle" && prev && equal(next, prev)) {
      stoppedBy = "2-cycle";
    }
    prev = S;
    S = next;
    if (stoppedBy) break;
  }
  return { states, overlaps: overlapsList, final: S, steps: t, stoppedBy };
}

function equal(a: Int8Array, b: Int8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * True if `state` is a fixed point of the deterministic synchronous dynamics
 * (sgn(h_i) = S_i for every i, with sgn(0) = +1).
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { isFixedPoint } from "./dynamics.ts";
 * isFixedPoint(storePatterns([checkerboard(4)]), checkerboard(4)); // true
 * ```
 */
export function isFixedPoint(net: Network, state: Int8Array): boolean {
  return equal(syncStep(net, state), state);
}
