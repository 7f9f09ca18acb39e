# Keras 3 style ViT front end with keras.ops: extract_patches, reshape with the static shape from
# ops.shape, a projection and mean pooling over the tokens.
from tensorflow import keras
from tensorflow.keras import layers

ops = keras.ops

inputs = keras.Input(shape=(32, 32, 3))
patches = ops.image.extract_patches(inputs, 8)
dims = ops.shape(patches)
tokens = ops.reshape(patches, (-1, dims[1] * dims[2], dims[3]))
tokens = layers.Dense(32)(tokens)
tokens = layers.LayerNormalization()(tokens)
pooled = ops.mean(tokens, axis=1)
outputs = layers.Dense(10, activation="softmax")(pooled)
model = keras.Model(inputs, outputs)
model.summary()
