/**
 * The energy landscape along a path (Sec. 17.2.5): E against the number of
 * single flips on a walk through some waypoints (stored patterns, mixture
 * states), the waypoints marked, and the overlaps along the walk underneath.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { EnergyProfile } from "../landscape.ts";
import { checkInteger, show } from "../validate.ts";
import { patternLabels } from "./overlaps.ts";
import { type Figure, framed, plot } from "./figure.ts";
import { colors } from "./theme.ts";

/** Options of {@linkcode landscapeProfile}. */
export interface LandscapeOptions {
  /** Plot E/N instead of E (default: true when N >= 50). */
  perNeuron?: boolean;
  /** Labels of the profile's reference states (default "P0", "P1", ...). */
  labels?: string[];
  /** Title above the figure. */
  title?: string;
  /** Width in pixels (default 640). */
  width?: number;
}

/** Throws unless `profile` looks like the result of energyProfile() (finite energies, marks on the path). */
function checkProfile(profile: EnergyProfile): void {
  if (
    !profile || typeof profile !== "object" || !(profile.energy instanceof Float64Array) ||
    profile.energy.length < 1 || !Array.isArray(profile.marks) || !Array.isArray(profile.overlaps)
  ) {
    throw new TypeError(
      `profile must be an EnergyProfile from energyProfile(), got ${show(profile)}`,
    );
  }
  const e = profile.energy, L = e.length - 1;
  checkInteger("profile.N", profile.N, 1);
  for (let j = 0; j <= L; j++) {
    if (!Number.isFinite(e[j])) {
      throw new RangeError(`profile.energy[${j}] must be a finite number, got ${show(e[j])}`);
    }
  }
  if (profile.marks.length < 1) {
    throw new RangeError("profile.marks must mark at least one waypoint, got none");
  }
  profile.marks.forEach((m, k) => checkInteger(`profile.marks[${k}].index`, m?.index, 0, L));
  profile.overlaps.forEach((o, r) => {
    if (!(o instanceof Float64Array) || o.length !== L + 1) {
      throw new TypeError(
        `profile.overlaps[${r}] must be a Float64Array of length ${L + 1} (one per energy), got ${
          show(o)
        }`,
      );
    }
    for (let j = 0; j <= L; j++) {
      if (!Number.isFinite(o[j])) {
        throw new RangeError(
          `profile.overlaps[${r}][${j}] must be a finite number, got ${show(o[j])}`,
        );
      }
    }
  });
}

const MARGIN_LEFT = 64;
const MARGIN_RIGHT = 80;
const SERIES = [colors.primary, colors.secondary, "#2ca02c", "#9467bd", "#8c564b"];

/**
 * Draws an {@linkcode EnergyProfile}: the energy after every flip of the walk
 * (a one-dimensional cut through state space), each waypoint marked by a
 * vertical line with its name and its energy, and the overlaps with the
 * profile's reference states underneath on the same axis. Valleys at the
 * waypoints mean that every single flip away from them costs energy.
 *
 * @example
 * ```ts
 * import { randomPatterns } from "../patterns.ts";
 * import { storePatterns } from "../network.ts";
 * import { mixtureState } from "../mixtures.ts";
 * import { energyProfile } from "../landscape.ts";
 * import { landscapeProfile } from "./landscape.ts";
 * const ps = randomPatterns(3, 1000, 1);
 * const prof = energyProfile(storePatterns(ps), [ps[0], mixtureState(ps), ps[1]], {
 *   labels: ["p1", "mixture", "p2"],
 *   rng: 2,
 *   references: ps,
 * });
 * const fig = landscapeProfile(prof, { labels: ["p1", "p2", "p3"] });
 * ```
 */
export function landscapeProfile(profile: EnergyProfile, options: LandscapeOptions = {}): Figure {
  checkProfile(profile);
  if (options === null || options === undefined) options = {};
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${show(options)}`);
  }
  const { N, energy: e, marks } = profile;
  if (options.perNeuron !== undefined && typeof options.perNeuron !== "boolean") {
    throw new TypeError(`perNeuron must be true or false, got ${show(options.perNeuron)}`);
  }
  const perNeuron = options.perNeuron ?? N >= 50;
  const scale = perNeuron ? 1 / N : 1;
  const R = profile.overlaps.length;
  const labels = patternLabels(options.labels, R, { extra: true });
  const width = checkInteger("width", options.width ?? 640, 200, 4000);
  const L = e.length - 1;
  const xMax = Math.max(L, 1); // a path of identical waypoints is a single point at 0
  const line = Array.from(e, (y, j) => ({ j, y: y * scale }));
  // waypoints at the same place (equal consecutive states) share one mark
  const at: { j: number; y: number; label: string }[] = [];
  for (const m of marks) {
    const last = at[at.length - 1];
    if (last && last.j === m.index) last.label += ` = ${m.label}`;
    else at.push({ j: m.index, y: e[m.index] * scale, label: String(m.label) });
  }
  // the highest point between consecutive waypoints: the barrier along this path
  // (a leg between equal waypoints has no flips and no barrier)
  const humps = marks.slice(1).flatMap((m, k) => {
    if (m.index <= marks[k].index) return [];
    let top = marks[k].index;
    for (let j = marks[k].index; j <= m.index; j++) if (e[j] > e[top]) top = j;
    return [{ j: top, y: e[top] * scale }];
  });
  let yMin = Infinity, yMax = -Infinity;
  for (const d of line) {
    yMin = Math.min(yMin, d.y);
    yMax = Math.max(yMax, d.y);
  }
  const span = Math.max(yMax - yMin, 1e-9);
  const anchorOf = (j: number) => (j === 0 ? "start" : j === L ? "end" : "middle");
  const fmt = (y: number) => (perNeuron ? y.toFixed(3) : y.toFixed(1));
  const eLabel = perNeuron ? "energy per neuron E/N" : "energy E";
  const energyPanel = plot({
    width,
    height: 260,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    marginTop: 24,
    marginBottom: R > 0 ? 16 : 40,
    x: {
      domain: [0, xMax],
      label: R > 0 ? null : "single flips along the path",
      tickFormat: R > 0 ? () => "" : undefined,
    },
    y: { label: eLabel, grid: true, domain: [yMin - 0.28 * span, yMax + 0.12 * span] },
    marks: [
      Plot.ruleX(at, {
        x: "j",
        y1: yMax + 0.12 * span,
        y2: "y",
        stroke: colors.guide,
        strokeDasharray: "3,3",
      }),
      Plot.line(line, { x: "j", y: "y", stroke: colors.on, strokeWidth: 1.6 }),
      Plot.dot(humps, { x: "j", y: "y", stroke: colors.wrong, r: 3.5, strokeWidth: 1.5 }),
      Plot.text(humps, {
        x: "j",
        y: "y",
        text: (d) => `barrier ${fmt(d.y)}`,
        dy: -9,
        fill: colors.wrong,
        fontSize: 10,
        stroke: "white",
        strokeWidth: 4,
      }),
      Plot.dot(at, { x: "j", y: "y", fill: colors.primary, r: 4.5 }),
      ...(["start", "middle", "end"] as const).map((anchor) =>
        Plot.text(at.filter((d) => anchorOf(d.j) === anchor), {
          x: "j",
          y: "y",
          text: (d) => `${d.label}\n${fmt(d.y)}`,
          dy: 20,
          dx: anchor === "start" ? -4 : anchor === "end" ? 4 : 0,
          fill: colors.primary,
          fontSize: 11,
          lineHeight: 1.2,
          textAnchor: anchor,
          stroke: "white",
          strokeWidth: 4,
        })
      ),
    ],
  }, "");
  const parts: Figure[] = [energyPanel];
  if (R > 0) {
    const overlapMarks: Plot.Markish[] = [
      Plot.ruleX(at, { x: "j", stroke: colors.guide, strokeDasharray: "3,3" }),
      Plot.ruleY([0], { stroke: colors.guide }),
    ];
    profile.overlaps.forEach((o, r) => {
      const data = Array.from(o, (m, j) => ({ j, m }));
      const color = SERIES[r % SERIES.length];
      overlapMarks.push(
        Plot.line(data, { x: "j", y: "m", stroke: color, strokeWidth: 1.8 }),
        Plot.text([data[L]], {
          x: "j",
          y: "m",
          text: () => labels[r],
          dx: 6,
          dy: (r - (R - 1) / 2) * 11,
          textAnchor: "start",
          fill: color,
          fontSize: 11,
        }),
      );
    });
    parts.push(plot({
      width,
      height: 150,
      marginLeft: MARGIN_LEFT,
      marginRight: MARGIN_RIGHT,
      marginTop: 20,
      x: { domain: [0, xMax], label: "single flips along the path" },
      y: { label: "overlap m", domain: [-0.2, 1.05], ticks: [0, 0.5, 1] },
      marks: overlapMarks,
    }, ""));
  }
  const note =
    "A one-dimensional cut through state space: between two marked states the differing neurons " +
    "are flipped one at a time. Blue dots: the marked states; red circles: the highest point " +
    "between them (a barrier along this path; other paths may cross lower).";
  const alt = `Energy${perNeuron ? " per neuron" : ""} along a path of ${L} single flips through ${
    at.map((a) => `${a.label} (${fmt(a.y)})`).join(", ")
  }; ${
    humps.length ? `barriers ${humps.map((h) => fmt(h.y)).join(", ")}` : "no barrier (no flips)"
  }`;
  return framed(parts, { title: options.title, note, width, alt });
}
