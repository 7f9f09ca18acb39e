# An application built on `input_tensor=`: Keras 3 makes its model on the tensor's source inputs,
# a list, so `model.input` is a list of one Keras tensor (tf-keras unwraps it), and so is the input
# of a model made from it; a model built without `input_tensor` keeps a bare tensor.
from tensorflow import keras

inputs = keras.Input(shape=(32, 32, 3))
base = keras.applications.VGG16(include_top=False, weights=None, input_tensor=inputs)
print(type(base.input).__name__, type(base.inputs).__name__, len(base.inputs))
print(base.input)
pooled = keras.layers.GlobalAveragePooling2D()(base.output)
head = keras.Model(base.input, keras.layers.Dense(2)(pooled))
print(type(head.input).__name__, head.count_params())
try:
    keras.Model(input=base.input, output=pooled)
except (TypeError, ValueError) as error:
    print(type(error).__name__, error)

scaled = keras.layers.Rescaling(1 / 127.5, offset=-1)(keras.Input(shape=(32, 32, 3)))
mobile = keras.applications.MobileNetV2(
    include_top=False, weights=None, alpha=0.35, input_tensor=scaled
)
print(type(mobile.input).__name__, mobile.inputs[0].shape, len(mobile.layers))
plain = keras.applications.MobileNetV2(
    include_top=False, weights=None, alpha=0.35, input_shape=(32, 32, 3)
)
print(type(plain.input).__name__)
