/**
 * Input checks shared by every module. Each check throws a `RangeError` (or
 * `TypeError`) whose message names the parameter, the value it received and
 * the allowed range, so that a student who passes `beta = -1` reads
 * `beta must be a number >= 0, got -1` instead of seeing a NaN figure.
 *
 * @module
 */

/** Formats a value for an error message (short, never throws). */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    return Number.isNaN(value) ? "NaN" : String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name} of length ${(value as Int8Array).length}`;
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "function") return "a function";
  return typeof value;
}

/**
 * Throws unless `value` is an integer in `[min, max]`.
 *
 * @example
 * ```ts
 * import { checkInteger } from "./validate.ts";
 * checkInteger("N", 16, 1); // ok
 * ```
 */
export function checkInteger(
  name: string,
  value: unknown,
  min = -Infinity,
  max = Infinity,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be ${describeRange("an integer", min, max)}, got ${show(value)}`,
    );
  }
  return value;
}

/**
 * Throws unless `value` is a (non-NaN) number in `[min, max]`; `Infinity` is
 * allowed only when `max` is `Infinity`.
 *
 * @example
 * ```ts
 * import { checkNumber } from "./validate.ts";
 * checkNumber("beta", 2, 0); // ok
 * ```
 */
export function checkNumber(
  name: string,
  value: unknown,
  min = -Infinity,
  max = Infinity,
): number {
  if (typeof value !== "number" || Number.isNaN(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be ${describeRange("a number", min, max)}, got ${show(value)}`,
    );
  }
  return value;
}

function describeRange(kind: string, min: number, max: number): string {
  if (min === -Infinity && max === Infinity) return kind;
  if (max === Infinity) return `${kind} >= ${min}`;
  if (min === -Infinity) return `${kind} <= ${max}`;
  return `${kind} in [${min}, ${max}]`;
}

/**
 * Throws unless every entry of `state` is +1 or -1.
 *
 * @example
 * ```ts
 * import { checkSpins } from "./validate.ts";
 * checkSpins("state", Int8Array.of(1, -1, 1)); // ok
 * ```
 */
export function checkSpins(name: string, state: unknown): Int8Array {
  if (!(state instanceof Int8Array)) {
    throw new TypeError(`${name} must be an Int8Array of +1/-1 values, got ${show(state)}`);
  }
  if (state.length === 0) {
    throw new RangeError(`${name} must have at least one neuron, got length 0`);
  }
  for (let i = 0; i < state.length; i++) {
    const s = state[i];
    if (s !== 1 && s !== -1) {
      throw new RangeError(`${name}[${i}] must be +1 or -1, got ${s}`);
    }
  }
  return state;
}

/**
 * Throws unless `actual === expected`, naming both lengths.
 *
 * @example
 * ```ts
 * import { checkLength } from "./validate.ts";
 * checkLength("cue", 16, 16); // ok
 * ```
 */
export function checkLength(name: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new RangeError(
      `${name} must have length N = ${expected} (the number of neurons), got length ${actual}`,
    );
  }
}
