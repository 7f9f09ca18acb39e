# Two inputs (an image and a few numbers) and two outputs (a class and a value).
from tensorflow import keras
from tensorflow.keras import layers

img = keras.Input(shape=(32, 32, 3), name="img")
meta = keras.Input(shape=(4,), name="meta")
f = layers.Conv2D(16, 3, strides=2, activation="relu")(img)
f = layers.Flatten()(f)
f = layers.Dense(32, activation="relu")(f)
m = layers.Dense(8, activation="relu")(meta)
h = layers.concatenate([f, m])
cls = layers.Dense(3, activation="softmax", name="cls")(h)
val = layers.Dense(1, name="val")(h)
model = keras.Model(inputs=[img, meta], outputs=[cls, val])
model.summary()
print(model.count_params())
print(len(model.inputs), len(model.outputs))
print(model.output_shape)
