/**
 * Figures for the course notebooks, drawn with Observable Plot and returned
 * as {@linkcode Figure}s (standalone SVG that displays inline in the kernel).
 *
 * @module
 */
export * from "./dom.ts";
export * from "./figure.ts";
export * from "./theme.ts";
