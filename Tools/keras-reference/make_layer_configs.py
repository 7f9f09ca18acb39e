#!/usr/bin/env python3
"""Records `layer.get_config()` of the common layer classes, made with the arguments below, in
tf-keras 2.21 and Keras 3.15.1, and writes them as Swift code:
`Sources/KerasCells/Interpreter/KerasLayerConfigs.swift` (`KerasLayerConfigs.defaults`).

ConvBook's `layer.get_config()` starts from these (Keras' keys, order and default values) and puts
in the values of the layer at hand (`LayerConfig`).

Usage (from the repository root; runs each Keras in a child process):
    ~/keras-ref/bin/python Tools/keras-reference/make_layer_configs.py
    swift format -i Sources/KerasCells/Interpreter/KerasLayerConfigs.swift
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUTPUT = ROOT / "Sources" / "KerasCells" / "Interpreter" / "KerasLayerConfigs.swift"

# Class name and the arguments it is recorded with (the required ones).
CASES = [
    ("Conv1D", "(8, 3)"), ("Conv2D", "(8, 3)"), ("Conv3D", "(8, 3)"),
    ("Conv1DTranspose", "(8, 3)"), ("Conv2DTranspose", "(8, 3)"), ("Conv3DTranspose", "(8, 3)"),
    ("SeparableConv1D", "(8, 3)"), ("SeparableConv2D", "(8, 3)"), ("DepthwiseConv1D", "(3,)"),
    ("DepthwiseConv2D", "(3,)"), ("Dense", "(4,)"),
    ("MaxPooling1D", "(2,)"), ("MaxPooling2D", "(2,)"), ("MaxPooling3D", "(2,)"),
    ("AveragePooling1D", "(2,)"), ("AveragePooling2D", "(2,)"), ("AveragePooling3D", "(2,)"),
    ("GlobalAveragePooling1D", "()"), ("GlobalAveragePooling2D", "()"),
    ("GlobalAveragePooling3D", "()"), ("GlobalMaxPooling1D", "()"), ("GlobalMaxPooling2D", "()"),
    ("GlobalMaxPooling3D", "()"), ("BatchNormalization", "()"), ("LayerNormalization", "()"),
    ("GroupNormalization", "()"), ("UnitNormalization", "()"),
    ("Dropout", "(0.5,)"), ("SpatialDropout1D", "(0.5,)"), ("SpatialDropout2D", "(0.5,)"),
    ("SpatialDropout3D", "(0.5,)"), ("GaussianNoise", "(0.5,)"), ("GaussianDropout", "(0.5,)"),
    ("AlphaDropout", "(0.5,)"), ("ActivityRegularization", "()"), ("Identity", "()"),
    ("Flatten", "()"), ("Activation", "('relu',)"), ("ReLU", "()"), ("LeakyReLU", "()"),
    ("ELU", "()"), ("PReLU", "()"), ("Softmax", "()"), ("Reshape", "((2, 2),)"),
    ("Permute", "((2, 1),)"), ("RepeatVector", "(3,)"), ("Masking", "()"),
    ("ZeroPadding1D", "()"), ("ZeroPadding2D", "()"), ("ZeroPadding3D", "()"),
    ("Cropping1D", "()"), ("Cropping2D", "()"), ("Cropping3D", "()"),
    ("UpSampling1D", "()"), ("UpSampling2D", "()"), ("UpSampling3D", "()"),
    ("Concatenate", "()"), ("Add", "()"), ("Subtract", "()"), ("Multiply", "()"),
    ("Average", "()"), ("Maximum", "()"), ("Minimum", "()"), ("Dot", "(1,)"),
    ("Embedding", "(10, 4)"), ("SimpleRNN", "(4,)"), ("LSTM", "(4,)"), ("GRU", "(4,)"),
    ("ConvLSTM1D", "(4, 3)"), ("ConvLSTM2D", "(4, 3)"), ("ConvLSTM3D", "(4, 3)"),
    ("MultiHeadAttention", "(2, 4)"), ("Attention", "()"), ("AdditiveAttention", "()"),
    ("Rescaling", "(0.5,)"), ("Normalization", "()"), ("Resizing", "(4, 4)"),
    ("CenterCrop", "(4, 4)"), ("RandomCrop", "(4, 4)"), ("RandomFlip", "()"),
    ("RandomRotation", "(0.1,)"), ("RandomZoom", "(0.1,)"), ("RandomContrast", "(0.1,)"),
    ("RandomTranslation", "(0.1, 0.1)"), ("RandomBrightness", "(0.1,)"),
    ("TimeDistributed", "(keras.layers.Dense(3),)"), ("Bidirectional", "(keras.layers.LSTM(4),)"),
]

# An input shape each class can be called on (for `build_config`, see `keras3Unbuilt`).
SHAPES = {
    "Conv1D": (10, 4), "Conv2D": (10, 10, 3), "Conv3D": (6, 6, 6, 2), "Conv2DTranspose": (10, 10, 3),
    "SeparableConv2D": (10, 10, 3), "DepthwiseConv2D": (10, 10, 3), "Dense": (5,),
    "MaxPooling1D": (10, 4), "MaxPooling2D": (10, 10, 3), "AveragePooling1D": (10, 4),
    "AveragePooling2D": (10, 10, 3), "GlobalAveragePooling1D": (10, 4),
    "GlobalAveragePooling2D": (10, 10, 3), "GlobalMaxPooling1D": (10, 4),
    "GlobalMaxPooling2D": (10, 10, 3), "BatchNormalization": (5,), "LayerNormalization": (5,),
    "Dropout": (5,), "SpatialDropout2D": (10, 10, 3), "Flatten": (4, 4), "Activation": (5,),
    "ReLU": (5,), "Softmax": (5,), "Reshape": (4,), "ZeroPadding2D": (10, 10, 3),
    "UpSampling2D": (10, 10, 3), "Embedding": (7,),
    "Conv1DTranspose": (10, 4), "Conv3DTranspose": (6, 6, 6, 2), "SeparableConv1D": (10, 4),
    "DepthwiseConv1D": (10, 4), "MaxPooling3D": (6, 6, 6, 2), "AveragePooling3D": (6, 6, 6, 2),
    "GlobalAveragePooling3D": (6, 6, 6, 2), "GlobalMaxPooling3D": (6, 6, 6, 2),
    "GroupNormalization": (32,), "UnitNormalization": (5,), "SpatialDropout1D": (10, 4),
    "SpatialDropout3D": (6, 6, 6, 2), "GaussianNoise": (5,), "GaussianDropout": (5,),
    "AlphaDropout": (5,), "ActivityRegularization": (5,), "Identity": (5,), "LeakyReLU": (5,),
    "ELU": (5,), "PReLU": (5,), "Permute": (3, 4), "RepeatVector": (5,), "Masking": (3, 4),
    "ZeroPadding1D": (10, 4), "ZeroPadding3D": (6, 6, 6, 2), "Cropping1D": (10, 4),
    "Cropping2D": (10, 10, 3), "Cropping3D": (6, 6, 6, 2), "UpSampling1D": (10, 4),
    "UpSampling3D": (6, 6, 6, 2), "SimpleRNN": (5, 3), "LSTM": (5, 3), "GRU": (5, 3),
    "ConvLSTM1D": (4, 10, 3), "ConvLSTM2D": (4, 10, 10, 3), "ConvLSTM3D": (4, 6, 6, 6, 2),
    "Rescaling": (10, 10, 3), "Normalization": (5,), "Resizing": (10, 10, 3),
    "CenterCrop": (10, 10, 3), "RandomCrop": (10, 10, 3), "RandomFlip": (10, 10, 3),
    "RandomRotation": (10, 10, 3), "RandomZoom": (10, 10, 3), "RandomContrast": (10, 10, 3),
    "RandomTranslation": (10, 10, 3), "RandomBrightness": (10, 10, 3),
}

CHILD = r'''
import json, os, sys
if os.environ.get("TF_USE_LEGACY_KERAS"):
    import tf_keras as keras
else:
    import keras
cases = json.loads(sys.argv[1])
shapes = json.loads(sys.argv[2])
def encode(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return {"number": repr(value)}
    if isinstance(value, tuple):
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return {"list": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[k, encode(v)] for k, v in value.items()]}
    if type(value).__name__ == "ndarray" and value.ndim == 0 and str(value.dtype) == "float32":
        # tf-keras' `backend.cast_to_floatx` of a number (ReLU's max_value, negative_slope, threshold)
        return {"float32": repr(float(value))}
    raise TypeError(repr(value))
out = {}
for name, arguments in cases:
    if not hasattr(keras.layers, name):
        continue  # a class this version lacks
    layer = eval("keras.layers." + name + arguments)
    try:
        out[name] = encode(layer.get_config())
    except TypeError as error:
        # a value that is not a Python literal (a NumPy scalar): ConvBook leaves the class out
        print("left out", name, error, file=sys.stderr)
# The classes whose entry in a built Sequential model's config has no `build_config` (Keras 3
# keeps one only for layers that define `build`).
unbuilt = []
for name, arguments in cases:
    if name not in shapes or name not in out:
        continue
    model = keras.Sequential([keras.Input(shape=tuple(shapes[name])), eval("keras.layers." + name + arguments)])
    if "build_config" not in model.get_config()["layers"][1]:
        unbuilt.append(name)
print(json.dumps({"configs": out, "unbuilt": unbuilt}))
'''


def record(legacy):
    env = dict(os.environ)
    env.pop("TF_USE_LEGACY_KERAS", None)
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(CASES), json.dumps(SHAPES)], env=env,
        capture_output=True, text=True)
    sys.stderr.write(result.stderr[-3000:] if result.returncode else "".join(l + "\n" for l in result.stderr.splitlines() if l.startswith("left out")))
    if result.returncode != 0:
        sys.exit(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def swift(value):
    if value is None:
        return "Value.none"
    if value is True or value is False:
        return ".bool(%s)" % ("true" if value else "false")
    if isinstance(value, str):
        return ".string(%s)" % json.dumps(value)
    if "number" in value:
        text = value["number"]
        return ".float(%s)" % text if ("." in text or "e" in text) else ".int(%s)" % text
    if "float32" in value:
        return "float32Scalar(%s)" % value["float32"]
    if "tuple" in value:
        return ".tuple([%s])" % ", ".join(swift(v) for v in value["tuple"])
    if "list" in value:
        return ".list([%s])" % ", ".join(swift(v) for v in value["list"])
    pairs = ", ".join("(%s, %s)" % (json.dumps(k), swift(v)) for k, v in value["dict"])
    return "dict([%s])" % pairs


def table(configs):
    lines = []
    for name, _ in CASES:
        if name not in configs:
            continue
        pairs = ",\n        ".join(
            "(%s, %s)" % (json.dumps(k), swift(v)) for k, v in configs[name]["dict"])
        lines.append('    case "%s":\n      return [\n        %s,\n      ]' % (name, pairs))
    return "\n".join(lines)


def main():
    keras2 = record(legacy=True)
    keras3 = record(legacy=False)
    unbuilt = ", ".join(json.dumps(name) for name in keras3["unbuilt"])
    keras2unbuilt = ", ".join(json.dumps(name) for name in keras2["unbuilt"])
    keras2 = keras2["configs"]
    keras3 = keras3["configs"]
    text = f'''// Generated by Tools/keras-reference/make_layer_configs.py from tf-keras 2.21.0 and Keras 3.15.1; do not edit.

/// `layer.get_config()` of each class as Keras returns it for a layer made with the recording's
/// arguments (`make_layer_configs.py`): the keys in Keras' order with their default values, made
/// afresh on each call (a config is a dict the cell may change). `LayerConfig` puts in the values
/// of the layer at hand.
enum KerasLayerConfigs {{
  static func defaults(_ className: String, keras3: Bool) -> [(String, Value)]? {{
    keras3 ? keras3Defaults(className) : keras2Defaults(className)
  }}

  /// The classes whose entry in a model's config has no `build_config` even when built, per
  /// version (Keras 3 keeps one only for layers that define `build`).
  static func withoutBuildConfig(keras3: Bool) -> Set<String> {{
    keras3 ? [{unbuilt}] : [{keras2unbuilt}]
  }}

  private static func dict(_ pairs: [(String, Value)]) -> Value {{
    .dictionary(pairs.map {{ (.string($0.0), $0.1) }})
  }}

  /// A NumPy float32 scalar array (`array(6., dtype=float32)`), as tf-keras' `cast_to_floatx`
  /// keeps a number.
  static func float32Scalar(_ value: Double) -> Value {{
    .array(NDArray(dtype: .float32, shape: [], doubles: [Double(Float(value))]))
  }}

  private static func keras2Defaults(_ className: String) -> [(String, Value)]? {{
    switch className {{
{table(keras2)}
    default: return nil
    }}
  }}

  private static func keras3Defaults(_ className: String) -> [(String, Value)]? {{
    switch className {{
{table(keras3)}
    default: return nil
    }}
  }}
}}
'''
    OUTPUT.write_text(text)
    print("wrote", OUTPUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
