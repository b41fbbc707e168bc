/**
 * Capacity figures (Sec. 17.2.4): the crosstalk distribution with the error
 * tail shaded, and the one-step error probability against the load M/N.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { AGS_CAPACITY, type ErrorRate, pError } from "../capacity.ts";
import { extent, meanStd } from "../overlap.ts";
import { normalDensity, normalTail } from "../special.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, hconcat, plot } from "./figure.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode crosstalkHistogram}. */
export interface CrosstalkHistogramOptions {
  /** The signal: a bit flips when the crosstalk is below -signal (default 1). */
  signal?: number;
  /** Variance of the Gaussian drawn over the histogram (default: the sample variance). */
  variance?: number;
  /** Number of histogram bins (default 60). */
  bins?: number;
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 600). */
  width?: number;
}

/**
 * Histogram (as a density) of crosstalk values with the Gaussian of variance
 * `variance` (about M/N) drawn over it and its tail below -signal shaded: the
 * shaded area is P_error. The measured fraction below -signal is annotated.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { crosstalk } from "../capacity.ts";
 * import { crosstalkHistogram } from "./capacity.ts";
 * const net = storePatterns(randomPatterns(138, 1000, 1));
 * const c = crosstalk(net, 0);
 * const fig = crosstalkHistogram(c.noise, { signal: c.signal, variance: 0.138 });
 * ```
 */
export function crosstalkHistogram(
  values: ArrayLike<number>,
  options: CrosstalkHistogramOptions = {},
): Figure {
  options ??= {};
  if (!values || values.length < 2) {
    throw new RangeError(`values must hold at least 2 crosstalk values, got ${show(values)}`);
  }
  const xs = Array.from(values);
  const range = extent(xs);
  if (range.max - range.min > 1e6) {
    throw new RangeError(
      `values must be crosstalk values (a spread of order sqrt(M/N)), got values from ${range.min} to ${range.max}`,
    );
  }
  const signal = checkNumber("signal", options.signal ?? 1, Number.MIN_VALUE, 1e6);
  const { std } = meanStd(xs);
  const sampleVar = std * std;
  if (options.variance === undefined && !(sampleVar > 1e-12)) {
    throw new RangeError(
      `values must vary to estimate a variance (or give options.variance), got all values within ${std}`,
    );
  }
  const variance = checkNumber("variance", options.variance ?? sampleVar, 1e-12, 1e6);
  const bins = checkInteger("bins", options.bins ?? 60, 2, 1000);
  const sigma = Math.sqrt(variance);
  const lo = Math.min(-signal - sigma, range.min, -4 * sigma);
  const hi = Math.max(range.max, 4 * sigma);
  const curve = Array.from({ length: 241 }, (_, k) => {
    const x = lo + ((hi - lo) * k) / 240;
    return { x, y: normalDensity(x / sigma) / sigma };
  });
  const tail = curve.filter((d) => d.x <= -signal);
  tail.push({ x: -signal, y: normalDensity(-signal / sigma) / sigma });
  const binWidth = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  for (const v of xs) counts[Math.min(bins - 1, Math.floor((v - lo) / binWidth))]++;
  const histogram = Array.from(counts, (c, k) => ({
    x1: lo + k * binWidth,
    x2: lo + (k + 1) * binWidth,
    density: c / (xs.length * binWidth),
  }));
  const measured = xs.filter((v) => v < -signal).length / xs.length;
  const theory = normalTail(signal / sigma);
  const width = checkInteger("width", options.width ?? 600, 200, 4000);
  const fig = plot({
    width,
    height: 300,
    marginTop: 24,
    x: { label: "crosstalk (noise term of p_i h_i)", domain: [lo, hi] },
    y: { label: "probability density", grid: true },
    marks: [
      Plot.rectY(histogram, { x1: "x1", x2: "x2", y: "density", fill: "#c6dbef", inset: 0.5 }),
      Plot.areaY(tail, { x: "x", y: "y", fill: colors.wrong, fillOpacity: 0.45 }),
      Plot.line(curve, { x: "x", y: "y", stroke: colors.primary, strokeWidth: 2 }),
      Plot.ruleX([-signal], { stroke: colors.wrong, strokeDasharray: "4,3" }),
      Plot.text([{ x: -signal, label: `flip threshold -${signal.toFixed(3)}` }], {
        x: "x",
        frameAnchor: "top",
        dy: 6,
        dx: 4,
        text: "label",
        fill: colors.wrong,
        textAnchor: "start",
      }),
      Plot.ruleY([0]),
    ],
  }, "");
  const tailHist = histogram.filter((d) => d.x1 < -signal + sigma / 2);
  const zoomHi = -signal + sigma / 2;
  const zoomMax = Math.max(
    normalDensity((-signal + sigma / 2) / sigma) / sigma,
    ...tailHist.map((d) => d.density),
  ) * 1.1;
  const zoom = plot({
    width: 220,
    height: 300,
    marginTop: 24,
    marginLeft: 46,
    x: { label: "tail, magnified", domain: [lo, zoomHi], ticks: 3 },
    y: { domain: [0, zoomMax], label: null, ticks: 4 },
    marks: [
      Plot.rectY(tailHist, {
        x1: "x1",
        x2: (d) => Math.min(d.x2, zoomHi),
        y: "density",
        fill: "#c6dbef",
        inset: 0.5,
        clip: true,
      }),
      Plot.areaY(tail, { x: "x", y: "y", fill: colors.wrong, fillOpacity: 0.45 }),
      Plot.line(curve.filter((d) => d.x <= zoomHi), {
        x: "x",
        y: "y",
        stroke: colors.primary,
        strokeWidth: 2,
      }),
      Plot.ruleX([-signal], { stroke: colors.wrong, strokeDasharray: "4,3" }),
      Plot.ruleY([0]),
      Plot.frame({ stroke: "#ccc" }),
    ],
  }, "");
  const panels = hconcat([fig, zoom], { gap: 16 });
  return framed(panels, {
    title: options.title,
    note: `Gaussian with variance ${variance.toPrecision(3)} (sigma = ${sigma.toPrecision(3)}). ` +
      `Shaded tail below -signal: P_error = ${theory.toPrecision(3)} (theory); ` +
      `measured fraction of bits that flip: ${measured.toPrecision(3)} of ${xs.length}.`,
    alt: `Crosstalk histogram of ${xs.length} values, variance ${sampleVar.toPrecision(3)}; ` +
      `Gaussian tail below ${(-signal).toFixed(3)} has area ${theory.toPrecision(3)}; measured ${
        measured.toPrecision(3)
      }`,
  });
}

/** Options of {@linkcode pErrorPlot}. */
export interface PErrorPlotOptions {
  /** Largest load on the horizontal axis (default 0.5, or the largest simulated load). */
  maxLoad?: number;
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 600). */
  width?: number;
}

/**
 * P_error against the load M/N: the Gaussian-tail theory as a line (log
 * scale), simulated one-step error rates as dots, and the classic capacity
 * 0.138 marked. Loads where the simulation saw no error are drawn as open
 * dots at the bottom edge.
 *
 * @example
 * ```ts
 * import { simulatedErrorRate } from "../capacity.ts";
 * import { pErrorPlot } from "./capacity.ts";
 * const points = [0.1, 0.2, 0.3].map((load) => simulatedErrorRate(1000, load, 1));
 * const fig = pErrorPlot(points);
 * ```
 */
export function pErrorPlot(
  points: readonly ErrorRate[] = [],
  options: PErrorPlotOptions = {},
): Figure {
  options ??= {};
  if (!Array.isArray(points)) {
    throw new TypeError(
      `points must be a list of results of simulatedErrorRate, got ${show(points)}`,
    );
  }
  points.forEach((p, k) => {
    checkNumber(`points[${k}].load`, p?.load, 0, 10);
    checkNumber(`points[${k}].rate`, p?.rate, 0, 1);
    checkNumber(`points[${k}].theory`, p?.theory, 0, 1);
    checkInteger(`points[${k}].N`, p?.N, 1);
  });
  const maxLoad = checkNumber(
    "maxLoad",
    options.maxLoad ?? points.reduce((m, p) => Math.max(m, p.load), 0.5),
    0.03,
    10,
  );
  const floor = 1e-5;
  const theory = Array.from({ length: 200 }, (_, k) => {
    const load = 0.02 + ((maxLoad - 0.02) * k) / 199;
    return { load, p: pError(load) };
  }).filter((d) => d.p >= floor);
  const seen = points.filter((p) => p.rate > 0);
  const none = points.filter((p) => p.rate === 0);
  const width = checkInteger("width", options.width ?? 600, 200, 4000);
  const capacityP = pError(AGS_CAPACITY);
  const fig = plot({
    width,
    height: 320,
    marginRight: 20,
    x: { label: "load M/N", domain: [0, maxLoad] },
    y: {
      type: "log",
      label: "P_error (fraction of bits flipped in one step)",
      domain: [floor, 0.5],
      grid: true,
      ticks: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1],
      tickFormat: (d: number) => (d >= 0.001 ? String(d) : d.toExponential(0)),
    },
    marks: [
      Plot.line(theory, { x: "load", y: "p", stroke: colors.primary, strokeWidth: 2 }),
      Plot.ruleX([AGS_CAPACITY], { stroke: colors.guide, strokeDasharray: "4,3" }),
      Plot.text([{ load: AGS_CAPACITY }], {
        x: "load",
        y: 0.3,
        text: () => `0.138 N: P_error = ${capacityP.toFixed(4)}`,
        textAnchor: "start",
        dx: 4,
        fill: "#444",
      }),
      Plot.dot(seen, { x: "load", y: "rate", fill: colors.secondary, stroke: "white", r: 4 }),
      Plot.dot(none, { x: "load", y: () => floor, stroke: colors.secondary, fill: "white", r: 4 }),
    ],
  }, "");
  return framed(fig, {
    title: options.title,
    width,
    note:
      `Line: theory P_error = (1/2) erfc(1 / sqrt(2M/N)). Orange dots: simulated one-step error rate` +
      (points.length ? ` (N = ${[...new Set(points.map((p) => p.N))].join(", ")})` : "") +
      (none.length ? `; open dots at the bottom: no error seen.` : "."),
    alt:
      `P_error versus load up to ${maxLoad}: theory line and ${points.length} simulated points; ` +
      points.map((p) =>
        `M/N = ${p.load.toFixed(3)}: ${p.rate.toPrecision(3)} (theory ${p.theory.toPrecision(3)})`
      ).join(", "),
  });
}
