import assert from "node:assert/strict";
import { checkDeltaE } from "../lib/exercises/energy.ts";

const DISPLAY = Symbol.for("Jupyter.display");

/** The expected answer: Delta E = -(S_k' - S_k) h_k = 2 S_k sum_{j != k} w_kj S_j. */
function right(w: number[][], S: Int8Array, k: number): number {
  let h = 0;
  for (let j = 0; j < S.length; j++) if (j !== k) h += w[k][j] * S[j];
  return 2 * S[k] * h;
}

Deno.test("checkDeltaE accepts the right answer and reports the sign rule", () => {
  const r = checkDeltaE(right);
  assert.equal(r.ok, true);
  assert.match(r.message, /agrees with the library on all 24 networks/);
  assert.match(r.message, /in the \d+ cases where the sign rule flips neuron k it is <= 0/);
});

Deno.test("checkDeltaE: the recomputed energy difference (brute force) is right too", () => {
  const brute = (w: number[][], S: Int8Array, k: number) => {
    const E = (s: Int8Array) => {
      let e = 0;
      for (let i = 0; i < s.length; i++) {
        for (let j = 0; j < s.length; j++) e += w[i][j] * s[i] * s[j];
      }
      return -e / 2;
    };
    const T = S.slice();
    T[k] = -T[k];
    return E(T) - E(S);
  };
  assert.equal(checkDeltaE(brute).ok, true);
});

Deno.test("checkDeltaE rejects common mistakes with a hint", () => {
  // keeping the self-coupling in the field
  const withDiagonal = (w: number[][], S: Int8Array, k: number) => {
    let h = 0;
    for (let j = 0; j < S.length; j++) h += w[k][j] * S[j];
    return 2 * S[k] * h;
  };
  // forgetting that both cross sums change (factor 2)
  const half = (w: number[][], S: Int8Array, k: number) => right(w, S, k) / 2;
  // wrong sign
  const sign = (w: number[][], S: Int8Array, k: number) => -right(w, S, k);
  for (const f of [withDiagonal, half, sign]) {
    const r = checkDeltaE(f);
    assert.equal(r.ok, false);
    assert.match(r.message, /your function returns .*expected/);
    assert.match(r.hint, /S_k\^2 = 1/);
    const bundle = (r as unknown as Record<symbol, () => Record<string, string>>)[DISPLAY]();
    assert.match(bundle["text/html"], /Not yet/);
  }
});

Deno.test("checkDeltaE: the notebook skeleton (NaN) and a throwing function are 'not yet', not errors", () => {
  assert.equal(checkDeltaE(() => NaN).ok, false);
  const r = checkDeltaE(() => {
    throw new Error("TODO");
  });
  assert.equal(r.ok, false);
  assert.match(r.message, /threw an error .*TODO/);
});

Deno.test("checkDeltaE: a function that flips S in place does not spoil the check", () => {
  const mutating = (w: number[][], S: Int8Array, k: number) => {
    const d = right(w, S, k);
    S[k] = -S[k];
    return d;
  };
  assert.equal(checkDeltaE(mutating).ok, true);
});

Deno.test("checkDeltaE(5): 'expected a function', not 'your function threw'", () => {
  const r = checkDeltaE(5 as never);
  assert.equal(r.ok, false);
  assert.match(r.message, /expected a function \(w, S, k\) => Delta E, got 5/);
});

Deno.test("checkDeltaE asks each case once: the sign rule is judged on the compared answers", () => {
  // right on every case, then throwing (or answering -1): the check neither throws
  // nor asks again, so nothing unchecked can slip through
  let calls = 0;
  const late = (w: number[][], S: Int8Array, k: number) => {
    if (++calls > 24) throw new Error("late");
    return right(w, S, k);
  };
  const r = checkDeltaE(late);
  assert.equal(r.ok, true);
  assert.equal(calls, 24);
});

Deno.test("checkDeltaE never throws, even when the student's answer cannot be printed", () => {
  const weird = () =>
    ({
      toString: () => {
        throw new Error("boom");
      },
    }) as unknown as number;
  const r = checkDeltaE(weird);
  assert.equal(r.ok, false);
  assert.match(r.message, /your function returns/);
});
