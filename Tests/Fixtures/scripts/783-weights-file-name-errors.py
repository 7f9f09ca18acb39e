# save_weights / load_weights without a file name, or with something that is not one: Keras'
# own errors (tf-keras asks the value for endswith, Keras 3's save_weights checks the suffix).
from tensorflow import keras
from tensorflow.keras import layers

net = keras.Sequential([keras.Input((5,)), layers.Dense(2)])
attempts = {
    "load, nothing": lambda: net.load_weights(),
    "save, nothing": lambda: net.save_weights(),
    "save, None": lambda: net.save_weights(None),
    "save, a number": lambda: net.save_weights(7),
}
for label, attempt in attempts.items():
    try:
        attempt()
    except (TypeError, AttributeError, ValueError) as error:
        print(f"{label}: {type(error).__name__}: {error}")
