# A Sequential model with no layers at all called on keras.Input: tf-keras hands the tensor back
# untouched and the model gets no output shape of its own; Keras 3 refuses to build it.
from tensorflow import keras
from tensorflow.keras import layers

nothing = keras.Sequential()
pixels = keras.Input((10,))
through = nothing(pixels)
print(through.shape)
classifier = keras.Model(pixels, layers.Dense(4)(through))
classifier.summary()
print(len(nothing.layers), nothing.built, nothing.outputs, nothing.inputs)
for name in ["output_shape", "input_shape", "output"]:
    try:
        print(getattr(nothing, name))
    except AttributeError as error:
        print(name, "->", error)
