/**
 * A key for figures whose marks are not colour scales: a row of small drawn
 * symbols (solid or dashed line, filled or open circle, thin band) with their
 * meaning, as one SVG.
 *
 * @module
 */
import { checkNumber, show } from "../validate.ts";
import { escapeXml, type Figure, svgFigure } from "./figure.ts";

const SYMBOLS = ["line", "dashed", "dotted", "dot", "open", "band", "thin"] as const;
/** What a CSS colour can be made of (hex, names, rgb()/hsl() with numbers): no quotes or markup. */
const COLOR = /^[#a-zA-Z0-9(),.%\s-]{1,64}$/;

/** One entry of a {@linkcode symbolKey}. */
export interface KeyItem {
  /** The symbol drawn in front of the label. */
  symbol: typeof SYMBOLS[number];
  /** Its colour, any CSS colour (default black). */
  color?: string;
  /** What it means. */
  label: string;
}

/**
 * A one-line (wrapping if needed) key of drawn symbols and labels.
 *
 * @example
 * ```ts
 * import { symbolKey } from "./key.ts";
 * const key = symbolKey([
 *   { symbol: "line", color: "#1f77b4", label: "F(m)" },
 *   { symbol: "dot", label: "stable fixed point" },
 *   { symbol: "open", label: "unstable fixed point" },
 * ]);
 * ```
 */
export function symbolKey(items: readonly KeyItem[], options: { width?: number } = {}): Figure {
  if (!Array.isArray(items)) {
    throw new TypeError(
      `items must be a list of { symbol, label, color? } entries, got ${show(items)}`,
    );
  }
  items.forEach((item, k) => {
    if (item === null || typeof item !== "object") {
      throw new TypeError(
        `items[${k}] must be an entry { symbol, label, color? }, got ${show(item)}`,
      );
    }
    if (!(SYMBOLS as readonly unknown[]).includes(item.symbol)) {
      throw new RangeError(
        `items[${k}].symbol must be one of ${SYMBOLS.map((s) => `"${s}"`).join(", ")}, got ${
          show(item.symbol)
        }`,
      );
    }
    if (typeof item.label !== "string") {
      throw new TypeError(`items[${k}].label must be a string, got ${show(item.label)}`);
    }
    if (item.color !== undefined && (typeof item.color !== "string" || !COLOR.test(item.color))) {
      throw new TypeError(
        `items[${k}].color must be a CSS colour such as "#1f77b4", "steelblue" or ` +
          `"rgb(31, 119, 180)", got ${show(item.color)}`,
      );
    }
  });
  options ??= {};
  const maxWidth = checkNumber("width", options.width ?? 640, 1, 20_000);
  const font = 11;
  const rowHeight = 18;
  let x = 0, y = 0, widest = 0;
  const parts: string[] = [];
  for (const item of items) {
    const w = 26 + 6.2 * item.label.length + 16;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += rowHeight;
    }
    const c = escapeXml(item.color ?? "#1a1a1a");
    const cy = y + 9;
    switch (item.symbol) {
      case "line":
      case "dashed":
      case "dotted":
      case "thin": {
        const dash = item.symbol === "dashed"
          ? ' stroke-dasharray="5,3"'
          : item.symbol === "dotted"
          ? ' stroke-dasharray="2,2"'
          : "";
        const sw = item.symbol === "thin" ? 1 : 2;
        parts.push(
          `<line x1="${x}" y1="${cy}" x2="${
            x + 20
          }" y2="${cy}" stroke="${c}" stroke-width="${sw}"${dash}/>`,
        );
        break;
      }
      case "dot":
        parts.push(`<circle cx="${x + 10}" cy="${cy}" r="4.5" fill="${c}"/>`);
        break;
      case "open":
        parts.push(
          `<circle cx="${
            x + 10
          }" cy="${cy}" r="4.5" fill="white" stroke="${c}" stroke-width="1.5"/>`,
        );
        break;
      case "band":
        parts.push(
          `<rect x="${x}" y="${cy - 5}" width="20" height="10" fill="${c}" fill-opacity="0.25"/>`,
        );
        break;
    }
    parts.push(
      `<text x="${x + 26}" y="${
        cy + 4
      }" font-size="${font}" font-family="system-ui, sans-serif" fill="#333">${
        escapeXml(item.label)
      }</text>`,
    );
    x += w;
    widest = Math.max(widest, x);
  }
  const width = Math.max(1, Math.ceil(widest));
  const height = y + rowHeight + 2;
  return svgFigure(
    `<svg width="${width}" height="${height}">${parts.join("")}</svg>`,
    items.map((i) => `${i.symbol}: ${i.label}`).join("; "),
  );
}
