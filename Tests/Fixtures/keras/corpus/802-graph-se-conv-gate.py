# Squeeze-and-excitation written three ways: Dense gate with Reshape, 1x1 convolutions on a
# pooled map kept 4-D (keepdims=True), and a gate on a 1-D sequence; each scales with Multiply.
from tensorflow import keras
from tensorflow.keras import layers

img = keras.Input(shape=(20, 20, 48), name="fmap")
g = layers.GlobalAveragePooling2D(name="squeeze")(img)
g = layers.Reshape((1, 1, 48), name="to_4d")(g)
g = layers.Dense(12, activation="relu", name="reduce")(g)
g = layers.Dense(48, activation="sigmoid", name="expand")(g)
se_dense = layers.Multiply(name="excite")([img, g])

k = layers.GlobalAveragePooling2D(keepdims=True)(se_dense)
k = layers.Conv2D(6, 1, activation="swish")(k)
k = layers.Conv2D(48, 1, activation="hard_sigmoid")(k)
se_conv = layers.multiply([se_dense, k])
out = layers.add([se_conv, img])
se = keras.Model(img, out, name="se_twice")
se.summary()

seq_in = keras.Input(shape=(50, 16))
s = layers.Conv1D(16, 3, padding="same", activation="relu")(seq_in)
t = layers.GlobalMaxPooling1D()(s)
t = layers.Dense(4, activation="relu")(t)
t = layers.Dense(16, activation="sigmoid")(t)
t = layers.Reshape((1, 16))(t)
se1d = keras.Model(seq_in, layers.Multiply()([s, t]))
se1d.summary()
print(se1d.output_shape)
