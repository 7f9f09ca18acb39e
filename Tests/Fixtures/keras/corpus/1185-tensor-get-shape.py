# `x.get_shape().as_list()` inside a custom layer's call (Swin-UNet's transformer block reads its
# token count and width so) and on a tf-keras Keras tensor.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class TokenMixer(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.norm = layers.LayerNormalization(epsilon=1e-5)
        self.proj = layers.Dense(16)

    def call(self, x):
        _, tokens, width = x.get_shape().as_list()
        y = self.proj(self.norm(x))
        return y + tf.ones((1, tokens, 16)) * float(width)


tokens = keras.Input((64, 16))
mixed = TokenMixer(name="mixer")(tokens)
model = keras.Model(tokens, mixed, name="swin_like")
model.summary()

# %%
print(mixed.get_shape())
