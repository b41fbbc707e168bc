/**
 * A one-dimensional cut through the energy landscape (Sec. 17.2.5): the
 * energy along a path of single flips that walks from one state to another,
 * e.g. from a stored pattern over a mixture state to a second pattern.
 *
 * State space has 2^N corners, so any picture of "valleys" is a cut. Here the
 * cut is a concrete walk: between two consecutive waypoints the neurons on
 * which they differ are flipped one at a time, so each step of the horizontal
 * axis is one single-neuron change, the move the asynchronous dynamics make.
 * A waypoint that is a fixed point sits at the bottom of a valley of this cut
 * (every single flip raises E); the height of the hump between two valleys is
 * a barrier along this path (another path may find a lower pass).
 *
 * @module
 */
import { NeuronUpdater } from "./dynamics.ts";
import { checkFiniteEnergy, updaterDeltaE, updaterEnergy } from "./energy.ts";
import { checkNetwork, checkState, checkStates, type Network } from "./network.ts";
import type { Pattern } from "./patterns.ts";
import { type Rng, type RngLike, toRng } from "./random.ts";
import { show } from "./validate.ts";

/** Options of {@linkcode energyProfile}. */
export interface ProfileOptions {
  /** Names of the waypoints for the figure (default "start", "waypoint 1", ..., "end"). */
  labels?: readonly string[];
  /**
   * Order of the flips between two waypoints: random (seeded by `rng`) if
   * given, else by neuron index.
   */
  rng?: RngLike;
  /** States whose overlaps are recorded along the path (default: none). */
  references?: readonly Pattern[];
}

/** The energy along a path of single flips. */
export interface EnergyProfile {
  /** Number of neurons. */
  N: number;
  /** E after j flips, j = 0..L (entry 0 is the first waypoint). */
  energy: Float64Array;
  /** `overlaps[r][j]`: overlap with `references[r]` after j flips. */
  overlaps: Float64Array[];
  /** The reference states of `overlaps`. */
  references: readonly Pattern[];
  /** Position (number of flips) and name of every waypoint. */
  marks: { index: number; label: string }[];
  /** The state at the end of the walk: always the last waypoint. */
  final: Int8Array;
}

/**
 * The energy E = -1/2 sum_ij w_ij S_i S_j along a walk through `waypoints`
 * (at least two states), flipping one differing neuron at a time. Each step
 * costs O(M) for a Hebbian network (overlap sums) and O(N) for a dense one.
 * Equal waypoints are allowed: the walk between them has no flips (and a
 * profile of identical waypoints is a single point).
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { mixtureState } from "./mixtures.ts";
 * import { energyProfile } from "./landscape.ts";
 * const ps = randomPatterns(3, 1000, 1);
 * const prof = energyProfile(storePatterns(ps), [ps[0], mixtureState(ps), ps[1]], {
 *   labels: ["p1", "mixture", "p2"],
 *   rng: 2,
 * });
 * prof.marks; // [{ index: 0, label: "p1" }, { index: ~250, label: "mixture" }, ...]
 * ```
 */
export function energyProfile(
  net: Network,
  waypoints: readonly Int8Array[],
  options: ProfileOptions = {},
): EnergyProfile {
  checkNetwork(net);
  if (options === null || options === undefined) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${show(options)}`);
  }
  if (!Array.isArray(waypoints) || waypoints.length < 2) {
    throw new RangeError(
      `waypoints must list at least two states (start and end), got ${show(waypoints)}`,
    );
  }
  waypoints.forEach((w, k) => checkState(net, w, `waypoints[${k}]`));
  const labels = options.labels ??
    waypoints.map((_, k) =>
      k === 0 ? "start" : k === waypoints.length - 1 ? "end" : `waypoint ${k}`
    );
  if (!Array.isArray(labels) || labels.length !== waypoints.length) {
    throw new RangeError(
      `labels must have one entry per waypoint (${waypoints.length}), got ${show(labels)}`,
    );
  }
  const refs = options.references ?? [];
  checkStates(net, refs, "references");
  const r = options.rng === undefined ? null : toRng(options.rng);
  const N = net.N;

  // total path length
  let L = 0;
  for (let k = 1; k < waypoints.length; k++) L += distance(waypoints[k - 1], waypoints[k]);
  const e = new Float64Array(L + 1);
  const ov = refs.map(() => new Float64Array(L + 1));
  const refSums = refs.map((p) => dotInt(p, waypoints[0]));
  const u = new NeuronUpdater(net, waypoints[0]);
  let E = checkFiniteEnergy(net, updaterEnergy(net, u), "energy");
  const record = (j: number) => {
    e[j] = E;
    for (let q = 0; q < refs.length; q++) ov[q][j] = refSums[q] / N;
  };
  record(0);
  const marks = [{ index: 0, label: String(labels[0]) }];
  let j = 0;
  for (let k = 1; k < waypoints.length; k++) {
    const target = waypoints[k];
    const diff: number[] = [];
    for (let i = 0; i < N; i++) if (u.state[i] !== target[i]) diff.push(i);
    const order = r ? shuffled(r, diff.length) : null;
    for (let n = 0; n < diff.length; n++) {
      const i = diff[order ? order[n] : n];
      if (net.kind === "dense") E += updaterDeltaE(net, u, i);
      u.set(i, target[i] as 1 | -1);
      if (net.kind === "hebbian") E = updaterEnergy(net, u);
      for (let q = 0; q < refs.length; q++) refSums[q] += 2 * target[i] * refs[q][i];
      record(++j);
    }
    marks.push({ index: j, label: String(labels[k]) });
  }
  // dense weights: the running sum can overflow although every weight is finite
  for (let q = 1; q <= L; q++) if (!Number.isFinite(e[q])) checkFiniteEnergy(net, e[q], "energy");
  return { N, energy: e, overlaps: ov, references: refs, marks, final: u.state.slice() };
}

/**
 * A uniformly random order of 0..n-1 (Fisher-Yates, the same draws as
 * `permutation`), built so that it is a permutation whatever the generator
 * returns: every neuron on which two waypoints differ is flipped exactly once,
 * so the walk always ends at its waypoint.
 */
function shuffled(r: Rng, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const x = r();
    if (typeof x !== "number" || !(x >= 0 && x < 1)) {
      throw new RangeError(`rng() must return numbers in [0, 1), got ${show(x)}`);
    }
    const j = Math.min(i, Math.floor(x * (i + 1)));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

function distance(a: Int8Array, b: Int8Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}

function dotInt(a: Int8Array, b: Int8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
