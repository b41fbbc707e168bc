/**
 * A state sequence: the network state at every time step as a picture, with
 * the pixels that differ from a reference pattern marked, and under each
 * picture the overlaps with every stored pattern as bars.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Trajectory } from "../dynamics.ts";
import { overlap } from "../overlap.ts";
import type { Pattern } from "../patterns.ts";
import { checkInteger, show } from "../validate.ts";
import { type Figure, framed, hconcat, plot, textFigure, vconcat } from "./figure.ts";
import { defaultWidth, patternGrid } from "./patterns.ts";
import { patternLabels } from "./overlaps.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode stateSequence}. */
export interface StateSequenceOptions {
  /** Pixels per row of a picture (default: square root of N). */
  width?: number;
  /** Index of the reference pattern (default 0). */
  reference?: number;
  /** Labels of the stored patterns (default "P0", "P1", ...). */
  labels?: string[];
  /** Show at most this many states (default 8; the last state is always shown). */
  maxStates?: number;
  /** Title above the figure. */
  title?: string;
  /** Time of the first state (default 0). */
  t0?: number;
}

/**
 * Draws the states S(0), S(1), ... in a row, with pixels that differ from
 * pattern `reference` framed in red, and under each state a bar chart of its
 * overlaps with all stored patterns (the reference's bar coloured).
 * `states` may be a list of states or a {@linkcode Trajectory}.
 *
 * @example
 * ```ts
 * import { checkerboard, flipN, lPattern } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { run } from "../dynamics.ts";
 * import { stateSequence } from "./sequence.ts";
 * const patterns = [checkerboard(4), lPattern(4)];
 * const tr = run(storePatterns(patterns), flipN(patterns[0], 5, 1), { steps: 3 });
 * const fig = stateSequence(tr, patterns);
 * ```
 */
export function stateSequence(
  states: readonly Int8Array[] | Trajectory,
  patterns: readonly Pattern[],
  options: StateSequenceOptions = {},
): Figure {
  const list = Array.isArray(states) ? states : (states as Trajectory).states;
  if (!Array.isArray(list) || list.length === 0) {
    throw new RangeError(
      `states must be a non-empty list of states (or a trajectory run with recordStates), got ${
        show(list)
      }`,
    );
  }
  if (!Array.isArray(patterns) || patterns.length === 0) {
    throw new RangeError(`patterns must be a non-empty list, got ${show(patterns)}`);
  }
  const N = list[0].length;
  const M = patterns.length;
  const ref = checkInteger("reference", options.reference ?? 0, 0, M - 1);
  const labels = patternLabels(options.labels, M);
  const maxStates = checkInteger("maxStates", options.maxStates ?? 8, 1);
  const width = options.width ?? defaultWidth(N);
  const t0 = checkInteger("t0", options.t0 ?? 0, 0);
  let shown = list.map((s, t) => ({ s, t: t + t0 }));
  if (shown.length > maxStates) {
    shown = [...shown.slice(0, maxStates - 1), shown[shown.length - 1]];
  }
  const cellSize = Math.max(4, Math.min(14, Math.floor(560 / (shown.length * width))));
  const panelWidth = width * cellSize + 2;
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  const barWidth = Math.max(
    panelWidth,
    Math.min(16 * M + 34, 160),
    M <= 8 ? M * (longest * 6.5 + 6) + 34 : 0,
  );
  const columns = shown.map(({ s, t }) => {
    const m = patterns.map((p) => overlap(p, s));
    const grid = patternGrid(s, { width, reference: patterns[ref], cellSize });
    const bars = plot({
      width: barWidth,
      height: 110,
      marginLeft: 30,
      marginBottom: 22,
      marginTop: 6,
      x: {
        domain: labels,
        label: null,
        tickSize: 0,
        // with many patterns only the reference is labelled
        tickFormat: M <= 8 ? undefined : (l: string) => (l === labels[ref] ? l : ""),
      },
      y: { domain: [-1, 1], ticks: [-1, 0, 1], tickFormat: (v: number) => String(v), label: null },
      marks: [
        Plot.barY(labels.map((label, mu) => ({ label, m: m[mu], mu })), {
          x: "label",
          y: "m",
          fill: (d) => (d.mu === ref ? colors.primary : "#bbb"),
        }),
        Plot.ruleY([0], { stroke: "#333" }),
      ],
    }, "");
    const head = textFigure(`t = ${t}`, { size: 12, weight: "bold", width: barWidth });
    const sub = textFigure(`m = ${m[ref].toFixed(2)}`, {
      size: 11,
      color: colors.primary,
      width: barWidth,
    });
    return vconcat([head, grid, sub, bars], {
      gap: 3,
      alt: `t = ${t}: overlap with ${labels[ref]} m = ${m[ref].toFixed(3)}`,
    });
  });
  const row = hconcat(columns, { gap: 10 });
  return framed(row, {
    title: options.title,
    note: `Red frames: pixels that differ from ${
      labels[ref]
    }. Bars: overlap of each state with every stored pattern (blue: ${labels[ref]}).`,
    width: Math.max(row.width, 480),
    alt: `State sequence (${shown.length} states): ` + columns.map((c) => c.alt).join("; "),
  });
}
