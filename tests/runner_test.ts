/**
 * The notebook runner against the real Deno kernel (tests/fixtures/*.ipynb):
 * outputs of a good notebook, a failing cell named in the CLI's message,
 * timeouts that leave no kernel process behind, the written files, and the
 * CLI's handling of bad arguments. Five kernels are started in all.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cellError } from "../tools/kernel.ts";
import { type CodeCell, type Output, readNotebook } from "../tools/notebook.ts";
import { type NotebookRun, parseArgs, runNotebook, writeRun } from "../tools/run_notebooks.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const CLI = new URL("../tools/run_notebooks.ts", import.meta.url).pathname;

function processExists(pid: number): boolean {
  try {
    Deno.statSync(`/proc/${pid}`);
    return true;
  } catch {
    return false;
  }
}

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    env: { NO_COLOR: "1" },
    stdin: "null",
  }).output();
  const text = new TextDecoder();
  return { code, stdout: text.decode(stdout), stderr: text.decode(stderr) };
}

function bundles(outputs: Output[]): Record<string, unknown>[] {
  return outputs.flatMap((o) =>
    o.output_type === "display_data" || o.output_type === "execute_result" ? [o.data] : []
  );
}

Deno.test("a good notebook: merged stream, execute_result, Jupyter.display bundles, cwd", async () => {
  const run = await runNotebook(join(FIXTURES, "good.ipynb"), { timeoutMs: 30_000 });
  assert.ok(run.ok, JSON.stringify(run.failure?.error));
  assert.equal(run.totalCells, 6);
  assert.deepEqual(run.cells.map((c) => c.status), ["ok", "ok", "ok", "ok", "ok", "ok"]);
  assert.equal(processExists(run.kernelPid), false, "the kernel process is gone");

  const [hello, answer, figure, html, empty, cwd] = run.cells;
  assert.deepEqual(hello.outputs, [{
    output_type: "stream",
    name: "stdout",
    text: "hello\nworld\n",
  }]);
  assert.deepEqual(answer.outputs, [{
    output_type: "execute_result",
    execution_count: answer.executionCount,
    data: { "text/plain": "42" },
    metadata: {},
  }]);
  assert.ok(answer.executionCount !== null && answer.executionCount > hello.executionCount!);
  assert.deepEqual(figure.tags, ["figure"]);
  const [svgBundle] = bundles(figure.outputs);
  assert.match(
    String(svgBundle["image/svg+xml"]),
    /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
  );
  assert.equal(svgBundle["text/plain"], "a circle");
  assert.deepEqual(html.outputs, [
    {
      output_type: "display_data",
      data: { "text/html": "<b>bold</b>", "text/plain": "bold" },
      metadata: {},
    },
    { output_type: "stream", name: "stderr", text: "a warning on stderr\n" },
  ]);
  assert.equal(empty.executionCount, null, "empty cells are not sent to the kernel");
  assert.deepEqual(bundles(cwd.outputs), [{ "text/plain": '"fixtures"' }], "cwd = notebook folder");

  // the executed notebook keeps the markdown cells and carries the outputs
  const codeCells = run.notebook.cells.filter((c): c is CodeCell => c.cell_type === "code");
  assert.equal(run.notebook.cells.length, 8);
  assert.deepEqual(codeCells.map((c) => c.execution_count), run.cells.map((c) => c.executionCount));
  assert.deepEqual(codeCells[0].outputs, hello.outputs);
  await checkWrittenFiles(run);
});

/** writeRun writes a valid nbformat 4 notebook, the SVG figures and the page. */
async function checkWrittenFiles(run: NotebookRun): Promise<void> {
  const out = await Deno.makeTempDir();
  try {
    await writeRun(run, out);
    const written = await readNotebook(join(out, "notebooks", "good.ipynb")); // validates nbformat 4
    assert.equal(written.nbformat, 4);
    assert.deepEqual(
      written.cells.map((c) => c.cell_type === "code" ? c.execution_count : "md"),
      run.notebook.cells.map((c) => c.cell_type === "code" ? c.execution_count : "md"),
    );
    const figures = [...Deno.readDirSync(join(out, "figures", "good"))].map((e) => e.name);
    assert.deepEqual(figures, ["cell-03-1.svg"]);
    const svg = await Deno.readTextFile(join(out, "figures", "good", "cell-03-1.svg"));
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns=/);
    const page = await Deno.readTextFile(join(out, "site", "good.html"));
    assert.match(page, /<div class="output-image"><svg xmlns=/);
    assert.match(page, /class="katex"/, "the heading's $x^2$ is rendered");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

Deno.test("CLI: an error in the 3rd code cell exits non-zero naming cell 3 and the traceback", async () => {
  const out = await Deno.makeTempDir();
  try {
    const { code, stdout, stderr } = await runCli([
      join(FIXTURES, "error.ipynb"),
      "--out",
      out,
      "--timeout",
      "30",
    ]);
    assert.equal(code, 1, stderr);
    assert.match(stdout, /error\.ipynb {2}cell 3\/4 {2}ERROR/);
    assert.match(stderr, /error\.ipynb: cell 3\/4 failed with Error: deliberate failure in cell 3/);
    assert.match(stderr, /at <anonymous>:2:\d+/, "the traceback is printed");
    // the partial output is written: cells 1-3 ran, cell 4 did not
    const nb = await readNotebook(join(out, "notebooks", "error.ipynb"));
    const cells = nb.cells.filter((c): c is CodeCell => c.cell_type === "code");
    assert.deepEqual(cells.map((c) => c.execution_count === null), [false, false, false, true]);
    assert.equal(cells[2].outputs.at(-1)?.output_type, "error");
    assert.deepEqual(cells[3].outputs, []);
    const page = await Deno.readTextFile(join(out, "site", "error.html"));
    assert.match(page, /class="output-error"><pre>Error: deliberate failure in cell 3/);
    const index = await Deno.readTextFile(join(out, "site", "index.html"));
    assert.match(index, /did not run to the end/);
    // a later run of another notebook into the same folder keeps the first one in the index
    const second = await runCli([join(FIXTURES, "good.ipynb"), "--out", out, "--timeout", "30"]);
    assert.equal(second.code, 0, second.stderr);
    const both = await Deno.readTextFile(join(out, "site", "index.html"));
    assert.match(both, /href="error\.html"[\s\S]*did not run to the end[\s\S]*href="good\.html"/);
    assert.match(both, /<h1>Attractor networks and generalizations of the Hopfield model/);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

for (const [fixture, what] of [["hang-busy", "busy loop"], ["hang-promise", "await forever"]]) {
  Deno.test(`a hanging cell (${what}) times out and its kernel process is gone`, async () => {
    const timeoutMs = 1500;
    const run = await runNotebook(join(FIXTURES, `${fixture}.ipynb`), { timeoutMs });
    assert.equal(run.ok, false);
    const failure = run.failure!;
    assert.equal(failure.status, "timeout");
    assert.equal(failure.number, run.cells.length, "the run stopped at the hanging cell");
    assert.match(failure.error!.evalue, /did not finish within 1\.5 s/);
    assert.ok(failure.durationMs >= timeoutMs, `${failure.durationMs} ms`);
    assert.ok(failure.durationMs < timeoutMs + 5000, `${failure.durationMs} ms`);
    assert.equal(processExists(run.kernelPid), false, `kernel ${run.kernelPid} still exists`);
  });
}

Deno.test("cellError detects errors reported only in execute_reply (Deno 2.8) or on iopub", () => {
  const outputs: Output[] = [{ output_type: "stream", name: "stdout", text: "x\n" }];
  const error = cellError(outputs, {
    status: "error",
    ename: "TypeError",
    evalue: "boom",
    traceback: ["TypeError: boom"],
  });
  assert.deepEqual(error, { ename: "TypeError", evalue: "boom", traceback: ["TypeError: boom"] });
  assert.equal(outputs.length, 2, "the error becomes an output");
  assert.equal(outputs[1].output_type, "error");
  const shown: Output[] = [{ output_type: "error", ename: "E", evalue: "v", traceback: [] }];
  assert.deepEqual(cellError(shown, { status: "ok" }), { ename: "E", evalue: "v", traceback: [] });
  assert.equal(shown.length, 1);
  assert.equal(cellError([], { status: "ok" }), undefined);
});

Deno.test("CLI arguments: defaults, --timeout and --out parsed, bad values named", () => {
  assert.deepEqual(parseArgs([]), {
    notebooks: [],
    timeoutSeconds: 120,
    outDir: "build",
    help: false,
  });
  assert.deepEqual(parseArgs(["a.ipynb", "--timeout=2.5", "--out", "x"]), {
    notebooks: ["a.ipynb"],
    timeoutSeconds: 2.5,
    outDir: "x",
    help: false,
  });
  for (const bad of ["abc", "0", "-3", "", "Infinity"]) {
    assert.throws(
      () => parseArgs(["--timeout", bad]),
      new RegExp(`--timeout must be a positive number of seconds, got "${bad}"`),
    );
  }
  assert.throws(() => parseArgs(["--timeout"]), /--timeout needs a value/);
  assert.throws(() => parseArgs(["--verbose"]), /unknown option "--verbose"/);
});

Deno.test("CLI: bad input fails fast with exit code 2, naming the file or the value", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const broken = join(dir, "broken.ipynb");
    await Deno.writeTextFile(broken, "{ not json");
    const missing = join(dir, "missing.ipynb");
    for (
      const [args, pattern] of [
        [[missing], /notebook file not found: .*missing\.ipynb/],
        [[broken], /broken\.ipynb: not a valid nbformat 4 notebook: invalid JSON/],
        [["--timeout", "soon"], /--timeout must be a positive number of seconds, got "soon"/],
      ] as const
    ) {
      const { code, stderr } = await runCli([...args, "--out", join(dir, "out")]);
      assert.equal(code, 2, stderr);
      assert.match(stderr, pattern);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
