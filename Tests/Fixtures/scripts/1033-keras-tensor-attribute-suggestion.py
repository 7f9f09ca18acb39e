# Old squeeze-and-excitation code reads the Keras 1 attribute `_keras_shape` of its input tensor.
# Neither Keras has it; Python 3.11 adds the closest name of the tensor's `dir()` to the error:
# tf-keras' input tensors carry `_keras_mask` (so the error suggests it), Keras 3's do not.
from tensorflow import keras


def squeeze_excite(tensor, ratio=4):
    print("input", tensor.shape)
    channels = tensor._keras_shape[-1]
    squeezed = keras.layers.GlobalAveragePooling2D()(tensor)
    squeezed = keras.layers.Dense(channels // ratio, activation="relu")(squeezed)
    return keras.layers.multiply([tensor, squeezed])


features = keras.Input((16, 16, 8))
print(features.dtype)
squeeze_excite(features)
