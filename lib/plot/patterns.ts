/**
 * Pattern pictures: a pattern (or network state) drawn as a grid of pixels,
 * ON (+1) black and OFF (-1) white as in the book, and small multiples of
 * several patterns.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Pattern } from "../patterns.ts";
import { checkInteger, checkLength, checkSpins, show } from "../validate.ts";
import { type Figure, hconcat, plot, textFigure, vconcat, withAlt } from "./figure.ts";
import { patternLabels } from "./overlaps.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode patternGrid}. */
export interface PatternGridOptions {
  /** Pixels per row (default: square root of N, or N for a single row if N is not a square). */
  width?: number;
  /** Mark the pixels that differ from this pattern with a red frame. */
  reference?: Pattern;
  /** Label written above the picture. */
  label?: string;
  /** Size of one pixel in screen pixels (default: 16 for small grids, smaller for large ones). */
  cellSize?: number;
}

/** Default grid width: a square if N is a perfect square, otherwise one row. */
export function defaultWidth(N: number): number {
  const s = Math.round(Math.sqrt(N));
  return s * s === N ? s : N;
}

/**
 * Draws one pattern as a grid of black (+1) and white (-1) pixels. With a
 * `reference`, pixels that differ from it get a red frame, and the label
 * reports how many there are.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN } from "../patterns.ts";
 * import { patternGrid } from "./patterns.ts";
 * const fig = patternGrid(flipN(checkerboard(4), 3, 1), { reference: checkerboard(4), label: "cue" });
 * ```
 */
export function patternGrid(pattern: Pattern, options: PatternGridOptions = {}): Figure {
  options ??= {};
  checkSpins("pattern", pattern);
  const N = pattern.length;
  if (N > 250_000) {
    throw new RangeError(`pattern must have at most 250000 pixels to be drawn, got ${N}`);
  }
  if (options.label !== undefined && typeof options.label !== "string") {
    throw new TypeError(`label must be a string, got ${show(options.label)}`);
  }
  const width = checkInteger("width", options.width ?? defaultWidth(N), 1, N);
  if (N % width !== 0) {
    throw new RangeError(`width must divide the number of pixels N = ${N}, got ${width}`);
  }
  const height = N / width;
  if (options.reference) {
    checkSpins("reference", options.reference);
    checkLength("reference", options.reference.length, N);
  }
  const cell = checkInteger(
    "cellSize",
    options.cellSize ??
      Math.max(4, Math.min(16, Math.floor(200 / Math.max(width, height)))),
    1,
    100,
  );
  const pixels = Array.from(pattern, (v, i) => ({
    row: Math.floor(i / width),
    col: i % width,
    on: v === 1,
    wrong: options.reference ? options.reference[i] !== v : false,
  }));
  const wrong = pixels.filter((p) => p.wrong);
  const fig = plot({
    width: width * cell + 2,
    height: height * cell + 2,
    margin: 1,
    x: { domain: Array.from({ length: width }, (_, c) => c), axis: null, padding: 0 },
    y: { domain: Array.from({ length: height }, (_, r) => r), axis: null, padding: 0 },
    marks: [
      Plot.cell(pixels, {
        x: "col",
        y: "row",
        fill: (d) => (d.on ? colors.on : colors.off),
        stroke: width <= 32 ? colors.grid : "none",
        strokeWidth: 0.5,
      }),
      Plot.cell(wrong, {
        x: "col",
        y: "row",
        fill: "none",
        stroke: colors.wrong,
        strokeWidth: Math.max(1.5, cell / 6),
        inset: Math.max(1, cell / 8),
      }),
      Plot.frame({ stroke: "#666" }),
    ],
  }, "");
  const described =
    `${width}x${height} pattern, ${pixels.filter((p) => p.on).length} of ${N} pixels ON` +
    (options.reference ? `, ${wrong.length} differ from the reference` : "");
  if (options.label === undefined) return withAlt(fig, described);
  const labelWidth = Math.max(fig.width, Math.ceil(options.label.length * 7.2) + 8);
  return vconcat([textFigure(options.label, { size: 12, width: labelWidth }), fig], {
    gap: 2,
    alt: `${options.label}: ${described}`,
  });
}

/** Options of {@linkcode patternRow}. */
export interface PatternRowOptions extends Omit<PatternGridOptions, "label"> {
  /** One label per pattern (default "P0", "P1", ...). */
  labels?: string[];
  /** Wrap to a new row after this many pictures (default 8). */
  columns?: number;
  /** Mark pixels that differ from `reference` in each picture. */
  reference?: Pattern;
}

/**
 * Small multiples: several patterns side by side, each with a label, wrapped
 * into rows of `columns` pictures.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "../patterns.ts";
 * import { patternRow } from "./patterns.ts";
 * const fig = patternRow(randomPatterns(6, 36, 1)); // six 6x6 patterns P0..P5
 * ```
 */
export function patternRow(patterns: readonly Pattern[], options: PatternRowOptions = {}): Figure {
  if (!Array.isArray(patterns) || patterns.length === 0) {
    throw new RangeError(`patterns must be a non-empty list, got ${patterns?.length ?? patterns}`);
  }
  const labels = patternLabels(options.labels, patterns.length);
  const columns = checkInteger("columns", options.columns ?? 8, 1);
  const grids = patterns.map((p, k) => patternGrid(p, { ...options, label: labels[k] }));
  const rows: Figure[] = [];
  for (let k = 0; k < grids.length; k += columns) {
    rows.push(hconcat(grids.slice(k, k + columns), { gap: 14 }));
  }
  return vconcat(rows, { gap: 10, alt: `${patterns.length} patterns: ${labels.join(", ")}` });
}
