# A tf.Variable kept as an attribute of a custom layer: tf-keras tracks it as one of the layer's
# weights (counted, listed, trained, set); Keras 3 keeps it as a plain TensorFlow variable.
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


class Blend(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.mix = tf.Variable(0.25, name="mix")
        self.offset = K.variable(np.array([1.0, -1.0, 0.5]), name="offset")

    def call(self, inputs):
        return inputs * self.mix + self.offset


class Gate(layers.Layer):
    def build(self, input_shape):
        self.scale = tf.Variable(tf.fill((input_shape[-1],), 2.0), name="scale")

    def call(self, inputs):
        return inputs * self.scale


if hasattr(keras, "ops"):
    # Keras 3 does not track it: no weights, the variable stays TensorFlow's.
    blend = Blend(name="blend")
    print(len(blend.weights), blend.mix.numpy(), blend.offset.shape)
else:
    inputs = keras.Input((3,))
    outputs = Gate(name="gate")(Blend(name="blend")(inputs))
    model = keras.Model(inputs, outputs)
    model.summary()
    print(model.count_params(), len(model.weights), len(model.trainable_weights))
    print([w.name for w in model.layers[1].weights], [w.name for w in model.layers[2].weights])
    print(model.predict(np.ones((2, 3)), verbose=0))
    model.layers[1].set_weights([np.array(0.5), np.zeros(3)])
    print(model.predict(np.ones((1, 3)), verbose=0))
    print(model.layers[2].scale)
