"""Drift statistics as Evidently computes them, with scipy, for mlci's live parity test.

Usage: /usr/bin/python3 drift_parity.py SPEC.json OUT.json

SPEC.json: {"cases": [{"name", "reference", "current", "label"?, "task"?, "overrides": {column: test}}]}
OUT.json:  {"versions": {...}, "cases": {name: {column: {"test", "statistic", "p_value", "drifted"}}}}

Each column is prepared as Evidently's get_one_column_drift prepares it (±inf → NaN, NaN dropped), its
type is the pandas dtype (numeric → "num", else "cat"; the label by the task, as Evidently's
recognize_column_type_), the default test is Evidently's _get_default_stattest, and each test is the
Evidently stattest's own arithmetic (legacy/calculations/stattests/*.py), calling scipy as it does.
"""
import json
import math
import sys

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial import distance

THRESHOLDS = {"ks": 0.05, "chi2": 0.05, "z": 0.05, "wasserstein": 0.1, "jensen_shannon": 0.1, "psi": 0.1}


def binned(ref, cur, kind, feel_zeroes):
    """evidently.legacy.calculations.stattests.utils.get_binned_data"""
    if kind == "num" and ref.nunique() > 20:
        bins = np.histogram_bin_edges(np.asarray(pd.concat([ref, cur], axis=0).values), bins="sturges")
        rp = np.histogram(ref, bins)[0] / len(ref)
        cp = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = list(set(ref.dropna().unique()) | set(cur.dropna().unique()))
        rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
        cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
        rp = np.array([rd[k] / len(ref) for k in keys])
        cp = np.array([cd[k] / len(cur) for k in keys])
    if feel_zeroes:
        for arr in (rp, cp):
            nz = arr[arr != 0]
            np.place(arr, arr == 0, nz.min() / 10**6 if nz.min() <= 0.0001 else 0.0001)
    return rp, cp


def chi2_test(ref, cur):
    keys = list(set(ref.dropna().unique()) | set(cur.dropna().unique()))
    rd = {**dict.fromkeys(keys, 0), **dict(ref.value_counts())}
    cd = {**dict.fromkeys(keys, 0), **dict(cur.value_counts())}
    k_norm = cur.shape[0] / ref.shape[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        res = stats.chisquare([cd[key] for key in keys], [rd[key] * k_norm for key in keys])
    return float(res[0]), float(res[1])


def z_test(ref, cur):
    if ref.nunique() == 1 and cur.nunique() == 1 and ref.unique()[0] == cur.unique()[0]:
        return 0.0, 1.0
    keys = sorted(set(list(ref.unique()) + list(cur.unique())) - {np.nan})
    a = ref.apply(lambda x: 0 if x == keys[0] else 1)
    b = cur.apply(lambda x: 0 if x == keys[0] else 1)
    n1, n2 = len(a), len(b)
    p1, p2 = float(sum(a)) / n1, float(sum(b)) / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))


def default_test(ref, cur, kind):
    """evidently.legacy.calculations.stattests.registry._get_default_stattest"""
    n_values = pd.concat([ref, cur]).nunique()
    if ref.shape[0] <= 1000:
        if kind == "num" and n_values > 5:
            return "ks"
        return "chi2" if n_values > 2 else "z"
    if kind == "num":
        return "jensen_shannon" if n_values <= 5 else "wasserstein"
    return "jensen_shannon"


def population_std(values):
    """np.std(values), Evidently's Wasserstein normaliser, correctly rounded.

    numpy sums in float64: the mean of values far larger than their spread (1e12 + N(0, 1)) is off by a
    part of its last bit, and that alone moves np.std by more than 1e-9 (depending on the rows' order).
    mlci computes the exact value, so the reference here is too: math.fsum over a corrected two-pass.
    """
    x = np.asarray(values, dtype=float)
    n = len(x)
    d = x - math.fsum(x) / n
    return math.sqrt(max(0.0, math.fsum(d * d) - math.fsum(d) ** 2 / n) / n)


def run_test(name, ref, cur, kind):
    if name == "ks":
        r = stats.ks_2samp(ref, cur)
        return float(r.statistic), float(r.pvalue)
    if name == "wasserstein":
        norm = max(population_std(ref), 0.001)
        return float(stats.wasserstein_distance(ref, cur) / norm), None
    if name == "jensen_shannon":
        rp, cp = binned(ref, cur, kind, False)
        return float(distance.jensenshannon(rp, cp)), None
    if name == "psi":
        rp, cp = binned(ref, cur, kind, True)
        value = 0
        for i, _ in enumerate(rp):
            value += (rp[i] - cp[i]) * np.log(rp[i] / cp[i])
        return float(value), None
    if name == "chi2":
        return chi2_test(ref, cur)
    if name == "z":
        return z_test(ref, cur)
    raise ValueError(name)


def drifted(name, statistic, p_value, threshold):
    if name == "ks":
        return p_value <= threshold
    if name in ("chi2", "z"):
        return p_value < threshold
    return statistic >= threshold


def column_kind(series, name, label, task):
    numeric = pd.api.types.is_numeric_dtype(series)
    if name == label:
        regression = task == "regression" or (numeric and task is None and series.nunique() > 5)
        return "num" if regression else "cat"
    return "num" if numeric else "cat"


def prepared(series):
    return series.replace([-np.inf, np.inf], np.nan).dropna()


def run_case(case):
    ref_frame = pd.read_csv(case["reference"])
    cur_frame = pd.read_csv(case["current"])
    label, task = case.get("label"), case.get("task")
    out = {}
    for name in ref_frame.columns:
        if name not in cur_frame.columns:
            continue
        kind = column_kind(ref_frame[name], name, label, task)
        ref, cur = prepared(ref_frame[name]), prepared(cur_frame[name])
        if ref.empty or cur.empty:
            continue
        if kind == "cat" and pd.api.types.is_numeric_dtype(ref) != pd.api.types.is_numeric_dtype(cur):
            ref, cur = ref.astype(str), cur.astype(str)
        test = case.get("overrides", {}).get(name) or default_test(ref, cur, kind)
        statistic, p_value = run_test(test, ref, cur, kind)
        out[name] = {
            "test": test,
            "statistic": statistic,
            "p_value": p_value,
            "drifted": bool(drifted(test, statistic, p_value, THRESHOLDS[test])),
        }
    return out


def clean(value):
    if isinstance(value, float) and not np.isfinite(value):
        return None if np.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    return value


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    result = {
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__},
        "cases": {case["name"]: run_case(case) for case in spec["cases"]},
    }
    with open(sys.argv[2], "w") as f:
        json.dump(clean(result), f, indent=1)


if __name__ == "__main__":
    main()
