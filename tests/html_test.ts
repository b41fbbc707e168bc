/**
 * tools/html.ts and tools/markdown.ts: escaping, math, inline figures,
 * index page and the offline KaTeX assets.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  copyKatexAssets,
  escapeHtml,
  indexPage,
  notebookPage,
  notebookTitle,
  renderOutput,
  stripAnsi,
} from "../tools/html.ts";
import { extractMath, placeholder, renderMarkdown } from "../tools/markdown.ts";
import type { Notebook, Output } from "../tools/notebook.ts";

const SCRIPT = "<script>alert(1)</script>";

function notebook(markdown: string, outputs: Output[], source = "const x = 1;"): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", metadata: {}, source: markdown },
      { cell_type: "code", metadata: {}, source, execution_count: 1, outputs },
    ],
  };
}

Deno.test("escapeHtml and stripAnsi", () => {
  assert.equal(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
  assert.equal(stripAnsi("\x1b[31mError\x1b[0m: \x1b[1mboom\x1b[22m"), "Error: boom");
});

Deno.test("text from the notebook is escaped: stream, text/plain, errors, code source", () => {
  const page = notebookPage(
    notebook("# T", [
      { output_type: "stream", name: "stdout", text: `${SCRIPT}\n` },
      {
        output_type: "execute_result",
        execution_count: 1,
        data: { "text/plain": SCRIPT },
        metadata: {},
      },
      { output_type: "error", ename: "Error", evalue: SCRIPT, traceback: [`Error: ${SCRIPT}`] },
    ], `console.log("${SCRIPT}");`),
    { name: "t" },
  );
  assert.ok(!page.includes(SCRIPT), "no raw <script> from text output or code");
  assert.equal(page.split("&lt;script&gt;alert(1)&lt;/script&gt;").length - 1, 4);
});

Deno.test("markdown code spans and code blocks are escaped, raw <details> HTML is kept", () => {
  const md = "Inline `" + SCRIPT + '` and\n\n```ts\nconst s = "' + SCRIPT + '";\n```\n\n' +
    "<details><summary>Answer</summary>\n\nIt is **42**.\n\n</details>";
  const html = renderMarkdown(md);
  assert.ok(!html.includes(SCRIPT));
  assert.match(html, /<code>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/code>/);
  assert.match(html, /<details><summary>Answer<\/summary>/);
  assert.match(html, /<strong>42<\/strong>/);
});

Deno.test("math is rendered with KaTeX: $...$, $$...$$, \\(...\\), \\[...\\]", () => {
  const html = renderMarkdown(
    "Inline $x^2$, display $$\\sum_i w_{ij}$$, paren \\(a_1\\) and bracket \\[b^*\\].",
  );
  assert.equal(html.split('class="katex"').length - 1, 4);
  assert.equal(html.split('class="katex-display"').length - 1, 2);
  assert.match(html, /<annotation encoding="application\/x-tex">x\^2<\/annotation>/);
  // markdown did not eat the subscript underscores or the star
  assert.match(html, /w_\{ij\}<\/annotation>/);
  assert.match(html, /b\^\*<\/annotation>/);
});

Deno.test("dollars in code, escaped dollars and prices are not math", () => {
  const { math, text } = extractMath(
    "`cost $a$` and\n\n```\nlet s = `${x}` + $y$;\n```\n\nit costs $5 and $10, \\$z\\$, but $m$.",
  );
  assert.deepEqual(math, [{ tex: "m", display: false }]);
  assert.ok(text.endsWith(`but ${placeholder(0)}.`));
  const html = renderMarkdown("`$x$`");
  assert.equal(html, "<p><code>$x$</code></p>\n");
});

Deno.test("invalid TeX does not throw; it is shown as an error span", () => {
  const html = renderMarkdown("bad $\\frac{1$ math");
  assert.match(html, /katex-error/);
});

Deno.test("figures: SVG inline (XML declaration dropped), PNG as data URL, HTML output inline", () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect/></svg>';
  const svgHtml = renderOutput({
    output_type: "display_data",
    data: { "image/svg+xml": `<?xml version="1.0"?>\n${svg}`, "text/plain": "a rect" },
    metadata: {},
  });
  assert.equal(svgHtml, `<div class="output-image">${svg}</div>`);
  const png = renderOutput({
    output_type: "display_data",
    data: { "image/png": "iVBORw0KGgo=\n", "text/plain": "<plot>" },
    metadata: {},
  });
  assert.match(png, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="&lt;plot&gt;">/);
  const html = renderOutput({
    output_type: "execute_result",
    execution_count: 2,
    data: { "text/html": "<b>ok</b>", "text/plain": "ok" },
    metadata: {},
  });
  assert.equal(html, '<div class="output-html"><b>ok</b></div>');
});

Deno.test("errors are shown in a red box with the ANSI-free traceback", () => {
  const html = renderOutput({
    output_type: "error",
    ename: "TypeError",
    evalue: "x is not a function",
    traceback: ["\x1b[31mTypeError\x1b[0m: x is not a function", "    at <anonymous>:1:1"],
  });
  assert.equal(
    html,
    '<div class="output-error"><pre>TypeError: x is not a function\n    at &lt;anonymous&gt;:1:1</pre></div>',
  );
  const noTraceback = renderOutput({
    output_type: "error",
    ename: "Error",
    evalue: "boom",
    traceback: [],
  });
  assert.match(noTraceback, /<pre>Error: boom<\/pre>/);
});

Deno.test("notebook page: standalone, title from the first heading, KaTeX stylesheet linked", () => {
  const nb = notebook("Intro text\n\n## The energy $E$ <b>\n\nmore", []);
  assert.equal(notebookTitle(nb, "fallback"), "The energy $E$ <b>");
  assert.equal(notebookTitle(notebook("no heading", []), "fallback"), "fallback");
  const page = notebookPage(nb, { name: "03-energy" });
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<title>The energy \$E\$ &lt;b&gt;<\/title>/);
  assert.match(page, /<link rel="stylesheet" href="assets\/katex\.min\.css">/);
  assert.match(page, /max-width: 900px/);
  assert.match(page, /<a href="index\.html">/);
  assert.doesNotMatch(page, /<script/);
});

Deno.test("index page lists every notebook with its title and link, escaped", () => {
  const html = indexPage([
    { title: "Review with $x^2$", file: "01-review.ipynb", href: "01-review.html" },
    { title: "Energy", file: "03-<energy>.ipynb", href: "03-energy.html", failed: true },
  ]);
  assert.match(html, /<a href="01-review\.html">Review with <span class="katex">/);
  assert.match(html, /<a href="03-energy\.html">Energy<\/a>/);
  assert.match(html, /03-&lt;energy&gt;\.ipynb/);
  assert.match(html, /did not run to the end/);
});

Deno.test("copyKatexAssets copies the stylesheet and every font it references", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await copyKatexAssets(join(dir, "assets"));
    const css = await Deno.readTextFile(join(dir, "assets", "katex.min.css"));
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]);
    assert.ok(fonts.length > 10, `${fonts.length} fonts referenced`);
    for (const font of new Set(fonts)) {
      const info = await Deno.stat(join(dir, "assets", font));
      assert.ok(info.isFile && info.size > 0, font);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
