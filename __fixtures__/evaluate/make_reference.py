#!/usr/bin/python3
"""Reference metric values from scikit-learn for mlci's evaluate tests.

Run from the repository root:  /usr/bin/python3 __fixtures__/evaluate/make_reference.py
Writes reference.json (named edge cases) and random.json (random cases for several seeds).

The rule mlci follows, applied here to scikit-learn's own behaviour:
- a metric equals scikit-learn's value (default arguments; log_loss and roc_auc_ovr with
  labels = every class of the model, as the model's probability columns name them);
- a whole metric that scikit-learn cannot compute (ValueError) or sets by convention because it
  is 0/0 (UndefinedMetricWarning for a single-number metric, "No positive class found" for
  average_precision, non-finite R^2 with force_finite=False) is null.
- macro / weighted averages keep scikit-learn's zero_division=0 for the classes whose part is 0/0.
"""
import json
import sys
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.exceptions import UndefinedMetricWarning
from sklearn import metrics as M


def guarded(fn, *args, undefined_on_warning=False, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn(*args, **kwargs)
        except ValueError:
            return None
    if undefined_on_warning:
        for w in caught:
            if issubclass(w.category, UndefinedMetricWarning) or "No positive class found" in str(w.message):
                return None
    value = float(value)
    return value if np.isfinite(value) else None


def ece(hit, confidence, bins=10):
    prob_true, prob_pred = calibration_curve(hit, confidence, n_bins=bins, strategy="uniform")
    edges = np.linspace(0.0, 1.0, bins + 1)
    binids = np.searchsorted(edges[1:-1], confidence)
    total = np.bincount(binids, minlength=len(edges))
    nonzero = total != 0
    return float(np.sum(total[nonzero] * np.abs(prob_true - prob_pred)) / len(confidence))


def classification_case(name, y, proba):
    proba = proba.astype(np.float32).astype(np.float64)
    classes = proba.shape[1]
    pred = np.argmax(proba, axis=1)
    labels = list(range(classes))
    expected = {
        "accuracy": guarded(M.accuracy_score, y, pred),
        "balanced_accuracy": guarded(M.balanced_accuracy_score, y, pred),
        "log_loss": guarded(M.log_loss, y, proba, labels=labels),
    }
    if classes == 2:
        expected.update(
            precision=guarded(M.precision_score, y, pred, undefined_on_warning=True),
            recall=guarded(M.recall_score, y, pred, undefined_on_warning=True),
            f1=guarded(M.f1_score, y, pred, undefined_on_warning=True),
            roc_auc=guarded(M.roc_auc_score, y, proba[:, 1]),
            average_precision=guarded(M.average_precision_score, y, proba[:, 1], undefined_on_warning=True),
            brier_score=guarded(M.brier_score_loss, y, proba[:, 1]),
        )
        confidence, hit = proba[:, 1], (y == 1).astype(int)
    else:
        for avg in ("macro", "weighted"):
            expected[f"precision_{avg}"] = guarded(M.precision_score, y, pred, average=avg)
            expected[f"recall_{avg}"] = guarded(M.recall_score, y, pred, average=avg)
            expected[f"f1_{avg}"] = guarded(M.f1_score, y, pred, average=avg)
        expected["roc_auc_ovr"] = guarded(M.roc_auc_score, y, proba, multi_class="ovr", labels=labels)
        confidence, hit = proba.max(axis=1), (pred == y).astype(int)
    return {
        "name": name,
        "task": "binary" if classes == 2 else "multiclass",
        "classes": classes,
        "y": y.tolist(),
        "proba": proba.ravel().tolist(),
        "pred": pred.tolist(),
        "expected": expected,
        "confusion_matrix": M.confusion_matrix(y, pred, labels=labels).tolist(),
        "expected_calibration_error": ece(hit, confidence),
    }


def regression_case(name, y, pred):
    expected = {
        "rmse": guarded(lambda a, b: np.sqrt(M.mean_squared_error(a, b)), y, pred),
        "mae": guarded(M.mean_absolute_error, y, pred),
        "r2": guarded(M.r2_score, y, pred, force_finite=False, undefined_on_warning=True),
        "mape": guarded(M.mean_absolute_percentage_error, y, pred),
    }
    return {"name": name, "task": "regression", "y": y.tolist(), "pred": pred.tolist(), "expected": expected}


def binary_proba(p1):
    p1 = p1.astype(np.float32)
    return np.stack([np.float32(1) - p1, p1], axis=1)


def dirichlet(rng, n, classes, sharp=1.0):
    return rng.dirichlet(np.full(classes, sharp), size=n)


def named_cases():
    rng = np.random.default_rng(42)
    cases = []
    # Binary with many tied scores (one decimal), both classes present.
    y = rng.integers(0, 2, 200)
    p1 = np.clip(np.round(0.35 * y + rng.uniform(0, 0.65, 200), 1), 0, 1)
    cases.append(classification_case("binary_tied_scores", y, binary_proba(p1)))
    # Binary with continuous scores and some probabilities at 0 and 1 (log_loss clipping).
    y = rng.integers(0, 2, 150)
    p1 = rng.uniform(0, 1, 150)
    p1[:5] = 0.0
    p1[5:10] = 1.0
    cases.append(classification_case("binary_clipped", y, binary_proba(p1)))
    # Labels of one class only: roc_auc, average_precision, recall undefined.
    y = np.zeros(50, dtype=int)
    cases.append(classification_case("binary_one_class", y, binary_proba(rng.uniform(0, 1, 50))))
    # Only positives: roc_auc undefined, average_precision defined.
    y = np.ones(40, dtype=int)
    cases.append(classification_case("binary_only_positives", y, binary_proba(rng.uniform(0, 1, 40))))
    # No row predicted positive: precision undefined, f1 0.
    y = rng.integers(0, 2, 60)
    cases.append(classification_case("binary_never_positive", y, binary_proba(rng.uniform(0, 0.45, 60))))
    # Multiclass, four classes.
    y = rng.integers(0, 4, 300)
    proba = dirichlet(rng, 300, 4)
    proba[np.arange(300), y] += 0.3
    proba /= proba.sum(axis=1, keepdims=True)
    cases.append(classification_case("multiclass", y, proba))
    # A class never predicted: class 2's probability is always the smallest.
    y = rng.integers(0, 3, 120)
    proba = dirichlet(rng, 120, 3)
    proba[:, 2] = proba[:, 2] * 0.05
    proba /= proba.sum(axis=1, keepdims=True)
    cases.append(classification_case("multiclass_class_never_predicted", y, proba))
    # A class absent from the labels: roc_auc_ovr undefined.
    y = rng.integers(0, 2, 90)
    cases.append(classification_case("multiclass_class_absent", y, dirichlet(rng, 90, 3)))
    # Regression.
    y = rng.normal(10, 3, 250)
    cases.append(regression_case("regression", y, y + rng.normal(0, 1.5, 250)))
    # Regression with zeros in the target (mape's epsilon floor).
    y = np.round(rng.normal(0, 2, 100))
    cases.append(regression_case("regression_zero_targets", y, y + rng.normal(0, 0.5, 100)))
    # A constant target: R² undefined.
    y = np.full(30, 4.0)
    cases.append(regression_case("regression_constant_target", y, y + rng.normal(0, 1, 30)))
    return cases


def random_cases(seeds):
    cases = []
    for seed in seeds:
        rng = np.random.default_rng(1000 + seed)
        n = int(rng.integers(2, 400))
        tie_decimals = int(rng.integers(1, 4))
        y = rng.integers(0, 2, n) if rng.uniform() < 0.9 else np.full(n, int(rng.integers(0, 2)))
        p1 = rng.beta(2, 2, n) * 0.6 + 0.4 * y * rng.uniform(0, 1, n)
        if rng.uniform() < 0.5:
            p1 = np.round(p1, tie_decimals)
        cases.append(classification_case(f"binary_seed{seed}", y, binary_proba(np.clip(p1, 0, 1))))
        classes = int(rng.integers(3, 7))
        y = rng.integers(0, classes, n)
        proba = dirichlet(rng, n, classes, sharp=float(rng.uniform(0.3, 3)))
        if rng.uniform() < 0.5:
            proba = np.round(proba, tie_decimals)
            proba[:, -1] = 1 - proba[:, :-1].sum(axis=1)
            proba = np.clip(proba, 0, 1)
        cases.append(classification_case(f"multiclass_seed{seed}", y, proba))
        y = rng.normal(rng.uniform(-5, 5), rng.uniform(0.1, 10), n)
        if rng.uniform() < 0.3:
            y = np.round(y)
        cases.append(regression_case(f"regression_seed{seed}", y, y + rng.normal(0, rng.uniform(0.1, 3), n)))
    return cases


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "__fixtures__/evaluate"
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    with open(f"{out}/reference.json", "w") as f:
        json.dump({"generator": meta, "cases": named_cases()}, f)
    with open(f"{out}/random.json", "w") as f:
        json.dump({"generator": meta, "cases": random_cases(range(1, 21))}, f)


if __name__ == "__main__":
    main()
