"""The PyTorch example: a small tabular network (5 numeric churn columns → 16 → 2) trained with
torch and exported with torch.onnx.export, as a user does — no hand-built graph.

It follows mlci's training convention (docs/training-convention.md): params from $MLCI_PARAMS,
seed from $MLCI_SEED, model to $MLCI_MODEL_PATH, one {"step", "loss"} JSON line per epoch to
$MLCI_METRICS_PATH and final metrics to $MLCI_FINAL_METRICS_PATH. What mlci needs from the export:
inputs named after the data's columns (one float [N, 1] input per column, a dynamic batch axis, so
no column order has to be configured anywhere) and class probabilities [N, 2] named
"probabilities" — so softmax is part of the exported module, and so are the mean imputation of
missing values and the standardisation: the model takes the raw columns. Run it with Debian's interpreter, which has python3-torch: /usr/bin/python3 train.py
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import torch

FEATURES = ["tenure_months", "monthly_charges", "total_charges", "age", "support_calls"]
LABEL = "churned"

here = os.path.dirname(os.path.abspath(__file__))
params = {"hidden": 16, "lr": 0.002, "epochs": 20, "batch_size": 256, "weight_decay": 0.0001}
if os.environ.get("MLCI_PARAMS"):
    with open(os.environ["MLCI_PARAMS"]) as f:
        params.update(json.load(f))
seed = int(os.environ.get("MLCI_SEED", "42"))
model_path = os.environ.get("MLCI_MODEL_PATH", os.path.join(here, "model.onnx"))
metrics_path = os.environ.get("MLCI_METRICS_PATH")
final_metrics_path = os.environ.get("MLCI_FINAL_METRICS_PATH")

# Same seed, same model: one thread and deterministic kernels make the run repeatable bit for bit.
torch.manual_seed(seed)
np.random.seed(seed)
torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

frame = pd.read_csv(params.get("train_data", os.path.join(here, "data", "train.csv")))
X = torch.tensor(frame[FEATURES].to_numpy(dtype=np.float32))
y = torch.tensor(frame[LABEL].to_numpy(dtype=np.int64))
means = torch.nanmean(X, dim=0)
filled = torch.where(torch.isnan(X), means, X)
scales = filled.std(dim=0)


class ChurnNet(torch.nn.Module):
    """Raw columns in (NaN allowed), class probabilities out."""

    def __init__(self):
        super().__init__()
        self.register_buffer("means", means)
        self.register_buffer("scales", scales)
        self.body = torch.nn.Sequential(
            torch.nn.Linear(len(FEATURES), int(params["hidden"])),
            torch.nn.ReLU(),
            torch.nn.Linear(int(params["hidden"]), 2),
        )

    def logits(self, x):
        x = torch.where(torch.isnan(x), self.means, x)
        return self.body((x - self.means) / self.scales)

    def forward(self, *columns):
        # One [N, 1] tensor per column, in FEATURES order: the exported inputs are named after them.
        return torch.softmax(self.logits(torch.cat(columns, dim=1)), dim=1)


net = ChurnNet()
optimiser = torch.optim.Adam(net.parameters(), lr=params["lr"], weight_decay=params["weight_decay"])
loss_fn = torch.nn.CrossEntropyLoss()
shuffle = torch.Generator().manual_seed(seed)
metrics_file = open(metrics_path, "a") if metrics_path else None
for epoch in range(1, int(params["epochs"]) + 1):
    net.train()
    for batch in torch.randperm(len(y), generator=shuffle).split(int(params["batch_size"])):
        optimiser.zero_grad()
        loss_fn(net.logits(X[batch]), y[batch]).backward()
        optimiser.step()
    net.eval()
    with torch.no_grad():
        logits = net.logits(X)
        loss = float(loss_fn(logits, y))
        accuracy = float((logits.argmax(dim=1) == y).float().mean())
    if metrics_file:
        metrics_file.write(json.dumps({"step": epoch, "loss": loss, "accuracy": accuracy}) + "\n")
        metrics_file.flush()
if metrics_file:
    metrics_file.close()
print(f"trained on {len(y)} rows: log loss {loss:.4f}, accuracy {accuracy:.4f} (seed {seed})")

torch.onnx.export(
    net,
    tuple(torch.zeros(1, 1) for _ in FEATURES),
    model_path,
    input_names=FEATURES,
    output_names=["probabilities"],
    dynamic_axes={**{name: {0: "N"} for name in FEATURES}, "probabilities": {0: "N"}},
    opset_version=13,
)
if final_metrics_path:
    with open(final_metrics_path, "w") as f:
        json.dump({"train_log_loss": loss, "train_accuracy": accuracy, "rows": int(len(y))}, f, indent=2)
print(f"wrote {model_path}", file=sys.stderr)
