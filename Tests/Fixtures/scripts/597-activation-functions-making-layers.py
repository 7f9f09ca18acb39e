# Activation functions that make layers of their own when called, as MobileNetV3 and GhostNet
# backbones write hard_sigmoid and hard_swish: ReLU(6.) on x + 3, scaled by 1/6, and a Multiply
# of an inner Activation with the input. The layers the functions make take no names from the
# model's own layers.
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import Activation, Conv2D, GlobalAveragePooling2D, Input, Multiply, ReLU


def hard_sigmoid(x):
    return ReLU(6.)(x + 3.) * (1. / 6.)


def hard_swish(x):
    return Multiply()([Activation(hard_sigmoid)(x), x])


def gate(x):
    return ReLU(6.0)(x + 3.0) / 6.0


inputs = Input((4, 4, 2))
x = Conv2D(3, 1, kernel_initializer="ones")(inputs)
x = Activation(hard_swish)(x)
x = ReLU()(x)
skip = Activation(gate)(x)
x = Multiply()([x, skip])
x = Activation(hard_sigmoid, name="head_sigmoid")(x)
outputs = GlobalAveragePooling2D()(x)
model = keras.Model(inputs, outputs)
model.summary()
print([layer.name for layer in model.layers])
print([layer.activation.__name__ for layer in model.layers if isinstance(layer, Activation)])
data = np.linspace(-3.0, 3.0, 64, dtype="float32").reshape(2, 4, 4, 2)
print(np.round(model.predict(data, verbose=0), 5))
