/**
 * Patterns: vectors of N values p_i in {-1, +1} (black/ON = +1, white/OFF = -1),
 * stored as `Int8Array`. Two-dimensional pictures are read row by row: pixel
 * (row r, column c) of a `width`-wide grid is entry `r * width + c`.
 *
 * @module
 */
import { type RngLike, sampleIndices, toRng } from "./random.ts";
import { checkInteger, checkNumber, checkSpins, show } from "./validate.ts";

/**
 * The largest network size the pattern functions accept (10^8 neurons, 100 MB
 * per pattern): larger requests fail at once instead of filling the memory.
 */
export const MAX_NEURONS = 100_000_000;

/** Checks a grid size: positive integers with width * height <= MAX_NEURONS. */
function checkGrid(width: number, height: number): void {
  checkInteger("width", width, 1, MAX_NEURONS);
  checkInteger("height", height, 1, MAX_NEURONS);
  if (width * height > MAX_NEURONS) {
    throw new RangeError(
      `width x height must be at most ${MAX_NEURONS} pixels, got ${width} x ${height} = ${
        width * height
      }`,
    );
  }
}

/** A pattern or a network state: N entries, each +1 or -1. */
export type Pattern = Int8Array;

/** Options for random patterns. */
export interface RandomPatternOptions {
  /** Probability that a pixel is ON (+1). Default 0.5 (unbiased, as in the book). */
  onProbability?: number;
}

/**
 * A random pattern: each of the `N` entries is +1 with probability
 * `onProbability` (default 0.5) and -1 otherwise, independently (Sec. 17.2.2).
 *
 * @example
 * ```ts
 * import { randomPattern } from "./patterns.ts";
 * const p = randomPattern(100, 42); // seed 42
 * ```
 */
export function randomPattern(
  N: number,
  rng: RngLike,
  options: RandomPatternOptions = {},
): Pattern {
  checkInteger("N", N, 1, MAX_NEURONS);
  const r = toRng(rng);
  const q = checkNumber("onProbability", options.onProbability ?? 0.5, 0, 1);
  const p = new Int8Array(N);
  for (let i = 0; i < N; i++) p[i] = r() < q ? 1 : -1;
  return p;
}

/**
 * `M` independent random patterns of length `N`, drawn from one generator
 * (`M = 0` gives an empty list, handy as "no extra patterns").
 *
 * @example
 * ```ts
 * import { randomPatterns } from "./patterns.ts";
 * const ps = randomPatterns(3, 8, 1); // Fig. 17.7: three patterns, N = 8
 * ```
 */
export function randomPatterns(
  M: number,
  N: number,
  rng: RngLike,
  options: RandomPatternOptions = {},
): Pattern[] {
  checkInteger("M", M, 0);
  checkInteger("N", N, 1, MAX_NEURONS);
  if (M * N > 10 * MAX_NEURONS) {
    throw new RangeError(
      `M x N must be at most ${10 * MAX_NEURONS} (1 GB of patterns), got ${M} x ${N} = ${M * N}`,
    );
  }
  const r = toRng(rng);
  return Array.from({ length: M }, () => randomPattern(N, r, options));
}

/**
 * A `width` x `height` checkerboard, +1 in the top-left corner:
 * p(r, c) = (-1)^(r + c).
 *
 * @example
 * ```ts
 * import { checkerboard } from "./patterns.ts";
 * const p = checkerboard(4); // 16 pixels, alternating
 * ```
 */
export function checkerboard(width: number, height = width): Pattern {
  checkGrid(width, height);
  const p = new Int8Array(width * height);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) p[r * width + c] = (r + c) % 2 === 0 ? 1 : -1;
  }
  return p;
}

/**
 * An "L": the left `thickness` columns and the bottom `thickness` rows ON,
 * the rest OFF.
 *
 * @example
 * ```ts
 * import { lPattern } from "./patterns.ts";
 * const L = lPattern(4); // 7 of 16 pixels ON
 * ```
 */
export function lPattern(width: number, height = width, thickness = 1): Pattern {
  checkGrid(width, height);
  checkInteger("thickness", thickness, 1, Math.min(width, height));
  const p = new Int8Array(width * height).fill(-1);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (c < thickness || r >= height - thickness) p[r * width + c] = 1;
    }
  }
  return p;
}

/**
 * One pattern per row of a `width` x `height` grid: pattern k has row k ON
 * and every other pixel OFF.
 *
 * @example
 * ```ts
 * import { rowPatterns } from "./patterns.ts";
 * const rows = rowPatterns(4, 4); // four patterns of 16 pixels
 * ```
 */
export function rowPatterns(width: number, height = width): Pattern[] {
  checkGrid(width, height);
  if (height * width * height > 10 * MAX_NEURONS) {
    throw new RangeError(
      `height must be small enough for height patterns of width x height pixels (at most ${
        10 * MAX_NEURONS
      } values), got ${width} x ${height}`,
    );
  }
  return Array.from({ length: height }, (_, k) => {
    const p = new Int8Array(width * height).fill(-1);
    p.fill(1, k * width, (k + 1) * width);
    return p;
  });
}

/**
 * `M` exactly orthogonal, unbiased patterns of length `N` (a power of two):
 * rows 1..M of the Sylvester-Hadamard matrix, p_i^mu = (-1)^popcount(mu & i).
 * Every pair has correlation C^{mu nu} = 0 and every pattern has half of its
 * pixels ON. On a 4x4 grid they are stripes and checkerboards.
 *
 * @example
 * ```ts
 * import { hadamardPatterns } from "./patterns.ts";
 * const ps = hadamardPatterns(4, 16); // four orthogonal 4x4 pictures
 * ```
 */
export function hadamardPatterns(M: number, N: number): Pattern[] {
  checkInteger("N", N, 2);
  if ((N & (N - 1)) !== 0) {
    throw new RangeError(
      `N must be a power of two (2, 4, 8, 16, ...) for Hadamard patterns, got ${N}`,
    );
  }
  checkInteger("M", M, 1, N - 1);
  return Array.from({ length: M }, (_, k) => {
    const mu = k + 1;
    const p = new Int8Array(N);
    for (let i = 0; i < N; i++) {
      let x = mu & i, bits = 0;
      while (x) {
        bits += x & 1;
        x >>= 1;
      }
      p[i] = bits % 2 === 0 ? 1 : -1;
    }
    return p;
  });
}

/**
 * Every pixel ON (+1).
 *
 * @example
 * ```ts
 * import { allOn } from "./patterns.ts";
 * allOn(4); // Int8Array [1, 1, 1, 1]
 * ```
 */
export function allOn(N: number): Pattern {
  checkInteger("N", N, 1, MAX_NEURONS);
  return new Int8Array(N).fill(1);
}

/**
 * Every pixel OFF (-1).
 *
 * @example
 * ```ts
 * import { allOff } from "./patterns.ts";
 * allOff(4); // Int8Array [-1, -1, -1, -1]
 * ```
 */
export function allOff(N: number): Pattern {
  checkInteger("N", N, 1, MAX_NEURONS);
  return new Int8Array(N).fill(-1);
}

/**
 * A copy of `pattern` with exactly `n` distinct pixels flipped (chosen
 * uniformly at random). The overlap with the original is then 1 - 2n/N.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "./patterns.ts";
 * const cue = flipN(checkerboard(4), 5, 1); // overlap 1 - 10/16 = 0.375
 * ```
 */
export function flipN(pattern: Pattern, n: number, rng: RngLike): Pattern {
  checkSpins("pattern", pattern);
  checkInteger("n (number of flips)", n, 0, pattern.length);
  const out = pattern.slice();
  for (const i of sampleIndices(toRng(rng), pattern.length, n)) out[i] = -out[i];
  return out;
}

/**
 * A noisy copy of `pattern` with a fraction `noise` of its pixels flipped:
 * exactly `round(noise * N)` distinct pixels, so the overlap with the
 * original is 1 - 2 * round(noise * N) / N (about 1 - 2 noise).
 *
 * (Unlike some exercise code, which re-draws pixels at random so that only
 * about half of them change, `noise` here is the fraction that really flips.)
 *
 * @example
 * ```ts
 * import { checkerboard, noisyCopy } from "./patterns.ts";
 * const cue = noisyCopy(checkerboard(10), 0.1, 7); // 10 of 100 pixels flipped
 * ```
 */
export function noisyCopy(pattern: Pattern, noise: number, rng: RngLike): Pattern {
  checkNumber("noise", noise, 0, 1);
  return flipN(pattern, Math.round(noise * pattern.length), rng);
}

/**
 * Splits a pattern into rows of `width` pixels (for drawing).
 *
 * @example
 * ```ts
 * import { checkerboard, toGrid } from "./patterns.ts";
 * toGrid(checkerboard(2), 2); // [[1, -1], [-1, 1]]
 * ```
 */
export function toGrid(pattern: Pattern, width: number): number[][] {
  checkSpins("pattern", pattern);
  checkInteger("width", width, 1);
  if (pattern.length % width !== 0) {
    throw new RangeError(
      `width must divide the pattern length ${pattern.length}, got ${show(width)}`,
    );
  }
  const rows: number[][] = [];
  for (let r = 0; r < pattern.length / width; r++) {
    rows.push(Array.from(pattern.subarray(r * width, (r + 1) * width)));
  }
  return rows;
}

/**
 * Joins rows of +1/-1 values back into a pattern (the inverse of
 * {@linkcode toGrid}). All rows must have the same length.
 *
 * @example
 * ```ts
 * import { fromGrid } from "./patterns.ts";
 * fromGrid([[1, -1], [-1, 1]]); // Int8Array [1, -1, -1, 1]
 * ```
 */
export function fromGrid(rows: ArrayLike<number>[]): Pattern {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new RangeError(`rows must be a non-empty array of rows, got ${show(rows)}`);
  }
  const width = rows[0]?.length;
  if (typeof width !== "number" || width === 0) {
    throw new RangeError(`rows[0] must be a non-empty row of +1/-1 values, got ${show(rows[0])}`);
  }
  const p = new Int8Array(width * rows.length);
  rows.forEach((row, r) => {
    if (!row || row.length !== width) {
      throw new RangeError(`rows[${r}] must have length ${width} like rows[0], got ${show(row)}`);
    }
    for (let c = 0; c < width; c++) {
      const v = row[c];
      if (v !== 1 && v !== -1) {
        throw new RangeError(`rows[${r}][${c}] must be +1 or -1, got ${show(v)}`);
      }
      p[r * width + c] = v;
    }
  });
  return p;
}

/**
 * Parses a picture drawn with `#` (ON, +1) and `.` (OFF, -1), one line per
 * row; blank lines and surrounding spaces are ignored.
 *
 * @example
 * ```ts
 * import { fromText } from "./patterns.ts";
 * const p = fromText(`
 *   #.
 *   .#
 * `); // Int8Array [1, -1, -1, 1]
 * ```
 */
export function fromText(text: string): Pattern {
  if (typeof text !== "string") {
    throw new TypeError(`text must be a string of "#" and "." rows, got ${show(text)}`);
  }
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  return fromGrid(lines.map((line, r) =>
    Array.from(line, (ch, c) => {
      if (ch === "#") return 1;
      if (ch === ".") return -1;
      throw new RangeError(`text row ${r}, column ${c} must be "#" or ".", got ${show(ch)}`);
    })
  ));
}

/**
 * Number of pixels where `a` and `b` differ (Hamming distance).
 *
 * @example
 * ```ts
 * import { allOn, hammingDistance } from "./patterns.ts";
 * hammingDistance(allOn(4), Int8Array.of(1, -1, 1, -1)); // 2
 * ```
 */
export function hammingDistance(a: Pattern, b: Pattern): number {
  checkSpins("a", a);
  checkSpins("b", b);
  if (a.length !== b.length) {
    throw new RangeError(`b must have the length of a (${a.length}), got length ${b.length}`);
  }
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d;
}
