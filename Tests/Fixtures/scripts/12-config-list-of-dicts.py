from tensorflow import keras
from tensorflow.keras import layers

architecture = [
    {"type": "conv", "filters": 32, "kernel": 5},
    {"type": "pool"},
    {"type": "conv", "filters": 64, "kernel": 3},
    {"type": "pool"},
    {"type": "dense", "units": 100},
]
architecture[-1]["units"] = 128
architecture.insert(0, {"type": "input", "shape": (28, 28, 1)})

model = keras.Sequential(name="from_config")
for spec in architecture:
    kind = spec["type"]
    if kind == "input":
        model.add(keras.Input(shape=spec["shape"]))
    elif kind == "conv":
        model.add(layers.Conv2D(spec["filters"], spec["kernel"], activation="relu"))
    elif kind == "pool":
        model.add(layers.MaxPooling2D())
    elif kind == "dense":
        model.add(layers.Flatten())
        model.add(layers.Dense(spec["units"], activation="relu"))
model.add(layers.Dense(10, activation="softmax"))
model.summary()
kinds = []
for spec in architecture:
    if spec["type"] not in kinds:
        kinds.append(spec["type"])
print(sorted(kinds))
