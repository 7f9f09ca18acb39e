# A feature extractor built for any image size (its input has None height and width), then
# called on 64x64 images inside a classifier: the outer model sees the sizes the call gives.
from tensorflow import keras
from tensorflow.keras import layers

base = keras.Sequential([
    keras.Input(shape=(None, None, 3)),
    layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2D(16, 3, strides=2, padding="same", activation="relu"),
], name="any_size_base")

inputs = keras.Input(shape=(64, 64, 3))
features = base(inputs)
x = layers.Flatten()(features)
outputs = layers.Dense(5, activation="softmax")(x)
classifier = keras.Model(inputs, outputs)
classifier.summary()

# %%
image = keras.Input(shape=(None, None, 3))
y = layers.Conv2D(8, 3, padding="same", activation="relu")(image)
shortcut = layers.Conv2D(8, 1)(image)
y = layers.add([y, shortcut])
y = layers.MaxPooling2D(2)(y)
residual_base = keras.Model(image, y, name="residual_base")

small = keras.Input(shape=(32, 32, 3))
z = residual_base(small)
z = layers.Flatten()(z)
z = layers.Dense(2)(z)
head = keras.Model(small, z)
head.summary()
residual_base.summary()
