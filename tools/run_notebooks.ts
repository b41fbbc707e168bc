/**
 * The main job: runs every notebook through the real Deno Jupyter kernel and
 * writes the executed notebooks, their SVG figures and an offline HTML site.
 *
 * ```sh
 * deno task notebooks                      # every notebooks/*.ipynb, output in build/
 * deno task notebooks notebooks/01-review.ipynb --timeout 60 --out /tmp/build
 * ```
 *
 * Output (under `--out`, default `build/`):
 * - `notebooks/<name>.ipynb`: the executed notebook (outputs, execution counts);
 * - `figures/<name>/cell-<NN>-<k>.svg`: the k-th SVG output of code cell NN;
 * - `site/index.html`, `site/<name>.html`, `site/assets/`: the HTML site.
 *
 * Each notebook gets a fresh kernel whose working directory is the
 * notebook's folder; its code cells run in order and the notebook stops at
 * the first failing cell (its partial output is still written). The exit
 * code is 0 when every notebook ran to the end, 1 when one failed and 2 for
 * bad arguments.
 *
 * @example
 * ```ts
 * import { formatFailure, runNotebook } from "./run_notebooks.ts";
 *
 * const run = await runNotebook("notebooks/01-review.ipynb", { timeoutMs: 60_000 });
 * if (!run.ok) console.error(formatFailure(run));
 * ```
 *
 * @module
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import { copyKatexAssets, indexPage, notebookPage, notebookTitle } from "./html.ts";
import { type CellError, Kernel } from "./kernel.ts";
import {
  cellTags,
  joinText,
  type Notebook,
  type Output,
  readNotebook,
  stripOutputs,
  writeNotebook,
} from "./notebook.ts";

/**
 * Heading of the site's index page.
 *
 * @example
 * ```ts
 * indexPage([], SITE_HEADING);
 * ```
 */
export const SITE_HEADING =
  "Attractor networks and generalizations of the Hopfield model: course notebooks";

/** One line of the site's index. */
interface IndexEntry {
  title: string;
  file: string;
  href: string;
  failed: boolean;
}

/**
 * The index entries of this run plus those of notebooks executed by earlier
 * runs into the same output folder (so running one notebook does not drop
 * the others from the index), sorted by file name. An earlier notebook counts
 * as failed if one of its cells shows an error.
 */
async function withEarlierRuns(entries: IndexEntry[], notebookDir: string): Promise<IndexEntry[]> {
  const byFile = new Map(entries.map((e) => [e.file, e]));
  for (const path of await listNotebooks(notebookDir).catch(() => [] as string[])) {
    const file = basename(path);
    if (byFile.has(file)) continue;
    const notebook = await readNotebook(path).catch(() => null);
    if (!notebook) continue;
    const name = basename(file, extname(file));
    const failed = notebook.cells.some((c) =>
      c.cell_type === "code" && c.outputs.some((o) => o.output_type === "error")
    );
    byFile.set(file, { title: notebookTitle(notebook, name), file, href: `${name}.html`, failed });
  }
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * Default per-cell timeout, in seconds.
 *
 * @example
 * ```ts
 * await runNotebook(path, { timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000 });
 * ```
 */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** Options for {@linkcode runNotebook}. */
export interface RunOptions {
  /** Per-cell timeout in ms (default 120 000). */
  timeoutMs?: number;
  /** Called once the kernel is ready. */
  onKernelStarted?: (info: { pid: number; startupMs: number }) => void;
  /** Called after each code cell. */
  onCell?: (cell: CellResult, total: number) => void;
}

/** What happened to one code cell. */
export interface CellResult {
  /** 1-based number among the notebook's code cells ("cell 3" = third code cell). */
  number: number;
  /** Index of the cell in `notebook.cells`. */
  cellIndex: number;
  /** `"ok"`, `"error"` (raised, or the kernel died) or `"timeout"`. */
  status: "ok" | "error" | "timeout";
  /** Wall-clock run time in ms. */
  durationMs: number;
  /** The execution count the kernel gave the cell (null for empty cells). */
  executionCount: number | null;
  /** The cell's outputs, in nbformat form. */
  outputs: Output[];
  /** The cell's metadata tags. */
  tags: string[];
  /** Set when `status` is not `"ok"`. */
  error?: CellError;
}

/** The result of {@linkcode runNotebook}. */
export interface NotebookRun {
  /** The notebook's path, as given. */
  path: string;
  /** Its file name without `.ipynb`. */
  name: string;
  /** The executed notebook (outputs up to and including a failing cell). */
  notebook: Notebook;
  /** The code cells that ran, in order. */
  cells: CellResult[];
  /** Number of code cells in the notebook. */
  totalCells: number;
  /** True when every code cell ran without error. */
  ok: boolean;
  /** The cell that failed, if any. */
  failure?: CellResult;
  /** Process id the kernel had (it is gone when `runNotebook` returns). */
  kernelPid: number;
  /** Kernel start-up time in ms. */
  startupMs: number;
  /** Total time in ms, start-up included. */
  durationMs: number;
}

/**
 * Runs a notebook's code cells in order in a fresh Deno kernel (working
 * directory: the notebook's folder), stopping at the first failing cell.
 * The kernel is always shut down before this returns or throws.
 *
 * @throws if the file is missing, is not an nbformat 4 notebook, or the
 * kernel cannot start.
 * @example
 * ```ts
 * const run = await runNotebook("tests/fixtures/good.ipynb", { timeoutMs: 30_000 });
 * console.log(run.ok, run.cells.map((c) => c.status));
 * ```
 */
export async function runNotebook(path: string, options: RunOptions = {}): Promise<NotebookRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000;
  const started = performance.now();
  const notebook = stripOutputs(await readNotebook(path));
  const name = basename(path, extname(path));
  const codeIndices = notebook.cells.flatMap((cell, i) => cell.cell_type === "code" ? [i] : []);
  const kernel = await Kernel.start({ cwd: dirname(resolve(path)) });
  const startupMs = performance.now() - started;
  const cells: CellResult[] = [];
  let failure: CellResult | undefined;
  try {
    options.onKernelStarted?.({ pid: kernel.pid, startupMs });
    for (const [k, cellIndex] of codeIndices.entries()) {
      const cell = notebook.cells[cellIndex];
      if (cell.cell_type !== "code") continue;
      const source = joinText(cell.source);
      const t0 = performance.now();
      const result = source.trim() === ""
        ? { status: "ok" as const, executionCount: null, outputs: [] }
        : await kernel.execute(source, { timeoutMs });
      cell.outputs = result.outputs;
      cell.execution_count = result.executionCount;
      const cellResult: CellResult = {
        number: k + 1,
        cellIndex,
        status: result.status,
        durationMs: performance.now() - t0,
        executionCount: result.executionCount,
        outputs: result.outputs,
        tags: cellTags(cell),
        ...("error" in result && result.error ? { error: result.error } : {}),
      };
      cells.push(cellResult);
      options.onCell?.(cellResult, codeIndices.length);
      if (cellResult.status !== "ok") {
        failure = cellResult;
        break;
      }
    }
  } finally {
    await kernel.shutdown();
  }
  return {
    path,
    name,
    notebook,
    cells,
    totalCells: codeIndices.length,
    ok: failure === undefined,
    ...(failure ? { failure } : {}),
    kernelPid: kernel.pid,
    startupMs,
    durationMs: performance.now() - started,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** The SVG outputs of a cell's outputs, as markup. */
function svgOutputs(outputs: Output[]): string[] {
  return outputs.flatMap((o) => {
    if (o.output_type !== "display_data" && o.output_type !== "execute_result") return [];
    const svg = o.data["image/svg+xml"];
    if (svg === undefined) return [];
    return [Array.isArray(svg) ? svg.join("") : String(svg)];
  });
}

/**
 * One progress line for a finished cell, e.g.
 * `01-review.ipynb  cell 7/32  ok  0.4s  [figure]`.
 *
 * @example
 * ```ts
 * runNotebook(path, { onCell: (cell, total) => console.log(progressLine("a.ipynb", cell, total)) });
 * ```
 */
export function progressLine(file: string, cell: CellResult, total: number): string {
  const figures =
    cell.outputs.filter((o) =>
      (o.output_type === "display_data" || o.output_type === "execute_result") &&
      Object.keys(o.data).some((mime) => mime.startsWith("image/"))
    ).length;
  const marker = figures === 0 ? "" : figures === 1 ? "  [figure]" : `  [${figures} figures]`;
  const status = cell.status === "ok" ? "ok" : cell.status.toUpperCase();
  return `${file}  cell ${cell.number}/${total}  ${status}  ${seconds(cell.durationMs)}${marker}`;
}

/**
 * A message explaining why a notebook failed: the notebook, the cell number
 * and the traceback (empty string if it did not fail).
 *
 * @example
 * ```ts
 * if (!run.ok) console.error(formatFailure(run));
 * ```
 */
export function formatFailure(run: NotebookRun): string {
  const cell = run.failure;
  if (!cell) return "";
  const what = cell.status === "timeout"
    ? `timed out (${cell.error?.evalue ?? "no answer"})`
    : `failed with ${cell.error?.ename ?? "an error"}: ${cell.error?.evalue ?? ""}`;
  const traceback = (cell.error?.traceback ?? []).join("\n")
    // deno-lint-ignore no-control-regex
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, "");
  return `${run.path}: cell ${cell.number}/${run.totalCells} ${what}` +
    (traceback ? `\n${traceback.replace(/^/gm, "    ")}` : "");
}

/**
 * Writes one run's outputs under `outDir`: the executed notebook, its SVG
 * figures (old figures of that notebook are removed first) and its page.
 *
 * @example
 * ```ts
 * await writeRun(await runNotebook("notebooks/01-review.ipynb"), "build");
 * ```
 */
export async function writeRun(run: NotebookRun, outDir: string): Promise<void> {
  const notebooksDir = join(outDir, "notebooks");
  const figuresDir = join(outDir, "figures", run.name);
  const siteDir = join(outDir, "site");
  await Deno.mkdir(notebooksDir, { recursive: true });
  await Deno.mkdir(siteDir, { recursive: true });
  await writeNotebook(join(notebooksDir, `${run.name}.ipynb`), run.notebook);
  await Deno.remove(figuresDir, { recursive: true }).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  for (const cell of run.cells) {
    const svgs = svgOutputs(cell.outputs);
    if (svgs.length === 0) continue;
    await Deno.mkdir(figuresDir, { recursive: true });
    const nn = String(cell.number).padStart(2, "0");
    for (const [k, svg] of svgs.entries()) {
      const text = svg.trimStart().startsWith("<?xml")
        ? svg
        : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`;
      await Deno.writeTextFile(join(figuresDir, `cell-${nn}-${k + 1}.svg`), `${text.trimEnd()}\n`);
    }
  }
  await Deno.writeTextFile(
    join(siteDir, `${run.name}.html`),
    notebookPage(run.notebook, { name: run.name }),
  );
}

/** Parsed command-line arguments. */
export interface CliArgs {
  /** Notebook paths (default: every `notebooks/*.ipynb`, in name order). */
  notebooks: string[];
  /** Per-cell timeout in seconds. */
  timeoutSeconds: number;
  /** Output directory. */
  outDir: string;
  /** `--help` was given. */
  help: boolean;
}

/**
 * Raised for bad command-line arguments (exit code 2).
 *
 * @example
 * ```ts
 * try {
 *   parseArgs(["--timeout", "soon"]);
 * } catch (error) {
 *   if (error instanceof UsageError) console.error(error.message);
 * }
 * ```
 */
export class UsageError extends Error {
  /**
   * @example
   * ```ts
   * throw new UsageError('--timeout must be a positive number of seconds, got "abc"');
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The `--help` text.
 *
 * @example
 * ```ts
 * console.log(USAGE);
 * ```
 */
export const USAGE =
  `Usage: deno task notebooks [NOTEBOOK.ipynb ...] [--timeout SECONDS] [--out DIR]

Runs notebooks through the Deno Jupyter kernel and writes, under DIR:
  notebooks/<name>.ipynb          executed notebooks (outputs and execution counts)
  figures/<name>/cell-NN-k.svg    every SVG output (k-th of code cell NN)
  site/index.html, site/<name>.html, site/assets/   offline HTML site

Options:
  --timeout SECONDS   per-cell timeout (default ${DEFAULT_TIMEOUT_SECONDS})
  --out DIR           output directory (default build)
  -h, --help          show this help

Without NOTEBOOK arguments, runs every notebooks/*.ipynb in name order.
Exit code: 0 all notebooks ran, 1 a notebook failed, 2 bad arguments.`;

/**
 * Parses the command line (see {@linkcode USAGE}).
 *
 * @throws {UsageError} naming the option, the value and what is allowed.
 * @example
 * ```ts
 * parseArgs(["a.ipynb", "--timeout", "30"]); // { notebooks: ["a.ipynb"], timeoutSeconds: 30, ... }
 * ```
 */
export function parseArgs(args: string[]): CliArgs {
  const parsed: CliArgs = {
    notebooks: [],
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    outDir: "build",
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "-h" || flag === "--help") parsed.help = true;
    else if (flag === "--timeout") {
      const raw = value();
      const secondsValue = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(secondsValue) || secondsValue <= 0) {
        throw new UsageError(`--timeout must be a positive number of seconds, got "${raw}"`);
      }
      parsed.timeoutSeconds = secondsValue;
    } else if (flag === "--out") {
      const dir = value();
      if (dir.trim() === "") throw new UsageError(`--out must be a directory path, got ""`);
      parsed.outDir = dir;
    } else if (flag.startsWith("-")) {
      throw new UsageError(`unknown option "${arg}" (allowed: --timeout, --out, --help)`);
    } else parsed.notebooks.push(arg);
  }
  return parsed;
}

/**
 * Every `*.ipynb` file directly in `dir`, in name order.
 *
 * @example
 * ```ts
 * await listNotebooks("notebooks"); // ["notebooks/01-review.ipynb", ...]
 * ```
 */
export async function listNotebooks(dir: string): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  return names.sort().map((name) => join(dir, name));
}

/**
 * Runs the command line and returns the exit code.
 *
 * @example
 * ```ts
 * Deno.exit(await main(["--timeout", "60"]));
 * ```
 */
export async function main(args: string[]): Promise<number> {
  let cli: CliArgs;
  try {
    cli = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    console.log(USAGE);
    return 0;
  }
  const paths = cli.notebooks.length > 0 ? cli.notebooks : await listNotebooks("notebooks");
  if (paths.length === 0) {
    console.error("error: no notebooks to run (notebooks/*.ipynb matched nothing)");
    return 1;
  }
  const names = new Map<string, string>();
  for (const path of paths) {
    const name = basename(path, extname(path));
    if (names.has(name)) {
      console.error(`error: "${names.get(name)}" and "${path}" would both be written as ${name}`);
      return 2;
    }
    names.set(name, path);
    try {
      await readNotebook(path); // bad input fails before any kernel starts
    } catch (error) {
      console.error(`error: ${(error as Error).message}`);
      return 2;
    }
  }
  const started = performance.now();
  const failures: string[] = [];
  const entries: IndexEntry[] = [];
  let cellCount = 0;
  for (const path of paths) {
    const file = basename(path);
    let run: NotebookRun;
    try {
      run = await runNotebook(path, {
        timeoutMs: cli.timeoutSeconds * 1000,
        onKernelStarted: ({ startupMs }) =>
          console.log(`${file}  kernel started in ${seconds(startupMs)}`),
        onCell: (cell, total) => console.log(progressLine(file, cell, total)),
      });
    } catch (error) {
      const message = `${path}: could not run: ${(error as Error).message}`;
      console.error(message);
      failures.push(message);
      continue;
    }
    cellCount += run.cells.length;
    await writeRun(run, cli.outDir);
    entries.push({
      title: notebookTitle(run.notebook, run.name),
      file,
      href: `${run.name}.html`,
      failed: !run.ok,
    });
    if (run.ok) console.log(`${file}  done in ${seconds(run.durationMs)}`);
    else {
      const message = formatFailure(run);
      console.error(`FAILED ${message}`);
      failures.push(message.split("\n")[0]);
    }
  }
  const siteDir = join(cli.outDir, "site");
  await Deno.mkdir(siteDir, { recursive: true });
  const indexed = await withEarlierRuns(entries, join(cli.outDir, "notebooks"));
  await Deno.writeTextFile(join(siteDir, "index.html"), indexPage(indexed, SITE_HEADING));
  await copyKatexAssets(join(siteDir, "assets"));
  console.log(
    `ran ${paths.length} notebook(s), ${cellCount} code cell(s) in ${
      seconds(performance.now() - started)
    }; site: ${join(siteDir, "index.html")}`,
  );
  if (failures.length > 0) {
    console.error(`\n${failures.length} notebook(s) failed:\n${failures.join("\n")}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
