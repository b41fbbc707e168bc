import assert from "node:assert/strict";
import { assertFigure } from "./assert_figure.ts";
import { noisyCopy, randomPattern, randomPatterns } from "../lib/patterns.ts";
import { storePatterns } from "../lib/network.ts";
import { energyTrace } from "../lib/energy.ts";
import { checkerboardCycle, randomWeights } from "../lib/counterexamples.ts";
import { fixedPointCensus, mixtureState } from "../lib/mixtures.ts";
import { energyProfile } from "../lib/landscape.ts";
import {
  censusHistogram,
  energyDescent,
  landscapeProfile,
  syncAsyncContrast,
} from "../lib/plot/mod.ts";

Deno.test("energyDescent: says 'never increased' for async retrieval and counts rises otherwise", () => {
  const ps = randomPatterns(5, 400, 1);
  const net = storePatterns(ps);
  const tr = energyTrace(net, noisyCopy(ps[0], 0.35, 2), { steps: 3, rng: 3 });
  const fig = energyDescent(tr, {
    title: "walk downhill",
    guides: [{ value: -0.5, label: "pattern" }],
  });
  assertFigure(fig, "descent");
  assert.match(fig.alt, /never increasing; overlap with P0 ends at 1\.000/);
  assert.match(fig.svg, /walk downhill/);
  assert.match(fig.svg, /single-neuron updates \(N = 400 per sweep\)/);
  const asym = energyTrace(randomWeights(60, 1, { asymmetry: 0.5 }), randomPattern(60, 2), {
    steps: 4,
    rng: 1,
  });
  const f2 = energyDescent(asym);
  assertFigure(f2, "asymmetric");
  assert.match(f2.alt, /rising \d+ times/);
});

Deno.test("syncAsyncContrast: the checkerboard 2-cycle is named in the figure", () => {
  const { net, initial } = checkerboardCycle(4, 1);
  const references = [net.patterns[0], initial];
  const sync = energyTrace(net, initial, { mode: "sync", steps: 6, references });
  const async = energyTrace(net, initial, { steps: 6, rng: 2, references });
  const fig = syncAsyncContrast(sync, async, { labels: ["checkerboard", "start S(0)"] });
  assertFigure(fig, "contrast");
  assert.match(
    fig.alt,
    /synchronous: 2-cycle, the state flips back and forth at constant E = 0\.500/,
  );
  assert.match(fig.alt, /asynchronous: reaches a fixed point, E ends at -7\.50/);
  assert.throws(() => syncAsyncContrast(async, sync), /sync and async must be traces of mode/);
});

Deno.test("landscapeProfile and censusHistogram draw the marked states and reference lines", () => {
  const ps = randomPatterns(4, 600, 3);
  const net = storePatterns(ps);
  const prof = energyProfile(net, [ps[0], mixtureState(ps), ps[1]], {
    labels: ["p1", "mixture", "p2"],
    rng: 1,
    references: ps.slice(0, 3),
  });
  const land = landscapeProfile(prof, { labels: ["p1", "p2", "p3"] });
  assertFigure(land, "landscape");
  assert.match(land.alt, /through p1 \(-0\.49\d\), mixture \(-0\.3\d\d\), p2/);
  assert.throws(
    () => landscapeProfile(prof, { labels: ["a"] }),
    /labels must have at least one entry per pattern \(M = 3\), got 1/,
  );
  const census = fixedPointCensus(net, { starts: 40, rng: 2 });
  const hist = censusHistogram(census, { title: "census" });
  assertFigure(hist, "census");
  assert.match(hist.svg, /stored patterns: -1\/2/);
  assert.match(hist.svg, /3-mixtures: -3\/8/);
  assert.match(hist.alt, /Histogram of E\/N of 40 fixed points/);
});

Deno.test("bad input to the energy figures", () => {
  assert.throws(() => energyDescent({} as never), /trace must be an EnergyTrace/);
  const ps = randomPatterns(2, 100, 1);
  const tr = energyTrace(storePatterns(ps), ps[0], { steps: 1, rng: 1 });
  assert.throws(
    () => energyDescent(tr, { labels: ["only one"] }),
    /labels must have at least one entry per pattern \(M = 2\), got 1/,
  );
  assert.throws(
    () => energyDescent(tr, { highlight: 5 }),
    /highlight must be an integer in \[0, 1\], got 5/,
  );
  assert.throws(
    () => energyDescent(tr, { guides: [{ value: NaN, label: "x" }] }),
    /guides\[0\]\.value must be a finite number, got NaN/,
  );
  assert.throws(
    () => censusHistogram({ entries: [] } as never),
    /census must be the result of fixedPointCensus/,
  );
});

Deno.test("energyDescent takes labels for every stored pattern when the trace follows only the first 10", () => {
  const ps = randomPatterns(12, 300, 4);
  const tr = energyTrace(storePatterns(ps), ps[0], { steps: 1, rng: 1 });
  assert.equal(tr.overlaps.length, 10);
  const fig = energyDescent(tr, { labels: ps.map((_, mu) => `p${mu + 1}`) });
  assertFigure(fig, "12 labels, 10 references");
  assert.match(fig.alt, /overlap with p1 ends at 1\.000/);
});

Deno.test("figure sizes: width or height NaN names the option and the range", () => {
  const ps = randomPatterns(2, 60, 1);
  const net = storePatterns(ps);
  const tr = energyTrace(net, ps[0], { steps: 1, rng: 1 });
  const sync = energyTrace(net, ps[0], { mode: "sync", steps: 1 });
  const width = /width must be an integer in \[200, 4000\], got NaN/;
  assert.throws(() => energyDescent(tr, { width: NaN }), width);
  assert.throws(
    () => energyDescent(tr, { height: NaN }),
    /height must be an integer in \[100, 2000\], got NaN/,
  );
  assert.throws(() => syncAsyncContrast(sync, tr, { width: NaN }), width);
  assert.throws(() => landscapeProfile(energyProfile(net, [ps[0], ps[1]]), { width: NaN }), width);
  const census = fixedPointCensus(net, { starts: 3, rng: 1 });
  assert.throws(() => censusHistogram(census, { width: NaN }), width);
});

Deno.test("list options of the wrong type: show and guides", () => {
  const ps = randomPatterns(2, 60, 1);
  const net = storePatterns(ps);
  const tr = energyTrace(net, ps[0], { steps: 1, rng: 1 });
  const sync = energyTrace(net, ps[0], { mode: "sync", steps: 1 });
  assert.throws(
    () => syncAsyncContrast(sync, tr, { show: 0 as never }),
    /show must be a list of reference indices in \[0, 1\], e.g. \[0, 1\], got 0/,
  );
  assert.throws(
    () => energyDescent(tr, { guides: 5 as never }),
    /guides must be a list of \{ value, label \} lines, .*got 5/,
  );
  assert.throws(
    () => energyDescent(tr, { perNeuron: "yes" as never }),
    /perNeuron must be true or false, got "yes"/,
  );
  // null options are {}
  assertFigure(energyDescent(tr, null as never), "null options");
  assertFigure(syncAsyncContrast(sync, tr, null as never), "null options");
});

Deno.test("censusHistogram of 200,000 fixed points: no 'Maximum call stack size exceeded'", () => {
  const one = fixedPointCensus(storePatterns(randomPatterns(3, 10, 1)), { starts: 1, rng: 1 });
  const entries = Array.from({ length: 200_000 }, (_, k) => ({
    ...one.entries[0],
    energyPerNeuron: -0.5 + (k % 100) / 1000,
  }));
  const fig = censusHistogram({ ...one, entries });
  assertFigure(fig, "200,000 entries");
  assert.match(fig.alt, /Histogram of E\/N of 200000 fixed points/);
  const bad = { ...one, entries: [{ ...one.entries[0], energyPerNeuron: NaN }] };
  assert.throws(
    () => censusHistogram(bad),
    /census.entries\[0\] must be a fixed point from fixedPointCensus\(\) with a finite energyPerNeuron.*NaN/,
  );
});

Deno.test("landscapeProfile: a zero-length path (equal waypoints) is drawn as one point", () => {
  const ps = randomPatterns(2, 60, 1);
  const net = storePatterns(ps);
  const fig = landscapeProfile(energyProfile(net, [ps[0], ps[0]]));
  assertFigure(fig, "single point");
  assert.match(
    fig.alt,
    /path of 0 single flips through start = end \(-0\.\d{3}\); no barrier \(no flips\)/,
  );
});

Deno.test("landscapeProfile: a profile with energies that are not finite is refused", () => {
  const ps = randomPatterns(2, 60, 1);
  const prof = energyProfile(storePatterns(ps), [ps[0], ps[1]]);
  const e = prof.energy.slice();
  e[1] = -Infinity;
  assert.throws(
    () => landscapeProfile({ ...prof, energy: e }),
    /profile.energy\[1\] must be a finite number, got -Infinity/,
  );
  assert.throws(
    () => landscapeProfile({ ...prof, marks: [{ index: 1e6, label: "far" }] }),
    /profile.marks\[0\].index must be an integer in \[0, \d+\], got 1000000/,
  );
});
