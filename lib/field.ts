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
import { show } from "./validate.ts";

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
  if (state.length !== N || out.length !== M) {
    throw new RangeError(
      `state must have length N = ${N} and out length M = ${M}, got ${state.length} and ${out.length}`,
    );
  }
  if (N % 4 === 0 && xi.byteOffset % 4 === 0) return packedOverlapSums(net, state, out);
  for (let mu = 0; mu < M; mu++) {
    let s = 0;
    const off = mu * N;
    for (let i = 0; i < N; i++) s += xi[off + i] * state[i];
    out[mu] = s;
  }
  return out;
}

/**
 * Overlap sums four neurons at a time. A +1 is the byte 0x01 and a -1 the
 * byte 0xFF, so in the XOR of a pattern word and a state word each byte is
 * 0x00 where they agree and 0xFE where they differ; bit 1 of each byte
 * marks a mismatch, and a multiply adds the four marks. With d mismatches,
 * a = N - 2d.
 */
function packedOverlapSums(net: HebbianNetwork, state: Int8Array, out: Int32Array): Int32Array {
  const { N, M, xi } = net;
  const W = N >> 2;
  const words = new Int32Array(xi.buffer, xi.byteOffset, (M * N) >> 2);
  const aligned = new Int8Array(N);
  aligned.set(state);
  const s = new Int32Array(aligned.buffer);
  for (let mu = 0; mu < M; mu++) {
    const off = mu * W;
    let d = 0;
    for (let w = 0; w < W; w++) {
      const mismatch = ((words[off + w] ^ s[w]) >>> 1) & 0x01010101;
      d += Math.imul(mismatch, 0x01010101) >>> 24;
    }
    out[mu] = N - 2 * d;
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
  if (out !== undefined && (!(out instanceof Float64Array) || out.length !== net.N)) {
    throw new RangeError(`out must be a Float64Array of length N = ${net.N}, got ${show(out)}`);
  }
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
  // sum_mu p_i^mu a^mu is an integer of size at most M N: exact in Int32 when that fits
  const acc: Int32Array | Float64Array = M * N < 2 ** 31 ? new Int32Array(N) : h.fill(0);
  for (let mu = 0; mu < M; mu++) {
    const am = a[mu];
    if (am === 0) continue;
    const off = mu * N;
    for (let i = 0; i < N; i++) acc[i] += xi[off + i] * am;
  }
  const self = net.diagonal === "zero" ? M : 0;
  for (let i = 0; i < N; i++) h[i] = (acc[i] - self * state[i]) / N;
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
  if (state.length !== N || h.length !== N) {
    throw new RangeError(
      `state and h must have length N = ${N}, got ${state.length} and ${h.length}`,
    );
  }
  for (let i = 0; i < N; i++) {
    let s = 0;
    const off = i * N;
    for (let j = 0; j < N; j++) s += w[off + j] * state[j];
    h[i] = s;
  }
  return h;
}
