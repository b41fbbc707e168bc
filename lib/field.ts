/**
 * The input potential h_i = sum_j w_ij S_j (Eq. 17.2).
 *
 * For Hebbian weights the double sum collapses onto the overlaps:
 * h_i = (1/N) sum_j sum_mu p_i^mu p_j^mu S_j = sum_mu p_i^mu m^mu,
 * minus the self-coupling (M/N) S_i when w_ii = 0. The state enters only
 * through the M overlaps, and the cost is O(N M) instead of O(N^2).
 *
 * Internally the overlaps are kept as integer sums a^mu = N m^mu, so fields
 * are exact rational numbers and ties h_i = 0 are detected exactly.
 *
 * @module
 */
import { checkState, type DenseNetwork, type HebbianNetwork, type Network } from "./network.ts";

/**
 * The integer overlap sums a^mu = sum_i p_i^mu S_i = N m^mu (no checks; hot path).
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { overlapSums } from "./field.ts";
 * overlapSums(storePatterns([checkerboard(4)]), checkerboard(4)); // Int32Array [16]
 * ```
 */
export function overlapSums(
  net: HebbianNetwork,
  state: Int8Array,
  out = new Int32Array(net.M),
): Int32Array {
  const { N, M, xi } = net;
  for (let mu = 0; mu < M; mu++) {
    let s = 0;
    const off = mu * N;
    for (let i = 0; i < N; i++) s += xi[off + i] * state[i];
    out[mu] = s;
  }
  return out;
}

/**
 * Input field of every neuron. For a Hebbian network it is computed from the
 * overlaps, h_i = sum_mu p_i^mu m^mu - [w_ii = 0] (M/N) S_i, in O(N M) without
 * the weight matrix; for a dense network it is the matrix product W S.
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * import { storePatterns } from "./network.ts";
 * import { inputField } from "./field.ts";
 * const h = inputField(storePatterns([checkerboard(4)]), checkerboard(4));
 * // h_i = (15/16) p_i: the pattern is a fixed point
 * ```
 */
export function inputField(net: Network, state: Int8Array, out?: Float64Array): Float64Array {
  checkState(net, state);
  const h = out ?? new Float64Array(net.N);
  return net.kind === "hebbian" ? hebbianField(net, state, h) : denseField(net, state, h);
}

/** @internal Hebbian field without input checks (hot path of the dynamics). */
export function hebbianField(
  net: HebbianNetwork,
  state: Int8Array,
  h: Float64Array,
  a = new Int32Array(net.M),
): Float64Array {
  const { N, M, xi } = net;
  overlapSums(net, state, a);
  h.fill(0);
  for (let mu = 0; mu < M; mu++) {
    const am = a[mu];
    if (am === 0) continue;
    const off = mu * N;
    for (let i = 0; i < N; i++) h[i] += xi[off + i] * am;
  }
  const self = net.diagonal === "zero" ? M : 0;
  for (let i = 0; i < N; i++) h[i] = (h[i] - self * state[i]) / N;
  return h;
}

/**
 * The dense product h = W S in O(N^2), for dense networks and for checking
 * the overlap form.
 *
 * @example
 * ```ts
 * import { denseNetwork } from "./network.ts";
 * import { denseField } from "./field.ts";
 * denseField(denseNetwork([[0, -1], [-1, 0]]), Int8Array.of(1, 1)); // Float64Array [-1, -1]
 * ```
 */
export function denseField(
  net: DenseNetwork,
  state: Int8Array,
  h: Float64Array = new Float64Array(net.N),
): Float64Array {
  const { N, w } = net;
  for (let i = 0; i < N; i++) {
    let s = 0;
    const off = i * N;
    for (let j = 0; j < N; j++) s += w[off + j] * state[j];
    h[i] = s;
  }
  return h;
}
