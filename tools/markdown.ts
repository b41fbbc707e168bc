/**
 * Markdown with LaTeX math to HTML, rendered entirely at build time:
 * markdown with `marked`, math with KaTeX (no JavaScript needed in the
 * browser, only `katex.min.css` and its fonts).
 *
 * Math is protected from the markdown parser: it is extracted first
 * (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`, `\begin{env}...\end{env}`),
 * replaced by placeholders, rendered with KaTeX and substituted back into the
 * HTML. Dollar signs inside code spans and fenced code blocks are left alone,
 * as is an escaped dollar `\$`. Raw HTML (for example `<details>` blocks) is
 * passed through, as in Jupyter.
 *
 * @example
 * ```ts
 * import { renderMarkdown } from "./markdown.ts";
 *
 * renderMarkdown("The energy $E = -\\frac12 \\sum_{ij} w_{ij} S_i S_j$ decreases.");
 * ```
 *
 * @module
 */
import katex from "katex";
import { Marked } from "marked";

/** A piece of math found in markdown source. */
export interface MathSpan {
  /** The TeX source, without delimiters (environments keep `\begin`/`\end`). */
  tex: string;
  /** True for display math (`$$`, `\[`, environments). */
  display: boolean;
}

/** Markdown source with its math replaced by placeholders. */
export interface ExtractedMath {
  /** The markdown with every math span replaced by `placeholder(i)`. */
  text: string;
  /** The math spans, in order. */
  math: MathSpan[];
}

const MARK = "\u2063"; // invisible separator: never produced or altered by marked

/**
 * The placeholder that stands for math span `i` while markdown is parsed.
 *
 * @example
 * ```ts
 * extractMath("$x$").text === placeholder(0); // true
 * ```
 */
export function placeholder(i: number): string {
  return `${MARK}KATEX${i}${MARK}`;
}

/** Index of the first unescaped `needle` at or after `from` (or -1). */
function findUnescaped(text: string, needle: string, from: number): number {
  for (let i = from; i <= text.length - needle.length; i++) {
    if (text[i] === "\\") {
      i++;
      continue;
    }
    if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** End (exclusive) of the fenced code block starting at `start`, or -1. */
function fencedBlockEnd(text: string, start: number): number {
  const opening = / {0,3}(`{3,}|~{3,})([^\n]*)/y;
  opening.lastIndex = start;
  const open = opening.exec(text);
  if (!open) return -1;
  const [, fence, info] = open;
  if (fence[0] === "`" && info.includes("`")) return -1; // an inline code span, not a fence
  const closing = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
  let lineStart = text.indexOf("\n", start);
  while (lineStart !== -1) {
    lineStart += 1;
    const lineEnd = text.indexOf("\n", lineStart);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    if (closing.test(line)) return lineEnd === -1 ? text.length : lineEnd;
    lineStart = lineEnd;
  }
  return text.length; // an unclosed fence runs to the end of the text
}

/** Closing `$` of inline math opened at `start` (pandoc's rules), or -1. */
function inlineMathEnd(text: string, start: number): number {
  const first = text[start + 1];
  if (first === undefined || /\s/.test(first)) return -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "\n" && text[i + 1] === "\n") return -1; // math does not span paragraphs
    if (c === "$") {
      if (/\s/.test(text[i - 1]) || /[0-9]/.test(text[i + 1] ?? "")) return -1;
      return i;
    }
  }
  return -1;
}

/**
 * Replaces the math in markdown source by placeholders, skipping code spans
 * and fenced code blocks.
 *
 * @example
 * ```ts
 * const { text, math } = extractMath("Energy $E$ and `cost $5`");
 * math; // [{ tex: "E", display: false }]
 * text; // `Energy ${placeholder(0)} and \`cost $5\``
 * ```
 */
export function extractMath(markdown: string): ExtractedMath {
  const math: MathSpan[] = [];
  let out = "";
  let i = 0;
  const emit = (tex: string, display: boolean, end: number) => {
    out += placeholder(math.length);
    math.push({ tex, display });
    i = end;
  };
  while (i < markdown.length) {
    const c = markdown[i];
    if (i === 0 || markdown[i - 1] === "\n") {
      const end = fencedBlockEnd(markdown, i);
      if (end !== -1) {
        out += markdown.slice(i, end);
        i = end;
        continue;
      }
    }
    if (c === "`") {
      let run = 1;
      while (markdown[i + run] === "`") run++;
      const closing = new RegExp(`(?<!\`)\`{${run}}(?!\`)`, "g");
      closing.lastIndex = i + run;
      const close = closing.exec(markdown);
      const end = close === null ? i + run : close.index + run; // unmatched ticks are literal
      out += markdown.slice(i, end);
      i = end;
      continue;
    }
    if (c === "\\") {
      const next = markdown[i + 1];
      if (next === "(" || next === "[") {
        const closer = next === "(" ? "\\)" : "\\]";
        const close = markdown.indexOf(closer, i + 2);
        if (close !== -1) {
          emit(markdown.slice(i + 2, close), next === "[", close + 2);
          continue;
        }
      }
      const env = /^\\begin\{([a-zA-Z]+\*?)\}/.exec(markdown.slice(i));
      if (env) {
        const endTag = `\\end{${env[1]}}`;
        const close = markdown.indexOf(endTag, i + env[0].length);
        if (close !== -1) {
          emit(markdown.slice(i, close + endTag.length), true, close + endTag.length);
          continue;
        }
      }
      out += markdown.slice(i, i + 2); // an escape such as \$ or \\ stays for marked
      i += 2;
      continue;
    }
    if (c === "$") {
      if (markdown[i + 1] === "$") {
        const close = findUnescaped(markdown, "$$", i + 2);
        if (close !== -1) {
          emit(markdown.slice(i + 2, close), true, close + 2);
          continue;
        }
      } else {
        const close = inlineMathEnd(markdown, i);
        if (close !== -1) {
          emit(markdown.slice(i + 1, close), false, close + 1);
          continue;
        }
      }
    }
    out += c;
    i++;
  }
  return { text: out, math };
}

/**
 * Renders TeX with KaTeX to HTML (+ MathML). Invalid TeX does not throw: it
 * is shown as red source text, as in Jupyter.
 *
 * @example
 * ```ts
 * renderMath("x^2", false); // '<span class="katex">...'
 * ```
 */
export function renderMath(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex.trim(), {
      displayMode: display,
      throwOnError: false,
      strict: false,
      output: "htmlAndMathml",
    });
  } catch (error) {
    // throwOnError does not cover every parse error (e.g. an unclosed macro argument)
    const escape = (s: string) =>
      s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
    return `<span class="katex-error" title="${escape(String(error))}" style="color:#cc0000">${
      escape(tex)
    }</span>`;
  }
}

const marked = new Marked({ gfm: true, breaks: false, async: false });

function substituteMath(html: string, math: MathSpan[]): string {
  const pattern = new RegExp(`${MARK}KATEX(\\d+)${MARK}`, "g");
  return html.replace(pattern, (_, i: string) => {
    const span = math[Number(i)];
    return renderMath(span.tex, span.display);
  });
}

/**
 * Renders markdown (GitHub flavour, raw HTML allowed) with math to HTML.
 *
 * @example
 * ```ts
 * renderMarkdown("# Title\n\n$$m^\\mu = \\frac1N \\sum_i \\xi_i^\\mu S_i$$");
 * ```
 */
export function renderMarkdown(markdown: string): string {
  const { text, math } = extractMath(markdown);
  return substituteMath(marked.parse(text, { async: false }), math);
}

/**
 * Renders one line of markdown (no paragraph) with math, for titles.
 *
 * @example
 * ```ts
 * renderInlineMarkdown("Capacity $\\alpha_c$"); // no <p> around it
 * ```
 */
export function renderInlineMarkdown(markdown: string): string {
  const { text, math } = extractMath(markdown);
  return substituteMath(marked.parseInline(text, { async: false }), math);
}
