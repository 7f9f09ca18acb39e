# A pooling layer's padding as each Keras keeps it: tf-keras lower-cases "SAME" like the
# convolutions do; Keras 3's pooling layers keep the text as given (attribute and config) and
# only refuse it once the layer is called.
from tensorflow import keras

pools = [
    keras.layers.MaxPooling2D(3, strides=2, padding="SAME"),
    keras.layers.AveragePooling1D(2, padding="Same"),
    keras.layers.MaxPool3D(2, padding="VALID"),
    keras.layers.AveragePooling2D(2, padding="same"),
]
for pool in pools:
    config = pool.get_config()
    print(type(pool).__name__, repr(pool.padding), repr(config["padding"]), config["strides"])
conv = keras.layers.Conv2D(4, 3, padding="SAME")
print("Conv2D", repr(conv.padding), repr(conv.get_config()["padding"]))

inputs = keras.Input((8, 8, 3))
x = keras.layers.Conv2D(4, 3, padding="SAME")(inputs)
x = pools[0](x)
print("pooled:", x.shape)
