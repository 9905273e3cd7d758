"""The scikit-learn example: a logistic regression (SGDClassifier with log loss) over numeric and
categorical columns, exported to ONNX by hand with onnx.helper (skl2onnx is not needed).

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

# ---- ONNX export. Inputs: one per column (float [N,1] numeric, string [N,1] categorical).
numeric_pipeline = preprocess.named_transformers_["numeric"]
imputer, scaler = numeric_pipeline.named_steps["impute"], numeric_pipeline.named_steps["scale"]
encoder = preprocess.named_transformers_["categorical"]
coef = classifier.coef_[0].astype(np.float32)
n_numeric = len(NUMERIC)

nodes, initializers = [], []


def constant(name, values, dims=None):
    array = np.asarray(values, dtype=np.float32)
    if dims is not None:
        array = array.reshape(dims)
    initializers.append(numpy_helper.from_array(array, name))
    return name


imputed = []
for i, column in enumerate(NUMERIC):
    nodes.append(
        helper.make_node(
            "Imputer", [column], [f"{column}_imputed"], domain="ai.onnx.ml",
            imputed_value_floats=[float(imputer.statistics_[i])], replaced_value_float=float("nan"),
        )
    )
    imputed.append(f"{column}_imputed")
nodes.append(helper.make_node("Concat", imputed, ["numeric"], axis=1))
nodes.append(helper.make_node("Sub", ["numeric", constant("means", scaler.mean_)], ["centred"]))
nodes.append(helper.make_node("Div", ["centred", constant("scales", scaler.scale_)], ["scaled"]))
nodes.append(helper.make_node("MatMul", ["scaled", constant("numeric_weights", coef[:n_numeric], [n_numeric, 1])], ["logit_numeric"]))
logit, offset = "logit_numeric", n_numeric
for column, categories in zip(CATEGORICAL, encoder.categories_):
    k = len(categories)
    nodes.append(
        helper.make_node(
            "OneHotEncoder", [column], [f"{column}_onehot3d"], domain="ai.onnx.ml",
            cats_strings=[str(c) for c in categories], zeros=1,
        )
    )
    # OneHotEncoder turns [N,1] into [N,1,K]; flatten to [N,K] before the matrix product.
    nodes.append(helper.make_node("Flatten", [f"{column}_onehot3d"], [f"{column}_onehot"], axis=1))
    weights = constant(f"{column}_weights", coef[offset : offset + k], [k, 1])
    nodes.append(helper.make_node("MatMul", [f"{column}_onehot", weights], [f"{column}_logit"]))
    nodes.append(helper.make_node("Add", [logit, f"{column}_logit"], [f"logit_{column}"]))
    logit, offset = f"logit_{column}", offset + k
nodes.append(helper.make_node("Add", [logit, constant("intercept", classifier.intercept_)], ["logit"]))
nodes.append(helper.make_node("Sigmoid", ["logit"], ["p1"]))
nodes.append(helper.make_node("Sub", [constant("one", [1.0]), "p1"], ["p0"]))
nodes.append(helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1))

inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, ["N", 1]) for c in NUMERIC]
inputs += [helper.make_tensor_value_info(c, TensorProto.STRING, ["N", 1]) for c in CATEGORICAL]
graph = helper.make_graph(
    nodes, "churn_sgd_logistic_regression", inputs,
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])], initializers,
)
model = helper.make_model(
    graph,
    producer_name="mlci-example-sklearn-python",
    producer_version="1",
    opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 3)],
)
model.ir_version = 8
for key, value in {"classes": "[0,1]", "label": LABEL, "seed": str(seed)}.items():
    entry = model.metadata_props.add()
    entry.key, entry.value = key, value
with open(model_path, "wb") as f:
    f.write(model.SerializeToString())
if final_metrics_path:
    with open(final_metrics_path, "w") as f:
        json.dump({"train_log_loss": loss, "train_accuracy": accuracy, "rows": int(len(y))}, f, indent=2)
print(f"wrote {model_path}", file=sys.stderr)
