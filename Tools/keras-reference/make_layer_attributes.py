#!/usr/bin/env python3
"""Records how tf-keras 2.21 and Keras 3.15.1 keep each constructor argument of each layer class
as an attribute of the same name (`BatchNormalization(momentum=0.9).momentum`), and writes:

* `Sources/KerasCells/Interpreter/KerasLayerArgumentAttributes.swift`: per Keras version and
  class, the arguments kept as given (`given`: a number, string or bool whose default reads back
  unchanged), kept as None until given (`none`: a default of None that reads back as None; a given
  value may be converted, `activation='relu'` becomes a function), kept in another form
  (`other`: an object, a tuple made from a number, a normalized string) and kept only under a
  private name (`private`: `_num_heads`, which CPython's AttributeError suggests). An argument
  with no attribute of its name is left out (an AttributeError, as in Keras).
* `Tests/Fixtures/keras/layer-attributes.json` and `Tests/Fixtures/keras3/layer-attributes.json`:
  the expression each class was made with and, per argument, its kind and `repr` of the value,
  which `LayerArgumentAttributeTests` reads back through ConvBook.

Usage (from the repository root; runs each Keras in a child process):
    ~/keras-ref/bin/python Tools/keras-reference/make_layer_attributes.py
    swift format -i Sources/KerasCells/Interpreter/KerasLayerArgumentAttributes.swift
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUTPUT = ROOT / "Sources" / "KerasCells" / "Interpreter" / "KerasLayerArgumentAttributes.swift"

# Values for the arguments a class requires, by name (a class whose required arguments are not
# here is skipped).
REQUIRED = {
    "units": "4", "filters": "4", "kernel_size": "3", "rate": "0.5", "pool_size": "2",
    "target_shape": "(2, 2)", "dims": "(2, 1)", "n": "3", "function": "lambda t: t",
    "activation": "'relu'", "num_heads": "2", "key_dim": "4", "output_dim": "4", "input_dim": "10",
    "layer": "keras.layers.Dense(3)", "cell": "keras.layers.SimpleRNNCell(2)", "height": "4",
    "width": "4", "stddev": "0.1", "scale": "2.0", "mean": "None", "variance": "None",
    "init_values": "0.1", "groups": "2", "axes": "1", "factor": "0.1", "height_factor": "0.1",
    "num_bins": "4", "max_tokens": "10", "output_mode": "'int'",
}

# The layer classes both recorders make, one instance each (also make_dir_names.py's).
LAYER_INSTANCES = r'''
def layer_instances(keras, required):
    """Each layer class of `keras.layers` that its required constructor arguments (`required`:
    name -> Python source) can make: (class name, constructor parameters, the arguments given as
    "name=source", the expression that made it, the layer)."""
    for class_name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, class_name)
        if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
            continue
        if cls.__name__ != class_name or class_name in ("Layer", "InputLayer", "Wrapper", "RNN", "InputSpec"):
            continue
        try:
            parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        except (TypeError, ValueError):
            continue
        arguments = []
        skip = False
        for p in parameters:
            if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
                continue
            if p.default is p.empty:
                if p.name not in required:
                    skip = True
                    break
                arguments.append(p.name + "=" + required[p.name])
        if skip:
            continue
        expression = "keras.layers.%s(%s)" % (class_name, ", ".join(arguments))
        try:
            layer = eval(expression)
        except Exception:
            continue
        yield class_name, parameters, arguments, expression, layer
'''

CHILD = r'''
import inspect, json, os, sys
if os.environ.get("TF_USE_LEGACY_KERAS"):
    import tf_keras as keras
else:
    import keras
required = json.loads(sys.argv[1])
PLAIN = (bool, int, float, str, type(None))
result = {}
''' + LAYER_INSTANCES + r'''
for class_name, parameters, arguments, expression, layer in layer_instances(keras, required):
    given = dict(a.split("=", 1) for a in arguments)
    settings = {}
    for p in parameters:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) or p.name in ("name", "dtype", "trainable"):
            continue
        try:
            value = inspect.getattr_static(layer, p.name)
        except AttributeError:
            # Kept privately (`MultiHeadAttention._num_heads` in tf-keras): CPython's
            # AttributeError suggests that name.
            if hasattr(layer, "_" + p.name):
                settings[p.name] = {"kind": "private", "repr": None}
            continue
        if isinstance(value, property):
            try:
                value = getattr(layer, p.name)
            except Exception:
                continue
        elif p.name not in vars(layer) and inspect.isfunction(value):
            # A method of the class with the argument's name is not the argument.
            continue
        if p.name in given:
            expected = eval(given[p.name])
        elif p.default is not p.empty:
            expected = p.default
        else:
            continue
        if isinstance(value, PLAIN) and type(value) is type(expected) and value == expected and value is not None:
            kind = "given"
        elif value is None and expected is None:
            kind = "none"
        else:
            kind = "other"
        settings[p.name] = {"kind": kind, "repr": repr(value) if isinstance(value, PLAIN) else None}
    result[class_name] = {"expression": expression, "arguments": settings}
print(json.dumps(result))
'''


def record(keras3, child=None):
    """Runs `child` (this script's CHILD by default) in tf-keras or Keras 3 with the required
    arguments; returns the JSON of its last line."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("TF_USE_LEGACY_KERAS", None)
    if not keras3:
        env["TF_USE_LEGACY_KERAS"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", child or CHILD, json.dumps(REQUIRED)], env=env, capture_output=True,
        text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def swift_table(name, recorded):
    lines = [f"  static let {name}: [String: [String: Kind]] = ["]
    for class_name in sorted(recorded):
        settings = recorded[class_name]["arguments"]
        if not settings:
            continue
        entries = ", ".join(
            f'"{key}": .{"`private`" if value["kind"] == "private" else value["kind"]}'
            for key, value in sorted(settings.items()))
        lines.append(f'    "{class_name}": [{entries}],')
    lines.append("  ]")
    return lines


def main():
    keras2 = record(keras3=False)
    keras3 = record(keras3=True)
    for folder, recorded in (("keras", keras2), ("keras3", keras3)):
        path = ROOT / "Tests" / "Fixtures" / folder / "layer-attributes.json"
        path.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
    lines = [
        "// Generated by Tools/keras-reference/make_layer_attributes.py from tf-keras 2.21.0 and Keras 3.15.1; do not edit.",
        "",
        "/// How each Keras keeps a layer's constructor arguments as attributes of the same name.",
        "enum KerasLayerArgumentAttributes {",
        "  enum Kind {",
        "    /// Read back as given (a number, string or bool).",
        "    case given",
        "    /// None until given; a given value may be converted (`activation='relu'`: a function).",
        "    case none",
        "    /// Kept in another form (an object, a tuple made from a number, a normalized string).",
        "    case other",
        "    /// Kept only as `_name` (an AttributeError whose suggestion CPython prints).",
        "    case `private`",
        "  }",
        "",
        "  static func kind(_ argument: String, of className: String, keras3: Bool) -> Kind? {",
        "    (keras3 ? keras3Classes : keras2Classes)[className]?[argument]",
        "  }",
        "",
    ]
    lines += swift_table("keras2Classes", keras2) + [""] + swift_table("keras3Classes", keras3) + ["}"]
    OUTPUT.write_text("\n".join(lines) + "\n")
    print(f"{len(keras2)} tf-keras classes, {len(keras3)} Keras 3 classes")


if __name__ == "__main__":
    main()
