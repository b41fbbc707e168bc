/**
 * Every notebook in notebooks/ (found at run time, so new notebooks are
 * picked up automatically), one test each: committed without outputs, runs
 * in the real Deno kernel without error output, every code cell tagged
 * "figure" shows a figure, and every SVG output is a standalone SVG.
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { codeCells, joinText, type Output, readNotebook } from "../tools/notebook.ts";
import { formatFailure, listNotebooks, runNotebook } from "../tools/run_notebooks.ts";

const NOTEBOOKS = new URL("../notebooks/", import.meta.url).pathname;
const paths = await listNotebooks(NOTEBOOKS);

function rich(output: Output): Record<string, unknown> | undefined {
  return output.output_type === "display_data" || output.output_type === "execute_result"
    ? output.data
    : undefined;
}

if (paths.length === 0) {
  Deno.test({ name: "notebooks/: no notebooks yet", ignore: true, fn() {} });
}

for (const path of paths) {
  const file = basename(path);
  Deno.test(`notebook ${file}: clean, runs without errors, figure cells show SVG figures`, async () => {
    const committed = await readNotebook(path);
    const dirty = codeCells(committed).flatMap((cell, i) =>
      cell.outputs.length > 0 || cell.execution_count !== null ? [i + 1] : []
    );
    assert.deepEqual(
      dirty,
      [],
      `${file}: code cells ${dirty.join(", ")} are committed with outputs`,
    );

    const run = await runNotebook(path);
    assert.ok(run.ok, formatFailure(run));
    assert.equal(run.cells.length, run.totalCells);
    for (const cell of run.cells) {
      const where = `${file} code cell ${cell.number}`;
      for (const output of cell.outputs) {
        assert.notEqual(output.output_type, "error", `${where} shows an error`);
        if (output.output_type === "stream" && output.name === "stderr") {
          const text = joinText(output.text);
          assert.doesNotMatch(text, /error/i, `${where} printed an error on stderr: ${text}`);
        }
      }
      const bundles = cell.outputs.map(rich).filter((d) => d !== undefined);
      if (cell.tags.includes("figure")) {
        assert.ok(
          bundles.some((d) => "image/svg+xml" in d || "text/html" in d),
          `${where} is tagged "figure" but shows no figure`,
        );
      }
      for (const data of bundles) {
        if (!("image/svg+xml" in data)) continue;
        const raw = data["image/svg+xml"];
        const svg = (Array.isArray(raw) ? raw.join("") : String(raw)).trim();
        assert.ok(svg.startsWith("<svg"), `${where}: SVG output starts with ${svg.slice(0, 20)}`);
        assert.match(
          svg.slice(0, svg.indexOf(">")),
          /\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
          `${where}: SVG output has no xmlns`,
        );
      }
    }
  });
}
