#!/usr/bin/env python3
"""Forward-pass fixtures of keras.applications at small inputs, computed by a real tf-keras.

Usage (see README.md, "make_application_forward_fixtures.py"):
    TF_USE_LEGACY_KERAS=1 ~/keras-ref/bin/python Tools/keras-reference/make_application_forward_fixtures.py [NAME ...]
    ... [--layers DIR] NAME      also writes DIR/NAME.layers.npz, every layer's output (debugging)

The weights are not stored: every weight is drawn from a seed by the portable scheme of
portable_weights.py (ConvBook's Swift tests draw the same bits), and so is the input. Written to
Tests/Fixtures/keras/forward-applications/:
  NAME.py          the model code (binds `model`)
  NAME.output.npy  float32 output of `model(x, training=False)`
  index.json       per case: seed, batch, input shape and range, output shape, the scheme's name,
                   a probe (the first values of the first weight) and the output's largest magnitude
"""
import os
import sys

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")

import json
import pathlib
import warnings

import numpy as np
import tensorflow as tf
import tf_keras

import portable_weights as pw

warnings.filterwarnings("ignore")
tf.get_logger().setLevel("ERROR")
tf.config.experimental.enable_op_determinism()

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "Tests" / "Fixtures" / "keras" / "forward-applications"

# name -> (application call, input side, input range, batch). Inputs in [0, 255) for the families
# that rescale inside the model (EfficientNet, MobileNetV3, ConvNeXt), else [-1, 1) as
# `preprocess_input` gives most families.
CASES = {
    "mobilenetv2_96": ("MobileNetV2", 96, (-1.0, 1.0), 2),
    "resnet50_64": ("ResNet50", 64, (-1.0, 1.0), 2),
    "efficientnetb0_64": ("EfficientNetB0", 64, (0.0, 255.0), 2),
    "densenet121_64": ("DenseNet121", 64, (-1.0, 1.0), 2),
    "inceptionresnetv2_75": ("InceptionResNetV2", 75, (-1.0, 1.0), 1),
    "convnexttiny_64": ("ConvNeXtTiny", 64, (0.0, 255.0), 2),
    "mobilenetv3small_64": ("MobileNetV3Small", 64, (0.0, 255.0), 2),
    "vgg16_32": ("VGG16", 32, (-1.0, 1.0), 2),
    "resnet50v2_32": ("ResNet50V2", 32, (-1.0, 1.0), 2),
    "mobilenet_32": ("MobileNet", 32, (-1.0, 1.0), 2),
    "mobilenetv3large_32": ("MobileNetV3Large", 32, (0.0, 255.0), 2),
    "inceptionv3_75": ("InceptionV3", 75, (-1.0, 1.0), 1),
    "xception_71": ("Xception", 71, (-1.0, 1.0), 1),
    "nasnetmobile_32": ("NASNetMobile", 32, (-1.0, 1.0), 2),
}

SEED = 2026


def source(name):
    application, side, _, _ = CASES[name]
    # Logits (no softmax), so that the comparison sees the network's numbers, not probabilities
    # squashed towards 1/1000.
    return (
        "from tensorflow import keras\n\n"
        f"model = keras.applications.{application}(\n"
        f"    weights=None, input_shape=({side}, {side}, 3), classifier_activation=None\n"
        ")\n"
    )


def build(name):
    tf_keras.backend.clear_session()
    namespace = {}
    code = source(name).replace("from tensorflow import keras", "import tf_keras as keras")
    exec(compile(code, name + ".py", "exec"), namespace)
    return namespace["model"]


def run_case(name, layers_dir=None):
    application, side, (lower, upper), batch = CASES[name]
    model = build(name)
    names = [w.name for w in model.weights]
    if len(set(names)) != len(names):
        raise SystemExit(f"{name}: weight names are not unique")
    for w in model.weights:
        w.assign(pw.weight(SEED, w.name, tuple(w.shape), w.dtype.name))
    # As `load_weights` does: Normalization caches its mean and variance when built and reads the
    # assigned weights only in `finalize_state`.
    for layer in model._flatten_layers(include_self=False, recursive=True):
        layer.finalize_state()
    shape = (batch, side, side, 3)
    x = pw.uniform(SEED, "input", shape, lower, upper)
    y = model(x, training=False).numpy().astype(np.float32)
    np.save(OUT / f"{name}.output.npy", y)
    (OUT / f"{name}.py").write_text(source(name))
    first = model.weights[0]
    if layers_dir is not None:
        # Nested models (ConvNeXt's stem and downsampling blocks) are left out: a probe model
        # cannot reach inside them.
        layers = [
            l
            for l in model.layers
            if not isinstance(l, (tf_keras.layers.InputLayer, tf_keras.Model))
        ]
        probe = tf_keras.Model(model.inputs, [l.output for l in layers])
        outputs = probe(x, training=False)
        np.savez(
            pathlib.Path(layers_dir) / f"{name}.layers.npz",
            **{l.name: o.numpy() for l, o in zip(layers, outputs)},
        )
    print(f"{name}: {application} {shape} -> {y.shape}, max |y| {float(np.abs(y).max()):.4g}")
    return {
        "name": name,
        "application": application,
        "seed": SEED,
        "scheme": pw.SCHEME,
        "input_shape": list(shape),
        "input_range": [lower, upper],
        "output_shape": list(y.shape),
        "weights": len(names),
        "parameters": int(model.count_params()),
        "probe": {
            "weight": first.name,
            "values": [float(v) for v in np.asarray(first.numpy()).reshape(-1)[:4]],
        },
        "max_abs_output": float(np.abs(y).max()),
    }


def main(argv):
    layers_dir = None
    if argv[:1] == ["--layers"]:
        layers_dir = argv[1]
        argv = argv[2:]
    names = argv or list(CASES)
    OUT.mkdir(parents=True, exist_ok=True)
    index_path = OUT / "index.json"
    index = json.loads(index_path.read_text()) if index_path.exists() else {"cases": []}
    cases = {case["name"]: case for case in index["cases"]}
    for name in names:
        cases[name] = run_case(name, layers_dir)
        # After every case, so that an interrupted run keeps what it recorded.
        ordered = [cases[n] for n in CASES if n in cases]
        index = {
            "tf_keras": tf_keras.__version__,
            "tensorflow": tf.__version__,
            "scheme": pw.SCHEME,
            "cases": ordered,
        }
        index_path.write_text(json.dumps(index, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
