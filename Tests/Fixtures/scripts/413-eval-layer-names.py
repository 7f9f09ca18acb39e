# Builders that read a layer class or an activation from a setting string with eval(),
# as some segmentation model collections do.
from tensorflow import keras
from tensorflow.keras.layers import Conv2D, Input, LeakyReLU, ReLU

settings = {"activation": "ReLU", "head": "  Conv2D"}


def conv_unit(x, filters, activation="ReLU"):
    x = Conv2D(filters, 3, padding="same", use_bias=False)(x)
    activation_layer = eval(activation)
    return activation_layer()(x)


inputs = Input((32, 32, 3))
x = conv_unit(inputs, 8, settings["activation"])
x = conv_unit(x, 16, "LeakyReLU")
head = eval(settings["head"])
outputs = head(1, 1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()
print(eval("len(model.layers) * 2"), eval("1 + 2 * 3"), eval("'{}x{}'.format(32, 32)"))
print(eval("[layer.name for layer in model.layers][-1]"))
try:
    eval("ReLu")
except NameError as error:
    print("NameError:", error)
print(eval(activation_name).__name__ if (activation_name := "ReLU") else None)
eval("Swish")
