from tensorflow import keras
from tensorflow.keras import layers

import tensorflow as tf
from tensorflow.keras import backend as K

inputs = keras.Input(shape=(3, 4, 5))
x = layers.Conv2D(5, 1)(inputs)
acts = [tf.nn.relu6(x * 4.0), tf.nn.elu(x), tf.nn.selu(x), tf.nn.gelu(x), tf.nn.softsign(x),
        tf.nn.swish(x), tf.nn.leaky_relu(x), tf.nn.leaky_relu(x, alpha=0.05),
        tf.nn.log_softmax(x, axis=-1), tf.identity(x), K.relu(x), K.softplus(x), K.tanh(x)]
maths = [tf.math.log1p(tf.abs(x)), tf.math.rsqrt(tf.abs(x) + 0.5), tf.math.reciprocal(x + 3.0),
         tf.sign(x), tf.floor(x * 3.0), tf.math.ceil(x * 3.0), tf.round(x * 3.0), tf.negative(x),
         tf.math.squared_difference(x, inputs), tf.subtract(2.0, x), tf.divide(x, 4.0),
         tf.pow(tf.abs(x) + 1.0, 0.5), K.pow(x, 2), K.exp(-K.square(x)), K.log(K.abs(x) + 1.0),
         K.minimum(x, 0.25), K.sign(x)]
prod = tf.reduce_prod(tf.sigmoid(x), axis=[1, 3], keepdims=True)
total = acts[0]
for t in acts[1:] + maths:
    total = total + t
out = layers.Flatten()(total * prod)
model = keras.Model(inputs, out)
