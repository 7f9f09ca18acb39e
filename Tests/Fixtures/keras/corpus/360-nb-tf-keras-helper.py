# Keras 3 notebook that imports tf_keras for a pretrained-style helper written for Keras 2.
# %%
import keras
from keras import layers
import tf_keras

# %%
def legacy_base(input_shape):
    base = tf_keras.Sequential(name="legacy_base")
    base.add(tf_keras.layers.Conv2D(8, 3, activation="relu", input_shape=input_shape))
    base.add(tf_keras.layers.MaxPooling2D())
    base.add(tf_keras.layers.Flatten())
    return base

base = legacy_base((28, 28, 1))
base.summary()
print(base.layers[0].name, base.output_shape)

# %%
head = keras.Sequential([keras.Input(shape=(1352,)), layers.Dense(32, activation="relu"), layers.Dense(10)])
head.summary()
print([l.name for l in head.layers])
