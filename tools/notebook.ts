/**
 * Jupyter notebooks in nbformat 4: types, reading with validation, writing
 * with stable formatting, and turning kernel messages into cell outputs.
 *
 * @example
 * ```ts
 * import { readNotebook, stripOutputs, writeNotebook } from "./notebook.ts";
 *
 * const nb = await readNotebook("notebooks/01-review.ipynb");
 * await writeNotebook("/tmp/clean.ipynb", stripOutputs(nb));
 * ```
 *
 * @module
 */

/** Text that nbformat stores either as one string or as a list of lines. */
export type MultilineString = string | string[];

/** A MIME bundle: MIME type to data (text, or JSON for `*json` types). */
export type MimeBundle = Record<string, unknown>;

/** Free-form JSON metadata. */
export type Metadata = Record<string, unknown>;

/** Text written to `stdout` or `stderr` while a cell ran. */
export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

/** Rich data a cell displayed (for example a figure). */
export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Metadata;
}

/** The value of a cell's last expression. */
export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number | null;
  data: MimeBundle;
  metadata: Metadata;
}

/** An uncaught error raised by a cell. */
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

/** One output of a code cell. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** A code cell. */
export interface CodeCell {
  cell_type: "code";
  id?: string;
  metadata: Metadata;
  source: MultilineString;
  execution_count: number | null;
  outputs: Output[];
}

/** A markdown cell. */
export interface MarkdownCell {
  cell_type: "markdown";
  id?: string;
  metadata: Metadata;
  source: MultilineString;
  attachments?: Record<string, MimeBundle>;
}

/** A raw cell (passed through unrendered). */
export interface RawCell {
  cell_type: "raw";
  id?: string;
  metadata: Metadata;
  source: MultilineString;
  attachments?: Record<string, MimeBundle>;
}

/** Any notebook cell. */
export type Cell = CodeCell | MarkdownCell | RawCell;

/** A notebook in nbformat 4. */
export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Metadata;
  cells: Cell[];
}

/**
 * Raised when a file is not a readable nbformat 4 notebook.
 *
 * @example
 * ```ts
 * try {
 *   await readNotebook("a.ipynb");
 * } catch (error) {
 *   if (error instanceof NotebookFormatError) console.error(error.message);
 * }
 * ```
 */
export class NotebookFormatError extends Error {
  /** The file (or label) the notebook came from. */
  readonly file: string;

  /**
   * @example
   * ```ts
   * throw new NotebookFormatError("a.ipynb", "cells must be an array");
   * ```
   */
  constructor(file: string, problem: string) {
    super(`${file}: not a valid nbformat 4 notebook: ${problem}`);
    this.name = "NotebookFormatError";
    this.file = file;
  }
}

/**
 * Joins nbformat multiline text into one string.
 *
 * @example
 * ```ts
 * joinText(["a = 1\n", "a"]); // "a = 1\na"
 * ```
 */
export function joinText(text: MultilineString): string {
  return Array.isArray(text) ? text.join("") : text;
}

/**
 * Splits text into lines that keep their line ending, the way Jupyter stores
 * multiline strings (`"a\nb"` becomes `["a\n", "b"]`, `""` becomes `[]`).
 *
 * @example
 * ```ts
 * splitLines("a\nb\n"); // ["a\n", "b\n"]
 * ```
 */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMultiline(value: unknown): value is MultilineString {
  return typeof value === "string" ||
    (Array.isArray(value) && value.every((line) => typeof line === "string"));
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}

const OUTPUT_TYPES = ["stream", "display_data", "execute_result", "error"];

function validateOutput(file: string, where: string, output: unknown): void {
  const fail = (problem: string) => {
    throw new NotebookFormatError(file, `${where}: ${problem}`);
  };
  if (!isRecord(output)) fail(`must be an object, got ${describe(output)}`);
  const o = output as Record<string, unknown>;
  if (!OUTPUT_TYPES.includes(o.output_type as string)) {
    fail(`output_type must be one of ${OUTPUT_TYPES.join(", ")}, got ${describe(o.output_type)}`);
  }
  switch (o.output_type) {
    case "stream":
      if (o.name !== "stdout" && o.name !== "stderr") {
        fail(`stream name must be "stdout" or "stderr", got ${describe(o.name)}`);
      }
      if (!isMultiline(o.text)) fail(`stream text must be a string or list of strings`);
      break;
    case "display_data":
    case "execute_result":
      if (!isRecord(o.data)) fail(`data must be an object (a MIME bundle)`);
      if (!isRecord(o.metadata)) fail(`metadata must be an object`);
      if (
        o.output_type === "execute_result" && o.execution_count !== null &&
        typeof o.execution_count !== "number"
      ) fail(`execution_count must be a number or null, got ${describe(o.execution_count)}`);
      break;
    case "error":
      if (typeof o.ename !== "string" || typeof o.evalue !== "string") {
        fail(`ename and evalue must be strings`);
      }
      if (!Array.isArray(o.traceback) || !o.traceback.every((l) => typeof l === "string")) {
        fail(`traceback must be a list of strings`);
      }
  }
}

/**
 * Checks that a parsed JSON value is an nbformat 4 notebook and returns it
 * typed. Errors name `file`, the offending cell and what is allowed.
 *
 * @example
 * ```ts
 * const nb = validateNotebook(JSON.parse(text), "notebooks/01-review.ipynb");
 * ```
 */
export function validateNotebook(value: unknown, file: string): Notebook {
  const fail = (problem: string): never => {
    throw new NotebookFormatError(file, problem);
  };
  if (!isRecord(value)) return fail(`expected a JSON object, got ${describe(value)}`);
  if (value.nbformat !== 4) {
    fail(`nbformat must be 4, got ${describe(value.nbformat)}`);
  }
  if (typeof value.nbformat_minor !== "number" || !Number.isInteger(value.nbformat_minor)) {
    fail(`nbformat_minor must be an integer, got ${describe(value.nbformat_minor)}`);
  }
  if (!isRecord(value.metadata)) fail(`metadata must be an object`);
  if (!Array.isArray(value.cells)) fail(`cells must be an array, got ${describe(value.cells)}`);
  (value.cells as unknown[]).forEach((cell, i) => {
    const where = `cell ${i + 1}`;
    if (!isRecord(cell)) return fail(`${where}: must be an object, got ${describe(cell)}`);
    if (!["code", "markdown", "raw"].includes(cell.cell_type as string)) {
      fail(
        `${where}: cell_type must be "code", "markdown" or "raw", got ${describe(cell.cell_type)}`,
      );
    }
    if (!isMultiline(cell.source)) {
      fail(`${where}: source must be a string or a list of strings, got ${describe(cell.source)}`);
    }
    if (!isRecord(cell.metadata)) fail(`${where}: metadata must be an object`);
    if (cell.id !== undefined && typeof cell.id !== "string") {
      fail(`${where}: id must be a string, got ${describe(cell.id)}`);
    }
    if (cell.cell_type === "code") {
      if (cell.execution_count !== null && typeof cell.execution_count !== "number") {
        fail(
          `${where}: execution_count must be a number or null, got ${
            describe(cell.execution_count)
          }`,
        );
      }
      if (!Array.isArray(cell.outputs)) fail(`${where}: outputs must be an array`);
      (cell.outputs as unknown[]).forEach((o, k) =>
        validateOutput(file, `${where}, output ${k + 1}`, o)
      );
    }
  });
  return value as unknown as Notebook;
}

/**
 * Parses notebook JSON text; `file` names the source in error messages.
 *
 * @example
 * ```ts
 * const nb = parseNotebook(await Deno.readTextFile("a.ipynb"), "a.ipynb");
 * ```
 */
export function parseNotebook(text: string, file: string): Notebook {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new NotebookFormatError(file, `invalid JSON (${(error as Error).message})`);
  }
  return validateNotebook(value, file);
}

/**
 * Reads and validates a notebook file.
 *
 * @throws {Deno.errors.NotFound} with a message naming the file if it is missing.
 * @throws {NotebookFormatError} if it is not an nbformat 4 notebook.
 * @example
 * ```ts
 * const nb = await readNotebook("notebooks/01-review.ipynb");
 * console.log(nb.cells.length);
 * ```
 */
export async function readNotebook(path: string): Promise<Notebook> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Deno.errors.NotFound(`notebook file not found: ${path}`);
    }
    throw error;
  }
  return parseNotebook(text, path);
}

/**
 * The code cells of a notebook, in order.
 *
 * @example
 * ```ts
 * const count = codeCells(nb).length;
 * ```
 */
export function codeCells(nb: Notebook): CodeCell[] {
  return nb.cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
}

/**
 * The tags in a cell's metadata (`metadata.tags`), or `[]`.
 *
 * @example
 * ```ts
 * if (cellTags(cell).includes("figure")) console.log("expects a figure");
 * ```
 */
export function cellTags(cell: Cell): string[] {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
}

/**
 * A copy of the notebook with every code cell's outputs removed and its
 * execution count reset to `null` (the form notebooks are committed in).
 *
 * @example
 * ```ts
 * const clean = stripOutputs(executed);
 * ```
 */
export function stripOutputs(nb: Notebook): Notebook {
  const copy = structuredClone(nb);
  for (const cell of copy.cells) {
    if (cell.cell_type === "code") {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  return copy;
}

/** MIME types that are not `text/*` but are still stored as lists of lines. */
/** Message types that add an output (and so apply a pending `clear_output(wait=true)`). */
const PRODUCES_OUTPUT = new Set(["stream", "display_data", "execute_result", "error"]);

const SPLIT_MIMES = new Set(["image/svg+xml", "application/javascript"]);

function splitBundle(data: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    const textual = mime.startsWith("text/") || SPLIT_MIMES.has(mime);
    out[mime] = textual && typeof value === "string" ? splitLines(value) : value;
  }
  return out;
}

/** Multiline strings as lists of lines, like nbformat writes them. */
function splitForWriting(nb: Notebook): Notebook {
  const copy = structuredClone(nb);
  for (const cell of copy.cells) {
    cell.source = splitLines(joinText(cell.source));
    if (cell.cell_type !== "code") continue;
    for (const output of cell.outputs) {
      if (output.output_type === "stream") output.text = splitLines(joinText(output.text));
      if (output.output_type === "display_data" || output.output_type === "execute_result") {
        output.data = splitBundle(output.data);
      }
    }
  }
  return copy;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]);
    return sorted;
  }
  return value;
}

/**
 * Serializes a notebook with stable formatting: keys sorted (as Jupyter
 * does), multiline strings as lists of lines, 2-space indentation and a
 * trailing newline, so that equal notebooks give byte-identical files.
 *
 * @example
 * ```ts
 * await Deno.writeTextFile("a.ipynb", serializeNotebook(nb));
 * ```
 */
export function serializeNotebook(nb: Notebook): string {
  return JSON.stringify(sortKeys(splitForWriting(nb)), null, 2) + "\n";
}

/**
 * Writes a notebook with {@linkcode serializeNotebook}'s formatting.
 *
 * @example
 * ```ts
 * await writeNotebook("build/notebooks/01-review.ipynb", executed);
 * ```
 */
export async function writeNotebook(path: string, nb: Notebook): Promise<void> {
  await Deno.writeTextFile(path, serializeNotebook(nb));
}

/**
 * Collects the outputs of one cell from Jupyter iopub messages, the way a
 * notebook front end does: consecutive stream text of the same stream is
 * merged, `clear_output` and `update_display_data` are honoured.
 *
 * @example
 * ```ts
 * const outputs = new OutputCollector();
 * outputs.add("stream", { name: "stdout", text: "a\n" });
 * outputs.add("stream", { name: "stdout", text: "b\n" });
 * outputs.outputs; // [{ output_type: "stream", name: "stdout", text: "a\nb\n" }]
 * ```
 */
export class OutputCollector {
  /** The outputs collected so far, in nbformat form. */
  readonly outputs: Output[] = [];
  #clearPending = false;
  #displays = new Map<string, DisplayDataOutput[]>();

  /**
   * Adds the content of one iopub message. Message types that produce no
   * output (status, execute_input, ...) are ignored.
   *
   * @example
   * ```ts
   * collector.add("error", { ename: "Error", evalue: "boom", traceback: ["Error: boom"] });
   * ```
   */
  add(msgType: string, content: Record<string, unknown>): void {
    if (this.#clearPending && PRODUCES_OUTPUT.has(msgType)) this.#clear(); // clear_output(wait)
    switch (msgType) {
      case "stream":
        return this.#push({
          output_type: "stream",
          name: content.name === "stderr" ? "stderr" : "stdout",
          text: String(content.text ?? ""),
        });
      case "display_data": {
        const output: DisplayDataOutput = {
          output_type: "display_data",
          data: { ...(content.data as MimeBundle ?? {}) },
          metadata: { ...(content.metadata as Metadata ?? {}) },
        };
        const id = displayId(content);
        if (id !== undefined) {
          this.#displays.set(id, [...(this.#displays.get(id) ?? []), output]);
        }
        return this.#push(output);
      }
      case "update_display_data": {
        const id = displayId(content);
        for (const output of (id === undefined ? [] : this.#displays.get(id)) ?? []) {
          output.data = { ...(content.data as MimeBundle ?? {}) };
          output.metadata = { ...(content.metadata as Metadata ?? {}) };
        }
        return;
      }
      case "execute_result":
        return this.#push({
          output_type: "execute_result",
          execution_count: typeof content.execution_count === "number"
            ? content.execution_count
            : null,
          data: { ...(content.data as MimeBundle ?? {}) },
          metadata: { ...(content.metadata as Metadata ?? {}) },
        });
      case "error":
        return this.#push(errorOutput(content));
      case "clear_output":
        if (content.wait) this.#clearPending = true;
        else this.#clear();
        return;
    }
  }

  /**
   * True if an `error` output was collected.
   *
   * @example
   * ```ts
   * if (collector.hasError) console.log("the cell failed");
   * ```
   */
  get hasError(): boolean {
    return this.outputs.some((o) => o.output_type === "error");
  }

  #clear(): void {
    this.outputs.length = 0;
    this.#displays.clear();
    this.#clearPending = false;
  }

  #push(output: Output): void {
    const last = this.outputs.at(-1);
    if (
      output.output_type === "stream" && last?.output_type === "stream" &&
      last.name === output.name
    ) {
      last.text = joinText(last.text) + joinText(output.text);
      return;
    }
    this.outputs.push(output);
  }
}

function displayId(content: Record<string, unknown>): string | undefined {
  const transient = content.transient;
  if (isRecord(transient) && typeof transient.display_id === "string") {
    return transient.display_id;
  }
  return undefined;
}

/**
 * Builds an nbformat error output from the content of an `error` message or
 * an `execute_reply` with status `"error"`; missing fields get defaults.
 *
 * @example
 * ```ts
 * errorOutput({ ename: "TypeError", evalue: "x is not a function", traceback: [] });
 * ```
 */
export function errorOutput(content: Record<string, unknown>): ErrorOutput {
  const traceback = Array.isArray(content.traceback)
    ? content.traceback.map((line) => String(line))
    : [];
  return {
    output_type: "error",
    ename: String(content.ename ?? "Error"),
    evalue: String(content.evalue ?? ""),
    traceback,
  };
}
