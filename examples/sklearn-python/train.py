"""The scikit-learn example: a logistic regression (SGDClassifier with log loss) over numeric and
categorical columns, exported to ONNX in the exact graph skl2onnx writes for this pipeline (built
with onnx.helper, since skl2onnx is not packaged for Debian).

It follows mlci's training convention (docs/training-convention.md): params from $MLCI_PARAMS,
seed from $MLCI_SEED, model to $MLCI_MODEL_PATH, one {"step", "loss"} JSON line per epoch to
$MLCI_METRICS_PATH and final metrics to $MLCI_FINAL_METRICS_PATH.
Run it with Debian's interpreter, which has python3-sklearn and python3-onnx: /usr/bin/python3 train.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from onnx import TensorProto, helper, numpy_helper
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, log_loss
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "age", "support_calls"]
CATEGORICAL = ["contract", "internet_service", "payment_method", "region"]
LABEL = "churned"

here = os.path.dirname(os.path.abspath(__file__))
params = {"alpha": 0.0001, "eta0": 0.05, "epochs": 20}
if os.environ.get("MLCI_PARAMS"):
    with open(os.environ["MLCI_PARAMS"]) as f:
        params.update(json.load(f))
seed = int(os.environ.get("MLCI_SEED", "42"))
model_path = os.environ.get("MLCI_MODEL_PATH", os.path.join(here, "model.onnx"))
metrics_path = os.environ.get("MLCI_METRICS_PATH")
final_metrics_path = os.environ.get("MLCI_FINAL_METRICS_PATH")
train_path = params.get("train_data", os.path.join(here, "data", "train.csv"))

frame = pd.read_csv(train_path)
# A missing category is the category "" — the same string the model gets for a null at serving time.
for column in CATEGORICAL:
    frame[column] = frame[column].fillna("").astype(str)
y = frame[LABEL].to_numpy()

preprocess = ColumnTransformer(
    [
        ("numeric", Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler())]), NUMERIC),
        ("categorical", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ],
    sparse_threshold=0,
)
X = preprocess.fit_transform(frame[NUMERIC + CATEGORICAL])
classifier = SGDClassifier(
    loss="log_loss", alpha=params["alpha"], learning_rate="invscaling", eta0=params["eta0"], random_state=seed
)

metrics_file = open(metrics_path, "a") if metrics_path else None
for epoch in range(1, int(params["epochs"]) + 1):
    classifier.partial_fit(X, y, classes=[0, 1])
    p = classifier.predict_proba(X)[:, 1]
    loss = float(log_loss(y, p))
    accuracy = float(accuracy_score(y, (p > 0.5).astype(int)))
    if metrics_file:
        metrics_file.write(json.dumps({"step": epoch, "loss": loss, "accuracy": accuracy}) + "\n")
        metrics_file.flush()
if metrics_file:
    metrics_file.close()
print(f"trained on {len(y)} rows: log loss {loss:.4f}, accuracy {accuracy:.4f} (seed {seed})")

# ---- ONNX export, shaped as skl2onnx's converters write this pipeline (same operators, order, inputs, outputs):
#   convert_sklearn(Pipeline([("preprocess", preprocess), ("classifier", classifier)]),
#                   initial_types=[(c, FloatTensorType([None, 1])) for c in NUMERIC]
#                               + [(c, StringTensorType([None, 1])) for c in CATEGORICAL],
#                   options={"zipmap": False})
# skl2onnx is not packaged for Debian, so the same graph is built here with onnx.helper: the
# ColumnTransformer concatenates each transformer's columns, SimpleImputer is an Imputer,
# StandardScaler a Scaler, OneHotEncoder one ai.onnx.ml OneHotEncoder per column, and
# SGDClassifier(log_loss) computes 1 / (1 + exp(-score)) as skl2onnx's SGD converter does. With
# zipmap=False the outputs are "label" and "probabilities" [N, 2] (ZipMap, skl2onnx's default,
# works too: mlci reads it through; see docs/training-convention.md).
numeric_pipeline = preprocess.named_transformers_["numeric"]
imputer, scaler = numeric_pipeline.named_steps["impute"], numeric_pipeline.named_steps["scale"]
encoder = preprocess.named_transformers_["categorical"]
ML = "ai.onnx.ml"
nodes, initializers = [], []


def constant(name, values, dtype=np.float32, dims=None):
    array = np.asarray(values, dtype=dtype)
    if dims is not None:
        array = array.reshape(dims)
    initializers.append(numpy_helper.from_array(array, name))
    return name


nodes.append(helper.make_node("Concat", NUMERIC, ["merged_columns"], axis=1))
nodes.append(helper.make_node(
    "Imputer", ["merged_columns"], ["variable"], domain=ML,
    imputed_value_floats=imputer.statistics_.astype(np.float32).tolist(), replaced_value_float=float("nan"),
))
nodes.append(helper.make_node(
    "Scaler", ["variable"], ["variable1"], domain=ML,
    offset=scaler.mean_.astype(np.float32).tolist(), scale=(1.0 / scaler.scale_).astype(np.float32).tolist(),
))
nodes.append(helper.make_node("Concat", CATEGORICAL, ["merged_columns1"], axis=1))
encoded = []
for i, categories in enumerate(encoder.categories_):
    k = len(categories)
    nodes.append(helper.make_node(
        "ArrayFeatureExtractor", ["merged_columns1", constant(f"column_index{i}", [i], np.int64)],
        [f"extracted{i}"], domain=ML,
    ))
    nodes.append(helper.make_node(
        "OneHotEncoder", [f"extracted{i}"], [f"one_hot{i}"], domain=ML, cats_strings=[str(c) for c in categories], zeros=1,
    ))
    nodes.append(helper.make_node("Reshape", [f"one_hot{i}", constant(f"shape{i}", [-1, k], np.int64)], [f"reshaped{i}"]))
    encoded.append(f"reshaped{i}")
nodes.append(helper.make_node("Concat", encoded, ["variable2"], axis=1))
nodes.append(helper.make_node("Concat", ["variable1", "variable2"], ["transformed_column"], axis=1))
nodes.append(helper.make_node("MatMul", ["transformed_column", constant("coef", classifier.coef_.T)], ["matmul_result"]))
nodes.append(helper.make_node("Add", ["matmul_result", constant("intercept", classifier.intercept_)], ["score"]))
nodes.append(helper.make_node("Mul", ["score", constant("negate", -1.0)], ["negated_scores"]))
nodes.append(helper.make_node("Exp", ["negated_scores"], ["exp_result"]))
nodes.append(helper.make_node("Add", ["exp_result", constant("unity", 1.0)], ["add_result"]))
nodes.append(helper.make_node("Reciprocal", ["add_result"], ["proba"]))
nodes.append(helper.make_node("Sub", ["unity", "proba"], ["sub_result"]))
nodes.append(helper.make_node("Concat", ["sub_result", "proba"], ["probabilities"], axis=1))
nodes.append(helper.make_node("ArgMax", ["probabilities"], ["predicted_label"], axis=1))
nodes.append(helper.make_node(
    "ArrayFeatureExtractor", [constant("classes", classifier.classes_, np.int32), "predicted_label"],
    ["final_label"], domain=ML,
))
nodes.append(helper.make_node("Reshape", ["final_label", constant("shape_label", [-1], np.int64)], ["reshaped_final_label"]))
nodes.append(helper.make_node("Cast", ["reshaped_final_label"], ["label"], to=TensorProto.INT64))

inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, [None, 1]) for c in NUMERIC]
inputs += [helper.make_tensor_value_info(c, TensorProto.STRING, [None, 1]) for c in CATEGORICAL]
outputs = [
    helper.make_tensor_value_info("label", TensorProto.INT64, [None]),
    helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, 2]),
]
graph = helper.make_graph(nodes, "pipeline_sgd", inputs, outputs, initializers)
model = helper.make_model(
    graph, producer_name="skl2onnx", producer_version="1.16.0", domain="ai.onnx",
    opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid(ML, 1)],
)
model.ir_version = 8
model.model_version = 0
with open(model_path, "wb") as f:
    f.write(model.SerializeToString())
if final_metrics_path:
    with open(final_metrics_path, "w") as f:
        json.dump({"train_log_loss": loss, "train_accuracy": accuracy, "rows": int(len(y))}, f, indent=2)
print(f"wrote {model_path}", file=sys.stderr)
