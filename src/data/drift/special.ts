/* eslint-disable no-loss-of-precision -- Cephes' constants are kept digit for digit; C rounds them to the same doubles. */
// Special functions behind the drift tests, ported from the algorithms scipy 1.10 uses (Cephes ndtr and
// igamc, scipy.stats._ksstats.kolmogn, scipy.special.smirnov) so that p-values agree with scipy's to
// well under 1e-6 on any input.

const MAXLOG = 7.09782712893383996843e2;

function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0];
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i];
  return ans;
}

function p1evl(x: number, coef: readonly number[]): number {
  let ans = x + coef[0];
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i];
  return ans;
}

const ERFC_P = [
  2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687, 4.86371970985681366614e1,
  1.96520832956077098242e2, 5.26445194995477358631e2, 9.3452852717195760754e2, 1.02755188689515710272e3,
  5.57535335369399327526e2
];
const ERFC_Q = [
  1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2, 9.75708501743205489753e2,
  1.82390916687909736289e3, 2.24633760818710981792e3, 1.65666309194161350182e3, 5.57535340817727675546e2
];
const ERFC_R = [
  5.64189583547755073984e-1, 1.27536670759978104416, 5.01905042251180477414, 6.16021097993053585195,
  7.4097426995044893916, 2.9788666537210024067
];
const ERFC_S = [
  2.2605286322011727659, 9.39603524938001434673, 1.20489539808096656605e1, 1.70814450747565897222e1,
  9.60896809063285878198, 3.3690764510008151605
];
const ERF_T = [
  9.60497373987051638749, 9.00260197203842689217e1, 2.23200534594684319226e3, 7.00332514112805075473e3,
  5.55923013010394962768e4
];
const ERF_U = [
  3.35617141647503099647e1, 5.21357949780152679795e2, 4.59432382970980127987e3, 2.26290000613890934246e4,
  4.92673942608635921086e4
];

/** The error function (Cephes). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (Math.abs(x) > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polevl(z, ERF_T)) / p1evl(z, ERF_U);
}

/** The complementary error function (Cephes). */
export function erfc(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = -a * a;
  if (z < -MAXLOG) return a < 0 ? 2 : 0;
  const e = Math.exp(z);
  const y = x < 8 ? (e * polevl(x, ERFC_P)) / p1evl(x, ERFC_Q) : (e * polevl(x, ERFC_R)) / p1evl(x, ERFC_S);
  const out = a < 0 ? 2 - y : y;
  if (out === 0) return a < 0 ? 2 : 0;
  return out;
}

/** The standard normal CDF, as scipy.special.ndtr (and scipy.stats.norm.cdf). */
export function ndtr(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = a * Math.SQRT1_2;
  const z = Math.abs(x);
  if (z < Math.SQRT1_2) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const xx = x - 1;
  let a = LANCZOS[0];
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x), as scipy.special.gammaincc. */
export function gammaincc(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0 || x < 0) return NaN;
  if (x === 0) return 1;
  if (!Number.isFinite(x)) return 0;
  const logPrefix = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    // Series for P(a, x); Q = 1 - P.
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.min(1, Math.max(0, 1 - Math.exp(logPrefix) * sum));
  }
  // Continued fraction for Q (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, Math.exp(logPrefix) * h));
}

/** Survival function of the chi-square distribution, as scipy.stats.chi2.sf (NaN for df < 1). */
export function chi2Sf(statistic: number, df: number): number {
  if (!(df > 0)) return NaN;
  if (Number.isNaN(statistic)) return NaN;
  if (statistic <= 0) return 1;
  return gammaincc(df / 2, statistic / 2);
}

/** Rounds half to even, as numpy.round. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

// ---------------------------------------------------------------------------------------------
// One-sided Smirnov distribution (scipy.special.smirnov): survival function Pr(D+_n >= x).

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

function clip01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

// ---------------------------------------------------------------------------------------------
// Two-sided one-sample Kolmogorov distribution (scipy.stats.kstwo, i.e. _ksstats.kolmogn).

const E128 = 128;
const EP128 = Math.pow(2, 128);
const EM128 = Math.pow(2, -128);
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI_SQUARED = Math.PI ** 2;
const PI_FOUR = Math.PI ** 4;
const PI_SIX = Math.PI ** 6;
const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2
];

function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * polevl(rn / n, STIRLING);
}

function ldexp(x: number, e: number): number {
  // Split so intermediate powers of two stay representable.
  let out = x;
  let rest = e;
  while (rest > 1000) {
    out *= Math.pow(2, 1000);
    rest -= 1000;
  }
  while (rest < -1000) {
    out *= Math.pow(2, -1000);
    rest += 1000;
  }
  return out * Math.pow(2, rest);
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * m;
      const rowO = i * m;
      for (let j = 0; j < m; j++) out[rowO + j] += aik * b[rowB + j];
    }
  }
  return out;
}

/** Pr(D_n <= d) by the Durbin matrix (Marsaglia–Tsang–Wang). */
function kolmognDMTW(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const H = new Float64Array(m * m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    v[j - 1] = 1 - Math.pow(h, j);
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] *= fac;
  }
  const tt = Math.pow(Math.max(2 * h - 1, 0), m) - 2 * Math.pow(h, m);
  v[m - 1] = (1 + tt) * fac;
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - (i - 1)];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];
  let Hm: Float64Array = H;
  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, Hm, m);
      expnt += hexpnt;
    }
    Hm = matmul(Hm, Hm, m);
    hexpnt *= 2;
    if (Math.abs(Hm[(k - 1) * m + (k - 1)]) > EP128) {
      for (let i = 0; i < Hm.length; i++) Hm[i] /= EP128;
      hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = Hpwr[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clip01(p);
}

function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pr(D_n <= x) by the Pomeranz recursion. */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1;
  twogpower[0] = 1;
  onem2gpower[0] = 1;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let j1 = pomeranzJ1J2(0, n, ll, ceilf, roundf)[0];
  let j2: number;
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // conv = np.convolve(V0[k1 - V0s : k1 - V0s + ln2], pwrs[:ln2]); take conv[j1-k1 : j1-k1+len].
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      const base = k1 - V0s;
      for (let o = 0; o < convLen; o++) {
        const idx = convStart + o;
        let s = 0;
        const lo = Math.max(0, idx - (ln2 - 1));
        const hi = Math.min(idx, ln2 - 1);
        for (let a = lo; a <= hi; a++) s += V0[base + a] * pwrs[idx - a];
        V1[o] = s;
      }
      let maxV = -Infinity;
      for (let o = 0; o < npwrs; o++) if (V1[o] > maxV) maxV = V1[o];
      if (maxV > 0 && maxV < EM128) {
        for (let o = 0; o < npwrs; o++) V1[o] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip01(ans);
}

/** Pelz–Good approximation to Pr(D_n <= x). */
function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const zsquared = z ** 2;
  const zthree = z ** 3;
  const zfour = z ** 4;
  const zsix = z ** 6;
  const qlog = -PI_SQUARED / 8 / zsquared;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -zsquared;
  const k1b = PI_SQUARED / 4;
  const k2a = 6 * zsix + 2 * zfour;
  const k2b = ((2 * zfour - 5 * zsquared) * PI_SQUARED) / 4;
  const k2c = (PI_FOUR * (1 - 2 * zsquared)) / 16;
  const k3d = (PI_SIX * (5 - 30 * zsquared)) / 64;
  const k3c = (PI_FOUR * (-60 * zsquared + 212 * zfour)) / 16;
  const k3b = (PI_SQUARED * (135 * zfour - 96 * zsix)) / 4;
  const k3a = -30 * zsix - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const msquared = m ** 2;
    const mfour = m ** 4;
    const msix = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    const coeffs = [
      1,
      k1a + k1b * msquared,
      k2a + k2b * msquared + k2c * mfour,
      k3a + k3b * msquared + k3c * mfour + k3d * msix
    ];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const divisors = [z, 6 * zfour, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT2PI) / divisors[i];
  q = Math.exp(-PI_SQUARED / 2 / zsquared);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = SQRT3 * z;
  for (let k = maxk; k > 0; k--) {
    const ksq = k * k;
    const qp = Math.pow(q, ksq);
    k2extra += ksq * qp;
    const kspi = Math.PI * k;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  K[2] += (k2extra * PI_SQUARED * SQRT2PI) / (-36 * zthree);
  K[3] += (k3extra * PI_SQUARED * SQRT2PI) / (216 * zsix);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / Math.pow(n, i / 2);
  return sum;
}

/** Survival function of the two-sided one-sample Kolmogorov statistic: scipy.stats.kstwo.sf(x, n). */
export function kolmogornSf(n: number, x: number): number {
  if (Number.isNaN(n) || Number.isNaN(x)) return NaN;
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip01(2 * smirnov(n, x));
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1 - kolmognDMTW(n, x));
    if (nxsquared <= 4) return clip01(1 - kolmognPomeranz(n, x));
    return clip01(2 * smirnov(n, x));
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip01(2 * smirnov(n, x));
  let cdf: number;
  if (nxsquared >= 18) cdf = 1;
  else if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) cdf = kolmognDMTW(n, x);
  else cdf = kolmognPelzGood(n, x);
  return clip01(1 - cdf);
}
