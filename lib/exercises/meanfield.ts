/**
 * Exercise for the four-group derivation of the overlap map (lecture part 2,
 * Sec. 17.2.3): the student writes m(t+1) as a function of m(t) and the gain
 * g, and the check compares it with the library's {@linkcode meanFieldMap} on
 * a grid of overlaps, first for the standard gain at several noise levels,
 * then for gains that are not symmetric (g(-h) != 1 - g(h)), where shortcuts
 * such as 2 g(m) - 1 stop working.
 *
 * @module
 */
import type { Gain } from "../gain.ts";
import { meanFieldMap } from "../meanfield.ts";
import { type Case, CheckResult, compareFunctions } from "./check.ts";

/** The student's function: the overlap one parallel step later, from m(t) and the gain g. */
export type OverlapUpdate = (m: number, g: Gain) => number;

/** A gain with a name, for the messages. */
interface NamedGain {
  g: Gain;
  name: string;
}

const symmetricGains: NamedGain[] = [0.5, 1, 2, 5].map((beta) => ({
  g: (h: number) => 0.5 * (1 + Math.tanh(beta * h)),
  name: `g(h) = 0.5 [1 + tanh(${beta} h)]`,
}));

const asymmetricGains: NamedGain[] = [
  {
    g: (h: number) => 0.5 * (1 + Math.tanh(3 * (h - 0.2))),
    name: "g(h) = 0.5 [1 + tanh(3 (h - 0.2))] (a threshold at h = 0.2)",
  },
  {
    g: (h: number) => Math.min(1, Math.max(0, 0.3 + 0.5 * h)),
    name: "g(h) = 0.3 + 0.5 h, clipped to [0, 1] (a linear gain, g(0) = 0.3)",
  },
];

const overlapsToTry = [-1, -0.7, -0.4, -0.1, 0, 0.1, 0.25, 0.4, 0.6, 0.8, 0.97, 1];

function casesFor(gains: NamedGain[]): Case<[number, Gain]>[] {
  return gains.flatMap(({ g, name }) =>
    overlapsToTry.map((m) => ({ args: [m, g] as [number, Gain], label: `m = ${m} and ${name}` }))
  );
}

/**
 * Checks the student's overlap update m(t+1) = f(m(t), g) against the
 * library's F(m) = g(m) - g(-m) for 12 overlaps in [-1, 1]: first with the
 * standard gain for beta = 0.5, 1, 2, 5, then with two gains that are not
 * symmetric around h = 0. Returns a {@linkcode CheckResult} (right, or not yet
 * with a hint about the four groups); never throws.
 *
 * @example
 * ```ts
 * import { checkOverlapUpdate } from "./meanfield.ts";
 * const result = checkOverlapUpdate((m, g) => g(m) - g(-m));
 * result.ok; // true
 * ```
 */
export function checkOverlapUpdate(student: OverlapUpdate): CheckResult {
  const reference = (m: number, g: Gain) => meanFieldMap(g)(m);
  const first = compareFunctions(student, reference, casesFor(symmetricGains), {
    tolerance: 1e-9,
    hint: "sort the neurons into four groups: half of them should be ON and see the input " +
      "h = +m, so they are ON with probability g(m); the other half should be OFF, see h = -m " +
      "and are ON with probability g(-m). Groups that agree with the pattern count +1, the " +
      "others -1; add up the four fractions (each is half of a probability).",
  });
  if (!first.ok) return first;
  const second = compareFunctions(student, reference, casesFor(asymmetricGains), {
    tolerance: 1e-9,
    hint: "your formula works for the standard gain, where g(-h) = 1 - g(h), but not for " +
      "every gain. Do not use that symmetry: write the neurons that should be OFF with their " +
      "own probability g(-m) of being ON.",
  });
  if (!second.ok) return second;
  return new CheckResult(
    true,
    `your m(t+1) agrees with F(m) = g(m) - g(-m) for ${overlapsToTry.length} overlaps and ${
      symmetricGains.length + asymmetricGains.length
    } gains, including two that are not symmetric.`,
  );
}
