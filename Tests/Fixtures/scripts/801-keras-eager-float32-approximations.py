# The same approximations reached through Keras on data: backend and activation functions and
# a layer's activation applied by hand to a batch.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K

batch = tf.constant(np.linspace(-3.0, 3.0, 10, dtype="float32").reshape(2, 5))
print(keras.activations.sigmoid(batch).numpy())
print(keras.activations.tanh(batch).numpy())
print(keras.activations.softmax(batch).numpy())
print(keras.activations.exponential(batch).numpy())
print(K.sigmoid(batch).numpy())
print(K.tanh(batch).numpy())
print(K.exp(batch).numpy())
kernel = tf.constant(np.linspace(-1.0, 1.0, 15, dtype="float32").reshape(5, 3))
print(K.dot(batch, kernel).numpy())
print(tf.nn.softmax(K.dot(batch, kernel)).numpy())
