/**
 * Figures for the course notebooks, drawn with Observable Plot and returned
 * as {@linkcode Figure}s (standalone SVG that displays inline in the kernel).
 *
 * @module
 */
export * from "./dom.ts";
export * from "./figure.ts";
export * from "./theme.ts";
export * from "./key.ts";
export * from "./cobweb.ts";
export * from "./bifurcation.ts";
export * from "./meanfield.ts";
export * from "./retrieval.ts";
export * from "./patterns.ts";
export * from "./sequence.ts";
export * from "./overlaps.ts";
export * from "./matrix.ts";
export * from "./correlation.ts";
export * from "./capacity.ts";
export * from "./energy.ts";
export * from "./landscape.ts";
export * from "./census.ts";
