import json
from collections import Counter, OrderedDict, defaultdict

from tensorflow import keras
from tensorflow.keras import layers

CONFIG = """
{
  "input": [32, 32, 3],
  "blocks": [
    {"type": "conv", "filters": 32, "kernel": 3},
    {"type": "conv", "filters": 32, "kernel": 3},
    {"type": "pool"},
    {"type": "conv", "filters": 64, "kernel": 3},
    {"type": "pool"},
    {"type": "dense", "units": 128},
    {"type": "dense", "units": 10}
  ],
  "dropout": 0.5
}
"""

config = json.loads(CONFIG)
model = keras.Sequential([keras.Input(shape=tuple(config["input"]))])
for block in config["blocks"]:
    if block["type"] == "conv":
        model.add(layers.Conv2D(block["filters"], block["kernel"], activation="relu"))
    elif block["type"] == "pool":
        model.add(layers.MaxPooling2D())
    else:
        if not any(isinstance(layer, layers.Flatten) for layer in model.layers):
            model.add(layers.Flatten())
            model.add(layers.Dropout(config["dropout"]))
        model.add(layers.Dense(block["units"]))

kinds = Counter(block["type"] for block in config["blocks"])
print(kinds, kinds.most_common(1))
params = defaultdict(int)
for layer in model.layers:
    params[type(layer).__name__] += layer.count_params()
print(dict(params))
table = OrderedDict((layer.name, layer.count_params()) for layer in model.layers if layer.count_params())
print(table)
report = {"name": model.name, "params": model.count_params(), "by_type": params, "kinds": kinds}
print(json.dumps(report, indent=2, sort_keys=True))
print(json.dumps({"shape": model.output_shape, "ok": True, "note": None}))
print(json.loads(json.dumps(config)) == config)
