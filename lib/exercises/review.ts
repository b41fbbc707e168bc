/**
 * Self-checks for the homework of notebook 1 (review of the deterministic
 * Hopfield model). Each check runs the student's function on seeded test
 * cases and compares with the library.
 *
 * @module
 */
import { pError } from "../capacity.ts";
import { inputField } from "../field.ts";
import { storePatterns } from "../network.ts";
import { overlap } from "../overlap.ts";
import { flipN, type Pattern, randomPattern, randomPatterns } from "../patterns.ts";
import { type CheckResult, compareFunctions } from "./check.ts";

/**
 * Checks a student's overlap m = (1/N) sum_i p_i S_i on patterns of several
 * sizes, including the pattern itself (m = 1), its inverse (m = -1) and one
 * mismatch in N = 8 (m = 0.75).
 *
 * @example
 * ```ts
 * import { checkOverlap } from "./review.ts";
 * checkOverlap((p, S) => p.reduce((s, v, i) => s + v * S[i], 0) / p.length).ok; // true
 * ```
 */
export function checkOverlap(student: (pattern: Pattern, state: Int8Array) => number): CheckResult {
  const p8 = randomPattern(8, 1);
  const one = p8.slice();
  one[3] = -one[3];
  const cases = [
    { args: [p8, p8] as [Pattern, Int8Array], label: "a pattern with itself" },
    { args: [p8, p8.map((v) => -v)] as [Pattern, Int8Array], label: "a pattern with its inverse" },
    { args: [p8, one] as [Pattern, Int8Array], label: "one mismatch in N = 8" },
    ...[16, 100, 1000].map((N, k) => {
      const p = randomPattern(N, 10 + k);
      return {
        args: [p, flipN(p, Math.floor(N / 3), k)] as [Pattern, Int8Array],
        label: `N = ${N}, a third flipped`,
      };
    }),
  ];
  return compareFunctions(student, overlap, cases, {
    tolerance: 1e-12,
    hint: "sum p[i] * S[i] over all neurons, then divide by N (pattern.length).",
  });
}

/**
 * Checks a student's input field computed from the overlaps,
 * h_i = sum_mu p_i^mu m^mu - (M/N) S_i (zero diagonal), against the library.
 * The student's function receives the patterns, the state and i.
 *
 * @example
 * ```ts
 * import { checkFieldFromOverlaps } from "./review.ts";
 * import { inputField } from "../field.ts";
 * import { storePatterns } from "../network.ts";
 * checkFieldFromOverlaps((ps, S, i) => inputField(storePatterns(ps), S)[i]).ok; // true
 * ```
 */
export function checkFieldFromOverlaps(
  student: (patterns: Pattern[], state: Int8Array, i: number) => number,
): CheckResult {
  const cases = [[8, 1], [16, 3], [100, 5], [400, 20]].map(([N, M], k) => {
    const ps = randomPatterns(M, N, 100 + k);
    const S = flipN(ps[0], Math.floor(N / 4), k);
    return {
      args: [ps, S, (7 * k + 3) % N] as [Pattern[], Int8Array, number],
      label: `N = ${N}, M = ${M}`,
    };
  });
  return compareFunctions(
    student,
    (ps, S, i) => inputField(storePatterns(ps), S)[i],
    cases,
    {
      tolerance: 1e-9,
      hint:
        "first compute every overlap m^mu = (1/N) sum_j p_j^mu S_j, then h_i = sum_mu p_i^mu m^mu; with w_ii = 0 subtract the self-term (M/N) S_i.",
    },
  );
}

/**
 * Checks a student's one-step error probability P_error(M/N) =
 * (1/2) erfc(1/sqrt(2 M/N)) at several loads.
 *
 * @example
 * ```ts
 * import { checkPError } from "./review.ts";
 * import { pError } from "../capacity.ts";
 * checkPError(pError).ok; // true
 * ```
 */
export function checkPError(student: (load: number) => number): CheckResult {
  const cases = [0.05, 0.1, 0.138, 0.185, 0.5, 1].map((load) => ({
    args: [load] as [number],
    label: `M/N = ${load}`,
  }));
  return compareFunctions(student, pError, cases, {
    tolerance: 1e-9,
    hint:
      "the crosstalk is Gaussian with variance M/N; a bit flips when it is below -1, so P_error = Pr{Z < -1/sigma} = (1/2) erfc(1 / sqrt(2 M/N)). erfc is exported by the library.",
  });
}
