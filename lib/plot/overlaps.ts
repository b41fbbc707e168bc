/**
 * Overlap figures: how the overlaps m^mu(t) with every stored pattern evolve.
 * The overlap map is a heatmap (time across, pattern down); overlap lines
 * draw the same numbers as curves.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { checkInteger, show } from "../validate.ts";
import { type Figure, framed, legend, plot } from "./figure.ts";
import { colors, divergingScale } from "./theme.ts";

/** Options shared by the overlap figures. */
export interface OverlapFigureOptions {
  /** One label per pattern (default "P0", "P1", ...). */
  labels?: string[];
  /** Title above the figure. */
  title?: string;
  /** Label of the time axis (default "time step t"). */
  timeLabel?: string;
  /** Width in pixels (default: fitted to the data, at most 640). */
  width?: number;
}

function checkOverlaps(overlaps: readonly ArrayLike<number>[]): { T: number; M: number } {
  if (!Array.isArray(overlaps) || overlaps.length === 0) {
    throw new RangeError(
      `overlaps must be a non-empty list (one entry per time step), got ${show(overlaps)}`,
    );
  }
  if (!overlaps.every((row) => row !== null && typeof row === "object" && "length" in row)) {
    throw new TypeError(`overlaps must be a list of rows of overlaps (one row per time step)`);
  }
  const M = overlaps[0].length;
  if (M === 0) {
    throw new RangeError("overlaps[0] must hold at least one pattern's overlap, got length 0");
  }
  overlaps.forEach((row, t) => {
    if (row.length !== M) {
      throw new RangeError(
        `overlaps[${t}] must have length M = ${M} like overlaps[0], got ${row.length}`,
      );
    }
    for (let mu = 0; mu < M; mu++) {
      const v = row[mu];
      if (typeof v !== "number" || !(v >= -1 && v <= 1)) {
        throw new RangeError(`overlaps[${t}][${mu}] must be a number in [-1, 1], got ${show(v)}`);
      }
    }
  });
  return { T: overlaps.length, M };
}

/**
 * The labels of M patterns: the given ones, or "P0", "P1", .... With
 * `extra: true` a longer list is accepted and cut to its first M entries
 * (e.g. labels for every stored pattern when a trace follows only some).
 *
 * @example
 * ```ts
 * import { patternLabels } from "./overlaps.ts";
 * patternLabels(undefined, 2); // ["P0", "P1"]
 * patternLabels(["A", "B", "C"], 2, { extra: true }); // ["A", "B"]
 * ```
 */
export function patternLabels(
  labels: readonly string[] | undefined,
  M: number,
  options: { extra?: boolean } = {},
): string[] {
  if (labels === undefined) return Array.from({ length: M }, (_, mu) => `P${mu}`);
  if (!Array.isArray(labels)) {
    throw new TypeError(`labels must be a list of strings, got ${show(labels)}`);
  }
  labels.forEach((l, k) => {
    if (typeof l !== "string") throw new TypeError(`labels[${k}] must be a string, got ${show(l)}`);
  });
  if (labels.length === M || (options.extra && labels.length > M)) return labels.slice(0, M);
  throw new RangeError(
    `labels must have ${
      options.extra ? "at least " : ""
    }one entry per pattern (M = ${M}), got ${labels.length}`,
  );
}

/**
 * The overlap map: a heatmap of m^mu(t), time step across and stored pattern
 * down, on the diverging -1..1 scale (blue = pattern, red = inverted pattern,
 * white = unrelated). With few cells the values are printed in the cells.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN, lPattern } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { run } from "../dynamics.ts";
 * import { overlapMap } from "./overlaps.ts";
 * const net = storePatterns([checkerboard(4), lPattern(4)]);
 * const fig = overlapMap(run(net, flipN(checkerboard(4), 5, 1), { steps: 3 }).overlaps);
 * ```
 */
export function overlapMap(
  overlaps: readonly ArrayLike<number>[],
  options: OverlapFigureOptions = {},
): Figure {
  options ??= {};
  const { T, M } = checkOverlaps(overlaps);
  if (T * M > 100_000) {
    throw new RangeError(
      `overlaps must have at most 100000 cells (time steps x patterns) for a heatmap, got ${T} x ${M}; use overlapLines or fewer steps`,
    );
  }
  const labels = patternLabels(options.labels, M);
  const data = overlaps.flatMap((row, t) =>
    Array.from(row, (m, mu) => ({ t, pattern: labels[mu], m }))
  );
  const cell = Math.max(6, Math.min(40, Math.floor(560 / T)));
  const rowHeight = Math.max(8, Math.min(28, Math.floor(360 / M)));
  const showValues = cell >= 30 && rowHeight >= 18;
  const width = checkInteger("width", options.width ?? Math.min(640, 70 + T * cell), 100, 4000);
  const marks: Plot.Markish[] = [
    Plot.cell(data, { x: "t", y: "pattern", fill: "m", inset: 0.5 }),
  ];
  if (showValues) {
    marks.push(Plot.text(data, {
      x: "t",
      y: "pattern",
      text: (d) => d.m.toFixed(2),
      fill: (d) => (Math.abs(d.m) > 0.6 ? "white" : "black"),
      fontSize: 9,
    }));
  }
  const body = plot({
    width,
    height: 40 + M * rowHeight,
    marginLeft: 60,
    marginBottom: 34,
    x: {
      label: options.timeLabel ?? "time step t",
      domain: Array.from({ length: T }, (_, t) => t),
      tickFormat: (t: number) => (T > 30 && t % 5 ? "" : String(t)),
    },
    y: { label: "pattern", domain: labels },
    color: divergingScale(1, "overlap m^mu(t)"),
    marks,
  }, "");
  const bar = legend(divergingScale(1, "overlap m"), { width: Math.min(240, body.width) });
  const last = overlaps[T - 1];
  let best = 0;
  for (let mu = 1; mu < M; mu++) if (Math.abs(last[mu]) > Math.abs(last[best])) best = mu;
  return framed([bar, body], {
    title: options.title,
    width,
    alt: `Overlap map: overlaps with ${M} patterns over ${T - 1} steps; at the end the largest is ${
      labels[best]
    } with m = ${last[best].toFixed(3)}`,
  });
}

/** Options of {@linkcode overlapLines}. */
export interface OverlapLinesOptions extends OverlapFigureOptions {
  /** Index of the pattern drawn thick and coloured (default: the one with the largest final |m|). */
  highlight?: number;
  /** Height in pixels (default 260). */
  height?: number;
}

/**
 * Overlap-versus-time lines: m^mu(t) for every pattern, the highlighted one
 * thick and coloured, the others thin grey; dashed guides at m = +-1 and 0.
 *
 * @example
 * ```ts
 * import { overlapLines } from "./overlaps.ts";
 * const fig = overlapLines([[0.2, 0.1], [0.6, 0.0], [1, 0.05]], { labels: ["A", "B"] });
 * ```
 */
export function overlapLines(
  overlaps: readonly ArrayLike<number>[],
  options: OverlapLinesOptions = {},
): Figure {
  options ??= {};
  const { T, M } = checkOverlaps(overlaps);
  if (T * M > 2_000_000) {
    throw new RangeError(
      `overlaps must have at most 2000000 values (time steps x patterns) to draw, got ${T} x ${M}`,
    );
  }
  const labels = patternLabels(options.labels, M);
  const last = overlaps[T - 1];
  let best = 0;
  for (let mu = 1; mu < M; mu++) if (Math.abs(last[mu]) > Math.abs(last[best])) best = mu;
  const hi = checkInteger("highlight", options.highlight ?? best, 0, M - 1);
  const data = overlaps.flatMap((row, t) =>
    Array.from(row, (m, mu) => ({ t, mu, m, label: labels[mu] }))
  );
  const others = data.filter((d) => d.mu !== hi);
  const main = data.filter((d) => d.mu === hi);
  const width = checkInteger("width", options.width ?? 560, 100, 4000);
  const fig = plot({
    width,
    height: checkInteger("height", options.height ?? 260, 80, 4000),
    marginRight: 70,
    x: { label: options.timeLabel ?? "time step t", domain: [0, Math.max(1, T - 1)] },
    y: { label: "overlap m", domain: [-1.05, 1.05], ticks: [-1, -0.5, 0, 0.5, 1] },
    marks: [
      Plot.ruleY([-1, 1], { stroke: colors.guide, strokeDasharray: "3,3" }),
      Plot.ruleY([0], { stroke: colors.guide }),
      Plot.line(others, { x: "t", y: "m", z: "mu", stroke: "#aaa", strokeWidth: 1 }),
      Plot.line(main, { x: "t", y: "m", stroke: colors.primary, strokeWidth: 2.5 }),
      Plot.dot(main, { x: "t", y: "m", fill: colors.primary, r: T <= 30 ? 3 : 0 }),
      Plot.text(main.slice(-1), {
        x: "t",
        y: "m",
        text: (d) => `${d.label}: ${d.m.toFixed(2)}`,
        dx: 8,
        textAnchor: "start",
        fill: colors.primary,
      }),
    ],
  }, "");
  return framed(fig, {
    title: options.title,
    width,
    alt: `Overlap lines: m(t) of ${labels[hi]} goes from ${overlaps[0][hi].toFixed(3)} to ${
      last[hi].toFixed(3)
    } in ${T - 1} steps; ${M - 1} other patterns in grey`,
  });
}
