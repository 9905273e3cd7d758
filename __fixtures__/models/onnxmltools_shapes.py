"""Builds classifiers shaped as onnxmltools' XGBoost and LightGBM converters write them
(onnxmltools is not installable where mlci's tests run): one TreeEnsembleClassifier over an input
[N, F] whose leaves add raw scores, post_transform LOGISTIC for binary (one class weight per leaf,
class id 0, as both converters write it) or SOFTMAX for multiclass; outputs `label` and
`probabilities` — a float tensor for XGBoost, ZipMap'd (a sequence of maps) for LightGBM.

usage: onnxmltools_shapes.py OUT_DIR SEED — writes data.csv (label y) and, per case, <case>.onnx and
<case>.proba.csv (the probabilities computed with numpy from the same trees).
"""
import json
import os
import sys

import numpy as np
from onnx import TensorProto, TypeProto, helper

ML = "ai.onnx.ml"
out, seed = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(seed)
n, f = 600, 4
X = rng.normal(size=(n, f)).astype(np.float32)


def stumps(n_trees, n_scores):
    """Random depth-1 trees: feature, threshold, and the two leaves' scores per output."""
    return [(int(rng.integers(f)), float(np.float32(rng.normal())), rng.normal(size=(2, n_scores))) for _ in range(n_trees)]


def build(case, classes, zipmap):
    binary = classes == 2
    trees = stumps(12, 1 if binary else classes)
    attrs = {k: [] for k in ("nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
                             "nodes_truenodeids", "nodes_falsenodeids", "class_treeids", "class_nodeids",
                             "class_ids", "class_weights")}
    raw = np.zeros((n, 1 if binary else classes))
    for t, (feature, threshold, leaves) in enumerate(trees):
        for node, (mode, feat, value, true_id, false_id) in enumerate(
            [("BRANCH_LEQ", feature, threshold, 1, 2), ("LEAF", 0, 0.0, 0, 0), ("LEAF", 0, 0.0, 0, 0)]
        ):
            attrs["nodes_treeids"].append(t)
            attrs["nodes_nodeids"].append(node)
            attrs["nodes_featureids"].append(feat)
            attrs["nodes_modes"].append(mode)
            attrs["nodes_values"].append(value)
            attrs["nodes_truenodeids"].append(true_id)
            attrs["nodes_falsenodeids"].append(false_id)
            if mode == "LEAF":
                for k, w in enumerate(leaves[node - 1]):
                    attrs["class_treeids"].append(t)
                    attrs["class_nodeids"].append(node)
                    attrs["class_ids"].append(k)
                    attrs["class_weights"].append(float(np.float32(w)))
        left = X[:, feature] <= np.float32(threshold)
        raw += np.where(left[:, None], leaves[0].astype(np.float32), leaves[1].astype(np.float32))
    if binary:
        p1 = 1 / (1 + np.exp(-raw[:, 0]))
        proba = np.stack([1 - p1, p1], axis=1)
    else:
        e = np.exp(raw - raw.max(axis=1, keepdims=True))
        proba = e / e.sum(axis=1, keepdims=True)
    labels = list(range(classes))
    nodes = [helper.make_node(
        "TreeEnsembleClassifier", ["input"], ["label", "probability_tensor" if zipmap else "probabilities"],
        domain=ML, classlabels_int64s=labels, post_transform="LOGISTIC" if binary else "SOFTMAX", **attrs)]
    if zipmap:
        nodes.append(helper.make_node("ZipMap", ["probability_tensor"], ["probabilities"], domain=ML, classlabels_int64s=labels))
        seq = TypeProto()
        seq.sequence_type.elem_type.map_type.key_type = TensorProto.INT64
        seq.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
        prob_out = helper.make_value_info("probabilities", seq)
    else:
        prob_out = helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, classes])
    graph = helper.make_graph(nodes, case, [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, f])],
                              [helper.make_tensor_value_info("label", TensorProto.INT64, [None]), prob_out])
    model = helper.make_model(graph, producer_name="OnnxMLTools", producer_version="1.12.0",
                              opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid(ML, 1)])
    model.ir_version = 8
    with open(os.path.join(out, f"{case}.onnx"), "wb") as fh:
        fh.write(model.SerializeToString())
    np.savetxt(os.path.join(out, f"{case}.proba.csv"), proba, delimiter=",", fmt="%.17g")
    return proba


names = ["a", "b", "c", "d"]
cases = {}
for case, classes, zipmap in (("xgboost-binary", 2, False), ("xgboost-multi", 3, False),
                              ("lightgbm-binary", 2, True), ("lightgbm-multi", 3, True)):
    proba = build(case, classes, zipmap)
    # labels drawn from the model's own probabilities, so the metrics are not degenerate
    y = np.array([rng.choice(classes, p=row / row.sum()) for row in proba])
    path = os.path.join(out, f"{case}.csv")
    with open(path, "w") as fh:
        fh.write(",".join(names + ["y"]) + "\n")
        for row, label in zip(X, y):
            fh.write(",".join("%.9g" % v for v in row) + f",{label}\n")
    cases[case] = {"data": path, "task": "binary" if classes == 2 else "multiclass"}
with open(os.path.join(out, "cases.json"), "w") as fh:
    json.dump(cases, fh)
