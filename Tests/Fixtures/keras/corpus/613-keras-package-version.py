# A first-edition notebook's opening cell shows the Keras version; the package has one, while
# TensorFlow's `tf.keras` API module under tf-keras does not.
import keras
print(keras.__version__)

from keras import models
from keras import layers

network = models.Sequential()
network.add(layers.Dense(512, activation='relu', input_shape=(28 * 28,)))
network.add(layers.Dense(10, activation='softmax'))
network.summary()

# %%
import tensorflow as tf
print(tf.keras.__version__)
