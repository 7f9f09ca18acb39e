#!/usr/bin/env python3
"""Records the configs of Keras' initializers, regularizers, constraints and optimizers in tf-keras 2.21 and
Keras 3.15.1 and writes them as Swift code: `Sources/KerasCells/Interpreter/KerasObjectConfigs.swift`
(`KerasObjectConfigs`).

For each class: `get_config()` of an object made without arguments (Keras' keys in their order,
with the defaults), and for each string name `initializers.get(name)` accepts, the class it makes.
`LayerConfig` serializes a layer's `kernel_initializer="he_normal"` or `kernel_regularizer=
l2(1e-4)` from these (`{'module': ..., 'class_name': ..., 'config': ..., 'registered_name': None}`),
putting in the arguments the object was made with.

Usage (from the repository root; runs each Keras in a child process):
    ~/keras-ref/bin/python Tools/keras-reference/make_object_configs.py
    swift format -i Sources/KerasCells/Interpreter/KerasObjectConfigs.swift
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUTPUT = ROOT / "Sources" / "KerasCells" / "Interpreter" / "KerasObjectConfigs.swift"

INITIALIZERS = [
    "Zeros", "Ones", "Constant", "RandomNormal", "RandomUniform", "TruncatedNormal",
    "GlorotUniform", "GlorotNormal", "HeNormal", "HeUniform", "LecunNormal", "LecunUniform",
    "Orthogonal", "Identity", "VarianceScaling",
]
ALIASES = [
    "zeros", "ones", "constant", "random_normal", "random_uniform", "truncated_normal",
    "glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal",
    "lecun_uniform", "orthogonal", "identity", "variance_scaling",
]
REGULARIZERS = ["L1", "L2", "L1L2"]
CONSTRAINTS = ["MaxNorm", "NonNeg", "UnitNorm", "MinMaxNorm"]
OPTIMIZERS = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax", "Nadam", "Ftrl"]

CHILD = r'''
import json, os, sys
if os.environ.get("TF_USE_LEGACY_KERAS"):
    import tf_keras as keras
else:
    import keras
spec = json.loads(sys.argv[1])
def encode(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return {"number": repr(value)}
    if isinstance(value, (tuple, list)):
        return {"list": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"dict": [[k, encode(v)] for k, v in value.items()]}
    return {"number": repr(float(value))}
import inspect
out = {"classes": {}, "aliases": {}, "module": {}, "parameters": {}}
for group, names in [("initializers", spec["initializers"]), ("regularizers", spec["regularizers"]),
                     ("constraints", spec["constraints"]), ("optimizers", spec["optimizers"])]:
    module = getattr(keras, group)
    for name in names:
        obj = getattr(module, name)()
        out["classes"][name] = encode(obj.get_config())
        out["parameters"][name] = [
            p.name for p in inspect.signature(type(obj).__init__).parameters.values()
            if p.name != "self" and p.kind == p.POSITIONAL_OR_KEYWORD]
        out["module"][name] = keras.saving.serialize_keras_object(obj)["module"] if hasattr(keras, "saving") else "keras." + group
for alias in spec["aliases"]:
    try:
        out["aliases"][alias] = type(keras.initializers.get(alias)).__name__
    except Exception:  # noqa: BLE001 - Keras 3.15's `get("constant")` fails: left out
        pass
print(json.dumps(out))
'''


def record(legacy):
    env = dict(os.environ)
    env.pop("TF_USE_LEGACY_KERAS", None)
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = "1"
    spec = {"initializers": INITIALIZERS, "regularizers": REGULARIZERS,
            "constraints": CONSTRAINTS, "optimizers": OPTIMIZERS, "aliases": ALIASES}
    result = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(spec)], env=env, capture_output=True, text=True)
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
    if "list" in value:
        return ".list([%s])" % ", ".join(swift(v) for v in value["list"])
    return "dict([%s])" % ", ".join("(%s, %s)" % (json.dumps(k), swift(v)) for k, v in value["dict"])


def classes(recorded):
    lines = []
    for name, config in recorded["classes"].items():
        pairs = ", ".join("(%s, %s)" % (json.dumps(k), swift(v)) for k, v in config["dict"])
        parameters = ", ".join(json.dumps(p) for p in recorded["parameters"][name])
        lines.append('    case "%s": return (%s, [%s], [%s])' % (
            name, json.dumps(recorded["module"][name]), parameters, pairs))
    return "\n".join(lines)


def aliases(recorded):
    return "\n".join('    case "%s": return "%s"' % (k, v) for k, v in recorded.items())


def main():
    keras2 = record(legacy=True)
    keras3 = record(legacy=False)
    # The names both versions' `get` accepts, making the same class.
    shared = {k: v for k, v in keras2["aliases"].items() if keras3["aliases"].get(k) == v}
    text = f'''// Generated by Tools/keras-reference/make_object_configs.py from tf-keras 2.21.0 and Keras 3.15.1; do not edit.

/// The configs of Keras' initializers, regularizers, constraints and optimizers (`get_config()`
/// of an object made without arguments: Keras' keys in order, with their defaults; an
/// optimizer's `learning_rate` as the float its variable holds) and the module each is serialized
/// under, per version; and the class each initializer name makes. `LayerConfig` serializes a
/// layer's objects from these, `OptimizerConfig` optimizers.
enum KerasObjectConfigs {{
  /// The serialized module, `__init__`'s parameters in order and the default config of a class,
  /// or nil for a class not recorded.
  static func defaults(_ className: String, keras3: Bool) -> Recorded? {{
    keras3 ? keras3Defaults(className) : keras2Defaults(className)
  }}

  /// The initializer class a name makes (`he_normal` makes `HeNormal`), for the names both
  /// versions' `initializers.get` accepts alike (Keras 3.15 fails on `constant`).
  static func initializerClass(_ alias: String) -> String? {{
    switch alias {{
{aliases(shared)}
    default: return nil
    }}
  }}

  private static func dict(_ pairs: [(String, Value)]) -> Value {{
    .dictionary(pairs.map {{ (.string($0.0), $0.1) }})
  }}

  typealias Recorded = (module: String, parameters: [String], config: [(String, Value)])

  private static func keras2Defaults(_ className: String) -> Recorded? {{
    switch className {{
{classes(keras2)}
    default: return nil
    }}
  }}

  private static func keras3Defaults(_ className: String) -> Recorded? {{
    switch className {{
{classes(keras3)}
    default: return nil
    }}
  }}
}}
'''
    OUTPUT.write_text(text)
    print("wrote", OUTPUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
