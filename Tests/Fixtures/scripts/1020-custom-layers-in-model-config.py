# A functional model's get_config() lists the script's custom layers by class, with what their own
# get_config() returns; Keras 3 records only the call arguments their call() takes.
import tensorflow as tf
from tensorflow import keras


class Scale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, inputs):
        return inputs * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


@keras.utils.register_keras_serializable(package="Demo")
class Projection(keras.layers.Layer):
    def __init__(self, units=3):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="ones")

    def call(self, inputs, training=False, mask=None):
        return tf.matmul(inputs, self.w)

    def get_config(self):
        return {"units": self.units}


class Shift(keras.layers.Layer):
    def call(self, inputs, training=None):
        return inputs + 1.0


inputs = keras.Input((4,), name="features")
x = Scale(0.5, name="half")(inputs)
x = Shift(name="shift")(x)
outputs = Projection(3)(x)
model = keras.Model(inputs, outputs)
config = model.get_config()
for entry in config["layers"][1:]:
    print(entry["class_name"], entry["registered_name"], entry["module"], entry["config"])
    print(" ", entry["build_config"], entry["inbound_nodes"])
print(config["input_layers"], config["output_layers"])
rebuilt = keras.Model.from_config(config, custom_objects={"Scale": Scale, "Shift": Shift})
print([layer.name for layer in rebuilt.layers], rebuilt.output_shape, rebuilt.count_params())
print(rebuilt.get_layer("half").factor, type(rebuilt.layers[-1]).__name__)
