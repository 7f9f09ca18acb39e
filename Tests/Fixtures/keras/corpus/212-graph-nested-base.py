# Transfer-learning shape: a small convolutional base (a Sequential model) is called on the new
# input as one layer, then a head on top; the base is frozen.
from tensorflow import keras
from tensorflow.keras import layers

base = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, activation="relu"),
], name="base")
base.trainable = False
inp = keras.Input(shape=(32, 32, 3))
feat = base(inp, training=False)
pooled = layers.GlobalAveragePooling2D()(feat)
avg = layers.GlobalMaxPooling2D()(feat)
out = layers.Dense(2)(layers.concatenate([pooled, avg]))
model = keras.Model(inp, out)
model.summary()
