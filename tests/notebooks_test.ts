/**
 * Every notebook in notebooks/ (found at run time, so new notebooks are
 * picked up automatically), one test each: committed without outputs, runs
 * in the real Deno kernel without error output, every code cell tagged
 * "figure" shows a figure, and every SVG output is a standalone SVG. Each
 * notebook runs once; what must appear in it (quiz answers, the numbers the
 * narrative quotes) is listed per notebook in `EXPECTED` below.
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

/** What each lecture notebook must contain and show, beyond the common checks. */
const EXPECTED: Record<string, { quizAnswers: number; figures: number; shows: RegExp[] }> = {
  "01-review.ipynb": {
    quizAnswers: 7,
    figures: 18,
    shows: [
      /not yet: /, // the homework skeletons answer "not yet" instead of failing
      /A: fixed point/, // seven letters: A is stable
      /Seven letters stored: A is recalled/,
      /R added: A is not stable any more/,
      /P_error = 0\.001: M\/N up to 0\.105/,
      /P_error = 0\.01: M\/N up to 0\.185/,
      /8 flipped pixels: the state alternates \(stopped by: 2-cycle\)/,
    ],
  },
  "02-stochastic.ipynb": {
    quizAnswers: 3,
    figures: 10,
    shows: [/not yet: /, /0\.4000 → 0\.6640 → 0\.8688/, /betaFor097: 2\.157/],
  },
  "03-energy.ipynb": {
    quizAnswers: 5,
    figures: 8,
    shows: [/not yet: /, /largest single increase of E: 0/],
  },
};

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

    assert.equal(committed.nbformat, 4);
    const kernelspec = committed.metadata.kernelspec as { name?: string } | undefined;
    assert.equal(kernelspec?.name, "deno", `${file}: kernelspec`);
    const ids = committed.cells.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, `${file}: cell ids are unique`);
    const firstCode = joinText(codeCells(committed)[0]?.source ?? "");
    assert.match(
      firstCode,
      /^\/\/ Parameters/,
      `${file}: the first code cell holds the parameters`,
    );
    const text = committed.cells.map((c) => joinText(c.source)).join("\n");
    const expected = EXPECTED[file];
    if (expected) {
      const answers = text.match(/<details><summary>Answer<\/summary>/g)?.length ?? 0;
      assert.equal(answers, expected.quizAnswers, `${file}: quiz answers`);
      assert.match(text, /<details><summary>A solution<\/summary>/, `${file}: exercise solution`);
    }

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
    if (expected) {
      const figures = run.cells.filter((c) => c.tags.includes("figure")).length;
      assert.ok(figures >= expected.figures, `${file}: ${figures} figure cells`);
      const shown = run.cells.flatMap((c) => c.outputs).map((o) => JSON.stringify(o)).join("\n");
      for (const pattern of expected.shows) {
        assert.match(shown, pattern, `${file} shows ${pattern}`);
      }
    }
  });
}
