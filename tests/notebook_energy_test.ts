/**
 * Notebook 3 (the energy landscape) runs top to bottom in the real Deno
 * kernel, every figure cell shows a figure, and the committed file carries no
 * outputs.
 */
import assert from "node:assert/strict";
import { runNotebook } from "../tools/run_notebooks.ts";

const PATH = new URL("../notebooks/03-energy.ipynb", import.meta.url).pathname;

Deno.test("notebook 3 is committed clean: nbformat 4.5, Deno kernelspec, ids, no outputs", async () => {
  const nb = JSON.parse(await Deno.readTextFile(PATH));
  assert.equal(nb.nbformat, 4);
  assert.equal(nb.nbformat_minor, 5);
  assert.equal(nb.metadata.kernelspec.name, "deno");
  assert.equal(nb.metadata.language_info.name, "typescript");
  const ids = new Set<string>();
  for (const cell of nb.cells) {
    assert.ok(typeof cell.id === "string" && cell.id.length > 0);
    ids.add(cell.id);
    if (cell.cell_type === "code") {
      assert.equal(cell.execution_count, null);
      assert.deepEqual(cell.outputs, []);
    }
  }
  assert.equal(ids.size, nb.cells.length, "cell ids are unique");
  const text = nb.cells.map((c: { source: string[] | string }) =>
    Array.isArray(c.source) ? c.source.join("") : c.source
  ).join("\n");
  // quiz 3: five statements, each with a revealable answer
  assert.match(text, /## Quiz 3/);
  assert.equal(text.match(/<details><summary>Answer<\/summary>/g)?.length, 5);
  assert.match(text, /<details><summary>A solution<\/summary>/);
  // the parameter cell comes first among the code cells
  const firstCode = nb.cells.find((c: { cell_type: string }) => c.cell_type === "code");
  assert.match(firstCode.source.join(""), /^\/\/ Parameters/);
});

Deno.test({
  name: "notebook 3 runs in the kernel; every figure cell shows a figure",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const run = await runNotebook(PATH, { timeoutMs: 120_000 });
    assert.ok(run.ok, run.failure ? JSON.stringify(run.failure.error) : "");
    const figures = run.cells.filter((c) => c.tags.includes("figure"));
    assert.ok(figures.length >= 8, `${figures.length} figure cells`);
    for (const cell of figures) {
      const shown = cell.outputs.some((o) =>
        "data" in o && o.data && ("image/svg+xml" in o.data || "text/html" in o.data)
      );
      assert.ok(shown, `code cell ${cell.number} is tagged "figure" but shows no figure`);
    }
    // the exercise skeleton answers "not yet" instead of failing
    const all = run.cells.flatMap((c) => c.outputs).map((o) => JSON.stringify(o)).join("\n");
    assert.match(all, /not yet: /);
    assert.match(all, /largest single increase of E: 0/);
  },
});
