import assert from "node:assert/strict";
import {
  alphabet,
  letter,
  LETTER_NAMES,
  LETTER_WIDTH,
  letters,
  parseLetterFile,
} from "../lib/letters.ts";
import { storePatterns } from "../lib/network.ts";
import { isFixedPoint, run } from "../lib/dynamics.ts";
import { noisyCopy } from "../lib/patterns.ts";
import { overlap } from "../lib/overlap.ts";

const activity = (p: Int8Array) => p.filter((v) => v === 1).length / p.length;

Deno.test("alphabet: 26 letters A-Z, each 10 x 10 pixels of +1/-1", () => {
  const abc = alphabet();
  assert.equal(LETTER_WIDTH, 10);
  assert.deepEqual(Object.keys(abc), Array.from(LETTER_NAMES));
  assert.equal(Object.keys(abc).length, 26);
  for (const [name, p] of Object.entries(abc)) {
    assert.ok(p instanceof Int8Array, name);
    assert.equal(p.length, 100, name);
    assert.ok(p.every((v) => v === 1 || v === -1), name);
  }
  // All 26 glyphs are different.
  const keys = new Set(Object.values(abc).map((p) => p.join(",")));
  assert.equal(keys.size, 26);
});

Deno.test("letter: pixels are row-major, ink = +1", () => {
  const A = letter("A");
  // Top row "...####...": the apex of the A.
  assert.deepEqual(Array.from(A.subarray(0, 10)), [-1, -1, -1, 1, 1, 1, 1, -1, -1, -1]);
  // Row 5 is the crossbar, all ink.
  assert.deepEqual(Array.from(A.subarray(50, 60)), Array(10).fill(1));
  // Bottom row "##......##": the two legs.
  assert.deepEqual(Array.from(A.subarray(90, 100)), [1, 1, -1, -1, -1, -1, -1, -1, 1, 1]);
});

Deno.test("letters: mean activity of the experiment's letters", () => {
  const got = Object.fromEntries(Array.from("ABCSXYZR", (c) => [c, activity(letter(c))]));
  assert.deepEqual(got, {
    A: 0.56,
    B: 0.72,
    C: 0.48,
    S: 0.6,
    X: 0.52,
    Y: 0.36,
    Z: 0.58,
    R: 0.63,
  });
});

Deno.test("letters: overlaps of A with the other stored letters", () => {
  const A = letter("A");
  assert.deepEqual(
    letters("BCSXYZR").map((p) => overlap(A, p)),
    [0.16, 0, 0, 0.04, -0.28, -0.12, 0.42],
  );
});

Deno.test("letters: lower case is accepted and gives the capital glyph", () => {
  assert.deepEqual(letter("a"), letter("A"));
  assert.deepEqual(letters("abc"), letters("ABC"));
  assert.deepEqual(letters(["x", "Y"]), [letter("X"), letter("Y")]);
});

Deno.test("letters: returns copies, the alphabet cannot be changed through them", () => {
  const A = letter("A");
  A.fill(1);
  assert.equal(activity(letter("A")), 0.56);
  alphabet().B.fill(-1);
  assert.equal(activity(letter("B")), 0.72);
});

Deno.test("letter: an unknown letter throws naming parameter and value", () => {
  assert.throws(() => letter("?"), /name must be one letter A-Z.*got "\?"/);
  assert.throws(() => letter("AB"), /name must be one letter A-Z.*got "AB"/);
  assert.throws(() => letter(7 as unknown as string), /name must be one letter A-Z.*got 7/);
});

Deno.test("letters: an unknown entry throws naming its index", () => {
  assert.throws(() => letters("A?C"), /names\[1\] must be one letter A-Z.*got "\?"/);
  assert.throws(() => letters(["A", "BC"]), /names\[1\] must be one letter A-Z.*got "BC"/);
  assert.throws(() => letters("A B"), /names\[1\] must be one letter A-Z.*got " "/);
});

Deno.test("letters: an empty list throws", () => {
  assert.throws(() => letters(""), /names must be a non-empty string.*got ""/);
  assert.throws(() => letters([]), /names must be a non-empty string.*got an array of length 0/);
});

// A tiny valid file: every letter gets the same all-off glyph, A a different one.
function fileWith(glyphA: string[], extra = ""): string {
  const off = Array(10).fill("..........");
  const parts = Array.from(LETTER_NAMES, (c) => [c, ...(c === "A" ? glyphA : off)].join("\n"));
  return "; test file\n\n" + parts.join("\n\n") + "\n" + extra;
}
const goodA = ["#########."].concat(Array(9).fill(".........."));

Deno.test("parseLetterFile: reads a valid file", () => {
  const glyphs = parseLetterFile(fileWith(goodA));
  assert.equal(glyphs.size, 26);
  assert.equal(activity(glyphs.get("A")!), 0.09);
  assert.equal(activity(glyphs.get("Z")!), 0);
});

Deno.test("parseLetterFile: a row with the wrong width throws", () => {
  const bad = ["#########"].concat(goodA.slice(1));
  assert.throws(
    () => parseLetterFile(fileWith(bad), "t.txt"),
    /t\.txt line 4: row 0 of letter A must have exactly 10 characters, got 9/,
  );
});

Deno.test("parseLetterFile: a letter with too few rows throws", () => {
  assert.throws(
    () => parseLetterFile(fileWith(goodA.slice(0, 9))),
    /line 13: letter A must have exactly 10 rows, got 9/,
  );
});

Deno.test("parseLetterFile: a letter with too many rows throws", () => {
  assert.throws(
    () => parseLetterFile(fileWith(goodA.concat(["#........."]))),
    /line 14: letter A must have exactly 10 rows followed by a blank line/,
  );
});

Deno.test("parseLetterFile: a character other than # and . throws", () => {
  const bad = ["####x####."].concat(goodA.slice(1));
  assert.throws(
    () => parseLetterFile(fileWith(bad)),
    /row 0 of letter A must contain only "#" and "\.", got "x" at column 4/,
  );
});

Deno.test("parseLetterFile: a bad letter name throws", () => {
  assert.throws(
    () => parseLetterFile(fileWith(goodA).replace("\nB\n", "\nb\n")),
    /line 15 must be a letter name A-Z .*got "b"/,
  );
});

Deno.test("parseLetterFile: a duplicate letter throws", () => {
  const twice = "\nA\n" + goodA.join("\n") + "\n";
  assert.throws(() => parseLetterFile(fileWith(goodA, twice)), /letter A is defined twice/);
});

Deno.test("parseLetterFile: a missing letter throws naming it", () => {
  const text = fileWith(goodA);
  const cut = text.slice(0, text.indexOf("\nQ\n")) + text.slice(text.indexOf("\nR\n"));
  assert.throws(
    () => parseLetterFile(cut, "t.txt"),
    /t\.txt must define all 26 letters.*missing Q/,
  );
});

// The companion exercise's letter experiment (zero diagonal, synchronous sign
// updates with sgn(0) = +1), with our glyphs.

Deno.test("experiment: with A,B,C,S,X,Y,Z stored, A is a fixed point (and Z; B,C,S,X,Y not)", () => {
  const net = storePatterns(letters("ABCSXYZ"));
  assert.ok(isFixedPoint(net, letter("A")));
  assert.deepEqual(Array.from("ABCSXYZ").filter((c) => isFixedPoint(net, letter(c))), ["A", "Z"]);
});

Deno.test("experiment: a noisy A (10% flipped, seed 3) is retrieved exactly in one step", () => {
  const A = letter("A");
  const net = storePatterns(letters("ABCSXYZ"));
  const tr = run(net, noisyCopy(A, 0.1, 3), { steps: 6, stopAt: "fixed-point" });
  assert.deepEqual(tr.overlaps.map((m) => m[0]), [0.8, 1, 1]);
  assert.equal(tr.stoppedBy, "fixed-point");
  assert.deepEqual(tr.final, A);
});

Deno.test("experiment: 90 of 100 seeded noisy A cues (seeds 0-99) return to A", () => {
  const A = letter("A");
  const net = storePatterns(letters("ABCSXYZ"));
  let retrieved = 0;
  for (let seed = 0; seed < 100; seed++) {
    const tr = run(net, noisyCopy(A, 0.1, seed), { steps: 30, stopAt: "cycle" });
    if (overlap(A, tr.final) === 1) retrieved++;
  }
  assert.equal(retrieved, 90);
});

Deno.test("experiment: adding R breaks A, m_A drifts down from the clean A", () => {
  const A = letter("A");
  const net = storePatterns(letters("ABCSXYZR"));
  assert.equal(isFixedPoint(net, A), false);
  assert.deepEqual(Array.from("ABCSXYZR").filter((c) => isFixedPoint(net, letter(c))), []);
  const tr = run(net, A, { steps: 6 });
  assert.deepEqual(tr.overlaps.map((m) => m[0]), [1, 0.88, 0.68, 0.5, 0.44, 0.3, 0.24]);
});

Deno.test("experiment: with R, the noisy A (seed 3) first reaches m_A = 1, then drifts away", () => {
  const A = letter("A");
  const net = storePatterns(letters("ABCSXYZR"));
  const tr = run(net, noisyCopy(A, 0.1, 3), { steps: 6 });
  assert.deepEqual(tr.overlaps.map((m) => m[0]), [0.8, 1, 0.88, 0.68, 0.5, 0.44, 0.3]);
});
