"""Trains scikit-learn classifiers on random data and exports them as skl2onnx would (see
skl2onnx_shapes.py), for __tests__/model/skl2onnx.test.ts.

usage: skl2onnx_cases.py OUT_DIR SEED — writes binary.csv and multi.csv (features in a random
column order, label `y`), one <case>.onnx per case with scikit-learn's predict_proba on the same
rows in <case>.proba.csv, and cases.json describing each case (data, task, features flag, classes).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from skl2onnx_shapes import to_onnx  # noqa: E402

out, seed = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(seed)
n = 1500
names = ["tenure", "charges", "age", "calls"]
# float32 values, as the ONNX input holds them: scikit-learn then sees exactly what onnxruntime sees.
X = rng.normal(size=(n, 4)).astype(np.float32)
score = X @ rng.normal(size=4) + rng.normal(scale=1.0, size=n)
y_binary = (score > 0).astype(int)
y_multi = np.array(["cat", "dog", "emu"])[np.digitize(score + rng.normal(size=n), [-0.7, 0.7])]

order = list(rng.permutation(4))  # the data file's column order differs from the names' order
files = {}
for task, y in (("binary", y_binary), ("multi", y_multi)):
    frame = pd.DataFrame({names[i]: X[:, i] for i in order})
    frame["y"] = y
    files[task] = os.path.join(out, f"{task}.csv")
    frame.to_csv(files[task], index=False, float_format="%.9g")
data_order = [names[i] for i in order]
shuffled = list(rng.permutation(4))

cases = []


def add(case, model, task, y, columns, zipmap, input_name="float_input", flag=True):
    Xc = X[:, [names.index(c) for c in columns]]
    model.fit(Xc, y)
    with open(os.path.join(out, f"{case}.onnx"), "wb") as f:
        f.write(to_onnx(model, 4, zipmap=zipmap, input_name=input_name))
    np.savetxt(os.path.join(out, f"{case}.proba.csv"), model.predict_proba(Xc), delimiter=",", fmt="%.17g")
    cases.append({
        "case": case,
        "data": files["binary" if task == "binary" else "multi"],
        "task": task,
        "features": columns if flag else None,
        "classes": [str(c) for c in model.classes_],
    })


feature_order = [names[i] for i in shuffled]
add("lr-binary-zipmap", LogisticRegression(), "binary", y_binary, data_order, True, flag=False)
add("lr-binary-tensor", LogisticRegression(C=0.5), "binary", y_binary, feature_order, False)
add("lr-multinomial-zipmap", LogisticRegression(), "multiclass", y_multi, feature_order, True)
add("lr-ovr-tensor", LogisticRegression(multi_class="ovr"), "multiclass", y_multi, data_order, False, "input", flag=False)
add("rf-binary-zipmap", RandomForestClassifier(n_estimators=15, max_depth=6, random_state=seed), "binary", y_binary, feature_order, True)
add("rf-multi-zipmap", RandomForestClassifier(n_estimators=10, max_depth=5, random_state=seed), "multiclass", y_multi, data_order, True, flag=False)
add("rf-multi-tensor", RandomForestClassifier(n_estimators=10, max_depth=5, random_state=seed + 1), "multiclass", y_multi, feature_order, False, "input")
with open(os.path.join(out, "cases.json"), "w") as f:
    json.dump(cases, f, indent=1)
