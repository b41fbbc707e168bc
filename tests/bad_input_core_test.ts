/**
 * Hostile input to the core modules (patterns, random, special functions,
 * networks, fields, dynamics, overlaps, capacity, self-checks and figure
 * building blocks): each case either gives a clear error naming the
 * parameter and the value, or a correct result, never NaN or a hang.
 */
import assert from "node:assert/strict";
import {
  checkerboard,
  flipN,
  fromGrid,
  hammingDistance,
  randomPattern,
  randomPatterns,
  toGrid,
} from "../lib/patterns.ts";
import { gaussian, permutation, randomInt, rng, toRng } from "../lib/random.ts";
import { erf, erfc, normalTail } from "../lib/special.ts";
import { checkState, denseNetwork, hebbianWeights, storePatterns } from "../lib/network.ts";
import { inputField } from "../lib/field.ts";
import { NeuronUpdater, run, syncStep } from "../lib/dynamics.ts";
import { extent, meanStd, overlaps } from "../lib/overlap.ts";
import { crosstalk, crosstalkVariance, simulatedErrorRate } from "../lib/capacity.ts";
import { checkOverlap } from "../lib/exercises/review.ts";
import { CheckResult } from "../lib/exercises/check.ts";
import { crosstalkHistogram, hconcat, matrixHeatmap, textFigure } from "../lib/plot/mod.ts";

const board = checkerboard(4);
const net = storePatterns([board]);
const dense = denseNetwork([[0, 1], [1, 0]]);

Deno.test("fromGrid, toGrid, hammingDistance reject values other than +-1 before converting", () => {
  assert.throws(() => fromGrid([[-255, 1]]), /rows\[0\]\[0\] must be \+1 or -1, got -255/);
  assert.throws(
    () => fromGrid([["1", "-1"]] as unknown as number[][]),
    /rows\[0\]\[0\] must be \+1 or -1, got "1"/,
  );
  assert.throws(() => fromGrid([[1.5, -1]]), /rows\[0\]\[0\] must be \+1 or -1, got 1.5/);
  assert.throws(() => toGrid(Int8Array.of(0, 2), 1), /pattern\[0\] must be \+1 or -1, got 0/);
  assert.throws(
    () => hammingDistance("ab" as unknown as Int8Array, board),
    /a must be an Int8Array of \+1\/-1 values, got "ab"/,
  );
});

Deno.test("pattern sizes are capped instead of filling the memory", () => {
  assert.throws(
    () => checkerboard(100_000),
    /width x height must be at most 100000000 pixels, got 100000 x 100000/,
  );
  assert.throws(() => randomPatterns(1e9, 1e6, 1), /M x N must be at most 1000000000/);
  assert.throws(
    () => randomPattern(3e9, 1),
    /N must be an integer in \[1, 100000000\], got 3000000000/,
  );
});

Deno.test("generators of one's own are checked: values must be numbers in [0, 1)", () => {
  assert.throws(() => toRng(() => 2)(), /rng\(\) must return numbers in \[0, 1\), got 2/);
  assert.throws(
    () => randomPattern(4, () => NaN),
    /rng\(\) must return numbers in \[0, 1\), got NaN/,
  );
  assert.throws(
    () => syncStep(net, board, { beta: 2, rng: () => NaN }),
    /rng\(\) must return numbers/,
  );
  assert.ok(Number.isFinite(gaussian(() => 0)), "u = 0 does not loop or give infinity");
  assert.throws(
    () => permutation(rng(1), 5, new Uint32Array(2)),
    /out must be a Uint32Array of length n = 5/,
  );
  assert.throws(() => randomInt(rng(1), NaN), /n must be an integer >= 1, got NaN/);
  // a seeded generator is not wrapped again: same numbers as before
  const a = rng(9), b = rng(9);
  assert.equal(toRng(a)(), b());
});

Deno.test("erf and erfc at the infinities; NaN is rejected", () => {
  assert.deepEqual([erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity)], [1, -1, 0, 2]);
  assert.deepEqual([normalTail(Infinity), normalTail(-Infinity)], [0, 1]);
  assert.throws(() => erfc(NaN), /x must be a number, got NaN/);
});

Deno.test("dense weights must be numbers; a network must be a network", () => {
  assert.throws(
    () => denseNetwork([[0, null], [null, 0]] as unknown as number[][]),
    /weights\[0\]\[1\] must be a finite number, got null/,
  );
  assert.throws(
    () => denseNetwork([[0, "1"], ["1", 0]] as unknown as number[][]),
    /weights\[0\]\[1\] must be a finite number, got "1"/,
  );
  assert.throws(
    () => hebbianWeights(dense as never),
    /patterns must be a list of patterns or a network from storePatterns/,
  );
  assert.throws(
    () => checkState(undefined as never, board),
    /net must be a network from storePatterns\(patterns\) or denseNetwork\(weights\), got undefined/,
  );
  assert.throws(() => crosstalk(dense as never, 0), /net must be a Hebbian network/);
});

Deno.test("output buffers of the wrong size are refused", () => {
  assert.throws(
    () => inputField(net, board, new Float64Array(2)),
    /out must be a Float64Array of length N = 16/,
  );
  assert.throws(
    () => overlaps(net, board, new Float64Array(2)),
    /out must be a Float64Array of length M = 1/,
  );
  assert.throws(
    () => new NeuronUpdater(net, board).overlaps(new Float64Array(3)),
    /out must be a Float64Array of length M = 1/,
  );
});

Deno.test("NeuronUpdater checks neuron indices and values", () => {
  const u = new NeuronUpdater(net, flipN(board, 3, 1));
  assert.throws(() => u.field(100), /k must be a neuron index, an integer in \[0, 15\], got 100/);
  assert.throws(() => u.field(1.5), /got 1.5/);
  assert.throws(() => u.set(100, 1), /k must be a neuron index/);
  assert.throws(() => u.set(0, 2 as 1), /value must be \+1 or -1, got 2/);
  assert.deepEqual(Array.from(u.overlaps()), [1 - 6 / 16]);
});

Deno.test("run without options, with too many recorded steps, with patterns that are not a list", () => {
  assert.throws(
    () => run(net, board, undefined as never),
    /options must be an object with at least \{ steps \}/,
  );
  assert.throws(
    () =>
      run(storePatterns(randomPatterns(1, 10_000, 1)), randomPattern(10_000, 2), {
        steps: 200_000,
      }),
    /recordStates: false keeps only the overlaps/,
  );
  assert.throws(
    () => run(net, board, { steps: 1, patterns: "ab" as never }),
    /patterns must be a list of states \(Int8Array of \+1\/-1, length N = 16\), got "ab"/,
  );
});

Deno.test("statistics: extent and meanStd refuse NaN and strings, survive huge values", () => {
  assert.throws(() => meanStd([NaN, 1]), /values\[0\] must be a finite number, got NaN/);
  assert.throws(
    () => meanStd(["1", "2"] as unknown as number[]),
    /values\[0\] must be a finite number, got "1"/,
  );
  assert.deepEqual(meanStd([1e308, 1e308]), { mean: 1e308, std: 0 });
  const many = new Float64Array(300_000).map((_, k) => Math.sin(k));
  assert.ok(extent(many).max <= 1);
  assert.ok(Number.isFinite(crosstalkVariance(1e300, 1e300)));
});

Deno.test("capacity simulation: work is capped", () => {
  assert.throws(
    () => simulatedErrorRate(2, 0.5, 1, { networks: 1e9 }),
    /networks must be an integer in \[1, 10000\], got 1000000000/,
  );
});

Deno.test("self-checks never throw because of what the student's function returns or throws", () => {
  assert.equal(checkOverlap(() => Object.create(null)).ok, false);
  assert.equal(
    checkOverlap(() => {
      throw Object.create(null);
    }).ok,
    false,
  );
  assert.match(
    checkOverlap(() => "1" as unknown as number).message,
    /returns the string "1", expected 1/,
  );
  const bundle = (new CheckResult(false, 5 as unknown as string) as unknown as Record<
    symbol,
    () => Record<string, string>
  >)[Symbol.for("Jupyter.display")]();
  assert.match(bundle["text/plain"], /not yet: 5/);
});

Deno.test("figure building blocks: text and colours are escaped, wrong parts named, large data drawn", () => {
  const fig = textFigure("x", { color: '"/><script>alert(1)</script>' });
  // the colour stays inside its attribute: the quote is escaped, so no element can break out
  assert.ok(!fig.svg.includes('"/><script'), fig.svg);
  assert.throws(() => textFigure(42 as unknown as string), /text must be a string, got 42/);
  assert.throws(
    () => textFigure("x", { size: NaN }),
    /size must be a number in \[4, 200\], got NaN/,
  );
  assert.throws(() => hconcat([fig, undefined as never]), /figures\[1\] must be a Figure/);
  assert.throws(
    () => matrixHeatmap([1e308, 0, 0, 1]),
    /matrix\[0\]\[0\] must be a number of magnitude at most 1e100/,
  );
  // 200,000 values: no "Maximum call stack size exceeded"
  const values = new Float64Array(200_000).map((_, k) => 0.3 * Math.sin(k * 1.7));
  assert.match(crosstalkHistogram(values, { signal: 1 }).alt, /200000 values/);
});
