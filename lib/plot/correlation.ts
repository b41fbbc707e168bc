/**
 * How far apart random patterns are: the correlations C^{mu nu} between
 * independent random patterns scatter around 0 with spread 1/sqrt(N).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { CorrelationSample } from "../overlap.ts";
import { extent } from "../overlap.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, plot } from "./figure.ts";
import { colors } from "./theme.ts";

/**
 * Strip plot of pairwise correlations against N (log axis), with the band
 * +-1/sqrt(N) drawn as lines and the measured standard deviation as
 * diamonds: the cloud narrows exactly like 1/sqrt(N).
 *
 * @example
 * ```ts
 * import { correlationSpread } from "../overlap.ts";
 * import { correlationSpreadPlot } from "./correlation.ts";
 * const fig = correlationSpreadPlot(correlationSpread([100, 1000, 10000], 20, 1));
 * ```
 */
export function correlationSpreadPlot(
  samples: readonly CorrelationSample[],
  options: { title?: string; width?: number } = {},
): Figure {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new RangeError(
      `samples must be a non-empty list from correlationSpread, got ${show(samples)}`,
    );
  }
  options ??= {};
  samples.forEach((s, k) => {
    checkInteger(`samples[${k}].N`, s?.N, 1);
    if (!s.values || typeof s.values.length !== "number") {
      throw new TypeError(
        `samples[${k}].values must be a list of correlations, got ${show(s.values)}`,
      );
    }
    const { min, max } = extent(s.values, `samples[${k}].values`);
    if (min < -1 || max > 1) {
      throw new RangeError(
        `samples[${k}].values must lie in [-1, 1], got values from ${min} to ${max}`,
      );
    }
    checkNumber(`samples[${k}].std`, s.std, 0, 1);
  });
  const Ns = samples.map((s) => s.N);
  const nRange = extent(Ns);
  const nMin = nRange.min / 1.6, nMax = nRange.max * 1.6;
  const points = samples.flatMap((s) =>
    Array.from(s.values, (c, k) => ({ N: s.N * Math.exp(0.18 * (((k * 0.618034) % 1) - 0.5)), c }))
  );
  const band = Array.from({ length: 60 }, (_, k) => {
    const N = nMin * (nMax / nMin) ** (k / 59);
    return { N, s: 1 / Math.sqrt(N) };
  });
  const yMax = points.reduce(
    (m, p) => Math.max(m, Math.abs(p.c as number)),
    1.1 / Math.sqrt(nRange.min) * 3,
  );
  const width = checkInteger("width", options.width ?? 560, 200, 4000);
  const fig = plot({
    width,
    height: 320,
    x: {
      type: "log",
      label: "number of neurons N",
      domain: [nMin, nMax],
      ticks: Ns,
      tickFormat: String,
    },
    y: { label: "correlation C between two random patterns", domain: [-yMax, yMax], grid: true },
    marks: [
      Plot.ruleY([0], { stroke: colors.guide }),
      Plot.dot(points, { x: "N", y: "c", r: 1.6, fill: "#777", fillOpacity: 0.45 }),
      Plot.line(band, { x: "N", y: "s", stroke: colors.primary, strokeWidth: 2 }),
      Plot.line(band, { x: "N", y: (d) => -d.s, stroke: colors.primary, strokeWidth: 2 }),
      Plot.dot(samples, { x: "N", y: "std", symbol: "diamond", fill: colors.secondary, r: 5 }),
      Plot.text(samples, {
        x: "N",
        y: () => -yMax * 0.92,
        text: (d) => `std ${d.std.toFixed(4)}\n1/sqrt(N) ${(1 / Math.sqrt(d.N)).toFixed(4)}`,
        fontSize: 10,
      }),
    ],
  }, "");
  return framed(fig, {
    title: options.title,
    width,
    note:
      "Grey: correlations of all pattern pairs. Blue lines: +-1/sqrt(N). Orange diamonds: measured standard deviation.",
    alt: "Correlation spread: " +
      samples.map((s) =>
        `N = ${s.N}: std ${s.std.toFixed(4)} (1/sqrt(N) = ${(1 / Math.sqrt(s.N)).toFixed(4)})`
      ).join("; "),
  });
}
