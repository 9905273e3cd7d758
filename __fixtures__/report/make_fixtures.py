#!/usr/bin/python3
"""Fixtures for mlci's HTML report tests.

Run from the repository root:  /usr/bin/python3 __fixtures__/report/make_fixtures.py

Writes
- curves-reference.json: sklearn.metrics.roc_curve / precision_recall_curve on named cases
  (ties, random scores, a single class) that src/evaluation/curves.ts must reproduce;
- evaluation.json / validation.json: a realistic run of a churn classifier (candidate and
  baseline logistic regressions scored on the same evaluation rows, gates, slices, curves,
  calibration, confusion matrices; data statistics with reference and current histograms and
  drift tests as DESIGN.md fixes them: KS for numeric, chi-square / Z for categorical with a
  reference of <= 1000 rows, computed as Evidently does). The shapes are those of
  src/evaluation/types.ts and src/data/report.ts, plus the parts the report proposes:
  `candidate.curves` / `baseline.curves` (ROC and PR points, as src/evaluation/curves.ts chartCurves
  writes them) and `drift[c].distribution` (both samples' counts on the test's bins). All numbers
  come from scikit-learn, numpy and scipy; the report only draws them.
"""
import json
import math

import numpy as np
import pandas as pd
from scipy import stats
from sklearn import metrics as M
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression

OUT = "__fixtures__/report/"


def finite(values):
    return [None if not np.isfinite(v) else float(v) for v in values]


def curves_reference():
    rng = np.random.default_rng(7)
    cases = []
    y = rng.integers(0, 2, 500)
    s = np.clip(y * 0.3 + rng.normal(0.35, 0.25, 500), 0, 1)
    cases.append(("random", y, s))
    # Rounded scores: many ties, which form one threshold each.
    cases.append(("ties", y, np.round(s, 1)))
    cases.append(("tiny", np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])))
    cases.append(("all-same-score", np.array([0, 1, 0, 1, 1]), np.full(5, 0.5)))
    cases.append(("no-positives", np.zeros(6, dtype=int), np.array([0.1, 0.2, 0.2, 0.5, 0.9, 0.3])))
    big_y = rng.integers(0, 2, 3000)
    cases.append(("large", big_y, rng.random(3000) * 0.6 + big_y * 0.4))
    out = []
    import warnings

    warnings.simplefilter("ignore")
    for name, labels, scores in cases:
        fpr, tpr, thr = M.roc_curve(labels, scores)
        precision, recall, pthr = M.precision_recall_curve(labels, scores)
        out.append(
            {
                "name": name,
                "labels": [int(v) for v in labels],
                "scores": [float(v) for v in scores],
                "roc": {"fpr": finite(fpr), "tpr": finite(tpr), "thresholds": finite(thr)},
                "pr": {"precision": finite(precision), "recall": finite(recall), "thresholds": finite(pthr)},
            }
        )
    return {"sklearn": __import__("sklearn").__version__, "cases": out}


def churn(rng, n, shift=False):
    regions = np.array(["north", "south", "east", "west"])
    region_p = [0.22, 0.28, 0.3, 0.2] if shift else [0.3, 0.25, 0.25, 0.2]
    contracts = np.array(["month-to-month", "one year", "two year"])
    df = pd.DataFrame(
        {
            "tenure_months": rng.gamma(2.0, 14.0 if not shift else 12.0, n).round(0),
            "monthly_charges": rng.normal(68 if not shift else 76, 22, n).clip(18, 130).round(2),
            "support_calls": rng.poisson(1.4 if not shift else 1.5, n),
            "age": rng.normal(44, 14, n).clip(18, 90).round(0),
            "region": rng.choice(regions, n, p=region_p),
            "contract": rng.choice(contracts, n, p=[0.55, 0.25, 0.2]),
            "paperless_billing": rng.choice(["yes", "no"], n, p=[0.6, 0.4]),
        }
    )
    logit = (
        -1.2
        - 0.045 * df.tenure_months
        + 0.022 * (df.monthly_charges - 65)
        + 0.38 * df.support_calls
        + np.where(df.contract == "month-to-month", 1.1, np.where(df.contract == "one year", 0.0, -0.9))
        + np.where(df.region == "south", 0.35, 0.0)
        + 0.25 * (df.paperless_billing == "yes")
    )
    df["churned"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return df


def design(df, full):
    x = pd.DataFrame(
        {
            "tenure_months": df.tenure_months,
            "monthly_charges": df.monthly_charges,
            "support_calls": df.support_calls,
        }
    )
    if full:
        x["m2m"] = (df.contract == "month-to-month").astype(float)
        x["two_year"] = (df.contract == "two year").astype(float)
        x["south"] = (df.region == "south").astype(float)
        x["paperless"] = (df.paperless_billing == "yes").astype(float)
    return x.to_numpy(dtype=float)


def binary_metrics(y, p):
    pred = (p > 0.5).astype(int)
    return {
        "accuracy": float(M.accuracy_score(y, pred)),
        "balanced_accuracy": float(M.balanced_accuracy_score(y, pred)),
        "precision": float(M.precision_score(y, pred)),
        "recall": float(M.recall_score(y, pred)),
        "f1": float(M.f1_score(y, pred)),
        "roc_auc": float(M.roc_auc_score(y, p)),
        "average_precision": float(M.average_precision_score(y, p)),
        "log_loss": float(M.log_loss(y, np.c_[1 - p, p])),
        "brier_score": float(M.brier_score_loss(y, p)),
    }


def downsample(xs, ys, limit=200):
    if len(xs) <= limit:
        return list(range(len(xs)))
    return sorted(set(np.linspace(0, len(xs) - 1, limit).round().astype(int).tolist()))


def model_record(name, y, p):
    fpr, tpr, thr = M.roc_curve(y, p)
    keep = downsample(fpr, tpr)
    precision, recall, pthr = M.precision_recall_curve(y, p)
    pkeep = downsample(recall, precision)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
    edges = np.linspace(0, 1, 11)
    binids = np.searchsorted(edges[1:-1], p)
    counts = np.bincount(binids, minlength=10)
    sums = np.bincount(binids, weights=p, minlength=10)
    hits = np.bincount(binids, weights=y, minlength=10)
    bins = []
    for b in range(10):
        n = int(counts[b])
        bins.append(
            {
                "lower": float(edges[b]),
                "upper": float(edges[b + 1]),
                "rows": n,
                "mean_predicted": float(sums[b] / n) if n else None,
                "fraction_positive": float(hits[b] / n) if n else None,
            }
        )
    nz = counts > 0
    ece = float(np.sum(counts[nz] * np.abs(prob_true - prob_pred)) / len(p))
    pred = (p > 0.5).astype(int)
    return {
        "source": name,
        "metrics": binary_metrics(y, p),
        "undefined_reasons": {},
        "curves": {
            "roc": {
                "fpr": [float(fpr[i]) for i in keep],
                "tpr": [float(tpr[i]) for i in keep],
                "thresholds": [float(thr[i]) for i in keep],
            },
            "pr": {
                "precision": [float(precision[i]) for i in pkeep],
                "recall": [float(recall[i]) for i in pkeep],
            },
        },
        "calibration": {"expected_calibration_error": ece, "of": "positive_probability", "bins": bins},
        "confusion_matrix": {"labels": ["0", "1"], "counts": M.confusion_matrix(y, pred).tolist()},
    }


def evaluation(rng, train, evaluation_rows):
    y_train = train.churned.to_numpy()
    y = evaluation_rows.churned.to_numpy()
    cand = LogisticRegression(max_iter=2000).fit(design(train, True), y_train)
    base = LogisticRegression(max_iter=2000).fit(design(train, False), y_train)
    p_c = cand.predict_proba(design(evaluation_rows, True))[:, 1]
    p_b = base.predict_proba(design(evaluation_rows, False))[:, 1]
    candidate = model_record("out/train/model.onnx", y, p_c)
    baseline = model_record("registry: churn@production (v3)", y, p_b)
    # Paired bootstrap of candidate - baseline (percentile interval), as the gate module reports it.
    n = len(y)
    deltas = {}
    boot = {"roc_auc": [], "accuracy": []}
    for _ in range(300):
        idx = rng.integers(0, n, n)
        boot["roc_auc"].append(M.roc_auc_score(y[idx], p_c[idx]) - M.roc_auc_score(y[idx], p_b[idx]))
        boot["accuracy"].append(
            M.accuracy_score(y[idx], p_c[idx] > 0.5) - M.accuracy_score(y[idx], p_b[idx] > 0.5)
        )
    for metric in candidate["metrics"]:
        c = candidate["metrics"][metric]
        b = baseline["metrics"][metric]
        higher = metric not in ("log_loss", "brier_score")
        better = (c > b) == higher
        entry = {"candidate": c, "baseline": b, "delta": c - b, "relative": (c - b) / abs(b),
                 "higher_is_better": higher, "change": "same" if c == b else ("better" if better else "worse")}
        if metric in boot:
            low, high = np.percentile(boot[metric], [2.5, 97.5])
            entry["interval"] = {
                "low": float(low),
                "high": float(high),
                "confidence": 0.95,
                "resamples": 300,
                "within_noise": bool(low <= 0 <= high),
            }
        deltas[metric] = entry
    slices = []
    for column in ["region", "contract"]:
        for value in sorted(evaluation_rows[column].unique()):
            mask = (evaluation_rows[column] == value).to_numpy()
            slices.append(
                {
                    "column": column,
                    "value": value,
                    "rows": int(mask.sum()),
                    "candidate": binary_metrics(y[mask], p_c[mask]),
                    "baseline": binary_metrics(y[mask], p_b[mask]),
                }
            )
    cm, bm = candidate["metrics"], baseline["metrics"]
    gates = [
        {"metric": "roc_auc", "kind": "min", "threshold": 0.7, "status": "pass" if cm["roc_auc"] >= 0.7 else "fail",
         "candidate": cm["roc_auc"], "baseline": bm["roc_auc"], "observed": cm["roc_auc"],
         "reason": "roc_auc %.4f >= 0.7" % cm["roc_auc"]},
        {"metric": "roc_auc", "kind": "max_drop", "threshold": 0.01, "status": "pass",
         "candidate": cm["roc_auc"], "baseline": bm["roc_auc"], "observed": bm["roc_auc"] - cm["roc_auc"],
         "reason": "drop %.4f <= 0.01" % (bm["roc_auc"] - cm["roc_auc"]),
         "interval": deltas["roc_auc"]["interval"]},
        {"metric": "log_loss", "kind": "max_rise", "threshold": 0.02, "status": "pass",
         "candidate": cm["log_loss"], "baseline": bm["log_loss"], "observed": cm["log_loss"] - bm["log_loss"],
         "reason": "rise %.4f <= 0.02" % (cm["log_loss"] - bm["log_loss"])},
    ]
    south = next(s for s in slices if s["column"] == "region" and s["value"] == "south")
    recall_south = south["candidate"]["recall"]
    gates.append(
        {"metric": "recall", "slice": {"column": "region", "value": "south"}, "kind": "min", "threshold": 0.6,
         "status": "pass" if recall_south >= 0.6 else "fail",
         "candidate": recall_south, "baseline": south["baseline"]["recall"], "observed": recall_south,
         "reason": "recall = %.6g, must be >= 0.6" % recall_south}
    )
    # History of the gated metrics: earlier versions were trained on fewer features (v1: tenure,
    # v2: tenure and charges); v3 is the production baseline.
    history = []
    for version, columns in (("v1", [0]), ("v2", [0, 1])):
        x_train, x_eval = design(train, False)[:, columns], design(evaluation_rows, False)[:, columns]
        p_v = LogisticRegression(max_iter=2000).fit(x_train, y_train).predict_proba(x_eval)[:, 1]
        m = binary_metrics(y, p_v)
        history.append({"label": version, "metrics": {"roc_auc": m["roc_auc"], "log_loss": m["log_loss"]}})
    history.append({"label": "v3", "metrics": {"roc_auc": bm["roc_auc"], "log_loss": bm["log_loss"]}})
    history.append({"label": "candidate", "metrics": {"roc_auc": cm["roc_auc"], "log_loss": cm["log_loss"]}})
    failed = [g for g in gates if g["status"] == "fail"]
    verdict = "fail" if failed else "pass"
    summary = (
        "fail: %d of %d gates failed (%s)" % (len(failed), len(gates), ", ".join(g["metric"] for g in failed))
        if failed
        else "pass: all %d gates passed" % len(gates)
    )
    return {
        "schema_version": 1,
        "mlci_version": "0.1.0",
        "task": "binary",
        "model_name": "churn",
        "label": "churned",
        "threshold": None,
        "data": {"source": "data/eval.csv", "rows": int(n)},
        "candidate": candidate,
        "baseline": baseline,
        "deltas": deltas,
        "gates": gates,
        "slices": slices,
        "min_slice_size": 100,
        "bootstrap": {"resamples": 300, "seed": 1, "confidence": 0.95, "scheme": "poisson"},
        "history": history,
        "verdict": verdict,
        "rubber_stamp": False,
        "summary": summary,
    }


def numeric_stats(values):
    # Like statistics.json: the histogram spans the column's own range in 20 bins.
    counts, edges = np.histogram(values, bins=20)
    return {
        "kind": "numeric",
        "type": "DOUBLE",
        "count": int(len(values)),
        "missing": 0,
        "present": int(len(values)),
        "distinct": int(len(np.unique(values))),
        "distinct_exact": True,
        "mean": float(np.mean(values)),
        "std": float(np.std(values, ddof=1)),
        "min": float(np.min(values)),
        "max": float(np.max(values)),
        "quantiles": {"p50": float(np.median(values))},
        "histogram": {"edges": [float(e) for e in edges], "counts": [int(c) for c in counts]},
        "top": [],
    }


def categorical_stats(values):
    vc = pd.Series(values).value_counts()
    return {
        "kind": "categorical",
        "type": "VARCHAR",
        "count": int(len(values)),
        "missing": 0,
        "present": int(len(values)),
        "distinct": int(len(vc)),
        "distinct_exact": True,
        "top": [{"value": str(k), "count": int(v)} for k, v in vc.items()][:10],
        "values": {str(k): int(v) for k, v in vc.items()},
    }


def validation(reference, current):
    """validation.json as validate-data writes it, plus `drift[c].distribution`: the counts of both
    samples on the bins the test used (shared Sturges bins, or the union of categories), which the
    report overlays."""
    columns, drift = {}, {}
    anomalies = []
    for column in [c for c in current.columns if c != "churned"] + ["churned"]:
        ref, cur = reference[column].to_numpy(), current[column].to_numpy()
        numeric = pd.api.types.is_numeric_dtype(current[column]) and len(np.unique(ref)) > 5
        if numeric:
            columns[column] = numeric_stats(cur)
            edges = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
            res = stats.ks_2samp(ref, cur)
            drift[column] = {"test": "ks", "statistic": float(res.statistic), "p_value": float(res.pvalue),
                             "threshold": 0.05, "drifted": bool(res.pvalue < 0.05), "exact": True,
                             "distribution": {"edges": [float(e) for e in edges],
                                              "reference": np.histogram(ref, bins=edges)[0].tolist(),
                                              "current": np.histogram(cur, bins=edges)[0].tolist()}}
        else:
            columns[column] = categorical_stats(cur.astype(str))
            keys = sorted(set(ref.astype(str)) | set(cur.astype(str)))
            rc = pd.Series(ref.astype(str)).value_counts().reindex(keys, fill_value=0).to_numpy(dtype=float)
            cc = pd.Series(cur.astype(str)).value_counts().reindex(keys, fill_value=0).to_numpy(dtype=float)
            distribution = {"categories": keys, "reference": rc.astype(int).tolist(), "current": cc.astype(int).tolist()}
            if len(keys) == 2:
                # Evidently's two-proportion Z-test on the first category.
                p1, p2 = rc[0] / rc.sum(), cc[0] / cc.sum()
                pooled = (rc[0] + cc[0]) / (rc.sum() + cc.sum())
                z = (p1 - p2) / math.sqrt(pooled * (1 - pooled) * (1 / rc.sum() + 1 / cc.sum()))
                statistic, p_value, test = float(z), float(2 * stats.norm.sf(abs(z))), "z"
            else:
                # Chi-square against reference frequencies scaled to the current size.
                res = stats.chisquare(cc, rc / rc.sum() * cc.sum())
                statistic, p_value, test = float(res.statistic), float(res.pvalue), "chi2"
            drift[column] = {"test": test, "statistic": statistic, "p_value": p_value, "threshold": 0.05,
                             "drifted": bool(p_value < 0.05), "exact": True, "distribution": distribution}
    over = int((current.monthly_charges >= 129.99).sum())
    anomalies.append({"code": "out_of_range", "column": "monthly_charges", "severity": "warning", "count": over,
                      "message": "%d values of monthly_charges at or above 130, the reference maximum" % over})
    anomalies.append({"code": "out_of_domain", "column": "contract", "severity": "error", "count": 1,
                      "values": [{"value": "<three year>", "count": 1}], "rows": [{"row": 17, "line": 19}],
                      "message": "value \"<three year>\" of contract is not in the reference (row 17)"})
    for column, d in drift.items():
        if d["drifted"]:
            anomalies.append({"code": "drift", "column": column, "severity": "warning",
                              "message": "column \"%s\" drifted: %s p = %.3g (threshold 0.05)" % (column, d["test"], d["p_value"])})
    drifted = sum(1 for d in drift.values() if d["drifted"])
    share = drifted / len(drift)
    errors = sum(1 for a in anomalies if a["severity"] == "error")
    return {
        "format": "mlci-validation",
        "version": 1,
        "verdict": "fail" if errors else "pass",
        "data": {"path": "data/eval.csv", "files": 1, "rows": int(len(current)), "columns": len(columns)},
        "reference": {"path": "data/train.csv", "kind": "data", "rows": int(len(reference))},
        "schema": None,
        "summary": {"errors": errors, "warnings": len(anomalies) - errors},
        "anomalies": anomalies,
        "drift": drift,
        "dataset_drift": {"tested": len(drift), "drifted": drifted, "share": share, "threshold": 0.5,
                          "drifted_dataset": share >= 0.5, "blocking": False},
        "columns": columns,
    }


def main():
    rng = np.random.default_rng(20261126)
    train = churn(rng, 4000)
    reference = train.sample(1000, random_state=1).reset_index(drop=True)
    current = churn(rng, 3000, shift=True)
    with open(OUT + "curves-reference.json", "w") as f:
        json.dump(curves_reference(), f)
    with open(OUT + "evaluation.json", "w") as f:
        json.dump(evaluation(rng, train, current), f, indent=1)
    with open(OUT + "validation.json", "w") as f:
        json.dump(validation(reference, current), f, indent=1)


if __name__ == "__main__":
    main()
