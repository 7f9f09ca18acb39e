# Inside call(), Keras 3's ops.shape gives the unknown batch size as a tensor: it can be
# multiplied and used in ops.reshape to fold the tokens of every sample into one batch.
from tensorflow import keras
from tensorflow.keras import layers


class FoldTokens(layers.Layer):
    def call(self, x):
        batch, tokens, width = keras.ops.shape(x)[0], x.shape[1], x.shape[2]
        flat = keras.ops.reshape(x, (batch * tokens, width))
        return keras.ops.reshape(flat * 2.0, (batch, tokens * width))


class Describe(layers.Layer):
    def call(self, x):
        sizes = keras.ops.shape(x)
        print("known sizes:", [size for size in sizes if isinstance(size, int)])
        return x


inputs = keras.Input((5, 3))
folded = FoldTokens(name="fold")(Describe(name="describe")(inputs))
model = keras.Model(inputs, layers.Dense(2)(folded), name="folding")
model.summary()
print(keras.ops.shape(inputs))
