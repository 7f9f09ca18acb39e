# A notebook session: a feature extractor built later, frozen, then used inside a classifier.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# %%
features = keras.Sequential([
    layers.Conv2D(8, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.BatchNormalization(),
])
print(features.name, features.built)

# %%
classifier = keras.Sequential([features, layers.Flatten(), layers.Dense(4)])
print(classifier.name, classifier.built)

# %%
classifier.count_params()

# %%
classifier.build((None, 32, 32, 3))
classifier.summary()

# %%
features.summary()

# %%
features.trainable = False
classifier.summary()
print(classifier.trainable, features.trainable, classifier.layers[0].trainable)
print(len(classifier.trainable_weights), len(classifier.non_trainable_weights))

# %%
features.trainable = True
head = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(2)], name="head")
stacked = keras.Sequential([keras.Input(shape=(32, 32, 3)), features, layers.GlobalAveragePooling2D(), head])
stacked.summary()
print(stacked.get_layer("head").count_params(), stacked.get_layer(index=2).name)

# %%
empty = keras.Sequential()
broken = keras.Sequential([empty, layers.Dense(3)])

# %%
prebuilt = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4)])
outer = keras.Sequential([prebuilt, layers.Dense(2)])
print(outer.built)
outer.summary()
