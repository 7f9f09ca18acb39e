# Functional model code that calls TensorFlow directly on Keras tensors (tf-keras records each
# call as a TFOpLambda layer).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
x = tf.nn.relu(x)
pooled = tf.reduce_mean(x, axis=[1, 2], keepdims=True)
peak = tf.reduce_max(x, axis=[1, 2], keepdims=True)
gate = tf.sigmoid(pooled + peak)
x = x * gate
x = tf.concat([x, tf.math.abs(x)], axis=-1)
x = tf.image.resize(x, (8, 8))
flat = tf.reshape(x, [-1, 8 * 8 * 16])
embedding = tf.nn.l2_normalize(layers.Dense(10)(flat), axis=1)
outputs = tf.expand_dims(embedding, -1)
outputs = tf.squeeze(outputs, axis=-1)
model = keras.Model(inputs, outputs)
model.summary()
print([layer.name for layer in model.layers])
