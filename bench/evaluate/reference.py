#!/usr/bin/python3
"""The comparison for bench/evaluate: pandas read_csv + scikit-learn metrics + a numpy paired bootstrap.

Usage: /usr/bin/python3 reference.py DATA.csv PREDICTIONS.csv LABEL SLICES RESAMPLES
Prints one JSON object: timings (seconds), the metric values of both models, overall and per slice.
The bootstrap runs RESAMPLES resamples (indices drawn with replacement, as is usual with numpy);
the caller extrapolates to 1,000 when it runs fewer.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics as M


def binary_metrics(y, proba):
    p1 = proba[:, 1]
    pred = (p1 > proba[:, 0]).astype(int)
    out = {
        "accuracy": M.accuracy_score(y, pred),
        "balanced_accuracy": M.balanced_accuracy_score(y, pred),
        "precision": M.precision_score(y, pred),
        "recall": M.recall_score(y, pred),
        "f1": M.f1_score(y, pred),
        "roc_auc": M.roc_auc_score(y, p1),
        "average_precision": M.average_precision_score(y, p1),
        "log_loss": M.log_loss(y, proba, labels=[0, 1]),
        "brier_score": M.brier_score_loss(y, p1),
    }
    return {k: float(v) for k, v in out.items()}


def main():
    data_path, pred_path, label, slices, resamples = sys.argv[1:6]
    slices = slices.split(",")
    resamples = int(resamples)
    t = {}
    start = time.perf_counter()
    df = pd.read_csv(data_path)
    preds = pd.read_csv(pred_path)
    t["read"] = time.perf_counter() - start

    y = df[label].to_numpy()
    models = {
        "candidate": preds[["candidate_0", "candidate_1"]].to_numpy(dtype=np.float64),
        "baseline": preds[["baseline_0", "baseline_1"]].to_numpy(dtype=np.float64),
    }
    start = time.perf_counter()
    overall = {name: binary_metrics(y, proba) for name, proba in models.items()}
    t["metrics"] = time.perf_counter() - start

    start = time.perf_counter()
    per_slice = {}
    for column in slices:
        for value, index in df.groupby(column).indices.items():
            if len(index) < 30:
                continue
            per_slice[f"{column}={value}"] = {name: binary_metrics(y[index], proba[index]) for name, proba in models.items()}
    t["slices"] = time.perf_counter() - start

    start = time.perf_counter()
    rng = np.random.default_rng(0)
    n = len(y)
    cand, base = models["candidate"], models["baseline"]
    pred_c = (cand[:, 1] > cand[:, 0]).astype(int)
    pred_b = (base[:, 1] > base[:, 0]).astype(int)
    diffs = {"roc_auc": [], "accuracy": []}
    for _ in range(resamples):
        idx = rng.integers(0, n, n)
        yy = y[idx]
        diffs["roc_auc"].append(M.roc_auc_score(yy, cand[idx, 1]) - M.roc_auc_score(yy, base[idx, 1]))
        diffs["accuracy"].append(M.accuracy_score(yy, pred_c[idx]) - M.accuracy_score(yy, pred_b[idx]))
    t["bootstrap"] = time.perf_counter() - start
    intervals = {k: [float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))] for k, v in diffs.items() if v}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"timings": t, "resamples": resamples, "overall": overall, "slices": per_slice, "intervals": intervals, "peak_rss_mb": peak_mb}))


if __name__ == "__main__":
    main()
