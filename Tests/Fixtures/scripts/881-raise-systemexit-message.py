# `raise SystemExit(message)`: Python writes the message to standard error and exits with 1;
# anything but an int or None is written as its str.
from tensorflow import keras

layers = [keras.layers.Dense(units) for units in (8, 4)]
print([layer.units for layer in layers])
expected = 3
if len(layers) != expected:
    raise SystemExit(f"expected {expected} layers, got {len(layers)}")
