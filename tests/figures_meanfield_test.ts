import assert from "node:assert/strict";
import { assertFigure } from "./assert_figure.ts";
import { crosstalkMap } from "../lib/crosstalk_map.ts";
import { betaValues, bifurcation, iterateMap, meanFieldMap } from "../lib/meanfield.ts";
import { simulateRetrieval } from "../lib/retrieval.ts";
import {
  bifurcationPlot,
  cobwebPlot,
  gainPlot,
  groupsPlot,
  mapCurvesPlot,
  retrievalPlot,
  symbolKey,
} from "../lib/plot/mod.ts";

Deno.test("cobweb: fixed points drawn filled/open and named in the alt text", () => {
  const fig = cobwebPlot(meanFieldMap(2), { m0: [0.1, -0.3] });
  assertFigure(fig, "cobweb");
  assert.match(fig.alt, /0\.9575 \(stable\)/);
  assert.match(fig.alt, /0\.0000 \(unstable\)/);
  assert.match(fig.svg, /m\* = 0\.9575/);
  assert.match(
    fig.svg,
    /fill="white"[^>]*stroke="#1a1a1a"|stroke="#1a1a1a"[^>]*fill="white"/,
    "open circle",
  );
  assert.match(fig.svg, /marker|<path/, "arrows");
  const low = cobwebPlot(meanFieldMap(0.8), { m0: 0.9, range: "positive" });
  assertFigure(low, "cobweb beta < 1");
  assert.match(low.alt, /fixed points: 0\.0000 \(stable\)/);
  // the deterministic limit has a jump at 0: still a clean figure
  assertFigure(cobwebPlot(meanFieldMap(Infinity), { m0: 0.3 }), "cobweb beta = infinity");
});

Deno.test("cobweb: bad options are named", () => {
  assert.throws(
    () => cobwebPlot(meanFieldMap(2), { m0: 2 }),
    /m0 must be a number in \[-1, 1\], got 2/,
  );
  assert.throws(
    () => cobwebPlot(meanFieldMap(2), { m0: -0.5, range: "positive" }),
    /m0 must be a number in \[0, 1\], got -0.5/,
  );
  assert.throws(() => cobwebPlot(meanFieldMap(2), { steps: -2 }), /steps must be an integer/);
  assert.throws(() => cobwebPlot("tanh" as never), /F must be an overlap map/);
});

Deno.test("bifurcation diagram: pitchfork at beta = 1 and highlighted fixed points", () => {
  const fig = bifurcationPlot(bifurcation(betaValues(0, 4, 100)), { highlight: [2] });
  assertFigure(fig, "bifurcation");
  assert.match(fig.svg, /pitchfork at β = 1/);
  assert.match(fig.alt, /β = 2: m\* = 0\.957/);
  assert.throws(() => bifurcationPlot([]), /points must be a non-empty list/);
});

Deno.test("gain, groups and map-family figures", () => {
  const gain = gainPlot([0.5, 1, 2, 5]);
  assertFigure(gain, "gain");
  assert.match(gain.alt, /beta = 0.5, 1, 2, 5 and the step/);
  const groups = groupsPlot(0.4, 2);
  assertFigure(groups, "groups");
  assert.match(groups.svg, /= 0\.664/);
  assert.match(groups.alt, /new overlap 0\.664/);
  const curves = mapCurvesPlot(
    [0, 0.1].map((a) => ({ F: crosstalkMap(a, 2), label: `α = ${a}` })),
  );
  assertFigure(curves, "map curves");
  assert.match(curves.alt, /α = 0: m\* = 0\.958/);
  assert.throws(() => gainPlot([]), /betas must be a list of 1 to 6/);
  assert.throws(() => gainPlot([-1]), /betas\[0\] must be a number in \[0/);
  assert.throws(() => groupsPlot(3, 2), /m must be a number in \[-1, 1\], got 3/);
});

Deno.test("simulation against theory: both panels, the 1/sqrt(N) reference, a symbol key", () => {
  const res = simulateRetrieval({ N: 2500, M: 3, beta: 2, m0: 0.2, steps: 6, seeds: [1, 2] });
  const fig = retrievalPlot(res, {
    theory: iterateMap(meanFieldMap(2), res.m0, 6),
    fixedPoint: 0.9575,
  });
  assertFigure(fig, "retrieval");
  assert.match(fig.svg, /1\/√N = 0\.02/);
  assert.match(fig.alt, /2 simulated runs/);
  const one = retrievalPlot(res, { others: false });
  assert.ok(one.width < fig.width);
  assert.throws(() => retrievalPlot({} as never), /result must come from simulateRetrieval/);
  assert.throws(
    () => retrievalPlot(res, { theory: [0, 2] }),
    /theory\[1\] must be a number in \[-1, 1\]/,
  );
  assertFigure(symbolKey([{ symbol: "dot", label: "a stable fixed point" }]), "key");
});

// ---- tester findings (part 2): one test each ------------------------------------------------

Deno.test("bad input: mapCurvesPlot names a curve whose values leave [-1, 1]", () => {
  assert.throws(
    () => mapCurvesPlot([{ F: (m) => 1e308 * m, label: "x" }]),
    /curves\[0\]\.F\(m\) \(x\) must be an overlap in \[-1, 1\], got 5e\+305 at m = 0\.005/,
  );
  assert.throws(
    () => mapCurvesPlot([{ F: meanFieldMap(2), label: "a" }, { F: () => 5, label: "b" }]),
    /curves\[1\]\.F\(m\) \(b\) must be an overlap in \[-1, 1\], got 5 at m = 0/,
  );
  assert.throws(
    () => mapCurvesPlot([{ F: meanFieldMap(2), label: 5 as never }]),
    /curves\[0\]\.label must be a string, got 5/,
  );
});

Deno.test("mapCurvesPlot: a curve without a label is called 'curve k' in the key", () => {
  const fig = mapCurvesPlot([{ F: meanFieldMap(2) }, { F: meanFieldMap(3), label: "β = 3" }]);
  assertFigure(fig, "map curves without a label");
  assert.match(fig.alt, /curve 1: m\* = 0\.958; β = 3: m\* = 0\.995/);
  assert.doesNotMatch(fig.alt + fig.svg, /undefined/);
});

Deno.test("bad input: cobwebPlot names a map whose values leave [-1, 1]", () => {
  assert.throws(
    () => cobwebPlot(() => 5, { steps: 0 }),
    /F\(m\) must be an overlap in \[-1, 1\], got 5 at m = -1/,
  );
  assert.throws(
    () => cobwebPlot(meanFieldMap(2), { m0: "0.3" as never }),
    /m0 must be a number or a list of numbers in \[-1, 1\], got "0\.3"/,
  );
  assert.throws(
    () => cobwebPlot(meanFieldMap(2), { title: 5 as never }),
    /title must be a string, got 5/,
  );
});

Deno.test("retrievalPlot with 10 runs of 20,000 steps (no Math.min(...) stack overflow)", () => {
  const steps = 20_000;
  const runs = Array.from({ length: 10 }, (_, k) => ({
    seed: k,
    cued: Float64Array.from({ length: steps + 1 }, (_, t) => Math.tanh(t / 100) * (1 - k / 100)),
    maxOther: Float64Array.from({ length: steps + 1 }, () => 0.01 + k / 1000),
  }));
  const fig = retrievalPlot({ N: 10_000, M: 3, beta: 2, m0: 0, steps, mode: "sync", runs });
  assert.match(fig.alt, /after 20000 steps between 0\.910 and 1\.000/);
  assert.match(fig.alt, /ends between 0\.010 and 0\.019/);
});

Deno.test("bad input: retrievalPlot names the broken field of a hand-made result", () => {
  const base = { N: 100, M: 2, beta: 2, m0: 0.1, steps: 1, mode: "sync" as const };
  const run = { seed: 1, cued: Float64Array.of(0.1, 0.2), maxOther: Float64Array.of(0.1, 0.1) };
  assert.throws(
    () => retrievalPlot({ ...base, runs: [{ ...run, cued: Float64Array.of(0.1, NaN) }] }),
    /result\.runs\[0\]\.cued\[1\] must be a number in \[-1, 1\], got NaN/,
  );
  assert.throws(
    () => retrievalPlot({ ...base, runs: [{ ...run, maxOther: new Float64Array(0) }] }),
    /result\.runs\[0\]\.maxOther must hold at least one overlap, got length 0/,
  );
  const noN = { ...base, N: undefined, runs: [run] };
  assert.throws(
    () => retrievalPlot(noN as never),
    /result\.N must be an integer >= 1, got undefined/,
  );
  assert.throws(
    () => retrievalPlot({ ...base, mode: "parallel" as never, runs: [run] }),
    /result\.mode must be "sync" or "async", got "parallel"/,
  );
  assert.throws(
    () => retrievalPlot({ ...base, runs: [{ ...run, cued: undefined as never }] }),
    /result\.runs\[0\]\.cued must be a list of overlaps in \[-1, 1\], got undefined/,
  );
  assert.throws(
    () => retrievalPlot({ ...base, runs: [run] }, { theory: 0.5 as never }),
    /theory must be a list of overlaps in \[-1, 1\] .*got 0\.5/,
  );
  // a single run without other patterns needs no maxOther values
  const single = retrievalPlot({
    ...base,
    M: 1,
    runs: [{ ...run, maxOther: new Float64Array(0) }],
  });
  assertFigure(single, "retrieval, M = 1");
});

Deno.test("bad input: bifurcationPlot highlight must be a list; points need a stability", () => {
  const bif = bifurcation(betaValues(0, 4, 40));
  assert.throws(
    () => bifurcationPlot(bif, { highlight: 2 as never }),
    /highlight must be a list of betas in \[0, 4\], got 2/,
  );
  assert.throws(
    () => bifurcationPlot(bif, { highlight: [2, 7] }),
    /highlight\[1\] must be a number in \[0, 4\], got 7/,
  );
  assert.throws(
    () => bifurcationPlot([{ beta: 1, m: 0, branch: 0 } as never]),
    /points\[0\]\.stability must be "stable", "unstable" or "marginal", got undefined/,
  );
  assert.throws(
    () => bifurcationPlot([null as never]),
    /points\[0\] must have finite beta and m and a branch number, got null/,
  );
  // many points: no Math.min(...) stack overflow
  const many = Array.from({ length: 300_000 }, (_, k) => ({
    beta: k / 1000,
    m: 0,
    branch: 0,
    slope: 0,
    stability: "stable" as const,
    stable: true,
  }));
  assert.match(bifurcationPlot(many).alt, /from 0 to 300/);
});

Deno.test("bad input: options null is the same as no options in every figure", () => {
  assertFigure(cobwebPlot(meanFieldMap(2), null as never), "cobweb, null options");
  const bif = bifurcation(betaValues(0, 4, 20));
  assertFigure(bifurcationPlot(bif, null as never), "bifurcation, null options");
  assertFigure(gainPlot([1, 2], null as never), "gain, null options");
  assertFigure(groupsPlot(0.4, 2, null as never), "groups, null options");
  assertFigure(
    mapCurvesPlot([{ F: meanFieldMap(2), label: "β = 2" }], null as never),
    "map curves, null options",
  );
  const res = simulateRetrieval({ N: 200, M: 2, beta: 2, m0: 0.2, steps: 2, seeds: [1] });
  assertFigure(retrievalPlot(res, null as never), "retrieval, null options");
  assertFigure(
    symbolKey([{ symbol: "dot", label: "a stable fixed point" }], null as never),
    "key, null options",
  );
});

Deno.test("bad input: symbolKey names a missing or non-string label and escapes colours", () => {
  assert.throws(
    () => symbolKey([{ symbol: "line", label: 5 as never }]),
    /items\[0\]\.label must be a string, got 5/,
  );
  assert.throws(
    () => symbolKey([{ symbol: "line" } as never]),
    /items\[0\]\.label must be a string, got undefined/,
  );
  assert.throws(
    () => symbolKey([{ symbol: "star" as never, label: "x" }]),
    /items\[0\]\.symbol must be one of "line", .*got "star"/,
  );
  assert.throws(
    () => symbolKey([{ symbol: "line", label: "x", color: '"/><script>alert(1)</script>' }]),
    /items\[0\]\.color must be a CSS colour .*got "\\"\/><script>/,
  );
  assert.throws(() => symbolKey("line" as never), /items must be a list of/);
  const fig = symbolKey([{ symbol: "line", label: "<b>", color: "rgb(31, 119, 180)" }]);
  assert.match(fig.svg, /stroke="rgb\(31, 119, 180\)"/);
  assert.doesNotMatch(fig.svg, /<b>/);
});
