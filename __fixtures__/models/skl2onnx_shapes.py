"""Exports scikit-learn classifiers to ONNX graphs shaped exactly as skl2onnx writes them.

skl2onnx is not installable where mlci's tests run, so this module rebuilds its converters'
output with onnx.helper, node for node (skl2onnx/operator_converters/linear_classifier.py,
random_forest.py and _parse.py's ZipMap):

- LogisticRegression → ai.onnx.ml LinearClassifier (binary: coefficients [-w, w], intercepts
  [-b, b], post_transform LOGISTIC; multinomial: SOFTMAX then Normalizer L1; one-vs-rest:
  LOGISTIC then Normalizer L1), class labels in classlabels_ints / classlabels_strings;
- RandomForestClassifier / DecisionTreeClassifier → TreeEnsembleClassifier, post_transform
  NONE, each leaf's class fractions scaled by 1 / n_estimators (binary: only the class-1 weight,
  with class id 0, as skl2onnx does);
- zipmap=True (the default): outputs `output_label` (int64 or string [N]) and
  `output_probability` (a sequence of maps, from ZipMap with classlabels_int64s or
  classlabels_strings); zipmap=False: outputs `label` and `probabilities` (float [N, C]);
- the input is one float matrix (FloatTensorType([None, F]), named as the user names it:
  `float_input` in skl2onnx's documentation), no metadata_props.

Used by __tests__/model/skl2onnx.test.ts and the recipes of docs/training-convention.md.
"""
import numpy as np
from onnx import TensorProto, TypeProto, helper

ML = "ai.onnx.ml"


def _class_attrs(classes, ints_key, strings_key):
    if all(isinstance(c, (str, np.str_)) for c in classes):
        return {strings_key: [str(c) for c in classes]}, TensorProto.STRING
    return {ints_key: [int(c) for c in classes]}, TensorProto.INT64


def _linear(model, input_name):
    classes = list(model.classes_)
    n = len(classes)
    coefficients = model.coef_.flatten().astype(float).tolist()
    intercepts = model.intercept_.astype(float).tolist()
    if n == 2:
        coefficients = [-c for c in coefficients] + coefficients
        intercepts = [-i for i in intercepts] + intercepts
    multinomial = n > 2 and model.multi_class != "ovr"
    ovr = model.multi_class == "ovr" or (model.multi_class == "auto" and (n <= 2 or model.solver == "liblinear"))
    labels, label_type = _class_attrs(classes, "classlabels_ints", "classlabels_strings")
    attrs = dict(
        coefficients=coefficients,
        intercepts=intercepts,
        multi_class=1 if multinomial else 0,
        post_transform="LOGISTIC" if ovr else "SOFTMAX",
        **labels,
    )
    nodes = []
    normalise = n > 2
    raw = "probability_tensor" if normalise else "probabilities"
    nodes.append(helper.make_node("LinearClassifier", [input_name], ["label", raw], name="LinearClassifier", domain=ML, **attrs))
    if normalise:
        nodes.append(helper.make_node("Normalizer", [raw], ["probabilities"], name="Normalizer", domain=ML, norm="L1"))
    return nodes, classes, label_type


def _tree_attrs(model):
    trees = model.estimators_ if hasattr(model, "estimators_") else [model]
    n_classes = len(model.classes_)
    attrs = {k: [] for k in (
        "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
        "nodes_truenodeids", "nodes_falsenodeids", "nodes_hitrates", "nodes_missing_value_tracks_true",
        "class_treeids", "class_nodeids", "class_ids", "class_weights")}
    for tree_id, estimator in enumerate(trees):
        tree = estimator.tree_
        weight = 1.0 / len(trees)
        for i in range(tree.node_count):
            branch = tree.children_left[i] > i or tree.children_right[i] > i
            attrs["nodes_treeids"].append(tree_id)
            attrs["nodes_nodeids"].append(i)
            attrs["nodes_featureids"].append(int(tree.feature[i]) if branch else 0)
            attrs["nodes_modes"].append("BRANCH_LEQ" if branch else "LEAF")
            attrs["nodes_values"].append(float(tree.threshold[i]) if branch else 0.0)
            attrs["nodes_truenodeids"].append(int(tree.children_left[i]) if branch else 0)
            attrs["nodes_falsenodeids"].append(int(tree.children_right[i]) if branch else 0)
            attrs["nodes_hitrates"].append(1.0)
            attrs["nodes_missing_value_tracks_true"].append(0)
            if branch:
                continue
            counts = tree.value[i].ravel().astype(float)
            weights = list(counts * (weight / (counts.sum() or 1.0)))
            if n_classes == 2:
                weights = [weights[1]]
            for k, w in enumerate(weights):
                attrs["class_treeids"].append(tree_id)
                attrs["class_nodeids"].append(i)
                attrs["class_ids"].append(k)
                attrs["class_weights"].append(w)
    return attrs


def _trees(model, input_name):
    classes = list(model.classes_)
    labels, label_type = _class_attrs(classes, "classlabels_int64s", "classlabels_strings")
    node = helper.make_node(
        "TreeEnsembleClassifier", [input_name], ["label", "probabilities"], name="TreeEnsembleClassifier",
        domain=ML, post_transform="NONE", **labels, **_tree_attrs(model),
    )
    return [node], classes, label_type


def _sequence_of_maps(key_type):
    # seq(map(key, tensor(float))), as skl2onnx declares ZipMap's output (onnx 1.12 has no make_map_type_proto).
    proto = TypeProto()
    proto.sequence_type.elem_type.map_type.key_type = key_type
    proto.sequence_type.elem_type.map_type.value_type.tensor_type.elem_type = TensorProto.FLOAT
    return proto


def to_onnx(model, n_features, zipmap=True, input_name="float_input", double=False):
    """The ONNX bytes skl2onnx's convert_sklearn writes for `model` with initial_types
    [(input_name, FloatTensorType([None, n_features]))] and options {'zipmap': zipmap}."""
    if hasattr(model, "coef_"):
        nodes, classes, label_type = _linear(model, input_name)
    else:
        nodes, classes, label_type = _trees(model, input_name)
    n = len(classes)
    if zipmap:
        labels, _ = _class_attrs(classes, "classlabels_int64s", "classlabels_strings")
        nodes.append(helper.make_node("Identity", ["label"], ["output_label"], name="Identity"))
        nodes.append(helper.make_node("ZipMap", ["probabilities"], ["output_probability"], name="ZipMap", domain=ML, **labels))
        key = TensorProto.STRING if label_type == TensorProto.STRING else TensorProto.INT64
        outputs = [
            helper.make_tensor_value_info("output_label", label_type, [None]),
            helper.make_value_info("output_probability", _sequence_of_maps(key)),
        ]
    else:
        outputs = [
            helper.make_tensor_value_info("label", label_type, [None]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [None, n]),
        ]
    graph = helper.make_graph(
        nodes, "ONNX(%s)" % type(model).__name__,
        [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, [None, n_features])], outputs,
    )
    onnx_model = helper.make_model(
        graph, producer_name="skl2onnx", producer_version="1.16.0", domain="ai.onnx",
        opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid(ML, 1)],
    )
    onnx_model.ir_version = 8
    onnx_model.model_version = 0
    return onnx_model.SerializeToString()
