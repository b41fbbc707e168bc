import assert from "node:assert/strict";
import { checkOverlapUpdate } from "../lib/exercises/meanfield.ts";
import type { Gain } from "../lib/gain.ts";

Deno.test("checkOverlapUpdate: the four-group answer is right, in any equivalent form", () => {
  assert.equal(checkOverlapUpdate((m, g) => g(m) - g(-m)).ok, true);
  const groups = (m: number, g: Gain) => {
    const onOn = g(m) / 2, onOff = (1 - g(m)) / 2, offOn = g(-m) / 2, offOff = (1 - g(-m)) / 2;
    return onOn - onOff - offOn + offOff;
  };
  const r = checkOverlapUpdate(groups);
  assert.equal(r.ok, true);
  assert.match(r.message, /6 gains/);
});

Deno.test("checkOverlapUpdate: 2 g(m) - 1 passes the standard gains but not a gain with a threshold", () => {
  const r = checkOverlapUpdate((m, g) => 2 * g(m) - 1);
  assert.equal(r.ok, false);
  assert.match(r.message, /threshold at h = 0.2/);
  assert.match(r.hint, /g\(-h\) = 1 - g\(h\)/);
});

Deno.test("checkOverlapUpdate: wrong answers, NaN and exceptions give 'not yet' with a hint, never throw", () => {
  for (const wrong of [(m: number) => m, () => NaN, (m: number, g: Gain) => g(m) + g(-m)]) {
    const r = checkOverlapUpdate(wrong);
    assert.equal(r.ok, false);
    assert.match(r.hint, /four groups/);
  }
  const thrown = checkOverlapUpdate(() => {
    throw new Error("not written yet");
  });
  assert.equal(thrown.ok, false);
  assert.match(thrown.message, /threw an error .*not written yet/);
  const notAFunction = checkOverlapUpdate(42 as never);
  assert.equal(notAFunction.ok, false);
  assert.match(notAFunction.message, /expected a function/);
});
