/**
 * tools/notebook.ts: reading and validating nbformat 4, stable writing,
 * stripping outputs, and turning kernel messages into outputs.
 */
import assert from "node:assert/strict";
import {
  type Notebook,
  NotebookFormatError,
  OutputCollector,
  parseNotebook,
  readNotebook,
  serializeNotebook,
  splitLines,
  stripOutputs,
} from "../tools/notebook.ts";

function sample(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    cells: [
      { cell_type: "markdown", id: "a", metadata: {}, source: "# Title\n\ntext" },
      {
        cell_type: "code",
        id: "b",
        metadata: { tags: ["figure"] },
        source: "const x = 1;\nx",
        execution_count: 3,
        outputs: [
          { output_type: "stream", name: "stdout", text: "one\ntwo\n" },
          {
            output_type: "execute_result",
            execution_count: 3,
            data: { "text/plain": "1", "image/svg+xml": "<svg>\n</svg>", "image/png": "iVBOR" },
            metadata: {},
          },
        ],
      },
    ],
  };
}

Deno.test("splitLines keeps line endings like Jupyter", () => {
  assert.deepEqual(splitLines("a\nb\n"), ["a\n", "b\n"]);
  assert.deepEqual(splitLines("a\nb"), ["a\n", "b"]);
  assert.deepEqual(splitLines("\n\n"), ["\n", "\n"]);
  assert.deepEqual(splitLines(""), []);
});

Deno.test("parseNotebook rejects invalid JSON and names the file", () => {
  assert.throws(
    () => parseNotebook("{not json", "broken.ipynb"),
    (e: unknown) =>
      e instanceof NotebookFormatError && /broken\.ipynb/.test(e.message) &&
      /invalid JSON/.test(e.message),
  );
});

Deno.test("parseNotebook rejects other nbformat versions, naming the file and the value", () => {
  const v3 = JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [] });
  assert.throws(() => parseNotebook(v3, "old.ipynb"), /old\.ipynb.*nbformat must be 4, got 3/);
});

Deno.test("parseNotebook names the offending cell", () => {
  const nb = sample() as unknown as Record<string, unknown>;
  const cells = structuredClone(nb.cells) as Record<string, unknown>[];
  delete cells[1].outputs;
  assert.throws(
    () => parseNotebook(JSON.stringify({ ...nb, cells }), "x.ipynb"),
    /x\.ipynb.*cell 2: outputs must be an array/,
  );
  cells[1].outputs = [{ output_type: "stream", name: "stdlog", text: "" }];
  assert.throws(
    () => parseNotebook(JSON.stringify({ ...nb, cells }), "x.ipynb"),
    /cell 2, output 1: stream name must be "stdout" or "stderr", got "stdlog"/,
  );
  cells[1].cell_type = "python";
  assert.throws(
    () => parseNotebook(JSON.stringify({ ...nb, cells }), "x.ipynb"),
    /cell 2: cell_type must be "code", "markdown" or "raw", got "python"/,
  );
});

Deno.test("readNotebook names a missing file", async () => {
  await assert.rejects(
    () => readNotebook("does/not/exist.ipynb"),
    (e: unknown) => e instanceof Deno.errors.NotFound && /does\/not\/exist\.ipynb/.test(e.message),
  );
});

Deno.test("stripOutputs clears outputs and counts without touching the input", () => {
  const nb = sample();
  const clean = stripOutputs(nb);
  const code = clean.cells[1];
  assert.equal(code.cell_type, "code");
  if (code.cell_type !== "code") return;
  assert.deepEqual(code.outputs, []);
  assert.equal(code.execution_count, null);
  assert.deepEqual(code.metadata, { tags: ["figure"] });
  const original = nb.cells[1];
  assert.ok(original.cell_type === "code" && original.outputs.length === 2);
});

Deno.test("serializeNotebook: sorted keys, 2-space indent, lines as lists, trailing newline", () => {
  const text = serializeNotebook(sample());
  assert.ok(text.endsWith("}\n"));
  assert.match(text, /^\{\n {2}"cells": \[/);
  const parsed = JSON.parse(text);
  assert.deepEqual(Object.keys(parsed), ["cells", "metadata", "nbformat", "nbformat_minor"]);
  assert.deepEqual(Object.keys(parsed.cells[1]), [
    "cell_type",
    "execution_count",
    "id",
    "metadata",
    "outputs",
    "source",
  ]);
  assert.deepEqual(parsed.cells[1].source, ["const x = 1;\n", "x"]);
  assert.deepEqual(parsed.cells[1].outputs[0].text, ["one\n", "two\n"]);
  const data = parsed.cells[1].outputs[1].data;
  assert.deepEqual(data["image/svg+xml"], ["<svg>\n", "</svg>"]);
  assert.equal(data["image/png"], "iVBOR", "binary data stays one string");
  // stable: writing what was read gives the same bytes
  assert.equal(serializeNotebook(parseNotebook(text, "round-trip")), text);
});

Deno.test("OutputCollector merges consecutive text of the same stream only", () => {
  const c = new OutputCollector();
  c.add("status", { execution_state: "busy" });
  c.add("stream", { name: "stdout", text: "a\n" });
  c.add("stream", { name: "stdout", text: "b\n" });
  c.add("stream", { name: "stderr", text: "warn\n" });
  c.add("stream", { name: "stdout", text: "c\n" });
  c.add("execute_result", { execution_count: 7, data: { "text/plain": "42" }, metadata: {} });
  assert.deepEqual(c.outputs, [
    { output_type: "stream", name: "stdout", text: "a\nb\n" },
    { output_type: "stream", name: "stderr", text: "warn\n" },
    { output_type: "stream", name: "stdout", text: "c\n" },
    {
      output_type: "execute_result",
      execution_count: 7,
      data: { "text/plain": "42" },
      metadata: {},
    },
  ]);
  assert.equal(c.hasError, false);
  c.add("error", { ename: "Error", evalue: "boom", traceback: ["Error: boom", "  at x"] });
  assert.equal(c.hasError, true);
  assert.deepEqual(c.outputs.at(-1), {
    output_type: "error",
    ename: "Error",
    evalue: "boom",
    traceback: ["Error: boom", "  at x"],
  });
});

Deno.test("OutputCollector honours clear_output (also wait=true) and update_display_data", () => {
  const c = new OutputCollector();
  c.add("stream", { name: "stdout", text: "old\n" });
  c.add("clear_output", { wait: true });
  assert.equal(c.outputs.length, 1, "wait=true clears only when new output arrives");
  c.add("display_data", {
    data: { "text/plain": "v1" },
    metadata: {},
    transient: { display_id: "d" },
  });
  assert.deepEqual(c.outputs, [{
    output_type: "display_data",
    data: { "text/plain": "v1" },
    metadata: {},
  }]);
  c.add("update_display_data", {
    data: { "text/plain": "v2" },
    metadata: {},
    transient: { display_id: "d" },
  });
  assert.deepEqual(c.outputs[0], {
    output_type: "display_data",
    data: { "text/plain": "v2" },
    metadata: {},
  });
  c.add("clear_output", { wait: false });
  assert.deepEqual(c.outputs, []);
});
