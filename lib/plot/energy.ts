/**
 * Energy figures (Sec. 17.2.5): the energy E = -1/2 sum_ij w_ij S_i S_j
 * against the number of single-neuron updates, with the overlaps underneath on
 * the same time axis (retrieval as a walk downhill), and synchronous against
 * asynchronous updates from the same start (where the walk stops being
 * downhill).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { type EnergyTrace, largestRise } from "../energy.ts";
import { checkInteger, show } from "../validate.ts";
import { patternLabels } from "./overlaps.ts";
import { type Figure, framed, legend, plot } from "./figure.ts";
import { colors } from "./theme.ts";

/** Colour of energy increases. */
const RISE = colors.wrong;

/** Left and right margins shared by stacked panels, so their time axes line up. */
const MARGIN_LEFT = 64;
const MARGIN_RIGHT = 96;

/** Allowed figure sizes in pixels. */
const MIN_WIDTH = 200, MAX_WIDTH = 4000, MIN_HEIGHT = 100, MAX_HEIGHT = 2000;

/**
 * At most ~`maxPoints` points of a long series: per bin the first, lowest and
 * highest value, so steps and rises stay visible after thinning.
 */
function thin(y: ArrayLike<number>, maxPoints = 1600): { i: number; y: number }[] {
  const n = y.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => ({ i, y: y[i] }));
  const bins = Math.floor(maxPoints / 3);
  const out: { i: number; y: number }[] = [];
  for (let b = 0; b < bins; b++) {
    const lo = Math.floor((b * n) / bins), hi = Math.floor(((b + 1) * n) / bins);
    let iMin = lo, iMax = lo;
    for (let i = lo; i < hi; i++) {
      if (y[i] < y[iMin]) iMin = i;
      if (y[i] > y[iMax]) iMax = i;
    }
    for (const i of [...new Set([lo, iMin, iMax])].sort((a, b) => a - b)) out.push({ i, y: y[i] });
  }
  out.push({ i: n - 1, y: y[n - 1] });
  return out;
}

function checkTrace(trace: EnergyTrace, name = "trace"): void {
  if (!trace || !(trace.energy instanceof Float64Array) || trace.energy.length === 0) {
    throw new TypeError(`${name} must be an EnergyTrace from energyTrace(), got ${show(trace)}`);
  }
  const n = trace.energy.length;
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(trace.energy[t])) {
      throw new RangeError(`${name}.energy[${t}] must be a finite number, got ${trace.energy[t]}`);
    }
  }
  checkInteger(`${name}.N`, trace.N, 1);
  checkInteger(`${name}.steps`, trace.steps, 0);
  if (trace.mode !== "async" && trace.mode !== "sync") {
    throw new RangeError(`${name}.mode must be "async" or "sync", got ${show(trace.mode)}`);
  }
  if (!Array.isArray(trace.overlaps)) {
    throw new TypeError(
      `${name}.overlaps must be a list of overlap series, got ${show(trace.overlaps)}`,
    );
  }
  trace.overlaps.forEach((o, r) => {
    if (!(o instanceof Float64Array) || o.length !== n) {
      throw new TypeError(
        `${name}.overlaps[${r}] must be a Float64Array of length ${n} (one per energy), got ${
          show(o)
        }`,
      );
    }
    for (let t = 0; t < n; t++) {
      if (!Number.isFinite(o[t])) {
        throw new RangeError(`${name}.overlaps[${r}][${t}] must be a finite number, got ${o[t]}`);
      }
    }
  });
}

/** Treats null and undefined options like {}; anything else must be an object. */
function optionsOf<T extends object>(options: T | null | undefined): T {
  if (options === null || options === undefined) return {} as T;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${show(options)}`);
  }
  return options;
}

function checkPerNeuron(value: unknown, N: number): boolean {
  if (value === undefined) return N >= 50;
  if (typeof value !== "boolean") {
    throw new TypeError(`perNeuron must be true or false, got ${show(value)}`);
  }
  return value;
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3);
}

/** Options of {@linkcode energyDescent}. */
export interface EnergyDescentOptions {
  /** Plot E/N instead of E (default: true when N >= 50). */
  perNeuron?: boolean;
  /** Labels of the reference states (default "P0", "P1", ...). */
  labels?: string[];
  /** Reference drawn thick and coloured in the overlap panel (default 0). */
  highlight?: number;
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
  /** Height of the energy panel in pixels (default 240). */
  height?: number;
  /** Horizontal reference lines in the energy panel, in the plotted units (E or E/N). */
  guides?: { value: number; label: string }[];
}

function guideMarks(guides: { value: number; label: string }[] | undefined): Plot.Markish[] {
  if (guides === undefined || guides === null) return [];
  if (!Array.isArray(guides)) {
    throw new TypeError(
      `guides must be a list of { value, label } lines, e.g. [{ value: -0.5, label: "pattern" }], got ${
        show(guides)
      }`,
    );
  }
  if (guides.length === 0) return [];
  guides.forEach((g, k) => {
    if (!g || !Number.isFinite(g.value)) {
      throw new RangeError(`guides[${k}].value must be a finite number, got ${show(g?.value)}`);
    }
  });
  return [
    Plot.ruleY(guides, { y: "value", stroke: colors.guide, strokeDasharray: "5,4" }),
    Plot.text(guides, {
      y: "value",
      text: "label",
      frameAnchor: "left",
      dx: 4,
      dy: -7,
      textAnchor: "start",
      fill: colors.guide,
      fontSize: 10,
      stroke: "white",
      strokeWidth: 3,
    }),
  ];
}

/**
 * Energy descent: E (or E/N) after every single-neuron update of an
 * asynchronous run (or every step of a synchronous one), and underneath, on
 * the same time axis, the overlaps with the reference states. Dotted lines
 * mark the end of each sweep (N updates). Updates that raised E are marked in
 * red and counted; with symmetric weights, w_kk >= 0 and deterministic
 * one-at-a-time updates there are none.
 *
 * @example
 * ```ts
 * import { noisyCopy, randomPatterns } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { energyTrace } from "../energy.ts";
 * import { energyDescent } from "./energy.ts";
 * const ps = randomPatterns(5, 400, 1);
 * const trace = energyTrace(storePatterns(ps), noisyCopy(ps[0], 0.35, 2), { steps: 3, rng: 3 });
 * const fig = energyDescent(trace, { title: "Retrieval is a walk downhill" });
 * ```
 */
export function energyDescent(trace: EnergyTrace, options: EnergyDescentOptions = {}): Figure {
  checkTrace(trace);
  options = optionsOf(options);
  const { N, energy: e } = trace;
  const perNeuron = checkPerNeuron(options.perNeuron, N);
  const scale = perNeuron ? 1 / N : 1;
  const eLabel = perNeuron ? "energy per neuron E/N" : "energy E";
  const R = trace.overlaps.length;
  const labels = patternLabels(options.labels, R, { extra: true });
  const hi = R > 0 ? checkInteger("highlight", options.highlight ?? 0, 0, R - 1) : 0;
  const width = checkInteger("width", options.width ?? 640, MIN_WIDTH, MAX_WIDTH);
  const height = checkInteger("height", options.height ?? 240, MIN_HEIGHT, MAX_HEIGHT);
  const async = trace.mode === "async";
  const U = e.length - 1;
  const xLabel = async
    ? `single-neuron updates (N = ${N} per sweep)`
    : "synchronous steps (all N neurons at once)";

  const rises: { i: number; y1: number; y2: number }[] = [];
  let nRise = 0;
  for (let t = 1; t <= U; t++) {
    if (e[t] > e[t - 1]) {
      nRise++;
      if (rises.length < 2000) rises.push({ i: t, y1: e[t - 1] * scale, y2: e[t] * scale });
    }
  }
  const line = thin(e).map((d) => ({ i: d.i, y: d.y * scale }));
  const sweepRules = async && trace.steps <= 40
    ? Array.from({ length: trace.steps }, (_, s) => (s + 1) * N).filter((x) => x <= U)
    : [];
  const xDomain = [0, Math.max(1, U)];
  const eMarks: Plot.Markish[] = [
    Plot.ruleX(sweepRules, { stroke: colors.grid, strokeDasharray: "2,3" }),
    ...guideMarks(options.guides),
    Plot.line(line, { x: "i", y: "y", stroke: colors.on, strokeWidth: 1.8, curve: "step-after" }),
    Plot.ruleX(rises, { x: "i", y1: "y1", y2: "y2", stroke: RISE, strokeWidth: 2.5 }),
    Plot.dot(rises, { x: "i", y: "y2", fill: RISE, r: 2 }),
    Plot.dot([{ i: 0, y: e[0] * scale }, { i: U, y: e[U] * scale }], {
      x: "i",
      y: "y",
      fill: colors.on,
      r: 3.5,
    }),
    Plot.text([{ i: U, y: e[U] * scale }], {
      x: "i",
      y: "y",
      text: (d) => `${fmt(d.y)}`,
      dx: 8,
      textAnchor: "start",
    }),
    Plot.text([{ i: 0, y: e[0] * scale }], {
      x: "i",
      y: "y",
      text: (d) => `${fmt(d.y)}`,
      dx: 6,
      dy: -8,
      textAnchor: "start",
    }),
  ];
  if (!async && U <= 40) eMarks.push(Plot.dot(line, { x: "i", y: "y", fill: colors.on, r: 2.5 }));
  const energyPanel = plot({
    width,
    height,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginBottom: R > 0 ? 24 : 40,
    x: { domain: xDomain, label: R > 0 ? null : xLabel, tickFormat: R > 0 ? () => "" : undefined },
    y: { label: eLabel, grid: true, nice: true },
    marks: eMarks,
  }, "");
  const rise = largestRise(e) * scale;
  const summary = nRise === 0
    ? `E went from ${fmt(e[0] * scale)} to ${fmt(e[U] * scale)} in ${U} ${
      async ? "updates" : "steps"
    } and never increased.`
    : `E went from ${fmt(e[0] * scale)} to ${fmt(e[U] * scale)}; it rose in ${nRise} of ${U} ${
      async ? "updates" : "steps"
    } (in red; largest rise ${fmt(rise)}).`;
  const panels: Figure[] = [energyPanel];
  let note: string | undefined;
  if (R > 0) {
    const data: { i: number; m: number; r: number }[] = [];
    trace.overlaps.forEach((o, r) => {
      for (const d of thin(o, 800)) data.push({ i: d.i, m: d.y, r });
    });
    const main = data.filter((d) => d.r === hi);
    const others = data.filter((d) => d.r !== hi);
    const last = trace.overlaps[hi][U];
    const overlapPanel = plot({
      width,
      height: 160,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: 22,
      x: { domain: xDomain, label: xLabel },
      y: { label: "overlap m", domain: [-1.05, 1.05], ticks: [-1, 0, 1] },
      marks: [
        Plot.ruleX(sweepRules, { stroke: colors.grid, strokeDasharray: "2,3" }),
        Plot.ruleY([0], { stroke: colors.guide }),
        Plot.line(others, { x: "i", y: "m", z: "r", stroke: "#aaa", strokeWidth: 1 }),
        Plot.line(main, { x: "i", y: "m", stroke: colors.primary, strokeWidth: 2.2 }),
        Plot.text([{ i: U, m: last }], {
          x: "i",
          y: "m",
          text: () => `${labels[hi]}: ${last.toFixed(2)}`,
          dx: 8,
          textAnchor: "start",
          fill: colors.primary,
        }),
      ],
    }, "");
    panels.push(overlapPanel);
    if (R > 1) {
      note = `Blue: overlap with ${labels[hi]}; grey: the other ${R - 1} reference${
        R > 2 ? "s" : ""
      }.${sweepRules.length ? " Dotted lines: end of each sweep." : ""}`;
    }
  }
  const alt = `Energy ${perNeuron ? "per neuron " : ""}over ${U} ${
    async ? "single-neuron updates" : "synchronous steps"
  }: from ${fmt(e[0] * scale)} to ${fmt(e[U] * scale)}, ${
    nRise === 0 ? "never increasing" : `rising ${nRise} times (largest rise ${fmt(rise)})`
  }${R > 0 ? `; overlap with ${labels[hi]} ends at ${trace.overlaps[hi][U].toFixed(3)}` : ""}`;
  return framed(panels, { title: options.title, subtitle: summary, note, width, alt });
}

/** Options of {@linkcode syncAsyncContrast}. */
export interface SyncAsyncOptions {
  /** Plot E/N instead of E (default: true when N >= 50). */
  perNeuron?: boolean;
  /** Labels of the reference states (default "P0", ...). */
  labels?: string[];
  /** References drawn in the overlap panel (default: all recorded ones, at most 2). */
  show?: number[];
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
}

/**
 * The same network and start, updated synchronously (all neurons at once,
 * dots) and asynchronously (one at a time, line; one sweep = N updates drawn
 * over one time unit): energy on top, overlaps underneath on the same time
 * axis. Where the synchronous run ends in a 2-cycle, its energy and overlaps
 * keep alternating while the asynchronous run settles in a minimum.
 *
 * @example
 * ```ts
 * import { checkerboardCycle } from "../counterexamples.ts";
 * import { energyTrace } from "../energy.ts";
 * import { syncAsyncContrast } from "./energy.ts";
 * const { net, initial } = checkerboardCycle(4, 1);
 * const references = [net.patterns[0], initial];
 * const sync = energyTrace(net, initial, { mode: "sync", steps: 6, references });
 * const async = energyTrace(net, initial, { steps: 6, rng: 2, references });
 * const fig = syncAsyncContrast(sync, async, { labels: ["checkerboard", "start S(0)"] });
 * ```
 */
export function syncAsyncContrast(
  sync: EnergyTrace,
  async: EnergyTrace,
  options: SyncAsyncOptions = {},
): Figure {
  checkTrace(sync, "sync");
  checkTrace(async, "async");
  options = optionsOf(options);
  if (sync.mode !== "sync" || async.mode !== "async") {
    throw new RangeError(
      `sync and async must be traces of mode "sync" and "async", got ${show(sync.mode)} and ${
        show(async.mode)
      }`,
    );
  }
  if (sync.N !== async.N) {
    throw new RangeError(
      `async must come from the same network as sync (N = ${sync.N}), got N = ${async.N}`,
    );
  }
  const N = sync.N;
  const perNeuron = checkPerNeuron(options.perNeuron, N);
  const scale = perNeuron ? 1 / N : 1;
  const R = Math.min(sync.overlaps.length, async.overlaps.length);
  const labels = patternLabels(options.labels, R, { extra: true });
  const shown = options.show ?? Array.from({ length: Math.min(R, 2) }, (_, r) => r);
  if (!Array.isArray(shown)) {
    throw new TypeError(
      `show must be a list of reference indices in [0, ${R - 1}], e.g. [0, 1], got ${show(shown)}`,
    );
  }
  shown.forEach((r, k) => checkInteger(`show[${k}]`, r, 0, R - 1));
  const width = checkInteger("width", options.width ?? 640, MIN_WIDTH, MAX_WIDTH);
  const T = Math.max(sync.steps, async.steps, 1);
  const syncColor = colors.secondary, asyncColor = colors.primary;
  const syncE = Array.from(sync.energy, (y, t) => ({ t, y: y * scale }));
  const asyncE = thin(async.energy).map((d) => ({ t: d.i / N, y: d.y * scale }));
  const energyPanel = plot({
    width,
    height: 220,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginBottom: shown.length ? 24 : 40,
    x: {
      domain: [0, T],
      label: shown.length ? null : "time: synchronous steps = asynchronous sweeps",
      tickFormat: shown.length ? () => "" : undefined,
    },
    y: { label: perNeuron ? "energy per neuron E/N" : "energy E", grid: true, nice: true },
    marks: [
      Plot.line(asyncE, {
        x: "t",
        y: "y",
        stroke: asyncColor,
        strokeWidth: 2,
        curve: "step-after",
      }),
      Plot.line(syncE, {
        x: "t",
        y: "y",
        stroke: syncColor,
        strokeWidth: 1.2,
        strokeDasharray: "4,3",
      }),
      Plot.dot(syncE, { x: "t", y: "y", fill: syncColor, r: 3.5 }),
    ],
  }, "");
  const lastTwo = sync.energy.length >= 2
    ? [sync.energy[sync.energy.length - 2], sync.energy[sync.energy.length - 1]]
    : [sync.energy[0], sync.energy[0]];
  const syncText = sync.period === 2
    ? lastTwo[0] === lastTwo[1]
      ? `synchronous: 2-cycle, the state flips back and forth at constant E = ${
        fmt(lastTwo[1] * scale)
      }`
      : `synchronous: 2-cycle, E alternates ${fmt(lastTwo[0] * scale)} / ${fmt(lastTwo[1] * scale)}`
    : `synchronous: ${describeEnd(sync)}, E ends at ${fmt(lastTwo[1] * scale)}`;
  const asyncText = `asynchronous: ${describeEnd(async)}, E ends at ${
    fmt(async.energy[async.energy.length - 1] * scale)
  }`;
  const parts: Figure[] = [];
  parts.push(legend({
    type: "categorical",
    domain: [
      "synchronous (all neurons at once; dots)",
      "asynchronous (one at a time; line)",
    ],
    range: [syncColor, asyncColor],
  }));
  parts.push(energyPanel);
  shown.forEach((r, k) => {
    const s = Array.from(sync.overlaps[r], (m, t) => ({ t, m }));
    const a = thin(async.overlaps[r], 800).map((d) => ({ t: d.i / N, m: d.y }));
    const lastPanel = k === shown.length - 1;
    parts.push(plot({
      width,
      height: lastPanel ? 150 : 118,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: 22,
      marginBottom: lastPanel ? 40 : 8,
      x: {
        domain: [0, T],
        label: lastPanel ? "time: synchronous steps = asynchronous sweeps" : null,
        axis: lastPanel ? "bottom" : null,
      },
      y: { label: `overlap with ${labels[r]}`, domain: [-1.1, 1.1], ticks: [-1, 0, 1] },
      marks: [
        Plot.ruleY([0], { stroke: colors.guide }),
        Plot.line(a, { x: "t", y: "m", stroke: asyncColor, strokeWidth: 2, curve: "step-after" }),
        Plot.line(s, {
          x: "t",
          y: "m",
          stroke: syncColor,
          strokeWidth: 1.2,
          strokeDasharray: "4,3",
        }),
        Plot.dot(s, { x: "t", y: "m", fill: syncColor, r: 3.5 }),
      ],
    }, ""));
  });
  return framed(parts, {
    title: options.title,
    subtitle: `${syncText}; ${asyncText}.`,
    width,
    alt: `Synchronous versus asynchronous updates from the same start: ${syncText}; ${asyncText}`,
  });
}

function describeEnd(trace: EnergyTrace): string {
  if (trace.period === 1) return "reaches a fixed point";
  if (trace.period === 2) return "ends in a 2-cycle";
  return "still moving at the end";
}
