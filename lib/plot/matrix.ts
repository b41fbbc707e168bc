/**
 * Heatmaps of square matrices: weight matrices w_ij and correlation / overlap
 * matrices C^{mu nu}, on a diverging scale centred at 0.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { extent } from "../overlap.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, legend, plot } from "./figure.ts";
import { divergingScale } from "./theme.ts";

/** Options of {@linkcode matrixHeatmap}. */
export interface MatrixHeatmapOptions {
  /** Colour scale runs from -limit to +limit (default: the largest |entry|, or 1 if all are 0). */
  limit?: number;
  /** Name of the entries for the legend (default "value"). */
  label?: string;
  /** Title above the figure. */
  title?: string;
  /** Labels of rows and columns (default 0, 1, ...). */
  names?: string[];
  /** Print the values in the cells (default: only for matrices up to 8 x 8). */
  showValues?: boolean;
  /** Side length of the square in pixels (default: about 12 px per entry, 160..420). */
  size?: number;
  /** Axis labels (default "j (presynaptic)" / "i (postsynaptic)" style: "column" / "row"). */
  xLabel?: string;
  yLabel?: string;
}

/**
 * Draws an n x n matrix (row-major array of n^2 entries) as a heatmap, row i
 * from top to bottom and column j from left to right, with a diverging colour
 * legend. Use it for w_ij (limit about M/N) and for C^{mu nu} (limit 1).
 *
 * @example
 * ```ts
 * import { checkerboard } from "../patterns.ts";
 * import { hebbianWeights } from "../network.ts";
 * import { matrixHeatmap } from "./matrix.ts";
 * const fig = matrixHeatmap(hebbianWeights([checkerboard(4)]), { label: "w_ij" });
 * ```
 */
export function matrixHeatmap(
  matrix: ArrayLike<number>,
  options: MatrixHeatmapOptions = {},
): Figure {
  options ??= {};
  const n = Math.round(Math.sqrt(matrix?.length ?? 0));
  if (!matrix || n === 0 || n * n !== matrix.length) {
    throw new RangeError(`matrix must be square (n*n entries, row-major), got ${show(matrix)}`);
  }
  if (n > 400) {
    throw new RangeError(
      `matrix must be at most 400 x 400 to be drawn cell by cell, got ${n} x ${n}`,
    );
  }
  let maxAbs = 0;
  for (let k = 0; k < matrix.length; k++) {
    const v = matrix[k];
    if (typeof v !== "number" || !(Math.abs(v) <= 1e100)) {
      throw new RangeError(
        `matrix[${Math.floor(k / n)}][${k % n}] must be a number of magnitude at most 1e100, got ${
          show(v)
        }`,
      );
    }
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  // entries below 1e-100 in magnitude count as zero (their colour scale would not be drawable)
  const limit = checkNumber(
    "limit",
    options.limit ?? (maxAbs > 1e-100 ? maxAbs : 1),
    1e-100,
    1e100,
  );
  const names = options.names ?? Array.from({ length: n }, (_, k) => String(k));
  if (names.length !== n) throw new RangeError(`names must have ${n} entries, got ${names.length}`);
  const data = Array.from(matrix, (v, k) => ({ i: names[Math.floor(k / n)], j: names[k % n], v }));
  const showValues = options.showValues ?? n <= 8;
  const size = checkInteger(
    "size",
    options.size ?? (showValues ? Math.max(200, 44 * n) : Math.max(200, Math.min(420, 18 * n))),
    60,
    4000,
  );
  const tickEvery = Math.ceil(n / 16);
  const ticks = names.filter((_, k) => k % tickEvery === 0);
  const label = options.label ?? "value";
  const marks: Plot.Markish[] = [
    Plot.cell(data, { x: "j", y: "i", fill: "v", inset: n <= 40 ? 0.5 : 0 }),
  ];
  if (showValues) {
    marks.push(Plot.text(data, {
      x: "j",
      y: "i",
      text: (d) => formatValue(d.v),
      fill: (d) => (Math.abs(d.v) > 0.6 * limit ? "white" : "black"),
      fontSize: 10,
    }));
  }
  const body = plot({
    width: size + 50,
    height: size + 40,
    marginLeft: 44,
    marginBottom: 36,
    marginTop: 4,
    marginRight: 6,
    x: { domain: names, label: options.xLabel ?? "column j", ticks, tickSize: 0 },
    y: { domain: names, label: options.yLabel ?? "row i", ticks, tickSize: 0 },
    color: divergingScale(limit, label),
    marks,
  }, "");
  const bar = legend(divergingScale(limit, label), { width: Math.min(220, body.width) });
  const values = new Set(Array.from(matrix, (v) => Math.round(v * 1e6) / 1e6));
  const { min, max } = extent([...values]);
  const summary = values.size <= 5
    ? `entries take the values ${[...values].sort((a, b) => a - b).join(", ")}`
    : `entries range over [${min}, ${max}]`;
  return framed([bar, body], {
    title: options.title,
    width: body.width,
    alt: `${n} x ${n} heatmap of ${label}; ${summary}`,
  });
}

function formatValue(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 0.1 ? v.toFixed(2) : String(Number(v.toPrecision(2)));
}
