/**
 * The census of energy minima (Sec. 17.2.5): a histogram of the energies per
 * neuron of the fixed points reached from random starts, coloured by what
 * they are (stored pattern, reversed pattern, mixture, other), with the
 * large-N values of patterns (-1/2) and 3-mixtures (-3/8) marked.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type Census, mixtureTheory } from "../mixtures.ts";
import { checkInteger, show } from "../validate.ts";
import { type Figure, framed, legend, plot } from "./figure.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode censusHistogram}. */
export interface CensusHistogramOptions {
  /** Number of bins (default 40). */
  bins?: number;
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
}

const GROUPS = [
  { key: "pattern", label: "pattern", color: colors.primary },
  { key: "reversed pattern", label: "reversed", color: "#9ecae1" },
  { key: "mixture3", label: "3-mixture", color: colors.secondary },
  { key: "mixture5", label: "5-mixture", color: "#fdd0a2" },
  { key: "other", label: "other", color: "#999999" },
] as const;

function groupOf(kind: string, size: number): string {
  if (kind === "mixture") return size <= 3 ? "mixture3" : "mixture5";
  return kind;
}

/**
 * Stacked histogram of E/N over the fixed points of a {@linkcode Census},
 * coloured by kind, with dashed reference lines at the large-N energies of a
 * stored pattern (-1/2) and of a 3-mixture (-3/8), each labelled, and the
 * counts of each kind in the legend.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { fixedPointCensus } from "../mixtures.ts";
 * import { censusHistogram } from "./census.ts";
 * const census = fixedPointCensus(storePatterns(randomPatterns(5, 500, 1)), { starts: 50, rng: 2 });
 * const fig = censusHistogram(census);
 * ```
 */
export function censusHistogram(census: Census, options: CensusHistogramOptions = {}): Figure {
  if (!census || !Array.isArray(census.entries) || census.entries.length === 0) {
    throw new TypeError(
      `census must be the result of fixedPointCensus() with at least one entry, got ${
        show(census)
      }`,
    );
  }
  if (options === null || options === undefined) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${show(options)}`);
  }
  const bins = checkInteger("bins", options.bins ?? 40, 2, 1000);
  const width = checkInteger("width", options.width ?? 640, 200, 4000);
  const data = census.entries.map((e, k) => {
    const ok = e && GROUPS.some((g) => g.key === groupOf(e.kind, e.size));
    if (!ok || typeof e.energyPerNeuron !== "number" || !Number.isFinite(e.energyPerNeuron)) {
      throw new RangeError(
        `census.entries[${k}] must be a fixed point from fixedPointCensus() with a finite energyPerNeuron, got ${
          e ? `kind ${show(e.kind)} and energyPerNeuron ${show(e.energyPerNeuron)}` : show(e)
        }`,
      );
    }
    return { e: e.energyPerNeuron, group: groupOf(e.kind, e.size) };
  });
  const pattern = mixtureTheory(1).energyPerNeuron;
  const mix3 = mixtureTheory(3).energyPerNeuron;
  // a loop, not Math.min(...values): a census may have 100,000 entries
  let lo = pattern, hi = mix3;
  for (const d of data) {
    if (d.e < lo) lo = d.e;
    if (d.e > hi) hi = d.e;
  }
  lo -= 0.01;
  hi += 0.01;
  const step = (hi - lo) / bins;
  const counts = new Map<string, number>();
  for (const d of data) counts.set(d.group, (counts.get(d.group) ?? 0) + 1);
  const present = GROUPS.filter((g) => counts.has(g.key));
  const binned: { x1: number; x2: number; group: string; n: number }[] = [];
  for (const g of present) {
    const c = new Array<number>(bins).fill(0);
    for (const d of data) {
      if (d.group === g.key) c[Math.min(bins - 1, Math.floor((d.e - lo) / step))]++;
    }
    c.forEach((n, b) => {
      if (n > 0) binned.push({ x1: lo + b * step, x2: lo + (b + 1) * step, group: g.key, n });
    });
  }
  const guides = [
    { x: pattern, label: "stored patterns: -1/2" },
    { x: mix3, label: "3-mixtures: -3/8" },
  ];
  const fig = plot({
    width,
    height: 280,
    marginTop: 30,
    marginLeft: 56,
    marginRight: 20,
    x: { label: "energy per neuron E/N of the fixed point", domain: [lo, hi] },
    y: { label: "number of runs", grid: true },
    color: {
      domain: present.map((g) => g.key),
      range: present.map((g) => g.color),
    },
    marks: [
      Plot.rectY(
        binned,
        Plot.stackY({
          x1: "x1",
          x2: "x2",
          y: "n",
          fill: "group",
          order: present.map((g) => g.key),
        }),
      ),
      Plot.ruleY([0]),
      Plot.ruleX(guides, { x: "x", stroke: "#333", strokeDasharray: "5,4" }),
      Plot.text(guides, {
        x: "x",
        text: "label",
        frameAnchor: "top",
        dy: -18,
        fontSize: 11,
        fontWeight: "bold",
      }),
    ],
  }, "");
  const key = legend({
    type: "categorical",
    domain: present.map((g) => `${g.label} (${counts.get(g.key)})`),
    range: present.map((g) => g.color),
  });
  const summary = present.map((g) => `${g.label} ${counts.get(g.key)}`).join(", ");
  return framed([key, fig], {
    title: options.title,
    width,
    note:
      `${census.entries.length} random starts, N = ${census.N}, M = ${census.M}; asynchronous ` +
      `deterministic updates until nothing changes. Dashed lines: large-N energies, ` +
      `E/N = -(n/2) m^2 for an n-mixture with overlaps m (n = 1: a pattern).`,
    alt: `Histogram of E/N of ${census.entries.length} fixed points reached from random starts ` +
      `(N = ${census.N}, M = ${census.M}): ${summary}; reference lines at -0.5 and -0.375`,
  });
}
