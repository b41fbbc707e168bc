/**
 * Exercise for the energy picture (Sec. 17.2.5): the student writes the
 * energy change of one flip, Delta E, and the check compares it with the
 * library on random symmetric networks, then confirms the sign rule: whenever
 * the deterministic update S_k <- sgn(h_k) flips neuron k, Delta E <= 0.
 *
 * @module
 */
import { deltaE } from "../energy.ts";
import { hebbianWeights, type Network } from "../network.ts";
import { denseNetwork } from "../network.ts";
import { randomPatterns } from "../patterns.ts";
import { gaussian, randomInt, rng } from "../random.ts";
import { show } from "../validate.ts";
import { type Case, CheckResult, compareFunctions } from "./check.ts";

/** The student's function: Delta E when neuron k flips, from rows of weights w[i][j] and S. */
export type DeltaEFunction = (w: number[][], S: Int8Array, k: number) => number;

interface DeltaECase {
  w: number[][];
  S: Int8Array;
  k: number;
  label: string;
}

/** Random symmetric test networks: Gaussian with w_kk >= 0, and Hebbian (w_kk = M/N). */
function deltaECases(): DeltaECase[] {
  const r = rng("deltaE-exercise");
  const cases: DeltaECase[] = [];
  for (const N of [2, 3, 5, 8, 13, 21]) {
    for (let rep = 0; rep < 4; rep++) {
      let w: number[][];
      let kind: string;
      if (rep % 2 === 0) {
        kind = "random symmetric weights";
        w = Array.from({ length: N }, () => new Array<number>(N).fill(0));
        for (let i = 0; i < N; i++) {
          w[i][i] = Math.abs(gaussian(r)) / N; // non-negative self-coupling
          for (let j = i + 1; j < N; j++) w[i][j] = w[j][i] = Math.round(gaussian(r) * 100) / 100;
        }
      } else {
        kind = "Hebbian weights with w_kk = M/N";
        const M = 1 + randomInt(r, 4);
        const flat = hebbianWeights(randomPatterns(M, N, r), { diagonal: "hebb" });
        w = Array.from({ length: N }, (_, i) => Array.from(flat.subarray(i * N, (i + 1) * N)));
      }
      const S = new Int8Array(N);
      for (let i = 0; i < N; i++) S[i] = r() < 0.5 ? 1 : -1;
      const k = randomInt(r, N);
      cases.push({ w, S, k, label: `N = ${N}, ${kind}, k = ${k}` });
    }
  }
  return cases;
}

function fieldOf(w: number[][], S: Int8Array, k: number): number {
  let h = 0;
  for (let j = 0; j < S.length; j++) h += w[k][j] * S[j];
  return h;
}

/**
 * Checks the student's Delta E against the library's {@linkcode deltaE} on 24
 * random symmetric networks (Gaussian and Hebbian, N = 2 to 21, non-negative
 * self-couplings), then confirms the sign rule: in every case where
 * sgn(h_k) differs from S_k, the student's Delta E is <= 0.
 *
 * @example
 * ```ts
 * import { checkDeltaE } from "./energy.ts";
 * const result = checkDeltaE((w, S, k) => {
 *   let h = 0;
 *   for (let j = 0; j < S.length; j++) if (j !== k) h += w[k][j] * S[j];
 *   return 2 * S[k] * h;
 * });
 * result.ok; // true
 * ```
 */
export function checkDeltaE(student: DeltaEFunction): CheckResult {
  const hint = "flipping means S_k' = -S_k. Write E as the terms without k, the terms with " +
    "exactly one index equal to k, and the diagonal term w_kk S_k^2. Which of them change? " +
    "Use S_k^2 = 1 and w_jk = w_kj.";
  if (typeof student !== "function") {
    return new CheckResult(
      false,
      `expected a function (w, S, k) => Delta E, got ${show(student)}.`,
      hint,
    );
  }
  try {
    return runChecks(student, hint);
  } catch (e) {
    // a check never throws: whatever escapes (e.g. a student's answer whose
    // printing fails) becomes a "not yet"
    return new CheckResult(
      false,
      `the check could not finish: ${e instanceof Error ? e.message : String(e)}`,
      hint,
    );
  }
}

function runChecks(student: DeltaEFunction, hint: string): CheckResult {
  const cases = deltaECases();
  const nets = new Map<number[][], Network>();
  const reference = (w: number[][], S: Int8Array, k: number) => {
    let net = nets.get(w);
    if (!net) nets.set(w, net = denseNetwork(w));
    return deltaE(net, S, k);
  };
  const asCases: Case<[number[][], Int8Array, number]>[] = cases.map((c) => ({
    args: [c.w, c.S, c.k],
    label: c.label,
  }));
  // the student's answers, kept from the comparison so that the sign rule is
  // judged on the very answers that were compared (each case is asked once)
  const answers = new Map<number[][], unknown>();
  const wrapped: DeltaEFunction = (w, S, k) => {
    // give the student copies, so an accidental in-place flip cannot spoil the next case
    const d = student(w.map((row) => row.slice()), S.slice(), k);
    answers.set(w, d);
    return d;
  };
  const result = compareFunctions(wrapped, reference, asCases, { tolerance: 1e-9, hint });
  if (!result.ok) return result;
  let flips = 0;
  for (const c of cases) {
    const h = fieldOf(c.w, c.S, c.k);
    const next = h >= 0 ? 1 : -1;
    if (next === c.S[c.k]) continue;
    flips++;
    const d = answers.get(c.w);
    if (typeof d !== "number" || !(d <= 1e-12)) {
      return new CheckResult(
        false,
        `for ${c.label} the sign rule flips neuron k, but your Delta E is ${String(d)}, not <= 0.`,
        hint,
      );
    }
  }
  return new CheckResult(
    true,
    `your Delta E agrees with the library on all ${cases.length} networks, and in the ${flips} cases where the sign rule flips neuron k it is <= 0: the energy never goes up.`,
  );
}
