# Inside call() both Keras versions hand TensorFlow's symbolic tensors to the layer: their shape
# is a TensorShape (rank, as_list) and their dtype a tf.DType. tf-keras converts call() with
# autograph, whose len() of tf.shape(x) is the rank; Keras 3 traces it as plain Python, where
# len() of a symbolic tensor is TensorFlow's TypeError, wrapped in Keras 3's call error.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class RankScale(layers.Layer):
    def call(self, inputs):
        dims = tf.shape(inputs)
        print("rank", inputs.shape.rank, inputs.shape.as_list(), inputs.dtype)
        scale = [1.0] * len(dims)
        return inputs * scale[-1]


inputs = keras.Input((6, 4))
hidden = layers.Dense(3)(inputs)
outputs = RankScale()(hidden)
model = keras.Model(inputs, outputs)
model.summary()
