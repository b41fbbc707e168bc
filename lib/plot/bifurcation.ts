/**
 * The bifurcation diagram of the overlap map (lecture part 2): the fixed
 * points m*(beta) against the noise parameter beta, stable branches solid and
 * unstable ones dashed. For m(t+1) = tanh(beta m(t)) it shows the pitchfork
 * at beta = 1: below it noise wins and every overlap decays to 0; above it the
 * memory survives as the stable pair +-m*(beta).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type BifurcationPoint, shortNumber } from "../meanfield.ts";
import { checkInteger, checkNumber, show } from "../validate.ts";
import { type Figure, framed, plot } from "./figure.ts";
import { symbolKey } from "./key.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode bifurcationPlot}. */
export interface BifurcationPlotOptions {
  /** Values of beta at which the positive stable fixed point is marked and labelled. */
  highlight?: readonly number[];
  /** Title (default "Fixed points of the overlap map"). */
  title?: string;
  /** Line under the title. */
  subtitle?: string;
  /** Width in pixels (default 600). */
  width?: number;
  /** Height of the plot area in pixels (default 340). */
  height?: number;
}

interface Segment {
  key: string;
  stable: boolean;
  points: { beta: number; m: number }[];
}

/** Throws unless an optional text option is a string. */
function checkOptionalText(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${name} must be a string, got ${show(value)}`);
  }
}

/** Cuts each branch into runs of equal stability; a marginal point joins both neighbours. */
function segmentsOf(points: readonly BifurcationPoint[]): Segment[] {
  const byBranch = new Map<number, BifurcationPoint[]>();
  for (const p of points) {
    const list = byBranch.get(p.branch) ?? [];
    list.push(p);
    byBranch.set(p.branch, list);
  }
  const out: Segment[] = [];
  for (const [branch, list] of byBranch) {
    list.sort((a, b) => a.beta - b.beta);
    let cur: Segment | null = null;
    let pendingMarginal: { beta: number; m: number } | null = null;
    for (const p of list) {
      const pt = { beta: p.beta, m: p.m };
      if (p.stability === "marginal") {
        cur?.points.push(pt);
        pendingMarginal = pt;
        continue;
      }
      const stable = p.stability === "stable";
      if (!cur || cur.stable !== stable) {
        const start: { beta: number; m: number }[] = pendingMarginal
          ? [pendingMarginal]
          : cur
          ? [cur.points[cur.points.length - 1]]
          : [];
        cur = { key: `${branch}-${out.length}`, stable, points: start };
        out.push(cur);
      }
      cur.points.push(pt);
      pendingMarginal = null;
    }
    if (!cur && pendingMarginal) {
      out.push({ key: `${branch}-m`, stable: true, points: [pendingMarginal] });
    }
  }
  return out;
}

/** Betas at which a branch changes stability, with the fixed point there. */
function stabilityChanges(points: readonly BifurcationPoint[]): { beta: number; m: number }[] {
  const byBranch = new Map<number, BifurcationPoint[]>();
  for (const p of points) {
    const list = byBranch.get(p.branch) ?? [];
    list.push(p);
    byBranch.set(p.branch, list);
  }
  const out: { beta: number; m: number }[] = [];
  for (const list of byBranch.values()) {
    list.sort((a, b) => a.beta - b.beta);
    for (let k = 1; k < list.length; k++) {
      const a = list[k - 1], b = list[k];
      if (b.stability === "marginal") out.push({ beta: b.beta, m: b.m });
      else if (a.stability !== "marginal" && a.stability !== b.stability) {
        out.push({ beta: (a.beta + b.beta) / 2, m: (a.m + b.m) / 2 });
      }
    }
  }
  // one entry per location
  return out.filter((c, k) =>
    out.findIndex((d) => Math.abs(d.beta - c.beta) < 1e-6 && Math.abs(d.m - c.m) < 1e-6) === k
  );
}

/** "pitchfork" if two new branches start where a branch changes stability, else "bifurcation". */
function pitchforkOrNot(c: { beta: number; m: number }, segments: Segment[]): string {
  const born = segments.filter((s) => {
    const p = s.points[0];
    return p && Math.abs(p.beta - c.beta) < 1e-3 * Math.max(1, c.beta) &&
      Math.abs(p.m - c.m) < 0.05 &&
      s.stable;
  });
  return born.length >= 2 ? "pitchfork" : "bifurcation";
}

/** The positive stable fixed point at `beta`, interpolated along a stable branch. */
function stableAt(segments: Segment[], beta: number): number | null {
  let best: number | null = null;
  for (const s of segments) {
    if (!s.stable) continue;
    const ps = s.points;
    for (let k = 1; k < ps.length; k++) {
      const a = ps[k - 1], b = ps[k];
      if (beta >= a.beta && beta <= b.beta && b.beta > a.beta) {
        const m = a.m + ((b.m - a.m) * (beta - a.beta)) / (b.beta - a.beta);
        if (m > 0 && (best === null || m > best)) best = m;
      }
    }
  }
  return best;
}

/**
 * The bifurcation diagram: fixed points m* of the overlap map against beta
 * (from {@linkcode bifurcation}), stable branches as solid lines, unstable
 * ones dashed, bifurcation points marked (the pitchfork at beta = 1 for the
 * standard gain). `highlight` marks chosen betas with their m* value.
 *
 * @example
 * ```ts
 * import { betaValues, bifurcation } from "../meanfield.ts";
 * import { bifurcationPlot } from "./bifurcation.ts";
 * const fig = bifurcationPlot(bifurcation(betaValues(0, 4, 400)), { highlight: [2] });
 * ```
 */
export function bifurcationPlot(
  points: readonly BifurcationPoint[],
  options: BifurcationPlotOptions = {},
): Figure {
  if (!Array.isArray(points) || points.length === 0) {
    throw new RangeError(
      `points must be a non-empty list of fixed points from bifurcation(betas), got ${
        show(points)
      }`,
    );
  }
  let lo = Infinity, hi = -Infinity;
  points.forEach((p, k) => {
    if (!(Number.isFinite(p?.beta) && Number.isFinite(p?.m) && Number.isInteger(p?.branch))) {
      throw new RangeError(
        `points[${k}] must have finite beta and m and a branch number, got ${
          p === null || typeof p !== "object"
            ? show(p)
            : `beta = ${show(p.beta)}, m = ${show(p.m)}, branch = ${show(p.branch)}`
        }`,
      );
    }
    if (p.stability !== "stable" && p.stability !== "unstable" && p.stability !== "marginal") {
      throw new RangeError(
        `points[${k}].stability must be "stable", "unstable" or "marginal", got ${
          show(p.stability)
        }`,
      );
    }
    if (p.beta < lo) lo = p.beta;
    if (p.beta > hi) hi = p.beta;
  });
  options ??= {};
  checkOptionalText("title", options.title);
  checkOptionalText("subtitle", options.subtitle);
  const width = checkInteger("width", options.width ?? 600, 200, 3000);
  const height = checkInteger("height", options.height ?? 340, 150, 3000);
  const highlightList = options.highlight ?? [];
  if (!Array.isArray(highlightList) && !ArrayBuffer.isView(highlightList)) {
    throw new TypeError(
      `highlight must be a list of betas in [${lo}, ${hi}], got ${show(highlightList)}`,
    );
  }
  Array.from(highlightList, (b, k) => checkNumber(`highlight[${k}]`, b, lo, hi));
  const segments = segmentsOf(points);
  const changes = stabilityChanges(points).map((c) => ({
    ...c,
    kind: pitchforkOrNot(c, segments),
  }));
  const marks: { beta: number; m: number; label: string; labelY: number }[] = [];
  const highlight = Array.from(highlightList).sort((a, b) => b - a);
  for (const beta of highlight) {
    const m = stableAt(segments, beta);
    if (m !== null) {
      // labels stacked under the upper branch, each at the end of a leader line from its
      // point; larger betas higher, so that no label crosses another leader
      const labelY = Math.min(m, 0.8) - 0.16 - 0.14 * marks.length;
      marks.push({ beta, m, labelY, label: `β = ${shortNumber(beta)}: m* = ${m.toFixed(4)}` });
    }
  }
  marks.reverse();
  const lineData = segments.flatMap((s) => s.points.map((p) => ({ ...p, key: s.key })));
  const stableKeys = new Set(segments.filter((s) => s.stable).map((s) => s.key));
  const body = plot({
    width,
    height,
    marginLeft: 52,
    marginRight: 20,
    marginTop: 20,
    marginBottom: 42,
    x: {
      domain: [lo, hi],
      label: "noise parameter β (inverse temperature) →",
      labelAnchor: "right",
    },
    y: {
      domain: [-1.08, 1.08],
      label: "↑ fixed point m*",
      ticks: [-1, -0.5, 0, 0.5, 1],
      grid: true,
    },
    marks: [
      Plot.ruleY([0], { stroke: "#ccc" }),
      ...changes.map((c) => Plot.ruleX([c.beta], { stroke: colors.guide, strokeDasharray: "2,3" })),
      Plot.line(lineData.filter((d) => !stableKeys.has(d.key)), {
        x: "beta",
        y: "m",
        z: "key",
        stroke: colors.wrong,
        strokeWidth: 1.8,
        strokeDasharray: "6,4",
      }),
      Plot.line(lineData.filter((d) => stableKeys.has(d.key)), {
        x: "beta",
        y: "m",
        z: "key",
        stroke: colors.primary,
        strokeWidth: 2.4,
      }),
      Plot.dot(changes, { x: "beta", y: "m", r: 4, fill: "white", stroke: colors.on }),
      Plot.text(changes, {
        x: "beta",
        y: "m",
        text: (c: { beta: number; kind: string }) => `${c.kind} at β = ${shortNumber(c.beta)}`,
        dx: 8,
        dy: 14,
        textAnchor: "start",
        fontSize: 11,
        fill: colors.on,
        stroke: "white",
        strokeWidth: 4,
        paintOrder: "stroke",
      }),
      Plot.link(marks, {
        x1: "beta",
        y1: "m",
        x2: "beta",
        y2: "labelY",
        stroke: colors.on,
        strokeWidth: 0.8,
      }),
      Plot.dot(marks, { x: "beta", y: "m", r: 5, fill: colors.on }),
      Plot.text(marks, {
        x: "beta",
        y: "labelY",
        text: "label",
        dx: 4,
        dy: 6,
        textAnchor: "start",
        fontSize: 11,
        fill: colors.on,
        stroke: "white",
        strokeWidth: 4,
        paintOrder: "stroke",
      }),
    ],
  }, "");
  const key = symbolKey([
    { symbol: "line", color: colors.primary, label: "stable fixed point (a memory if m* ≠ 0)" },
    { symbol: "dashed", color: colors.wrong, label: "unstable fixed point" },
  ], { width });
  const changeText = changes.length
    ? `stability changes at β = ${changes.map((c) => shortNumber(c.beta)).join(", ")}`
    : "no change of stability in this range";
  const markText = marks.map((m) => m.label).join("; ");
  return framed([body, key], {
    title: options.title ?? "Fixed points of the overlap map",
    subtitle: options.subtitle ??
      `solutions of m* = F(m*) for β from ${shortNumber(lo)} to ${shortNumber(hi)}`,
    width,
    alt: `Bifurcation diagram: fixed points m* against β from ${shortNumber(lo)} to ${
      shortNumber(hi)
    }, ${segments.filter((s) => s.stable).length} stable and ${
      segments.filter((s) => !s.stable).length
    } unstable branch segments; ${changeText}${markText ? `; ${markText}` : ""}.`,
  });
}
