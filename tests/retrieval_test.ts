import assert from "node:assert/strict";
import { iterateMap, meanFieldMap } from "../lib/meanfield.ts";
import { simulateRetrieval } from "../lib/retrieval.ts";

const M_STAR_2 = 0.957504; // m* at beta = 2 (science spec, section 3.3)

Deno.test("N = 10,000, beta = 2, m0 = 0.2: the cued overlap settles within 0.02 of 0.9575", () => {
  for (const M of [1, 5]) {
    const res = simulateRetrieval({ N: 10_000, M, beta: 2, m0: 0.2, steps: 15, seeds: [1, 2, 3] });
    assert.equal(res.m0, 0.2);
    for (const run of res.runs) {
      assert.equal(run.cued[0], 0.2);
      for (let t = 7; t <= 15; t++) {
        assert.ok(
          Math.abs(run.cued[t] - M_STAR_2) < 0.02,
          `M ${M}, seed ${run.seed}, t ${t}: ${run.cued[t]}`,
        );
      }
    }
  }
});

Deno.test("the first steps follow the map m(t+1) = tanh(2 m(t)) (spec: 0.200 0.388 0.631 0.852)", () => {
  const res = simulateRetrieval({ N: 10_000, M: 5, beta: 2, m0: 0.2, steps: 4, seeds: [4, 5, 6] });
  const theory = iterateMap(meanFieldMap(2), 0.2, 4);
  for (const run of res.runs) {
    for (let t = 1; t <= 4; t++) {
      assert.ok(Math.abs(run.cued[t] - theory[t]) < 0.035, `seed ${run.seed}, t ${t}`);
    }
  }
});

Deno.test("the other overlaps stay of order 1/sqrt(N) and end below 4/sqrt(N)", () => {
  const N = 10_000;
  const res = simulateRetrieval({ N, M: 5, beta: 2, m0: 0.2, steps: 12, seeds: [1, 2, 3, 4, 5] });
  for (const run of res.runs) {
    assert.equal(run.maxOther.length, 13);
    assert.ok(run.maxOther.every((m) => m < 8 / Math.sqrt(N)), `seed ${run.seed}`);
    assert.ok(run.maxOther[12] < 4 / Math.sqrt(N));
  }
  const single = simulateRetrieval({ N: 100, beta: 2, m0: 0.5, steps: 2, seeds: [1] });
  assert.equal(single.runs[0].maxOther.length, 0, "no other patterns when M = 1");
});

Deno.test("asynchronous updates reach the same fixed point", () => {
  const res = simulateRetrieval({
    N: 10_000,
    M: 5,
    beta: 2,
    m0: 0.2,
    steps: 10,
    seeds: [1, 2],
    mode: "async",
  });
  for (const run of res.runs) {
    for (let t = 5; t <= 10; t++) assert.ok(Math.abs(run.cued[t] - M_STAR_2) < 0.02);
  }
});

Deno.test("beta < 1: the memory is lost, the overlap decays to about 0", () => {
  const res = simulateRetrieval({ N: 10_000, M: 5, beta: 0.8, m0: 0.9, steps: 30, seeds: [1, 2] });
  for (const run of res.runs) {
    assert.ok(run.cued[1] < 0.7);
    assert.ok(Math.abs(run.cued[30]) < 0.05, `${run.cued[30]}`);
  }
});

Deno.test("seeded: the same seed gives the same run; the cue has the requested overlap", () => {
  const opts = { N: 1001, M: 3, beta: 3, m0: 0.35, steps: 5, seeds: [9] };
  const a = simulateRetrieval(opts), b = simulateRetrieval(opts);
  assert.deepEqual(a.runs[0].cued, b.runs[0].cued);
  assert.deepEqual(a.runs[0].maxOther, b.runs[0].maxOther);
  const flips = Math.round(((1 - 0.35) * 1001) / 2);
  assert.equal(a.m0, (1001 - 2 * flips) / 1001);
  assert.equal(a.runs[0].cued[0], a.m0);
});

Deno.test("a gain of one's own: the step gain retrieves the pattern exactly", () => {
  const res = simulateRetrieval({
    N: 2000,
    M: 3,
    gain: (h) => (h >= 0 ? 1 : 0),
    m0: 0.3,
    steps: 3,
    seeds: [1],
  });
  assert.ok(Number.isNaN(res.beta));
  assert.equal(res.runs[0].cued[3], 1);
});

Deno.test("bad input: missing noise, negative beta, m0 outside [-1, 1], bad sizes", () => {
  assert.throws(
    () => simulateRetrieval({ N: 100, m0: 0.2, steps: 3 }),
    /beta or gain must be given/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: -1, m0: 0.2, steps: 3 }),
    /beta must be a number >= 0, got -1/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 1.2, steps: 3 }),
    /m0 must be a number in \[-1, 1\], got 1.2/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100.5, beta: 2, m0: 0.2, steps: 3 }),
    /N must be an integer >= 2, got 100.5/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 0.2, steps: -1 }),
    /steps must be an integer >= 0, got -1/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, gain: (h) => 2 * h, m0: 0.2, steps: 1 }),
    /gain\(h\) must return a probability in \[0, 1\]/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 0.2, steps: 1, seeds: [] }),
    /seeds must be a non-empty list/,
  );
});

// ---- tester findings (part 2): one test each ------------------------------------------------

Deno.test("bad input: beta and gain together are rejected (no silent beta: NaN)", () => {
  assert.throws(
    () =>
      simulateRetrieval({
        N: 100,
        beta: 2,
        gain: (h) => 0.5 * (1 + Math.tanh(2 * h)),
        m0: 0.2,
        steps: 1,
      }),
    /give either beta or gain, not both \(got beta = 2 and gain = a function\)/,
  );
});

Deno.test("bad input: a seed that is not a finite number is named seeds[k]", () => {
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 0.2, steps: 1, seeds: [1, Infinity] }),
    /seeds\[1\] must be a finite number, got Infinity/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 0.2, steps: 1, seeds: [NaN] }),
    /seeds\[0\] must be a finite number, got NaN/,
  );
});

Deno.test("bad input: sizes beyond the work caps fail at once, naming the parameters", () => {
  const t0 = performance.now();
  assert.throws(
    () => simulateRetrieval({ N: 100, beta: 2, m0: 0.2, steps: 1e9 }),
    /steps must be at most 100000 .*got 1000000000/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 100, M: 1e7, beta: 2, m0: 0.2, steps: 1 }),
    /N x M must be at most 200000000 .*got N = 100, M = 10000000/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 1e9, beta: 2, m0: 0.2, steps: 1 }),
    /N x M must be at most .*got N = 1000000000, M = 1/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 1e7, beta: 2, m0: 0.2, steps: 100, seeds: [1, 2, 3] }),
    /seeds\.length x steps x N must be at most 2000000000 .*got 3 x 100 x 10000000/,
  );
  assert.throws(
    () => simulateRetrieval({ N: 1e5, M: 1000, beta: 2, m0: 0.2, steps: 100, seeds: [1, 2, 3] }),
    /seeds\.length x steps x N x M must be at most 20000000000 .*got 3 x 100 x 100000 x 1000/,
  );
  assert.throws(
    () =>
      simulateRetrieval({
        N: 100,
        beta: 2,
        m0: 0.2,
        steps: 1,
        seeds: Array.from({ length: 1001 }, (_, k) => k),
      }),
    /seeds must be a non-empty list of at most 1000 numbers/,
  );
  assert.ok(performance.now() - t0 < 200, "no work was started");
});
