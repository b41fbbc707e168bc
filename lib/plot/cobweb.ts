/**
 * The cobweb plot of an overlap map (the book's Fig. 17.8A; lecture part 2):
 * m(t+1) = F(m(t)) against m(t), the diagonal, and the iteration drawn as a
 * staircase between the curve and the diagonal. Where the curve crosses the
 * diagonal lies a fixed point; the staircase runs into the stable ones.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type FixedPoint, fixedPoints, iterateMap, shortNumber } from "../meanfield.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, plot } from "./figure.ts";
import { symbolKey } from "./key.ts";
import { colors } from "./theme.ts";

/** Colours for several starting points, in order. */
export const cobwebColors = [
  colors.secondary,
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
] as const;

/** Options of {@linkcode cobwebPlot}. */
export interface CobwebOptions {
  /** Starting overlap(s) m(0) in [-1, 1] (default 0.1). */
  m0?: number | readonly number[];
  /** Number of iterations drawn (default 10). */
  steps?: number;
  /** Steps drawn with arrowheads (default 4); later, shorter steps are plain lines. */
  arrows?: number;
  /** `"full"`: both axes -1..1 (default); `"positive"`: 0..1, as in the book's figure. */
  range?: "full" | "positive";
  /** Mark and label the fixed points (default true). */
  fixedPoints?: boolean;
  /** Title (default: the map's formula). */
  title?: string;
  /** Line under the title (default: the starting points and number of steps). */
  subtitle?: string;
  /** Side of the square plot in pixels (default 420). */
  size?: number;
}

/**
 * The square frame shared by every plot of an overlap map: m(t) across,
 * m(t+1) up, both from `lo` (-1 or 0) to 1, in a `size` x `size` plot.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./figure.ts";
 * import { mapFrame } from "./cobweb.ts";
 * const fig = plot({ ...mapFrame(0, 360), marks: [Plot.lineY([0, 1])] }, "empty map");
 * ```
 */
export function mapFrame(lo: number, size: number): Plot.PlotOptions {
  if (lo !== -1 && lo !== 0) throw new RangeError(`lo must be -1 or 0, got ${show(lo)}`);
  checkNumber("size", size, 50, 20_000);
  const ticks = lo < 0 ? [-1, -0.5, 0, 0.5, 1] : [0, 0.2, 0.4, 0.6, 0.8, 1];
  return {
    width: size,
    height: size,
    marginLeft: 52,
    marginBottom: 44,
    marginTop: 24,
    marginRight: 14,
    x: { domain: [lo, 1], label: "overlap m(t) →", labelAnchor: "right", ticks },
    y: { domain: [lo, 1], label: "↑ m(t+1)", labelAnchor: "top", ticks },
  };
}

function labelOf(F: (m: number) => number): string {
  const label = (F as { label?: unknown }).label;
  return typeof label === "string" ? label : "F(m)";
}

/**
 * Throws unless `y`, the value of an overlap map at m, is an overlap in
 * [-1, 1] (to rounding): anything else would be drawn off the canvas.
 * `name` names the map in the message, e.g. "F" or "curves[1].F".
 */
function checkOverlapValue(name: string, y: unknown, m: number): number {
  if (typeof y !== "number" || !(y >= -1 - 1e-12 && y <= 1 + 1e-12)) {
    throw new RangeError(`${name}(m) must be an overlap in [-1, 1], got ${show(y)} at m = ${m}`);
  }
  return y;
}

/** Throws unless an optional text option is a string. */
function checkOptionalText(name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${show(value)}`);
  }
  return value;
}

/** Samples F on [lo, hi], leaving a gap where it jumps (e.g. sgn at 0). */
function sampleCurve(F: (m: number) => number, lo: number, hi: number, n = 400) {
  const pts: { x: number; y: number | null }[] = [];
  let prev: number | null = null;
  for (let k = 0; k <= n; k++) {
    const x = lo + ((hi - lo) * k) / n;
    const y = checkOverlapValue("F", F(x), x);
    if (prev !== null && Math.abs(y - prev) > 0.25) pts.push({ x, y: null });
    pts.push({ x, y });
    prev = y;
  }
  return pts;
}

/**
 * The cobweb plot of an overlap map F (the book's Fig. 17.8A): the curve
 * m(t+1) = F(m(t)) (solid), the diagonal m(t+1) = m(t) (dashed), and for each
 * starting overlap the iteration as a staircase: up (or down) to the curve,
 * across to the diagonal, up to the curve again... The first steps carry
 * arrowheads. Stable fixed points are filled circles, unstable ones open
 * circles, each labelled with its value.
 *
 * @example
 * ```ts
 * import { meanFieldMap } from "../meanfield.ts";
 * import { cobwebPlot } from "./cobweb.ts";
 * const fig = cobwebPlot(meanFieldMap(2), { m0: 0.1 }); // climbs to m* = 0.9575
 * ```
 */
export function cobwebPlot(F: (m: number) => number, options: CobwebOptions = {}): Figure {
  if (typeof F !== "function") {
    throw new TypeError(`F must be an overlap map (a function m => m'), got ${show(F)}`);
  }
  options ??= {};
  checkOptionalText("title", options.title);
  checkOptionalText("subtitle", options.subtitle);
  const range = options.range ?? "full";
  if (range !== "full" && range !== "positive") {
    throw new RangeError(`range must be "full" or "positive", got ${show(range)}`);
  }
  const lo = range === "full" ? -1 : 0;
  const m0 = options.m0;
  if (
    m0 !== undefined && typeof m0 !== "number" && !Array.isArray(m0) && !ArrayBuffer.isView(m0)
  ) {
    throw new TypeError(`m0 must be a number or a list of numbers in [${lo}, 1], got ${show(m0)}`);
  }
  const starts = (typeof m0 === "number" || m0 === undefined) ? [m0 ?? 0.1] : Array.from(m0);
  if (starts.length === 0 || starts.length > cobwebColors.length) {
    throw new RangeError(
      `m0 must hold 1 to ${cobwebColors.length} starting overlaps, got ${starts.length}`,
    );
  }
  starts.forEach((m, k) => checkNumber(starts.length > 1 ? `m0[${k}]` : "m0", m, lo, 1));
  const steps = checkInteger("steps", options.steps ?? 10, 0, 1000);
  const arrows = checkInteger("arrows", options.arrows ?? 4, 0);
  const size = checkInteger("size", options.size ?? 420, 200, 2000);
  const label = labelOf(F);

  const curve = sampleCurve(F, lo, 1);
  const paths = starts.map((m0) => iterateMap(F, m0, steps));
  const segments: { x1: number; y1: number; x2: number; y2: number; path: number; t: number }[] =
    [];
  paths.forEach((ms, p) => {
    // start on the horizontal axis (m(t+1) = 0 in the full range, the bottom edge otherwise)
    let x = ms[0], y = range === "full" ? 0 : lo;
    for (let t = 1; t < ms.length; t++) {
      segments.push({ x1: x, y1: y, x2: x, y2: ms[t], path: p, t });
      segments.push({ x1: x, y1: ms[t], x2: ms[t], y2: ms[t], path: p, t });
      x = ms[t];
      y = ms[t];
    }
  });
  const long = (s: { x1: number; y1: number; x2: number; y2: number }) =>
    Math.hypot(s.x2 - s.x1, s.y2 - s.y1) * (size / (1 - lo)) > 14;
  const withArrow = segments.filter((s) => s.t <= arrows && long(s));
  const plain = segments.filter((s) => !(s.t <= arrows && long(s)));
  const color = (d: { path: number }) => cobwebColors[d.path];

  const fps: FixedPoint[] = options.fixedPoints === false
    ? []
    : fixedPoints(F).filter((p) => p.m >= lo - 1e-12);
  const stable = fps.filter((p) => p.stability !== "unstable");
  const unstable = fps.filter((p) => p.stability === "unstable");

  const startPoints = starts.map((m, p) => ({ x: m, y: range === "full" ? 0 : lo, p }));
  const startLabels = (points: typeof startPoints, anchor: "start" | "end") =>
    Plot.text(points, {
      x: "x",
      y: "y",
      text: (d) => `m(0) = ${shortNumber(d.x)}`,
      fill: (d) => cobwebColors[d.p],
      dy: range === "full" ? 11 : -9,
      dx: anchor === "start" ? 4 : -4,
      textAnchor: anchor,
      fontSize: 10,
      stroke: "white",
      strokeWidth: 3,
      paintOrder: "stroke",
    });
  const mStarLabels = (points: FixedPoint[], dy: number, anchor: "start" | "end") =>
    Plot.text(points, {
      x: "m",
      y: "m",
      text: (p: FixedPoint) => `m* = ${Math.abs(p.m) < 1e-12 ? 0 : p.m.toFixed(4)}`,
      dy,
      textAnchor: anchor,
      fontSize: 11,
      fontWeight: "bold",
      fill: colors.on,
      stroke: "white",
      strokeWidth: 4,
      paintOrder: "stroke",
    });
  const marks: Plot.Markish[] = [
    Plot.frame({ stroke: "#ddd" }),
    Plot.line([[lo, lo], [1, 1]], { stroke: colors.guide, strokeDasharray: "5,4" }),
    Plot.line(curve, { x: "x", y: "y", stroke: colors.primary, strokeWidth: 2.2 }),
    Plot.link(plain, {
      x1: "x1",
      y1: "y1",
      x2: "x2",
      y2: "y2",
      stroke: color,
      strokeWidth: 1.3,
    }),
    Plot.arrow(withArrow, {
      x1: "x1",
      y1: "y1",
      x2: "x2",
      y2: "y2",
      stroke: color,
      strokeWidth: 1.5,
      headLength: 7,
    }),
    Plot.dot(startPoints, {
      x: "x",
      y: "y",
      r: 3,
      fill: (d) => cobwebColors[d.p],
    }),
    // start labels: right of the dot, or left of it near the right edge
    startLabels(startPoints.filter((d) => d.x <= 0.55), "start"),
    startLabels(startPoints.filter((d) => d.x > 0.55), "end"),
    Plot.dot(unstable, {
      x: "m",
      y: "m",
      r: 5,
      fill: "white",
      stroke: colors.on,
      strokeWidth: 1.6,
    }),
    Plot.dot(stable, { x: "m", y: "m", r: 5.5, fill: colors.on }),
    // value labels: below-left of a positive fixed point, above-right of a negative one
    mStarLabels(stable.filter((p) => p.m >= 0), 16, "end"),
    mStarLabels(stable.filter((p) => p.m < -1e-9), -16, "start"),
  ];
  if (range === "full") {
    marks.splice(1, 0, Plot.ruleX([0], { stroke: "#eee" }), Plot.ruleY([0], { stroke: "#eee" }));
  }
  const body = plot({ ...mapFrame(lo, size), marks }, "");
  const title = options.title ?? `Overlap map ${label}`;
  const subtitle = options.subtitle ??
    `${paths.length > 1 ? "starting overlaps" : "start"} m(0) = ${
      starts.map(shortNumber).join(", ")
    }; ${steps} steps`;
  const key = symbolKey([
    { symbol: "line", color: colors.primary, label: "F(m)" },
    { symbol: "dashed", color: colors.guide, label: "diagonal" },
    { symbol: "dot", label: "stable" },
    { symbol: "open", label: "unstable fixed point" },
  ], { width: size });
  const fpText = fps.length === 0
    ? "no fixed points in range"
    : `fixed points: ${fps.map((p) => `${p.m.toFixed(4)} (${p.stability})`).join(", ")}`;
  const pathText = paths.map((ms) =>
    `from m(0) = ${shortNumber(ms[0])} the iterates go ${
      Array.from(ms.slice(1, 5), (m) => m.toFixed(3)).join(", ")
    }${ms.length > 5 ? ", ..." : ""} and reach ${ms[ms.length - 1].toFixed(4)} after ${steps} steps`
  ).join("; ");
  return framed([body, key], {
    title,
    subtitle,
    width: size,
    alt: `Cobweb plot of ${label} on [${lo}, 1]: ${pathText}; ${fpText}.`,
  });
}
