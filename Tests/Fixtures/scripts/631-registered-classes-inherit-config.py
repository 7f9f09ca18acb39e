# Registering custom classes for serialization: a layer, a model, a loss or an initializer
# subclass inherits its base's get_config, so it registers without writing one; a callback
# (whose base has none) or a plain class does not.
from tensorflow import keras
from tensorflow.keras import layers


@keras.utils.register_keras_serializable(package="demo")
class Doubling(layers.Layer):
    def call(self, inputs):
        return inputs * 2.0


@keras.utils.register_keras_serializable(package="demo")
class Halving(keras.losses.Loss):
    def call(self, y_true, y_pred):
        return (y_true - y_pred) / 2.0


@keras.utils.register_keras_serializable()
class TwoDense(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.first = layers.Dense(4)
        self.second = layers.Dense(1)

    def call(self, inputs):
        return self.second(self.first(inputs))


inputs = keras.Input((3,))
outputs = layers.Dense(2)(Doubling(name="doubling")(inputs))
model = keras.Model(inputs, outputs)
model.summary()
print(type(model.get_layer("doubling")).__name__, Halving.__name__, TwoDense.__name__)


class Printer(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        print(epoch)


class Plain:
    pass


for candidate in (Printer, Plain):
    try:
        keras.utils.register_keras_serializable(package="demo")(candidate)
    except ValueError as error:
        print(candidate.__name__, "->", error)
