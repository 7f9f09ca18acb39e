# Keras 1 spellings (output_dim, nb_filter) without the argument Keras 2 requires: Python finds the
# missing positional argument before the layer reads the keywords it does not know.
from tensorflow import keras

attempts = [
    lambda: keras.layers.Dense(output_dim=3, activation="softmax"),
    lambda: keras.layers.Dense(4, output_dim=3),
    lambda: keras.layers.Conv2D(kernel_size=3, nb_filter=8),
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
