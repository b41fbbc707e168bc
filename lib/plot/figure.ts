/**
 * Figures: a standalone SVG with a white background and a plain-text
 * description. A {@linkcode Figure} displays itself inline in the Deno
 * Jupyter kernel (as `image/svg+xml`, with `text/plain` as fallback), can be
 * saved as an `.svg` file, and can be laid out next to or under other figures.
 *
 * Observable Plot output (an `<svg>`, or a `<figure>` when the plot has a
 * title or legend) becomes a Figure with {@linkcode toFigure}; titles,
 * subtitles, captions and legends are redrawn as SVG so that every figure is
 * one self-contained SVG file.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { plotDocument } from "./dom.ts";
import { checkNumber, show } from "../validate.ts";

const DISPLAY = Symbol.for("Jupyter.display");
const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** A rendered figure: one standalone SVG document plus a text description. */
export class Figure {
  /** The SVG markup (with `xmlns`), starting with `<svg`. */
  readonly svg: string;
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** A short plain-text description (the `text/plain` fallback). */
  readonly alt: string;

  constructor(svg: string, width: number, height: number, alt: string) {
    this.svg = svg;
    this.width = width;
    this.height = height;
    this.alt = alt;
  }

  /** The MIME bundle the Deno kernel displays. */
  [DISPLAY](): Record<string, string> {
    return { "image/svg+xml": this.svg, "text/plain": this.alt };
  }

  /** Writes the figure as a standalone `.svg` file. */
  async save(path: string): Promise<void> {
    await Deno.writeTextFile(path, `<?xml version="1.0" encoding="UTF-8"?>\n${this.svg}\n`);
  }

  /** The text description (so `console.log(fig)` prints something readable). */
  toString(): string {
    return this.alt;
  }
}

/**
 * The same figure with another text description.
 *
 * @example
 * ```ts
 * import { textFigure, withAlt } from "./figure.ts";
 * const fig = withAlt(textFigure("m = 0.75"), "overlap of the state with pattern 1");
 * ```
 */
export function withAlt(figure: Figure, alt: string): Figure {
  return new Figure(figure.svg, figure.width, figure.height, alt);
}

/** Escapes text for use inside XML. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** FNV-1a hash of a string, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Renames Plot's global-counter ids (`plot-clip-7`, ...) to ids derived from
 * the figure's content, so the same figure always gives the same SVG and two
 * figures on one HTML page never share an id.
 */
function stableIds(svg: string): string {
  const ids = [...new Set([...svg.matchAll(/id="(plot-[a-z]+-\d+)"/g)].map((m) => m[1]))];
  if (ids.length === 0) return svg;
  let blank = svg;
  for (const id of ids) blank = blank.replaceAll(id, "ID");
  const prefix = `f${hash(blank)}`;
  let out = svg;
  ids.forEach((id, k) => {
    out = out.replace(new RegExp(`${id}(?!\\d)`, "g"), `${prefix}-${k}`);
  });
  return out;
}

function sizeOf(el: Element): { width: number; height: number } {
  const width = Number(el.getAttribute("width"));
  const height = Number(el.getAttribute("height"));
  if (Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0) {
    return { width, height };
  }
  const vb = (el.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb[2] > 0 && vb[3] > 0) return { width: vb[2], height: vb[3] };
  throw new Error(`cannot tell the size of this <${el.tagName}>: give it width and height`);
}

/**
 * Wraps SVG markup (a string or an `<svg>` element) as a Figure: adds the
 * namespaces and a white background, and makes ids stable.
 *
 * @example
 * ```ts
 * import { svgFigure } from "./figure.ts";
 * const fig = svgFigure('<svg width="10" height="10"><circle r="4" cx="5" cy="5"/></svg>', "a dot");
 * ```
 */
export function svgFigure(svg: string | Element, alt: string): Figure {
  const doc = plotDocument();
  let el: Element;
  if (typeof svg !== "string" && typeof (svg as Element)?.getAttribute !== "function") {
    throw new TypeError(`svg must be SVG markup or an <svg> element, got ${show(svg)}`);
  }
  if (typeof svg === "string") {
    const holder = doc.createElement("div");
    holder.innerHTML = svg.trim();
    const found = holder.querySelector("svg");
    if (!found) throw new TypeError("svg must be SVG markup starting with <svg");
    el = found;
  } else {
    el = svg;
  }
  const { width, height } = sizeOf(el);
  el.setAttribute("xmlns", SVG_NS);
  el.setAttribute("xmlns:xlink", XLINK_NS);
  if (!el.getAttribute("viewBox")) el.setAttribute("viewBox", `0 0 ${width} ${height}`);
  el.setAttribute("width", String(width));
  el.setAttribute("height", String(height));
  const style = el.getAttribute("style") ?? "";
  if (!/background/.test(style)) {
    el.setAttribute("style", `${style}${style && !style.endsWith(";") ? ";" : ""}background:white`);
  }
  // a real rectangle too: some viewers ignore the CSS background of an SVG file
  const vb = el.getAttribute("viewBox")!.split(/[\s,]+/).map(Number);
  const bg = doc.createElementNS(SVG_NS, "rect");
  bg.setAttribute("x", String(vb[0]));
  bg.setAttribute("y", String(vb[1]));
  bg.setAttribute("width", String(vb[2]));
  bg.setAttribute("height", String(vb[3]));
  bg.setAttribute("fill", "white");
  if (!el.querySelector(":scope > rect[data-background]")) {
    bg.setAttribute("data-background", "");
    el.insertBefore(bg, el.firstChild);
  }
  return new Figure(stableIds(withoutResponsiveCss(el.outerHTML)), width, height, alt);
}

/**
 * Plot's stylesheet sizes every `.plot-*` svg with `height: auto` and
 * `max-width: 100%`. Style sheets are global to an SVG document, so once
 * panels are nested that rule resizes the inner panels; the sizes must come
 * from the width and height attributes alone.
 */
function withoutResponsiveCss(svg: string): string {
  return svg.replace(
    /(:where\(\.plot-[0-9a-f]+\) \{)([^}]*)\}/g,
    (_, head: string, body: string) => {
      const kept = body.split(";").filter((d) => !/^\s*(display|height|max-width)\s*:/.test(d));
      return `${head}${kept.join(";")}}`;
    },
  );
}

/**
 * Turns Observable Plot output into a Figure. A plain `<svg>` is wrapped; a
 * `<figure>` (a plot with `title`, `subtitle`, `caption` or a legend) is
 * redrawn as one SVG with the texts and legends stacked above the plot.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plotDocument } from "./dom.ts";
 * import { toFigure } from "./figure.ts";
 * const fig = toFigure(Plot.plot({ document: plotDocument(), title: "dots", marks: [Plot.dot([[1, 2]])] }), "one dot");
 * ```
 */
export function toFigure(element: Element, alt: string): Figure {
  if (typeof element?.tagName !== "string") {
    throw new TypeError(
      `element must be the <svg> or <figure> returned by Plot.plot, got ${show(element)}`,
    );
  }
  const tag = element.tagName.toLowerCase();
  if (tag === "svg") return svgFigure(element, alt);
  if (tag !== "figure") {
    throw new TypeError(`element must be an <svg> or a <figure> from Plot, got <${tag}>`);
  }
  const parts: Figure[] = [];
  for (const child of Array.from(element.children)) {
    const t = child.tagName.toLowerCase();
    if (t === "h2") parts.push(textFigure(child.textContent ?? "", { size: 16, weight: "bold" }));
    else if (t === "h3") {
      parts.push(textFigure(child.textContent ?? "", { size: 13, color: "#555" }));
    } else if (t === "figcaption") {
      parts.push(textFigure(child.textContent ?? "", { size: 12, color: "#555" }));
    } else if (t === "svg") parts.push(svgFigure(child, ""));
    else if (t === "div") parts.push(swatchesFigure(child));
  }
  return vconcat(parts, { gap: 4, alt });
}

/** Redraws Plot's HTML swatch legend (`<div>` of `<span>`s) as SVG. */
function swatchesFigure(div: Element): Figure {
  const items = Array.from(div.querySelectorAll("span")).filter((s) => s.querySelector("svg"));
  let x = 0;
  const pieces: string[] = [];
  for (const item of items) {
    const sw = item.querySelector("svg")!;
    sw.setAttribute("x", String(x));
    sw.setAttribute("y", "2");
    sw.setAttribute("width", "15");
    sw.setAttribute("height", "15");
    pieces.push(sw.outerHTML);
    const label = (item.textContent ?? "").trim();
    pieces.push(
      `<text x="${x + 20}" y="14" font-size="12" font-family="system-ui, sans-serif">${
        escapeXml(label)
      }</text>`,
    );
    x += 20 + 7.5 * label.length + 16;
  }
  const width = Math.max(1, Math.ceil(x));
  return svgFigure(`<svg width="${width}" height="20">${pieces.join("")}</svg>`, "legend");
}

/** Options of {@linkcode textFigure}. */
export interface TextOptions {
  /** Font size in pixels (default 13). */
  size?: number;
  /** Font weight (default normal). */
  weight?: string;
  /** Text colour (default black). */
  color?: string;
  /** Maximum width in pixels before the text wraps (default 640). */
  width?: number;
}

/**
 * A block of text as a figure (titles, notes under a panel). Long text wraps
 * at `width` pixels (estimated from the font size).
 *
 * @example
 * ```ts
 * import { textFigure } from "./figure.ts";
 * const title = textFigure("Retrieval from a noisy cue", { size: 16, weight: "bold" });
 * ```
 */
export function textFigure(text: string, options: TextOptions = {}): Figure {
  if (typeof text !== "string") throw new TypeError(`text must be a string, got ${show(text)}`);
  options ??= {};
  const size = checkNumber("size", options.size ?? 13, 4, 200);
  const maxWidth = checkNumber("width", options.width ?? 640, 20, 20_000);
  const charWidth = size * (options.weight === "bold" ? 0.66 : 0.6);
  const perLine = Math.max(10, Math.floor(maxWidth / charWidth));
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  const lineHeight = Math.round(size * 1.3);
  const width = Math.ceil(
    Math.min(maxWidth, lines.reduce((n, l) => Math.max(n, l.length), 0) * charWidth + 8),
  );
  const height = lineHeight * lines.length + 4;
  const body = lines.map((l, k) =>
    `<text x="0" y="${
      size + k * lineHeight
    }" font-size="${size}" font-family="system-ui, sans-serif"${
      options.weight ? ` font-weight="${escapeXml(String(options.weight))}"` : ""
    } fill="${escapeXml(String(options.color ?? "black"))}">${escapeXml(l)}</text>`
  ).join("");
  return svgFigure(`<svg width="${Math.max(1, width)}" height="${height}">${body}</svg>`, text);
}

/** Layout options for {@linkcode hconcat} and {@linkcode vconcat}. */
export interface ConcatOptions {
  /** Space between panels in pixels (default 12). */
  gap?: number;
  /** Cross-axis alignment (default "start"). */
  align?: "start" | "center";
  /** Text description of the whole (default: the parts' descriptions joined). */
  alt?: string;
}

function concat(figures: Figure[], direction: "row" | "column", options: ConcatOptions): Figure {
  if (!Array.isArray(figures)) {
    throw new TypeError(`figures must be a list of figures, got ${show(figures)}`);
  }
  figures.forEach((f, k) => {
    if (!(f instanceof Figure)) {
      throw new TypeError(
        `figures[${k}] must be a Figure (from plot, textFigure, ...), got ${show(f)}`,
      );
    }
  });
  options ??= {};
  const parts = figures.filter((f) => f.width > 0 && f.height > 0);
  if (parts.length === 0) {
    throw new RangeError("figures must contain at least one figure, got none");
  }
  const gap = checkNumber("gap", options.gap ?? 12, 0, 1000);
  const along = parts.reduce((s, f) => s + (direction === "row" ? f.width : f.height), 0) +
    gap * (parts.length - 1);
  let across = 0;
  for (const f of parts) across = Math.max(across, direction === "row" ? f.height : f.width);
  const width = direction === "row" ? along : across;
  const height = direction === "row" ? across : along;
  let pos = 0;
  const body = parts.map((f) => {
    const size = direction === "row" ? f.height : f.width;
    const offset = options.align === "center" ? (across - size) / 2 : 0;
    const [x, y] = direction === "row" ? [pos, offset] : [offset, pos];
    pos += (direction === "row" ? f.width : f.height) + gap;
    return f.svg.replace(/^<svg/, `<svg x="${x}" y="${y}"`);
  }).join("");
  const alt = options.alt ?? parts.map((f) => f.alt).filter(Boolean).join("; ");
  return svgFigure(`<svg width="${width}" height="${height}">${body}</svg>`, alt);
}

/**
 * Places figures side by side, in one SVG.
 *
 * @example
 * ```ts
 * import { hconcat, textFigure } from "./figure.ts";
 * const row = hconcat([textFigure("left"), textFigure("right")]);
 * ```
 */
export function hconcat(figures: Figure[], options: ConcatOptions = {}): Figure {
  return concat(figures, "row", options);
}

/**
 * Stacks figures top to bottom, in one SVG.
 *
 * @example
 * ```ts
 * import { textFigure, vconcat } from "./figure.ts";
 * const column = vconcat([textFigure("top"), textFigure("bottom")]);
 * ```
 */
export function vconcat(figures: Figure[], options: ConcatOptions = {}): Figure {
  return concat(figures, "column", options);
}

/**
 * Puts a title (and optionally a subtitle) above a figure: {@linkcode framed} without a note.
 *
 * @example
 * ```ts
 * import { textFigure, titled } from "./figure.ts";
 * const fig = titled(textFigure("body"), "Title", "subtitle");
 * ```
 */
export function titled(figure: Figure, title: string, subtitle?: string): Figure {
  return framed(figure, { title, subtitle, alt: figure.alt });
}

/** Options of {@linkcode framed}. */
export interface FrameOptions {
  /** Bold title above everything. */
  title?: string;
  /** Smaller grey line under the title. */
  subtitle?: string;
  /** Small grey text under the panels: how to read the figure. */
  note?: string;
  /** Width at which title and note wrap (default: the widest panel, at least 320 pixels). */
  width?: number;
  /** Text description of the figure; the title is put in front of it. */
  alt: string;
}

/**
 * The standard frame of a figure: title, subtitle, the panels stacked top to
 * bottom, and a note on how to read it. The text fallback starts with the
 * title, so a reader of the plain text learns what the figure is about.
 *
 * @example
 * ```ts
 * import { framed, textFigure } from "./figure.ts";
 * const fig = framed(textFigure("the plot"), {
 *   title: "Retrieval",
 *   note: "Blue: the cued pattern.",
 *   alt: "overlap rises from 0.4 to 1",
 * });
 * ```
 */
export function framed(panels: Figure | Figure[], options: FrameOptions): Figure {
  if (options === null || typeof options !== "object" || typeof options.alt !== "string") {
    throw new TypeError(
      `options must be an object with a text description { alt }, got ${show(options)}`,
    );
  }
  const list = Array.isArray(panels) ? panels : [panels];
  list.forEach((f, k) => {
    if (!(f instanceof Figure)) {
      throw new TypeError(`panels[${k}] must be a Figure, got ${show(f)}`);
    }
  });
  let widest = 320;
  for (const f of list) widest = Math.max(widest, f.width);
  const width = checkNumber("width", options.width ?? widest, 20, 20_000);
  const parts: Figure[] = [];
  if (options.title) parts.push(textFigure(options.title, { size: 14, weight: "bold", width }));
  if (options.subtitle) {
    parts.push(textFigure(options.subtitle, { size: 12, color: "#444", width }));
  }
  parts.push(...list);
  if (options.note) parts.push(textFigure(options.note, { size: 11, color: "#555", width }));
  return vconcat(parts, {
    gap: 4,
    alt: options.title ? `${options.title}. ${options.alt}` : options.alt,
  });
}

/**
 * Renders Plot options with the server-side document and returns a Figure.
 * Defaults: 640 pixels wide, white background. `alt` is the text description.
 *
 * @example
 * ```ts
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "./figure.ts";
 * const fig = plot({ marks: [Plot.lineY([0, 1, 0.5])] }, "a line");
 * ```
 */
export function plot(options: Plot.PlotOptions, alt: string): Figure {
  const el = Plot.plot({ ...options, document: plotDocument() }) as unknown as Element;
  return toFigure(el, alt);
}

/**
 * A colour legend for the colour scale `color`, rendered as SVG (continuous
 * ramps included).
 *
 * @example
 * ```ts
 * import { legend } from "./figure.ts";
 * const bar = legend({ type: "diverging", scheme: "RdBu", domain: [-1, 1], label: "w_ij" });
 * ```
 */
export function legend(color: Plot.ScaleOptions, options: Plot.LegendOptions = {}): Figure {
  const el = Plot.legend(
    {
      marginLeft: 12,
      marginRight: 12,
      ...options,
      color,
      document: plotDocument(),
    } as Plot.PlotOptions,
  ) as unknown as Element;
  const tag = el.tagName.toLowerCase();
  return tag === "svg" ? svgFigure(el, "legend") : swatchesFigure(el);
}
