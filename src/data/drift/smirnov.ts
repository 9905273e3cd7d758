/* eslint-disable no-loss-of-precision -- scipy's constants are kept digit for digit; C rounds them to the same doubles. */
// One-sided Smirnov distribution (scipy.special.smirnov): survival function Pr(D+_n >= x), ported
// from scipy 1.10's cephes/kolmogorov.c so that p-values agree with scipy's.
import { clip01 } from './special.js';

const SMIRNOV_MAX_COMPUTE_N = 1000000;
const MINLOG = -7.451332191019412076235e2;

function smirnovProbs(n: number, x: number): { sf: number; cdf: number } {
  if (!(n > 0 && x >= 0 && x <= 1)) return { sf: NaN, cdf: NaN };
  if (n === 1) return { sf: 1 - x, cdf: x };
  if (x === 0) return { sf: 1, cdf: 0 };
  if (x === 1) return { sf: 0, cdf: 1 };
  const nx = n * x;
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl;
  if (alpha === 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    const t = Math.pow(1 + x, n - 1);
    const cdf = x * t;
    return { sf: 1 - cdf, cdf };
  }
  if (-2 * n * x * x < MINLOG) return { sf: 0, cdf: 1 };
  if (nxfl >= n - 1) {
    const sf = Math.pow(1 - x, n);
    return { sf, cdf: 1 - sf };
  }
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    if (logp < -Math.LN2) {
      const sf = Math.exp(logp);
      return { sf, cdf: 1 - sf };
    }
    const cdf = -Math.expm1(logp);
    return { sf: 1 - cdf, cdf };
  }
  const nUpperTerms = n - n1mxceil + 1;
  let useUpper = nUpperTerms <= 1 && x < 0.5;
  useUpper = useUpper || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
  let start = 0;
  let step = 1;
  let nTerms = n1mxfl + 1;
  let first: number;
  if (useUpper) {
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    first = Math.pow(1 + x, n - 1);
  } else {
    first = Math.pow(1 - x, n) / x;
  }
  let sum = first;
  // log of the binomial coefficient C(n, j), updated term by term with compensated summation
  // (scipy keeps it in double-double; plain summation drifts by ~1e-8 over a million terms).
  let logC = Math.log(n);
  let logCComp = 0;
  const vmid = Math.floor(n / 2);
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    const t2x = (n - v) / n - x;
    const t1x = v / n + x;
    const e2 = n - v;
    let term = 0;
    if (t1x > 0 && (e2 === 0 || t2x !== 0)) {
      let logAbs = logC + logCComp + (v - 1) * Math.log(t1x);
      let sign = 1;
      if (e2 > 0) {
        logAbs += e2 * Math.log(Math.abs(t2x));
        if (t2x < 0 && e2 % 2 === 1) sign = -1;
      }
      term = sign * Math.exp(logAbs);
    }
    if (Number.isFinite(term) && term !== 0) sum += term;
    if (term !== 0) {
      if (4 * (nTerms - j) * Math.abs(term) < Number.EPSILON * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    const inc = Math.log((n - j) / (j + 1));
    const sumC = logC + inc;
    logCComp += Math.abs(logC) >= Math.abs(inc) ? logC - sumC + inc : inc - sumC + logC;
    logC = sumC;
  }
  const prob = x * sum;
  let sf: number;
  let cdf: number;
  if (step < 0) {
    cdf = prob;
    sf = 1 - prob;
  } else {
    sf = prob;
    cdf = 1 - prob;
  }
  return { sf: clip01(sf), cdf: clip01(cdf) };
}

/** scipy.special.smirnov(n, x): Pr(D+_n >= x) for the one-sided one-sample statistic. */
export function smirnov(n: number, x: number): number {
  if (Number.isNaN(x)) return NaN;
  return smirnovProbs(n, x).sf;
}
