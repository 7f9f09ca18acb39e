# self.add_loss(...) in a custom layer's call binds as each Keras' signature does: tf-keras'
# add_loss(losses, **kwargs) drops `inputs=`, Keras 3's add_loss(loss) has no such keyword (its
# TypeError comes wrapped as the failed inference of the layer's output).
from tensorflow import keras
from tensorflow.keras import backend as K


class Penalty(keras.layers.Layer):
    def call(self, inputs):
        self.add_loss(K.mean(K.square(inputs)), inputs=inputs)
        return inputs


source = keras.Input((4,))
hidden = keras.layers.Dense(4)(source)
checked = Penalty(name="penalty")(hidden)
model = keras.Model(source, checked)
print([layer.name for layer in model.layers])
