/**
 * Figures for the ingredients of the mean-field overlap map (lecture part 2):
 * the gain function for several noise levels, the four groups of neurons one
 * step after a state with overlap m, and several overlap maps side by side
 * (e.g. the crosstalk-corrected map at increasing load).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { fixedPoints, type GainLike, groupFractions, shortNumber } from "../meanfield.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, plot } from "./figure.ts";
import { mapFrame } from "./cobweb.ts";
import { type KeyItem, symbolKey } from "./key.ts";
import { colors } from "./theme.ts";

/** Throws unless an optional text option is a string. */
function checkOptionalText(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${show(value)}`);
  }
}

/** Colours for a family of curves (by increasing parameter). */
const family = ["#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b", "#041a3d"];

/** Options of {@linkcode gainPlot}. */
export interface GainPlotOptions {
  /** The input axis runs from -hMax to hMax (default 2). */
  hMax?: number;
  /** Also draw the deterministic limit beta = infinity (default true). */
  step?: boolean;
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 560). */
  width?: number;
}

/**
 * The standard gain g(h) = 0.5 [1 + tanh(beta h)] (Eq. 17.3) for several
 * values of beta: the probability that a neuron with input h is ON at the
 * next step. Small beta (much noise) gives a shallow curve, large beta a steep
 * one; beta = infinity is the step of the deterministic model (dashed).
 *
 * @example
 * ```ts
 * import { gainPlot } from "./meanfield.ts";
 * const fig = gainPlot([0.5, 1, 2, 5]);
 * ```
 */
export function gainPlot(betas: readonly number[], options: GainPlotOptions = {}): Figure {
  if (!Array.isArray(betas) || betas.length === 0 || betas.length > family.length) {
    throw new RangeError(
      `betas must be a list of 1 to ${family.length} values of beta, got ${show(betas)}`,
    );
  }
  betas.forEach((b, k) => checkNumber(`betas[${k}]`, b, 0, Number.MAX_VALUE));
  options ??= {};
  checkOptionalText("title", options.title);
  const hMax = checkNumber("hMax", options.hMax ?? 2, 0.1, 1e6);
  const width = checkInteger("width", options.width ?? 560, 200, 3000);
  const sorted = [...betas].sort((a, b) => a - b);
  const data = sorted.flatMap((beta, k) =>
    Array.from({ length: 201 }, (_, j) => {
      const h = -hMax + (2 * hMax * j) / 200;
      return { h, g: 0.5 * (1 + Math.tanh(beta * h)), k, label: `β = ${shortNumber(beta)}` };
    })
  );
  const showStep = options.step ?? true;
  const stepLine = [{ h: -hMax, g: 0 }, { h: 0, g: 0 }, { h: 0, g: 1 }, { h: hMax, g: 1 }];
  const body = plot({
    width,
    height: 300,
    marginLeft: 52,
    marginRight: 20,
    marginTop: 24,
    marginBottom: 42,
    x: { domain: [-hMax, hMax], label: "input potential h →", labelAnchor: "right" },
    y: {
      domain: [0, 1],
      label: "↑ g(h) = Pr{S = +1 | h}",
      grid: true,
      ticks: [0, 0.25, 0.5, 0.75, 1],
      tickFormat: (d: number) => String(d),
    },
    marks: [
      Plot.ruleX([0], { stroke: "#ccc" }),
      ...(showStep
        ? [Plot.line(stepLine, { x: "h", y: "g", stroke: colors.on, strokeDasharray: "5,4" })]
        : []),
      Plot.line(data, {
        x: "h",
        y: "g",
        z: "k",
        stroke: (d: { k: number }) => family[d.k + family.length - sorted.length],
        strokeWidth: 2.2,
      }),
    ],
  }, "");
  const items: KeyItem[] = sorted.map((b, k) => ({
    symbol: "line",
    color: family[k + family.length - sorted.length],
    label: `β = ${shortNumber(b)}`,
  }));
  if (showStep) items.push({ symbol: "dashed", color: colors.on, label: "β = ∞ (step)" });
  return framed([body, symbolKey(items, { width })], {
    title: options.title,
    width,
    alt:
      `Gain g(h) = 0.5 [1 + tanh(beta h)] for beta = ${sorted.map(shortNumber).join(", ")}${
        showStep ? " and the step function (beta = infinity)" : ""
      }, h from ${-hMax} to ${hMax}: ` +
      `all pass through g(0) = 0.5; larger beta gives a steeper curve.`,
  });
}

/** Options of {@linkcode groupsPlot}. */
export interface GroupsPlotOptions {
  /** Title (default: the overlap and the gain). */
  title?: string;
  /** Width in pixels (default 520). */
  width?: number;
}

/**
 * The four groups of neurons one parallel step after a state with overlap m
 * with one pattern (the lecture's derivation): bars for the fractions of N
 * that should be ON and are ON (g(m)/2), should be ON but are OFF
 * ([1 - g(m)]/2), should be OFF but are ON (g(-m)/2), and should be OFF and
 * are OFF ([1 - g(-m)]/2). Correct groups are blue, wrong ones red; the
 * signed sum, the new overlap, is written under the bars.
 *
 * @example
 * ```ts
 * import { groupsPlot } from "./meanfield.ts";
 * const fig = groupsPlot(0.4, 2); // new overlap 0.664
 * ```
 */
export function groupsPlot(
  m: number,
  gainOrBeta: GainLike,
  options: GroupsPlotOptions = {},
): Figure {
  const f = groupFractions(m, gainOrBeta);
  options ??= {};
  checkOptionalText("title", options.title);
  const width = checkInteger("width", options.width ?? 520, 240, 3000);
  const gainText = typeof gainOrBeta === "number"
    ? `β = ${shortNumber(gainOrBeta)}`
    : "your gain g";
  const bars = [
    { group: "should be ON, is ON", value: f.onOn, correct: true, formula: "g(m)/2" },
    { group: "should be ON, is OFF", value: f.onOff, correct: false, formula: "[1 − g(m)]/2" },
    { group: "should be OFF, is ON", value: f.offOn, correct: false, formula: "g(−m)/2" },
    { group: "should be OFF, is OFF", value: f.offOff, correct: true, formula: "[1 − g(−m)]/2" },
  ];
  const body = plot({
    width,
    height: 280,
    marginLeft: 52,
    marginRight: 10,
    marginTop: 24,
    marginBottom: 56,
    x: {
      domain: bars.map((b) => b.group),
      label: null,
      tickFormat: (g: string) => g.replace(", ", ",\n"),
      padding: 0.3,
    },
    y: { domain: [0, 0.5], label: "↑ fraction of all N neurons", grid: true },
    marks: [
      Plot.barY(bars, {
        x: "group",
        y: "value",
        fill: (d: { correct: boolean }) => (d.correct ? colors.primary : colors.wrong),
      }),
      Plot.text(bars, {
        x: "group",
        y: "value",
        text: (d: { value: number; formula: string }) => `${d.value.toFixed(3)}`,
        dy: -8,
        fontSize: 12,
        fontWeight: "bold",
      }),
      Plot.text(bars, {
        x: "group",
        y: "value",
        text: "formula",
        dy: -22,
        fontSize: 10,
        fill: "#555",
      }),
      Plot.ruleY([0]),
    ],
  }, "");
  const sum = `m(t+1) = ${f.onOn.toFixed(3)} − ${f.onOff.toFixed(3)} − ${f.offOn.toFixed(3)} + ${
    f.offOff.toFixed(3)
  } = ${f.next.toFixed(3)}`;
  return framed(body, {
    title: options.title ?? `Four groups one step after m = ${shortNumber(m)} (${gainText})`,
    note: `${sum}   (blue: +1, red: −1)`,
    width,
    alt: `Four groups after one step from overlap ${m} (${gainText}): should be ON and ON ${
      f.onOn.toFixed(3)
    }, ON but OFF ${f.onOff.toFixed(3)}, OFF but ON ${f.offOn.toFixed(3)}, OFF and OFF ${
      f.offOff.toFixed(3)
    }; new overlap ${f.next.toFixed(3)}.`,
  });
}

/** One curve of a {@linkcode mapCurvesPlot}. */
export interface MapCurve {
  /** The overlap map. */
  F: (m: number) => number;
  /** Its legend entry, e.g. "α = 0.05" (default "curve 1", "curve 2", ...). */
  label?: string;
}

/** Options of {@linkcode mapCurvesPlot}. */
export interface MapCurvesOptions {
  /** `"positive"`: 0..1 (default); `"full"`: -1..1. */
  range?: "full" | "positive";
  /** Mark the stable fixed points (default true). */
  fixedPoints?: boolean;
  /** Title above the figure. */
  title?: string;
  /** Line under the title. */
  subtitle?: string;
  /** Side of the square plot in pixels (default 420). */
  size?: number;
}

/**
 * Several overlap maps in one square plot with the diagonal: where each curve
 * crosses the diagonal (filled circle, value written in the key) is its stable
 * fixed point. Used to compare noise levels or loads.
 *
 * @example
 * ```ts
 * import { crosstalkMap } from "../crosstalk_map.ts";
 * import { mapCurvesPlot } from "./meanfield.ts";
 * const fig = mapCurvesPlot([0, 0.1, 0.3].map((a) => ({ F: crosstalkMap(a, 3), label: `α = ${a}` })));
 * ```
 */
export function mapCurvesPlot(curves: readonly MapCurve[], options: MapCurvesOptions = {}): Figure {
  if (!Array.isArray(curves) || curves.length === 0 || curves.length > family.length) {
    throw new RangeError(
      `curves must be a list of 1 to ${family.length} { F, label } entries, got ${show(curves)}`,
    );
  }
  curves.forEach((c, k) => {
    if (typeof c?.F !== "function") {
      throw new TypeError(`curves[${k}].F must be an overlap map (a function), got ${show(c?.F)}`);
    }
    if (c.label !== undefined && typeof c.label !== "string") {
      throw new TypeError(`curves[${k}].label must be a string, got ${show(c.label)}`);
    }
  });
  const labels = curves.map((c, k) => c.label ?? `curve ${k + 1}`);
  options ??= {};
  checkOptionalText("title", options.title);
  checkOptionalText("subtitle", options.subtitle);
  const range = options.range ?? "positive";
  if (range !== "full" && range !== "positive") {
    throw new RangeError(`range must be "full" or "positive", got ${show(range)}`);
  }
  const size = checkInteger("size", options.size ?? 420, 200, 2000);
  const lo = range === "full" ? -1 : 0;
  const color = (k: number) => family[k + family.length - curves.length];
  const data = curves.flatMap((c, k) =>
    Array.from({ length: 201 }, (_, j) => {
      const m = lo + ((1 - lo) * j) / 200;
      const y: unknown = c.F(m);
      if (typeof y !== "number" || !(y >= -1 - 1e-12 && y <= 1 + 1e-12)) {
        throw new RangeError(
          `curves[${k}].F(m) (${labels[k]}) must be an overlap in [-1, 1], got ${
            show(y)
          } at m = ${m}`,
        );
      }
      return { m, y, k };
    })
  );
  const fps = options.fixedPoints === false
    ? []
    : curves.flatMap((c, k) =>
      fixedPoints(c.F).filter((p) => p.stable && p.m >= lo).map((p) => ({ m: p.m, k }))
    );
  const body = plot({
    ...mapFrame(lo, size),
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.line([[lo, lo], [1, 1]], { stroke: colors.guide, strokeDasharray: "5,4" }),
      Plot.line(data, {
        x: "m",
        y: "y",
        z: "k",
        stroke: (d: { k: number }) => color(d.k),
        strokeWidth: 2.2,
      }),
      Plot.dot(fps, {
        x: "m",
        y: "m",
        r: 5,
        fill: (d: { k: number }) => color(d.k),
        stroke: "white",
      }),
    ],
  }, "");
  const items = curves.map((_, k) => {
    let best: number | null = null;
    for (const p of fps) if (p.k === k && p.m >= 0 && (best === null || p.m > best)) best = p.m;
    return {
      symbol: "line" as const,
      color: color(k),
      label: `${labels[k]}${
        options.fixedPoints === false ? "" : best === null ? "" : `: m* = ${best.toFixed(3)}`
      }`,
    };
  });
  return framed([body, symbolKey(items, { width: size })], {
    title: options.title,
    subtitle: options.subtitle,
    width: size,
    alt: `Overlap maps m(t+1) against m(t) with the diagonal: ${
      items.map((i) => i.label).join("; ")
    }.`,
  });
}
