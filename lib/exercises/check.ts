/**
 * Self-check helpers for the homework cells. A student writes a function; a
 * check runs it on test cases against the library's reference and returns a
 * {@linkcode CheckResult} that displays as "right" or "not yet, with a hint".
 * Checks never throw on a wrong answer: an exception inside the student's
 * code becomes part of the hint.
 *
 * @module
 */
import { escapeXml } from "../plot/figure.ts";
import { checkNumber, show } from "../validate.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** The outcome of a self-check: displays as a green or orange box in the notebook. */
export class CheckResult {
  /** True if the answer is right. */
  readonly ok: boolean;
  /** What was checked, or what went wrong. */
  readonly message: string;
  /** A hint for the next attempt (only when `ok` is false). */
  readonly hint: string;

  constructor(ok: boolean, message: string, hint = "") {
    this.ok = ok === true;
    this.message = String(message);
    this.hint = ok ? "" : String(hint ?? "");
  }

  /** Plain-text form, e.g. `right: ...` or `not yet: ... Hint: ...`. */
  toString(): string {
    return this.ok
      ? `right: ${this.message}`
      : `not yet: ${this.message}${this.hint ? ` Hint: ${this.hint}` : ""}`;
  }

  /** The MIME bundle the Deno kernel displays. */
  [DISPLAY](): Record<string, string> {
    const color = this.ok ? "#2e7d32" : "#e65100";
    const head = this.ok ? "&#10004; Right." : "&#10008; Not yet.";
    const hint = this.hint ? `<br><b>Hint:</b> ${escapeXml(this.hint)}` : "";
    const message = this.message.charAt(0).toUpperCase() + this.message.slice(1);
    return {
      "text/html":
        `<div style="border-left:4px solid ${color};padding:6px 10px;background:#fafafa"><b style="color:${color}">${head}</b> ${
          escapeXml(message)
        }${hint}</div>`,
      "text/plain": this.toString(),
    };
  }
}

/** One test case: the arguments and a label used in messages. */
export interface Case<A extends unknown[]> {
  args: A;
  label: string;
}

/** Options of {@linkcode compareFunctions}. */
export interface CompareOptions {
  /** Absolute tolerance for numbers (default 1e-9). */
  tolerance?: number;
  /** Hint shown when a case fails. */
  hint?: string;
}

function close(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === "number" && typeof b === "number") {
    return Number.isFinite(a) && Math.abs(a - b) <= tol;
  }
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<number>, y = b as ArrayLike<number>;
    if (!y || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!close(x[i], y[i], tol)) return false;
    return true;
  }
  return Object.is(a, b);
}

function brief(v: unknown): string {
  try {
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toPrecision(6);
    if (typeof v === "string") return `the string ${JSON.stringify(v).slice(0, 40)}`;
    if (typeof v === "bigint") return `the bigint ${v}n`;
    if (ArrayBuffer.isView(v) || Array.isArray(v)) {
      const arr = Array.from(v as ArrayLike<number>);
      return `[${arr.slice(0, 6).map(brief).join(", ")}${arr.length > 6 ? ", ..." : ""}]`;
    }
    return String(v);
  } catch {
    return `a value of type ${typeof v}`;
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  try {
    return String(e);
  } catch {
    return `a thrown value of type ${typeof e}`;
  }
}

/**
 * Runs the student's function and the reference on every case and compares
 * the results (numbers and arrays of numbers, within `tolerance`). Never
 * throws because of the student's function: whatever it does (throws, returns
 * something odd) ends up in the result's message.
 *
 * @example
 * ```ts
 * import { compareFunctions } from "./check.ts";
 * const result = compareFunctions((x: number) => 2 * x, (x: number) => x + x, [
 *   { args: [1], label: "x = 1" },
 * ]);
 * result.ok; // true
 * ```
 */
export function compareFunctions<A extends unknown[], R>(
  student: (...args: A) => R,
  reference: (...args: A) => R,
  cases: Case<A>[],
  options: CompareOptions = {},
): CheckResult {
  options ??= {};
  if (typeof reference !== "function") {
    throw new TypeError(`reference must be a function, got ${show(reference)}`);
  }
  if (!Array.isArray(cases) || cases.length === 0) {
    throw new RangeError(`cases must be a non-empty list of { args, label }, got ${show(cases)}`);
  }
  const tol = checkNumber("tolerance", options.tolerance ?? 1e-9, 0, 1);
  if (typeof student !== "function") {
    return new CheckResult(false, `expected a function, got ${typeof student}.`, options.hint);
  }
  for (const [k, c] of cases.entries()) {
    if (!c || !Array.isArray(c.args)) {
      throw new TypeError(`cases[${k}] must be { args: [...], label }, got ${show(c)}`);
    }
    const want = reference(...c.args);
    let got: R;
    try {
      got = student(...c.args);
    } catch (e) {
      return new CheckResult(
        false,
        `your function threw an error for ${c.label}: ${describeError(e)}`,
        options.hint,
      );
    }
    if (!close(got, want, tol)) {
      return new CheckResult(
        false,
        `for ${c.label} your function returns ${brief(got)}, expected ${brief(want)}.`,
        options.hint,
      );
    }
  }
  return new CheckResult(true, `all ${cases.length} test cases agree with the reference.`);
}
