# Trying several sizes and reporting the ones Keras refuses.
from tensorflow import keras
from tensorflow.keras import layers


def build(size, hidden):
    return keras.Sequential(
        [
            keras.Input(shape=(size, size, 1)),
            layers.Conv2D(8, 5),
            layers.MaxPooling2D(4),
            layers.Flatten(),
            layers.Dense(hidden, activation="relu"),
            layers.Dense(10),
        ]
    )


for size, hidden in ((64, 32), (28, 16), (28, 0), (32, -4)):
    try:
        model = build(size, hidden)
    except ValueError as error:
        first = str(error).splitlines()[0]
        print(f"size {size:>3}, hidden {hidden:>3}: refused ({type(error).__name__}): {first[:70]}")
        continue
    print(f"size {size:>3}, hidden {hidden:>3}: {model.count_params():>8,} params, output {model.output_shape}")
