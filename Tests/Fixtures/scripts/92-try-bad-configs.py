from tensorflow import keras
from tensorflow.keras import layers

CONFIGS = [
    {"filters": 16, "kernel": 3, "pool": 2},
    {"filters": 16, "kernel": 9, "pool": 4},
    {"filters": 8, "kernel": 3, "pool": 8},
]


def build(config, size=16):
    return keras.Sequential([
        keras.Input(shape=(size, size, 1)),
        layers.Conv2D(config["filters"], config["kernel"]),
        layers.MaxPooling2D(config["pool"]),
        layers.Conv2D(config["filters"], config["kernel"]),
        layers.Flatten(),
        layers.Dense(2),
    ])


ok = 0
for number, config in enumerate(CONFIGS, 1):
    try:
        model = build(config)
    except ValueError as error:
        first = str(error).splitlines()[0]
        print(f"config {number}: rejected ({type(error).__name__})")
        print("   ", first[:60])
        continue
    ok += 1
    print(f"config {number}: {model.count_params()} params, output {model.output_shape}")
print(f"{ok}/{len(CONFIGS)} configurations build")
