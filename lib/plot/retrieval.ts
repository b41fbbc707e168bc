/**
 * Simulation against theory (lecture part 2; science spec section 3.4): the
 * overlap with the cued pattern in several simulated stochastic networks next
 * to the iterates of the overlap map, and the largest overlap with any other
 * pattern next to its expected size 1/sqrt(N).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { shortNumber } from "../meanfield.ts";
import type { RetrievalResult } from "../retrieval.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, hconcat, plot, textFigure, vconcat } from "./figure.ts";
import { type KeyItem, symbolKey } from "./key.ts";
import { colors } from "./theme.ts";

/** Throws unless `values` is a non-empty list of numbers in [lo, hi]. */
function checkSeries(name: string, values: unknown, lo: number, hi: number): void {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    throw new TypeError(
      `${name} must be a list of overlaps in [${lo}, ${hi}], got ${show(values)}`,
    );
  }
  const list = values as ArrayLike<unknown>;
  if (list.length === 0) {
    throw new RangeError(`${name} must hold at least one overlap, got length 0`);
  }
  for (let t = 0; t < list.length; t++) checkNumber(`${name}[${t}]`, list[t], lo, hi);
}

/** Smallest entry (Infinity for none); a loop, since Math.min(...list) overflows the stack. */
function minOf(values: ArrayLike<number>): number {
  let lo = Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] < lo) lo = values[k];
  return lo;
}

/** Largest entry (-Infinity for none). */
function maxOf(values: ArrayLike<number>): number {
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) if (values[k] > hi) hi = values[k];
  return hi;
}

/** Options of {@linkcode retrievalPlot}. */
export interface RetrievalPlotOptions {
  /** Prediction m(0), m(1), ... for the cued overlap (e.g. from `iterateMap`), drawn as dots. */
  theory?: ArrayLike<number>;
  /** Legend entry of the prediction (default "mean-field map"). */
  theoryLabel?: string;
  /** A fixed point to draw as a dotted horizontal line (e.g. m* = 0.9575). */
  fixedPoint?: number;
  /** Draw the panel of the other overlaps when M > 1 (default true). */
  others?: boolean;
  /** Title (default "Simulation against the overlap map"). */
  title?: string;
  /** Width of the whole figure in pixels (default 760). */
  width?: number;
}

/**
 * Thin lines: the overlap m^1(t) with the cued pattern in each simulated run
 * (from {@linkcode simulateRetrieval}); dots: the theory's prediction. A
 * second panel shows max over mu > 1 of |m^mu(t)| in each run with the
 * reference level 1/sqrt(N) (dashed) and 3/sqrt(N) (dotted): the other
 * overlaps stay of that order, as the map assumes.
 *
 * @example
 * ```ts
 * import { iterateMap, meanFieldMap } from "../meanfield.ts";
 * import { simulateRetrieval } from "../retrieval.ts";
 * import { retrievalPlot } from "./retrieval.ts";
 * const res = simulateRetrieval({ N: 10_000, M: 5, beta: 2, m0: 0.2, steps: 10, seeds: [1, 2, 3] });
 * const fig = retrievalPlot(res, { theory: iterateMap(meanFieldMap(2), res.m0, 10) });
 * ```
 */
export function retrievalPlot(result: RetrievalResult, options: RetrievalPlotOptions = {}): Figure {
  if (!result || !Array.isArray(result.runs) || result.runs.length === 0) {
    throw new RangeError(
      `result must come from simulateRetrieval (with at least one run), got ${show(result)}`,
    );
  }
  const N = checkInteger("result.N", result.N, 1);
  const M = checkInteger("result.M", result.M, 1);
  const steps = checkInteger("result.steps", result.steps, 0);
  const mode = result.mode;
  if (mode !== "sync" && mode !== "async") {
    throw new RangeError(`result.mode must be "sync" or "async", got ${show(mode)}`);
  }
  checkNumber("result.m0", result.m0, -1, 1);
  if (typeof result.beta !== "number") {
    throw new TypeError(
      `result.beta must be a number (NaN for a gain of one's own), got ${show(result.beta)}`,
    );
  }
  options ??= {};
  const showOthers = (options.others ?? true) && M > 1;
  result.runs.forEach((r, k) => {
    if (r === null || typeof r !== "object") {
      throw new TypeError(
        `result.runs[${k}] must be a run { seed, cued, maxOther }, got ${show(r)}`,
      );
    }
    checkSeries(`result.runs[${k}].cued`, r.cued, -1, 1);
    if (showOthers) checkSeries(`result.runs[${k}].maxOther`, r.maxOther, 0, 1);
  });
  const width = checkInteger("width", options.width ?? 760, 300, 4000);
  if (
    options.theory !== undefined && !Array.isArray(options.theory) &&
    !ArrayBuffer.isView(options.theory)
  ) {
    throw new TypeError(
      `theory must be a list of overlaps in [-1, 1] (e.g. from iterateMap), got ${
        show(options.theory)
      }`,
    );
  }
  const theory = options.theory ? Array.from(options.theory) : [];
  theory.forEach((m, t) => checkNumber(`theory[${t}]`, m, -1, 1));
  if (options.fixedPoint !== undefined) checkNumber("fixedPoint", options.fixedPoint, -1, 1);
  for (const name of ["theoryLabel", "title"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "string") {
      throw new TypeError(`${name} must be a string, got ${show(options[name])}`);
    }
  }
  const tMax = Math.max(steps, theory.length - 1, 1);
  const timeLabel = mode === "async" ? "sweeps (N single-neuron updates each) →" : "time step t →";

  const cued = result.runs.flatMap((r, k) => Array.from(r.cued, (m, t) => ({ t, m, k })));
  const yLo = Math.min(minOf(cued.map((d) => d.m)), minOf(theory)) < -0.05 ? -1 : 0;
  const panelWidth = showOthers ? Math.round(width * 0.56) : width;
  const left = plot({
    width: panelWidth,
    height: 300,
    marginLeft: 50,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 42,
    x: { domain: [0, tMax], label: timeLabel, labelAnchor: "right", ticks: Math.min(tMax, 10) },
    y: { domain: [yLo, 1], label: "↑ overlap with the cued pattern m¹(t)", grid: true },
    marks: [
      ...(options.fixedPoint !== undefined
        ? [
          Plot.ruleY([options.fixedPoint], { stroke: colors.on, strokeDasharray: "2,3" }),
          Plot.text([options.fixedPoint], {
            x: tMax,
            y: (d: number) => d,
            text: (d: number) => `m* = ${d.toFixed(4)}`,
            dy: 12,
            textAnchor: "end",
            fontSize: 11,
          }),
        ]
        : []),
      Plot.line(cued, {
        x: "t",
        y: "m",
        z: "k",
        stroke: colors.secondary,
        strokeWidth: 1.1,
        strokeOpacity: 0.75,
      }),
      Plot.dot(theory.map((m, t) => ({ t, m })), {
        x: "t",
        y: "m",
        r: 4,
        fill: colors.primary,
        stroke: "white",
      }),
    ],
  }, "");
  const panels: Figure[] = [
    vconcat([textFigure("Overlap with the cued pattern", { size: 12, weight: "bold" }), left], {
      gap: 2,
    }),
  ];
  const ref = 1 / Math.sqrt(N);
  let othersText = "";
  if (showOthers) {
    const others = result.runs.flatMap((r, k) => Array.from(r.maxOther, (m, t) => ({ t, m, k })));
    const top = Math.max(5 * ref, maxOf(others.map((d) => d.m))) * 1.1;
    const right = plot({
      width: width - panelWidth - 16,
      height: 300,
      marginLeft: 50,
      marginRight: 16,
      marginTop: 24,
      marginBottom: 42,
      x: { domain: [0, tMax], label: timeLabel, labelAnchor: "right", ticks: Math.min(tMax, 5) },
      y: { domain: [0, top], label: "↑ largest |m^μ(t)| over μ ≠ 1", grid: true },
      marks: [
        Plot.ruleY([ref], { stroke: colors.on, strokeDasharray: "5,4" }),
        Plot.ruleY([3 * ref], { stroke: colors.guide, strokeDasharray: "2,3" }),
        Plot.text([ref, 3 * ref], {
          x: tMax,
          y: (d: number) => d,
          text: (d: number) =>
            d === ref ? `1/√N = ${shortNumber(ref)}` : `3/√N = ${shortNumber(3 * ref)}`,
          dy: -6,
          textAnchor: "end",
          fontSize: 11,
          fill: colors.on,
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        }),
        Plot.line(others, {
          x: "t",
          y: "m",
          z: "k",
          stroke: colors.secondary,
          strokeWidth: 1.1,
          strokeOpacity: 0.75,
        }),
      ],
    }, "");
    panels.push(
      vconcat([
        textFigure(`Largest overlap with the other ${M - 1} patterns (magnified scale)`, {
          size: 12,
          weight: "bold",
        }),
        right,
      ], { gap: 2 }),
    );
    const finals = result.runs.map((r) => r.maxOther[r.maxOther.length - 1]);
    othersText = `; the largest other overlap ends between ${minOf(finals).toFixed(3)} and ${
      maxOf(finals).toFixed(3)
    } (1/sqrt(N) = ${shortNumber(ref)})`;
  }
  const runs = result.runs.length;
  const items: KeyItem[] = [{
    symbol: "thin",
    color: colors.secondary,
    label: `simulation: ${runs} network${runs > 1 ? "s" : ""}, N = ${
      N.toLocaleString("en-US")
    }, M = ${M}, ${Number.isNaN(result.beta) ? "own gain" : `β = ${shortNumber(result.beta)}`}, ${
      mode === "async" ? "asynchronous" : "parallel"
    } updates`,
  }];
  if (theory.length) {
    items.push({
      symbol: "dot",
      color: colors.primary,
      label: options.theoryLabel ?? "mean-field map",
    });
  }
  const row = hconcat(panels, { gap: 16 });
  const finalsCued = result.runs.map((r) => r.cued[r.cued.length - 1]);
  return framed([row, symbolKey(items, { width: row.width })], {
    title: options.title ?? "Simulation against the overlap map",
    width: row.width,
    alt:
      `Overlap with the cued pattern in ${runs} simulated runs (N = ${N}, M = ${M}, ${mode}) from m0 = ${
        shortNumber(result.m0)
      }: after ${steps} steps between ${minOf(finalsCued).toFixed(3)} and ${
        maxOf(finalsCued).toFixed(3)
      }${
        theory.length ? `; theory ends at ${theory[theory.length - 1].toFixed(3)}` : ""
      }${othersText}.`,
  });
}
