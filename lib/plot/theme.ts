/**
 * Shared visual conventions, so every notebook speaks the same visual
 * language: ON pixels (+1) black and OFF pixels (-1) white as in the book,
 * wrong pixels marked red, one diverging scale for everything in [-1, 1].
 *
 * @module
 */

/** Colours used across figures. */
export const colors = {
  /** A pixel / neuron that is ON (+1). */
  on: "#1a1a1a",
  /** A pixel / neuron that is OFF (-1). */
  off: "#ffffff",
  /** Marks a pixel that differs from the reference pattern. */
  wrong: "#d62728",
  /** The quantity the figure is about (trajectory, theory curve). */
  primary: "#1f77b4",
  /** A second series (simulation, comparison). */
  secondary: "#ff7f0e",
  /** Helper lines: diagonals, zero lines, thresholds. */
  guide: "#888888",
  /** Grid lines between pixels. */
  grid: "#bbbbbb",
} as const;

/** The diverging colour scheme for overlaps, correlations and weights (blue = +, red = -). */
export const divergingScheme = "RdBu" as const;

/**
 * Plot colour-scale options for a quantity in [-limit, limit], white at 0.
 *
 * @example
 * ```ts
 * import { divergingScale } from "./theme.ts";
 * const color = divergingScale(1, "overlap m"); // for Plot's `color` option
 * ```
 */
export function divergingScale(limit = 1, label?: string): {
  type: "diverging";
  scheme: "RdBu";
  domain: [number, number];
  pivot: number;
  label?: string;
} {
  return {
    type: "diverging" as const,
    scheme: divergingScheme,
    domain: [-limit, limit],
    pivot: 0,
    label,
  };
}
