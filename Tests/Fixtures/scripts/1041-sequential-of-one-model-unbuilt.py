# A Sequential model whose only layer is a functional model: tf-keras builds it from that
# model's input right away; Keras 3 waits for a second layer (it rebuilds from the first layer's
# `input_shape` only when the model holds more than one), so until then it is unbuilt and has no
# `output_shape`, though its summary already shows the inner model with its shape and weights.
from tensorflow import keras
from tensorflow.keras import layers

inp = keras.Input(shape=(6,), name="features")
trunk = keras.Model(inp, layers.Dense(4, name="hidden")(inp), name="trunk")

wrapper = keras.Sequential([trunk], name="wrapper")
print(wrapper.built, hasattr(wrapper, "output_shape"))
wrapper.summary()

wrapper.add(layers.Dense(1, name="score"))
print(wrapper.built, wrapper.output_shape)
wrapper.summary()
print(wrapper.count_params())
