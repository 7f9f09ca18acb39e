# An attention-gated skip connection (the gate repeated over the channels with
# K.repeat_elements in a Lambda), and a pretrained-style base renamed through `_name`
# before it is called as a layer.
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers


def expand_as(tensor, rep):
    return layers.Lambda(lambda x, repnum: K.repeat_elements(x, repnum, axis=3),
                         arguments={"repnum": rep})(tensor)


def gate(x, g, inter):
    shape_x = K.int_shape(x)
    theta = layers.Conv2D(inter, (2, 2), strides=(2, 2), padding="same")(x)
    phi = layers.Conv2D(inter, (1, 1), padding="same")(g)
    psi = layers.Activation("sigmoid")(layers.Conv2D(1, (1, 1))(layers.add([theta, phi])))
    up = layers.UpSampling2D(size=(2, 2))(psi)
    return layers.multiply([expand_as(up, shape_x[3]), x])


base = keras.Sequential([layers.Conv2D(6, 3, padding="same", input_shape=(16, 16, 3)),
                         layers.MaxPooling2D()], name="encoder")
base._name = "encoder_base"
inputs = keras.Input(shape=(16, 16, 3))
skip = layers.Conv2D(5, 3, padding="same")(inputs)
low = base(inputs)
attended = gate(skip, low, 4)
model = keras.Model(inputs, layers.concatenate([attended, layers.UpSampling2D()(low)]))
model.summary()
print(base.name, model.layers[1].name)
print(model.predict(np.zeros((1, 16, 16, 3)), verbose=0).shape)
