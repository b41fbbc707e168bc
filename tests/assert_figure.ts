/**
 * The common checks for a figure, shared by the figure tests: a `Figure`
 * holding one standalone SVG (namespace, white background, positive size),
 * no NaN, undefined or Infinity written into it, and a MIME bundle for the
 * kernel with the SVG and a text fallback.
 */
import assert from "node:assert/strict";
import { Figure } from "../lib/plot/figure.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/**
 * Asserts that `fig` is a well-formed standalone figure; `what` names it in messages.
 *
 * @example
 * ```ts
 * import { assertFigure } from "./assert_figure.ts";
 * import { textFigure } from "../lib/plot/figure.ts";
 * assertFigure(textFigure("a caption long enough"), "caption");
 * ```
 */
export function assertFigure(fig: Figure, what: string): void {
  assert.ok(fig instanceof Figure, `${what}: a Figure`);
  assert.match(fig.svg, /^<svg/, what);
  assert.match(fig.svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${what}: xmlns`);
  assert.match(fig.svg, /<rect data-background="" fill="white"/, `${what}: white background`);
  assert.ok(fig.width > 0 && fig.height > 0, `${what}: size`);
  assert.ok(!/NaN|undefined|Infinity/.test(fig.svg), `${what}: no NaN/undefined/Infinity`);
  const bundle = (fig as unknown as Record<symbol, () => Record<string, string>>)[DISPLAY]();
  assert.equal(bundle["image/svg+xml"], fig.svg, `${what}: display bundle`);
  assert.ok(bundle["text/plain"].length > 10, `${what}: text/plain fallback`);
}
