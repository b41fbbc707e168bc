/**
 * The capital letters A-Z as 10 x 10 patterns (N = 100), for the letter
 * experiment of the companion exercise: store a few letters, cue with a noisy
 * one, and watch recall work or fail.
 *
 * The glyphs were drawn for this project and live in `data/letters.txt`
 * (`#` = ink = ON = +1, drawn black as in the book's figures; `.` = background
 * = OFF = -1). Pixel (row r, column c) is entry `r * 10 + c`.
 *
 * Names are case-insensitive: `letter("a")` is the capital A (there are no
 * lower-case glyphs). Every function returns fresh copies, so changing a
 * returned pattern never changes the alphabet.
 *
 * @module
 */
import { fromText, type Pattern } from "./patterns.ts";
import { show } from "./validate.ts";

/** Width (and height) of every letter in pixels: patterns have 10 x 10 = 100 entries. */
export const LETTER_WIDTH = 10;

/**
 * The 26 letter names in order, `"ABCDEFGHIJKLMNOPQRSTUVWXYZ"`.
 *
 * @example
 * ```ts
 * import { LETTER_NAMES } from "./letters.ts";
 * LETTER_NAMES.length; // 26
 * ```
 */
export const LETTER_NAMES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Parses a letter file: comment lines start with `;`, blank lines separate
 * letters, and each letter is a line with its name (one of A-Z) followed by
 * exactly 10 rows of exactly 10 characters `#` (ON) or `.` (OFF). All 26
 * letters must be present, each once. `source` names the file in error
 * messages. Throws a `RangeError` naming the line and what was expected.
 *
 * @example
 * ```ts
 * import { parseLetterFile } from "./letters.ts";
 * const text = Deno.readTextFileSync(new URL("../data/letters.txt", import.meta.url));
 * const glyphs = parseLetterFile(text); // Map: "A" -> Int8Array(100), ..., "Z"
 * ```
 */
export function parseLetterFile(text: string, source = "letter file"): Map<string, Pattern> {
  if (typeof text !== "string") {
    throw new TypeError(`text must be a string (the letter file), got ${show(text)}`);
  }
  const lines = text.split(/\r?\n/);
  const glyphs = new Map<string, Pattern>();
  let k = 0;
  const where = (i: number) => `${source} line ${i + 1}`;
  while (k < lines.length) {
    const head = lines[k].trim();
    if (head === "" || head.startsWith(";")) {
      k++;
      continue;
    }
    if (!/^[A-Z]$/.test(head)) {
      throw new RangeError(
        `${where(k)} must be a letter name A-Z (one capital letter on its own line), got ${
          show(head)
        }`,
      );
    }
    if (glyphs.has(head)) {
      throw new RangeError(`${where(k)}: letter ${head} is defined twice`);
    }
    const rows: string[] = [];
    for (let r = 0; r < LETTER_WIDTH; r++) {
      const i = k + 1 + r;
      const row = i < lines.length ? lines[i].trim() : "";
      if (row === "" || /^[A-Z;]/.test(row)) {
        throw new RangeError(
          `${where(i)}: letter ${head} must have exactly ${LETTER_WIDTH} rows, got ${r}`,
        );
      }
      if (row.length !== LETTER_WIDTH) {
        throw new RangeError(
          `${where(i)}: row ${r} of letter ${head} must have exactly ${LETTER_WIDTH} characters, ` +
            `got ${row.length} (${show(row)})`,
        );
      }
      const bad = row.search(/[^#.]/);
      if (bad >= 0) {
        throw new RangeError(
          `${where(i)}: row ${r} of letter ${head} must contain only "#" and ".", got ${
            show(row[bad])
          } at column ${bad}`,
        );
      }
      rows.push(row);
    }
    const after = k + 1 + LETTER_WIDTH;
    if (after < lines.length && lines[after].trim() !== "") {
      throw new RangeError(
        `${where(after)}: letter ${head} must have exactly ${LETTER_WIDTH} rows followed by ` +
          `a blank line, got an extra line ${show(lines[after].trim())}`,
      );
    }
    glyphs.set(head, fromText(rows.join("\n")));
    k = after;
  }
  const missing = Array.from(LETTER_NAMES).filter((c) => !glyphs.has(c));
  if (missing.length > 0) {
    throw new RangeError(
      `${source} must define all 26 letters A-Z, missing ${missing.join(", ")}`,
    );
  }
  return new Map(Array.from(LETTER_NAMES, (c) => [c, glyphs.get(c)!]));
}

let cache: Map<string, Pattern> | null = null;

function glyphs(): Map<string, Pattern> {
  if (cache === null) {
    const url = new URL("../data/letters.txt", import.meta.url);
    cache = parseLetterFile(Deno.readTextFileSync(url), "data/letters.txt");
  }
  return cache;
}

function lookup(name: unknown, param: string): Pattern {
  const key = typeof name === "string" && name.length === 1 ? name.toUpperCase() : null;
  const p = key === null ? undefined : glyphs().get(key);
  if (p === undefined) {
    throw new RangeError(
      `${param} must be one letter A-Z (upper or lower case), got ${show(name)}`,
    );
  }
  return p.slice();
}

/**
 * The pattern of one letter: an `Int8Array` of 100 entries, +1 for ink and -1
 * for background, row-major with width {@linkcode LETTER_WIDTH}. Lower case
 * gives the same (capital) glyph; anything else throws.
 *
 * @example
 * ```ts
 * import { letter } from "./letters.ts";
 * const A = letter("A"); // Int8Array(100), A[4] = 1 (top of the A), A[0] = -1
 * ```
 */
export function letter(name: string): Pattern {
  return lookup(name, "name");
}

/**
 * Several letters at once, in the order given: a string of letter names
 * (`"ABCSXYZ"`) or an array of one-letter strings (`["A", "R"]`).
 *
 * @example
 * ```ts
 * import { letters } from "./letters.ts";
 * import { storePatterns } from "./network.ts";
 * const net = storePatterns(letters("ABCSXYZ")); // N = 100, M = 7
 * ```
 */
export function letters(names: string | string[]): Pattern[] {
  const list = typeof names === "string" ? Array.from(names) : names;
  if (!Array.isArray(list) || list.length === 0) {
    throw new RangeError(
      `names must be a non-empty string of letters A-Z or an array of them, got ${show(names)}`,
    );
  }
  return list.map((c, k) => lookup(c, `names[${k}]`));
}

/**
 * All 26 letters as a record from name to pattern, `{ A: ..., B: ..., Z: ... }`
 * (fresh copies).
 *
 * @example
 * ```ts
 * import { alphabet } from "./letters.ts";
 * const abc = alphabet();
 * Object.keys(abc).length; // 26
 * ```
 */
export function alphabet(): Record<string, Pattern> {
  const out: Record<string, Pattern> = {};
  for (const [c, p] of glyphs()) out[c] = p.slice();
  return out;
}
