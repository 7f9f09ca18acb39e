"""A setting given both by name and in an unpacked dict of shared settings: Python's TypeError at
the call, naming the callee by module and qualified name (a Keras layer class, the script's own
function, class and method), or by its bare name for a built-in."""
from tensorflow import keras

shared = {"kernel_size": 3, "padding": "same"}


def conv(filters, **settings):
    return keras.layers.Conv2D(filters, **settings)


class Head:
    def __init__(self, units, activation=None):
        self.layer = keras.layers.Dense(units, activation=activation)

    def rebuild(self, units, activation=None):
        return Head(units, activation)


attempts = [
    lambda: keras.layers.Conv2D(8, kernel_size=5, **shared),
    lambda: conv(filters=4, **{"filters": 8}),
    lambda: Head(units=2, **{"units": 3}),
    lambda: Head(2).rebuild(4, activation="relu", **{"activation": "softmax"}),
    lambda: dict(units=1, **{"units": 2}),
    lambda: conv(8, **shared, **{"padding": "valid"}),
]
for attempt in attempts:
    try:
        attempt()
        print("made")
    except TypeError as error:
        print(error)
print(conv(8, **shared).padding)
