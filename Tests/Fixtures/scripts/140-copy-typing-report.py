from __future__ import annotations

import copy
import string
import sys
import textwrap
from typing import Any, Dict, List, Optional, Tuple

from tensorflow import keras
from tensorflow.keras import layers

Config = Dict[str, Any]

BASE = {"units": [64, 32], "activation": "relu", "dropout": {"rate": 0.1}}


def variant(base: Config, **changes: Any) -> Config:
    made = copy.deepcopy(base)
    for key, value in changes.items():
        made[key] = value
    return made


def build(config: Config, input_dim: int = 20, name: Optional[str] = None) -> keras.Model:
    model = keras.Sequential(name=name)
    model.add(keras.Input(shape=(input_dim,)))
    for units in config["units"]:
        model.add(layers.Dense(units, activation=config["activation"]))
        model.add(layers.Dropout(config["dropout"]["rate"]))
    model.add(layers.Dense(1))
    return model


wide = variant(BASE, units=[256, 128])
shallow = copy.copy(BASE)
shallow["dropout"]["rate"] = 0.3
print(BASE["dropout"], wide["dropout"], wide["units"], BASE["units"])
sizes = []
for label, config in zip(string.ascii_uppercase, [BASE, wide]):
    model = build(config, name=f"mlp_{label.lower()}")
    sizes.append((model.name, model.count_params()))
print(sizes)
print(sys.version_info >= (3, 8), sys.argv[0].endswith(".py"), len(sys.argv))
summary = ", ".join(f"{name} has {params:,} parameters" for name, params in sizes)
print(textwrap.fill("Report: " + summary + ".", width=40))
print(textwrap.indent(textwrap.dedent("""\
    first line
      indented
    last line"""), "| "))
print(string.capwords("dense relu head"), "mlp".center(9, "="), "7".zfill(3))
