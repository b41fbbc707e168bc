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
