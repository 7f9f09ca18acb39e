# Pooling layers given padding="SAME" (as TensorFlow's own functions spell it): tf-keras lowercases
# it, Keras 3 keeps the text and rejects it only when the layer is called (a functional call, a
# Sequential model built from its Input), while its convolutions accept any case.
from tensorflow import keras
from tensorflow.keras import layers


def attempt(label, make):
    try:
        print(label, make())
    except ValueError as error:
        print(label, "ValueError")
        print(error)


image = keras.Input((9, 9, 3))
features = layers.Conv2D(4, 3, padding="SAME")(image)
print(features.shape)
pool = layers.MaxPool2D(pool_size=3, strides=2, padding="SAME")
print("built:", pool.built)
attempt("max:", lambda: pool(features).shape)
attempt("average:", lambda: layers.AveragePooling2D(2, padding="Same")(features).shape)
attempt("same:", lambda: layers.MaxPooling2D(2, padding="same")(features).shape)
signal = keras.Input((12, 2))
attempt("1-D:", lambda: layers.MaxPooling1D(3, padding="VALID")(signal).shape)
attempt(
    "sequential:",
    lambda: keras.Sequential(
        [keras.Input((6, 6, 1)), layers.Conv2D(2, 3), layers.AveragePooling2D(2, padding="SAME")]
    ).output_shape,
)
