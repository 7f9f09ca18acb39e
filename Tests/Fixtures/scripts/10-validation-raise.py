from tensorflow import keras
from tensorflow.keras import layers


def conv_stack(depth, filters=32):
    if depth < 1:
        raise ValueError(f"depth must be at least 1, got {depth}")
    stack = []
    for _ in range(depth):
        stack.append(layers.Conv2D(filters, 3, activation="relu"))
    return stack


try:
    conv_stack(0)
except ValueError as error:
    print("refused:", error)

model = keras.Sequential([keras.Input(shape=(16, 16, 1))] + conv_stack(2) + [layers.Flatten(), layers.Dense(1)])
model.summary()
conv_stack(-3)
