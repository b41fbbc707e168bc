import assert from "node:assert/strict";
import { assertFigure } from "./assert_figure.ts";
import { checkerboard, flipN, lPattern, randomPatterns } from "../lib/patterns.ts";
import { hebbianWeights, storePatterns } from "../lib/network.ts";
import { run } from "../lib/dynamics.ts";
import { correlationMatrix, correlationSpread } from "../lib/overlap.ts";
import { crosstalk, simulatedErrorRate } from "../lib/capacity.ts";
import {
  correlationSpreadPlot,
  crosstalkHistogram,
  Figure,
  hconcat,
  legend,
  matrixHeatmap,
  overlapLines,
  overlapMap,
  patternGrid,
  patternRow,
  pErrorPlot,
  stateSequence,
  textFigure,
  titled,
} from "../lib/plot/mod.ts";

function sequenceFigure(seed: number) {
  const ps = [checkerboard(6), ...randomPatterns(3, 36, seed)];
  const tr = run(storePatterns(ps), flipN(ps[0], 11, seed), { steps: 4 });
  return { tr, ps, fig: stateSequence(tr, ps) };
}

Deno.test("every part-1 figure is a standalone SVG with a white background and a text fallback", () => {
  const { tr, ps, fig } = sequenceFigure(1);
  const net = storePatterns(randomPatterns(60, 400, 2));
  const c = crosstalk(net, 0);
  const figures: [string, Figure][] = [
    [
      "patternGrid",
      patternGrid(flipN(checkerboard(4), 3, 1), { reference: checkerboard(4), label: "cue" }),
    ],
    ["patternRow", patternRow(ps)],
    ["stateSequence", fig],
    ["overlapMap", overlapMap(tr.overlaps, { title: "map" })],
    ["overlapLines", overlapLines(tr.overlaps)],
    [
      "matrixHeatmap",
      matrixHeatmap(hebbianWeights([checkerboard(4), lPattern(4)]), { label: "w" }),
    ],
    ["correlation heatmap", matrixHeatmap(correlationMatrix(ps), { limit: 1 })],
    ["correlationSpreadPlot", correlationSpreadPlot(correlationSpread([100, 1000], 10, 1))],
    ["crosstalkHistogram", crosstalkHistogram(c.noise, { signal: c.signal, variance: 0.15 })],
    ["pErrorPlot", pErrorPlot([simulatedErrorRate(300, 0.2, 1)])],
    ["titled", titled(hconcat([textFigure("a"), textFigure("b")]), "Title", "Subtitle")],
  ];
  for (const [name, f] of figures) assertFigure(f, name);
});

Deno.test("state sequence marks the wrong pixels and reports the overlaps", () => {
  const { tr, fig } = sequenceFigure(3);
  assert.match(fig.alt, new RegExp(`t = 0: overlap with P0 m = ${tr.overlaps[0][0].toFixed(3)}`));
});

Deno.test("pattern grid frames exactly the pixels that differ from the reference", () => {
  for (const flips of [0, 1, 5, 16]) {
    const fig = patternGrid(flipN(checkerboard(4), flips, flips), { reference: checkerboard(4) });
    const group = fig.svg.match(/<g[^>]*stroke="#d62728"[^>]*>(.*?)<\/g>/);
    const frames = group ? (group[1].match(/<rect/g) ?? []).length : 0;
    assert.equal(frames, flips);
    assert.match(fig.alt, new RegExp(`${flips} differ from the reference`));
  }
});

Deno.test("same seed gives the same SVG; another seed a different one", () => {
  assert.equal(sequenceFigure(5).fig.svg, sequenceFigure(5).fig.svg);
  assert.notEqual(sequenceFigure(5).fig.svg, sequenceFigure(6).fig.svg);
  const a = crosstalkHistogram([0.1, -0.2, 0.3, -0.5], { signal: 1 });
  const b = crosstalkHistogram([0.1, -0.2, 0.3, -0.5], { signal: 1 });
  assert.equal(a.svg, b.svg);
});

Deno.test("continuous colour legends render through the canvas shim as a PNG image", () => {
  const bar = legend({ type: "diverging", scheme: "RdBu", domain: [-1, 1], label: "m" });
  assert.match(bar.svg, /href="data:image\/png;base64,iVBORw0KGgo/);
});

Deno.test("ids inside figures are stable and unique per figure", () => {
  const f1 = overlapLines([[0.1, 0.2], [0.5, 0.1]]);
  const f2 = overlapLines([[0.1, 0.2], [0.9, 0.1]]);
  const ids = (s: string) => [...s.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
  for (const id of ids(f1.svg)) assert.ok(!ids(f2.svg).includes(id));
});

Deno.test("Figure.save writes a standalone SVG file", async () => {
  const path = await Deno.makeTempFile({ suffix: ".svg" });
  await patternGrid(checkerboard(4)).save(path);
  const text = await Deno.readTextFile(path);
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg/);
  await Deno.remove(path);
});

Deno.test("bad input to figures: overlaps outside [-1, 1], ragged rows, non-square matrix", () => {
  assert.throws(
    () => overlapMap([[0.5, 1.5]]),
    /overlaps\[0\]\[1\] must be a number in \[-1, 1\], got 1.5/,
  );
  assert.throws(
    () => overlapLines([[0.5, NaN]]),
    /overlaps\[0\]\[1\] must be a number in \[-1, 1\], got NaN/,
  );
  assert.throws(
    () => overlapMap([[0.5, 0.2], [0.1]]),
    /overlaps\[1\] must have length M = 2 like overlaps\[0\], got 1/,
  );
  assert.throws(() => matrixHeatmap([1, 2, 3]), /matrix must be square/);
  assert.throws(
    () => patternGrid(checkerboard(4), { width: 3 }),
    /width must divide the number of pixels N = 16, got 3/,
  );
  assert.throws(() => stateSequence([], [checkerboard(4)]), /states must be a non-empty list/);
  assert.throws(
    () => crosstalkHistogram([0.1, NaN]),
    /values\[1\] must be a finite number, got NaN/,
  );
});
