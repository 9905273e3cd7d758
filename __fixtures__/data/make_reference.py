"""Reference values for mlci's data validation, computed with scipy/numpy/pandas.

Run: /usr/bin/python3 __fixtures__/data/make_reference.py   (writes next to this file)

Writes CSV data files and reference.json holding, for each drift case, the statistic and p-value
scipy gives with the column prepared as Evidently prepares it (±inf → NaN, NaN dropped), plus
the special functions behind the p-values on grids that cover every branch of scipy's code.
"""
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial import distance
from scipy.stats import _stats_py

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)


def finite(series):
    return series.replace([np.inf, -np.inf], np.nan).dropna()


def binned(ref, cur, numeric, fill):
    """evidently.calculations.stattests.utils.get_binned_data"""
    if numeric and ref.nunique() > 20:
        bins = np.histogram_bin_edges(pd.concat([ref, cur], axis=0).values, bins="sturges")
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = list(set(ref.dropna().unique()) | set(cur.dropna().unique()))
        rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
        cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
        rp = np.array([rd[k] / len(ref) for k in keys])
        cp = np.array([cd[k] / len(cur) for k in keys])
    if fill:
        for arr in (rp, cp):
            nz = arr[arr != 0]
            np.place(arr, arr == 0, nz.min() / 10**6 if nz.min() <= 0.0001 else 0.0001)
    return rp, cp


def chi2_test(ref, cur):
    keys = list(set(ref.dropna().unique()) | set(cur.dropna().unique()))
    rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
    cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
    k = cur.shape[0] / ref.shape[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        res = stats.chisquare([cd[key] for key in keys], [rd[key] * k for key in keys])
    return float(res[0]), float(res[1])


def z_test(ref, cur):
    if ref.nunique() == 1 and cur.nunique() == 1 and ref.unique()[0] == cur.unique()[0]:
        return 0.0, 1.0
    keys = sorted(set(list(ref.unique()) + list(cur.unique())))
    a = ref.apply(lambda x: 0 if x == keys[0] else 1)
    b = cur.apply(lambda x: 0 if x == keys[0] else 1)
    n1, n2 = len(a), len(b)
    p1, p2 = float(sum(a)) / n1, float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))


def default_test(ref, cur, kind):
    n_values = pd.concat([ref, cur]).nunique()
    if ref.shape[0] <= 1000:
        if kind == "num":
            return ("chi2" if n_values > 2 else "z") if n_values <= 5 else "ks"
        return "chi2" if n_values > 2 else "z"
    if kind == "num":
        return "jensen_shannon" if n_values <= 5 else "wasserstein"
    return "jensen_shannon"


def run_test(name, ref, cur, kind):
    if name == "ks":
        r = stats.ks_2samp(ref.values, cur.values)
        return float(r.statistic), float(r.pvalue)
    if name == "wasserstein":
        w = stats.wasserstein_distance(ref.values, cur.values)
        return float(w / max(np.std(ref.values), 0.001)), None
    if name == "jensen_shannon":
        rp, cp = binned(ref, cur, kind == "num", False)
        return float(distance.jensenshannon(rp, cp)), None  # scipy's default base (e), as Evidently
    if name == "psi":
        rp, cp = binned(ref, cur, kind == "num", True)
        return float(np.sum((rp - cp) * np.log(rp / cp))), None
    if name == "chi2":
        return chi2_test(ref, cur)
    if name == "z":
        return z_test(ref, cur)
    raise ValueError(name)


def make_frame(n, shift, scale):
    num_a = rng.normal(10 + shift, 3 * scale, n).round(3)
    num_b = rng.integers(0, 4, n).astype(float)
    num_c = (rng.random(n) < 0.3 + shift / 10).astype(float)
    num_d = rng.exponential(2 + shift, n).round(2)
    cats = np.array(["red", "green", "blue", "amber"])
    probs = np.array([0.4, 0.3, 0.2, 0.1]) if shift == 0 else np.array([0.25, 0.25, 0.3, 0.2])
    cat_a = rng.choice(cats, n, p=probs).astype(object)
    cat_bin = rng.choice(np.array(["yes", "no"]), n, p=[0.6 - shift / 10, 0.4 + shift / 10]).astype(object)
    label = (rng.random(n) < 0.35).astype(int)
    df = pd.DataFrame(
        {"num_a": num_a, "num_b": num_b, "num_c": num_c, "num_d": num_d, "cat_a": cat_a, "cat_bin": cat_bin, "label": label}
    )
    # nulls, NaN and ±inf in num_a; nulls in cat_a
    idx = rng.choice(n, 12, replace=False)
    df.loc[idx[:6], "num_a"] = np.nan
    df["num_a"] = df["num_a"].astype(object)
    df.loc[idx[6:8], "num_a"] = "nan"
    df.loc[idx[8:10], "num_a"] = "inf"
    df.loc[idx[10:11], "num_a"] = "-inf"
    df.loc[rng.choice(n, 5, replace=False), "cat_a"] = None
    return df


def column_stats(series, kind):
    out = {"count": int(len(series)), "missing": int(series.isna().sum())}
    if kind == "num":
        raw = pd.to_numeric(series, errors="coerce")
        s = series.astype(str)
        out["nan"] = int(((s == "nan") & ~series.isna()).sum())
        out["pos_inf"] = int(np.isposinf(raw).sum())
        out["neg_inf"] = int(np.isneginf(raw).sum())
        out["missing"] = int(series.isna().sum())
        f = finite(raw)
        out.update(
            {
                "finite": int(len(f)),
                "min": float(f.min()),
                "max": float(f.max()),
                "mean": float(f.mean()),
                "std": float(f.std(ddof=1)),
                "zeros": int((f == 0).sum()),
                "distinct": int(f.nunique()),
                "quantiles": {f"p{int(q * 100)}": float(np.quantile(f.values, q)) for q in [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]},
            }
        )
    else:
        vc = series.dropna().astype(str).value_counts()
        out["distinct"] = int(len(vc))
        out["counts"] = {str(k): int(v) for k, v in vc.items()}
    return out


def load(path):
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


cases = {}
for name, n_ref, n_cur in [("small", 600, 400), ("big", 3000, 2500)]:
    ref = make_frame(n_ref, 0, 1)
    cur = make_frame(n_cur, 1, 1.3)
    ref_path = os.path.join(HERE, f"{name}_ref.csv")
    cur_path = os.path.join(HERE, f"{name}_cur.csv")
    ref.to_csv(ref_path, index=False)
    cur.to_csv(cur_path, index=False)
    # Read back as a user would (and as mlci reads it): the CSV is the source of truth.
    ref, cur = load(ref_path), load(cur_path)
    kinds = {"num_a": "num", "num_b": "num", "num_c": "num", "num_d": "num", "cat_a": "cat", "cat_bin": "cat", "label": "cat"}
    drift = {}
    for col, kind in kinds.items():
        r = finite(pd.to_numeric(ref[col], errors="coerce")) if kind == "num" else ref[col].dropna().astype(str)
        c = finite(pd.to_numeric(cur[col], errors="coerce")) if kind == "num" else cur[col].dropna().astype(str)
        default = default_test(r, c, kind)
        tests = {}
        names = ["ks", "wasserstein", "jensen_shannon", "psi", "chi2", "z"] if kind == "num" else ["jensen_shannon", "psi", "chi2"]
        if kind == "cat" and pd.concat([r, c]).nunique() <= 2:
            names.append("z")
        for test in names:
            if test == "z" and pd.concat([r, c]).nunique() > 2:
                continue
            stat, p = run_test(test, r, c, kind)
            tests[test] = {"statistic": stat, "p_value": p}
        drift[col] = {"default": default, "tests": tests}
    cases[name] = {
        "reference": os.path.basename(ref_path),
        "current": os.path.basename(cur_path),
        "drift": drift,
        "statistics": {col: column_stats(cur[col], kinds[col]) for col in kinds},
        "reference_statistics": {col: column_stats(ref[col], kinds[col]) for col in kinds},
        "rows": int(len(cur)),
        "duplicate_rows": int(cur.duplicated().sum()),
    }

# KS on raw samples: small (exact), ties, identical, unequal sizes, around the 10,000 switch, asymptotic.
ks_samples = []
for n1, n2, shift, rounding in [
    (5, 7, 0.5, 2), (20, 20, 0.3, 1), (50, 80, 0.0, 0), (200, 150, 0.2, 2), (1000, 1000, 0.05, 3),
    (999, 1001, 0.1, 3), (3000, 2000, 0.05, 2), (10000, 9000, 0.02, 2), (10001, 800, 0.05, 2), (15000, 12000, 0.01, 2),
    (1, 9, 0.0, 1), (30, 30, 0.0, 0),
]:
    a = np.round(rng.normal(0, 1, n1), rounding)
    b = np.round(rng.normal(shift, 1, n2), rounding)
    r = stats.ks_2samp(a, b)
    w = stats.wasserstein_distance(a, b)
    ks_samples.append({"a": a.tolist(), "b": b.tolist(), "statistic": float(r.statistic), "p_value": float(r.pvalue), "wasserstein": float(w)})
same = np.round(rng.normal(0, 1, 300), 2)
r = stats.ks_2samp(same, same)
ks_samples.append({"a": same.tolist(), "b": same.tolist(), "statistic": float(r.statistic), "p_value": float(r.pvalue), "wasserstein": 0.0})

# The exact and asymptotic p-value machinery on a grid of (n1, n2, d).
ks_grid = []
for n1, n2 in [(3, 4), (10, 10), (10, 25), (37, 53), (100, 100), (250, 400), (1000, 999), (2000, 3000), (5000, 5000), (9999, 10000), (7000, 9100)]:
    g = math.gcd(n1, n2)
    lcm = (n1 // g) * n2
    for frac in [0.01, 0.03, 0.05, 0.1, 0.2, 0.5, 0.9]:
        h = max(1, round(frac * lcm))
        d = h / lcm
        ok, dd, p = _stats_py._attempt_exact_2kssamp(n1, n2, g, d, "two-sided")
        ks_grid.append({"n1": n1, "n2": n2, "d": d, "ok": bool(ok), "p_value": float(p)})

kstwo_grid = []
for n in [1, 2, 3, 5, 10, 30, 100, 140, 141, 300, 1000, 5000, 20000, 100000, 100001, 1000001, 3000000]:
    for x in [1e-4, 1e-3, 3e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.5, 0.6, 0.9, 0.99]:
        kstwo_grid.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
# points near the regime boundaries (n x^2 = 0.754693, 2.2, 4, 18, n x^1.5 = 1.4)
for n, cs in [(50, None), (140, None), (500, None), (20000, None), (100000, [0.5, 1.0, 2.1, 2.3, 17.9, 18.1]), (1000000, [1.0, 2.3])]:
    for c in cs or [0.5, 0.754, 0.76, 1.0, 2.1, 2.3, 3.9, 4.1, 10, 17.9, 18.1, 40]:
        x = math.sqrt(c / n)
        if x < 1:
            kstwo_grid.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})

from scipy import special

smirnov_grid = [
    {"n": n, "x": x, "sf": float(special.smirnov(n, x))}
    for n in [1, 2, 5, 10, 11, 100, 1000, 1013, 50000, 1000001]
    for x in [1e-5, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.99]
] + [{"n": 999999, "x": x, "sf": float(special.smirnov(999999, x))} for x in [1e-3, 0.3]]
chi2_grid = [
    {"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))}
    for df in [1, 2, 3, 5, 10, 29, 100, 999]
    for x in [0.0, 0.01, 0.5, 1.0, 2.5, 7.0, 20.0, 80.0, 300.0, 1500.0]
]
ndtr_grid = [{"x": x, "cdf": float(stats.norm.cdf(x))} for x in [-40, -10, -5, -3, -1.5, -0.7, -0.1, 0, 0.3, 0.8, 1.2, 2.5, 4, 8.5, 12]]

# Jensen–Shannon / PSI / chi2 / z on small count vectors, including empty bins and new categories.
small_counts = []
for ref_counts, cur_counts in [
    ({"a": 10, "b": 20, "c": 30}, {"a": 12, "b": 18, "c": 35}),
    ({"a": 10, "b": 20}, {"a": 10, "b": 20}),
    ({"a": 50, "b": 0, "c": 5}, {"a": 10, "b": 20, "d": 3}),
    ({"x": 1}, {"x": 5}),
    ({"no": 40, "yes": 60}, {"no": 55, "yes": 45}),
]:
    ref = pd.Series([k for k, v in ref_counts.items() for _ in range(v)], dtype=object)
    cur = pd.Series([k for k, v in cur_counts.items() for _ in range(v)], dtype=object)
    entry = {"reference": {k: v for k, v in ref_counts.items() if v}, "current": {k: v for k, v in cur_counts.items() if v}}
    entry["jensen_shannon"] = run_test("jensen_shannon", ref, cur, "cat")[0]
    entry["psi"] = run_test("psi", ref, cur, "cat")[0]
    entry["chi2"] = list(chi2_test(ref, cur))
    if pd.concat([ref, cur]).nunique() <= 2:
        entry["z"] = list(z_test(ref, cur))
    small_counts.append(entry)


def clean(value):
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


out = {
    # The versions the expected values were computed with (the live parity test records its own).
    "versions": {"scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__},
    "cases": cases,
    "ks_samples": ks_samples,
    "ks_grid": ks_grid,
    "kstwo_grid": kstwo_grid,
    "smirnov_grid": smirnov_grid,
    "chi2_grid": chi2_grid,
    "ndtr_grid": ndtr_grid,
    "small_counts": small_counts,
}
with open(os.path.join(HERE, "reference.json"), "w") as f:
    json.dump(clean(out), f, indent=1)
print(f"wrote reference.json (scipy {scipy.__version__})")
