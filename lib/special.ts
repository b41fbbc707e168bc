/**
 * Special functions used by the theory curves: the complementary error
 * function and the Gaussian tail, accurate to about 1e-14 relative.
 *
 * @module
 */
import { checkNumber } from "./validate.ts";

/**
 * erfc(x) = 1 - erf(x). A series for |x| < 2 and a continued fraction
 * (modified Lentz) beyond, so small tail values keep their relative accuracy.
 *
 * @example
 * ```ts
 * import { erfc } from "./special.ts";
 * erfc(0); // 1
 * erfc(1); // 0.157299207050285...
 * ```
 */
export function erfc(x: number): number {
  checkNumber("x", x);
  if (x === Infinity) return 0;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

/**
 * erf(x), the error function.
 *
 * @example
 * ```ts
 * import { erf } from "./special.ts";
 * erf(1); // 0.842700792949715...
 * ```
 */
export function erf(x: number): number {
  checkNumber("x", x);
  if (Math.abs(x) < 2) return erfSeries(x);
  return 1 - erfc(x);
}

function erfSeries(x: number): number {
  // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let n = 1; n < 100; n++) {
    term *= -x2 / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

function erfcContinuedFraction(x: number): number {
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    D = x + a * D;
    D = D === 0 ? tiny : D;
    C = x + a / C;
    C = C === 0 ? tiny : C;
    D = 1 / D;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/**
 * Upper tail of the standard normal distribution, Pr{Z > z} = erfc(z / sqrt 2) / 2.
 *
 * @example
 * ```ts
 * import { normalTail } from "./special.ts";
 * normalTail(1.96); // 0.0249978...
 * ```
 */
export function normalTail(z: number): number {
  checkNumber("z", z);
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Standard normal density.
 *
 * @example
 * ```ts
 * import { normalDensity } from "./special.ts";
 * normalDensity(0); // 0.3989422804014327
 * ```
 */
export function normalDensity(z: number): number {
  checkNumber("z", z);
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
