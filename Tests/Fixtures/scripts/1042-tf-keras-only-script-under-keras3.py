# A script that imports tf_keras and no other Keras runs on tf-keras 2.21 even where Keras 3 is
# the default: a subclassed model built on a shape lists its layer with a "multiple" shape, and
# the tables and names are tf-keras' ones.
import numpy as np
import tf_keras as keras
from tf_keras import layers


class TwoStep(keras.Model):
    def __init__(self):
        super().__init__()
        self.expand = layers.Dense(8, activation="relu")
        self.squeeze = layers.Dense(2)

    def call(self, inputs):
        return self.squeeze(self.expand(inputs))


net = TwoStep()
net.build(input_shape=(None, 5))
net.summary()
print(keras.__version__, net.count_params())

inputs = keras.Input(shape=(5,))
outputs = layers.Dense(3, name="probe")(inputs)
probe = keras.Model(inputs, outputs)
probe.summary()
print([w.name for w in probe.weights])
