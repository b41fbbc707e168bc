/**
 * Executed notebooks to a static, offline HTML site: one standalone page per
 * notebook plus an index page. Markdown and math are rendered at build time
 * ({@link ./markdown.ts}); the only assets are KaTeX's stylesheet and fonts,
 * copied by {@linkcode copyKatexAssets}.
 *
 * Everything that comes from the notebook is escaped, except the cells'
 * own rich output (`text/html`, `image/svg+xml`) and raw HTML written in
 * markdown cells, which are trusted like in Jupyter.
 *
 * @example
 * ```ts
 * import { copyKatexAssets, indexPage, notebookPage } from "./html.ts";
 * import { readNotebook } from "./notebook.ts";
 *
 * const nb = await readNotebook("build/notebooks/01-review.ipynb");
 * await Deno.writeTextFile("build/site/01-review.html", notebookPage(nb, { name: "01-review" }));
 * await copyKatexAssets("build/site/assets");
 * ```
 *
 * @module
 */
import katex from "katex";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderInlineMarkdown, renderMarkdown, renderMath } from "./markdown.ts";
import {
  type Cell,
  type CodeCell,
  joinText,
  type MimeBundle,
  type Notebook,
  type Output,
} from "./notebook.ts";

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * ```ts
 * escapeHtml("<script>"); // "&lt;script&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * Removes ANSI escape sequences (terminal colours) from text.
 *
 * @example
 * ```ts
 * stripAnsi("\x1b[31mError\x1b[0m"); // "Error"
 * ```
 */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*(\x07|\x1b\\)/g, "");
}

/**
 * The notebook's title: the text of its first markdown heading, or
 * `fallback` when it has none.
 *
 * @example
 * ```ts
 * notebookTitle(nb, "01-review"); // "Review: the Hopfield model"
 * ```
 */
export function notebookTitle(nb: Notebook, fallback: string): string {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    let inFence = false;
    for (const line of joinText(cell.source).split("\n")) {
      if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
      const heading = inFence ? null : /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
      if (heading && heading[1] !== "") return heading[1];
    }
  }
  return fallback;
}

/** The title as plain text (for `<title>`): markdown markup removed. */
function plainTitle(title: string): string {
  return title.replace(/[*_`]/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

/** Priority of MIME types when an output offers several (first wins). */
const MIME_ORDER = [
  "text/html",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "text/markdown",
  "text/latex",
  "application/json",
  "text/plain",
];

function mimeText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join("");
  return JSON.stringify(value, null, 2);
}

/** Removes an XML declaration or doctype so the SVG can be inlined in HTML. */
function inlineSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, "").replace(/^\s*<!DOCTYPE[^>]*>\s*/i, "").trim();
}

function renderBundle(data: MimeBundle): string {
  const mime = MIME_ORDER.find((m) => m in data) ??
    Object.keys(data).find((m) => m.startsWith("text/"));
  if (mime === undefined) return "";
  const value = mimeText(data[mime]);
  const alt = "text/plain" in data ? escapeHtml(stripAnsi(mimeText(data["text/plain"]))) : "";
  switch (mime) {
    case "text/html":
      return `<div class="output-html">${value}</div>`;
    case "image/svg+xml":
      return `<div class="output-image">${inlineSvg(value)}</div>`;
    case "image/png":
    case "image/jpeg":
    case "image/gif":
      return `<div class="output-image"><img src="data:${mime};base64,${
        escapeHtml(value.replace(/\s/g, ""))
      }" alt="${alt}"></div>`;
    case "text/markdown":
      return `<div class="output-markdown">${renderMarkdown(value)}</div>`;
    case "text/latex":
      return `<div class="output-latex">${
        renderMath(value.trim().replace(/^\$\$?|\$\$?$/g, ""), true)
      }</div>`;
    default:
      return `<pre class="output-text">${escapeHtml(stripAnsi(value))}</pre>`;
  }
}

/**
 * Renders one nbformat output as HTML.
 *
 * @example
 * ```ts
 * renderOutput({ output_type: "stream", name: "stdout", text: "<b>\n" });
 * // '<pre class="output-stream stdout">&lt;b&gt;\n</pre>'
 * ```
 */
export function renderOutput(output: Output): string {
  switch (output.output_type) {
    case "stream":
      return `<pre class="output-stream ${output.name}">${
        escapeHtml(stripAnsi(joinText(output.text)))
      }</pre>`;
    case "error": {
      const traceback = output.traceback.length > 0
        ? output.traceback.join("\n")
        : `${output.ename}: ${output.evalue}`;
      return `<div class="output-error"><pre>${escapeHtml(stripAnsi(traceback))}</pre></div>`;
    }
    default:
      return renderBundle(output.data);
  }
}

function renderCodeCell(cell: CodeCell): string {
  const count = cell.execution_count ?? " ";
  const outputs = cell.outputs.map(renderOutput).filter((html) => html !== "").join("\n");
  return `<section class="cell code-cell">
<div class="prompt">In [${count}]:</div>
<pre class="source"><code class="language-typescript">${
    escapeHtml(joinText(cell.source))
  }</code></pre>
${outputs ? `<div class="outputs">\n${outputs}\n</div>\n` : ""}</section>`;
}

/** Replaces `attachment:name` links in markdown with data URLs. */
function inlineAttachments(markdown: string, attachments: Record<string, MimeBundle> = {}): string {
  return markdown.replace(/attachment:([^\s)"'>]+)/g, (link, name: string) => {
    const bundle = attachments[name] ?? attachments[decodeURIComponent(name)];
    const mime = bundle && Object.keys(bundle).find((m) => m.startsWith("image/"));
    return mime ? `data:${mime};base64,${mimeText(bundle[mime]).replace(/\s/g, "")}` : link;
  });
}

function renderCell(cell: Cell): string {
  switch (cell.cell_type) {
    case "markdown":
      return `<section class="cell markdown-cell">\n${
        renderMarkdown(inlineAttachments(joinText(cell.source), cell.attachments))
      }</section>`;
    case "raw":
      return `<section class="cell raw-cell"><pre>${
        escapeHtml(joinText(cell.source))
      }</pre></section>`;
    case "code":
      return renderCodeCell(cell);
  }
}

const STYLE = `
:root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --code-bg: #f6f8fa;
  --accent: #0969da; --error-bg: #ffebe9; --error-border: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: #fff; line-height: 1.6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main, header.site, footer.site { max-width: 900px; margin: 0 auto; padding: 0 1.25rem; }
header.site { padding-top: 1rem; font-size: 0.9rem; }
footer.site { color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem;
  border-top: 1px solid var(--border); margin-top: 3rem; padding-top: 1rem; }
a { color: var(--accent); }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: 2rem; border-bottom: 1px solid var(--border); padding-bottom: 0.3em; }
h2 { font-size: 1.5rem; }
.cell { margin: 1rem 0; }
.prompt { color: var(--muted); font: 0.75rem ui-monospace, SFMono-Regular, Menlo, monospace; }
pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875rem; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; }
pre { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px;
  padding: 0.75rem 1rem; overflow-x: auto; line-height: 1.45; margin: 0.5rem 0; }
pre.source { border-left: 3px solid var(--accent); }
.outputs { margin: 0.5rem 0 0 0; }
.outputs pre { background: #fff; }
pre.output-stream.stderr { background: #fff8c5; }
.output-error pre { background: var(--error-bg); border: 1px solid var(--error-border);
  color: #82071e; white-space: pre-wrap; }
.output-image, .output-html { margin: 0.5rem 0; overflow-x: auto; }
.output-image svg, .output-image img, .output-html svg, .output-html img, .markdown-cell img {
  max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 0.75rem 0; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; }
th { background: var(--code-bg); }
blockquote { margin: 0.75rem 0; padding: 0 1rem; color: var(--muted);
  border-left: 4px solid var(--border); }
details { border: 1px solid var(--border); border-radius: 6px; padding: 0.5rem 1rem; margin: 0.75rem 0; }
details > summary { cursor: pointer; font-weight: 600; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.25rem 0; }
ul.notebooks { list-style: none; padding: 0; }
ul.notebooks li { padding: 0.75rem 0; border-bottom: 1px solid var(--border); }
ul.notebooks .file { color: var(--muted); font-size: 0.85rem; margin-left: 0.5rem; }
.status-failed { color: var(--error-border); font-weight: 600; }
`.trim();

function page(title: string, body: string, nav: string, footer = ""): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/katex.min.css">
<style>
${STYLE}
</style>
</head>
<body>
${nav}
<main>
${body}
</main>
${footer}
</body>
</html>
`;
}

/** Options for {@linkcode notebookPage}. */
export interface NotebookPageOptions {
  /** The notebook's name without extension (for the fallback title and footer). */
  name: string;
  /** Href of the index page (default `index.html`); `null` for no link. */
  indexHref?: string | null;
}

/**
 * Renders a notebook as a standalone HTML page (it links only
 * `assets/katex.min.css`).
 *
 * @example
 * ```ts
 * const html = notebookPage(nb, { name: "01-review" });
 * await Deno.writeTextFile("build/site/01-review.html", html);
 * ```
 */
export function notebookPage(nb: Notebook, options: NotebookPageOptions): string {
  const title = notebookTitle(nb, options.name);
  const indexHref = options.indexHref === undefined ? "index.html" : options.indexHref;
  const nav = indexHref === null
    ? ""
    : `<header class="site"><a href="${escapeHtml(indexHref)}">&larr; All notebooks</a></header>`;
  const cells = nb.cells.map(renderCell).join("\n");
  const footer = `<footer class="site">Executed notebook <code>${
    escapeHtml(options.name)
  }.ipynb</code></footer>`;
  return page(plainTitle(title), cells, nav, footer);
}

/** One entry of the index page. */
export interface IndexEntry {
  /** The notebook's title (markdown allowed, math rendered). */
  title: string;
  /** The notebook's file name, e.g. `01-review.ipynb`. */
  file: string;
  /** Link to its page, e.g. `01-review.html`. */
  href: string;
  /** True if the notebook failed to run completely. */
  failed?: boolean;
}

/**
 * Renders the index page listing the notebooks with their titles.
 *
 * @example
 * ```ts
 * indexPage([{ title: "Review", file: "01-review.ipynb", href: "01-review.html" }]);
 * ```
 */
export function indexPage(entries: IndexEntry[], heading = "Notebooks"): string {
  const items = entries.map((e) =>
    `<li><a href="${escapeHtml(e.href)}">${renderInlineMarkdown(e.title)}</a>` +
    `<span class="file">${escapeHtml(e.file)}</span>` +
    (e.failed ? ` <span class="status-failed">(did not run to the end)</span>` : "") +
    `</li>`
  ).join("\n");
  return page(
    heading,
    `<h1>${escapeHtml(heading)}</h1>\n<ul class="notebooks">\n${items}\n</ul>`,
    "",
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}

/**
 * Finds KaTeX's `dist` folder (with `katex.min.css` and `fonts/`) of the
 * KaTeX version in use, in the project's `node_modules` (found by walking up
 * from this file and from the working directory).
 *
 * @example
 * ```ts
 * const dist = await findKatexDist(); // ".../node_modules/katex/dist"
 * ```
 */
export async function findKatexDist(): Promise<string> {
  const starts = [Deno.cwd()];
  if (import.meta.url.startsWith("file:")) starts.unshift(dirname(fileURLToPath(import.meta.url)));
  const tried: string[] = [];
  for (const start of starts) {
    for (let dir = start;; dir = dirname(dir)) {
      const modules = join(dir, "node_modules");
      for (
        const candidate of [
          join(modules, ".deno", `katex@${katex.version}`, "node_modules", "katex"),
          join(modules, "katex"),
        ]
      ) {
        tried.push(candidate);
        const pkg = join(candidate, "package.json");
        if (!(await exists(pkg))) continue;
        const { version } = JSON.parse(await Deno.readTextFile(pkg));
        if (version === katex.version && await exists(join(candidate, "dist", "katex.min.css"))) {
          return join(candidate, "dist");
        }
      }
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(
    `KaTeX ${katex.version} assets not found (looked in ${tried.length} places, e.g. ${
      tried[0]
    }); run the task from the project, which uses "nodeModulesDir": "auto"`,
  );
}

async function copyDir(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory) await copyDir(source, target);
    else await Deno.copyFile(source, target);
  }
}

/**
 * Copies `katex.min.css` and its `fonts/` folder into `assetsDir`, so the
 * pages render math offline.
 *
 * @example
 * ```ts
 * await copyKatexAssets("build/site/assets");
 * ```
 */
export async function copyKatexAssets(assetsDir: string): Promise<void> {
  const dist = await findKatexDist();
  await Deno.mkdir(assetsDir, { recursive: true });
  await Deno.copyFile(join(dist, "katex.min.css"), join(assetsDir, "katex.min.css"));
  await copyDir(join(dist, "fonts"), join(assetsDir, "fonts"));
}
