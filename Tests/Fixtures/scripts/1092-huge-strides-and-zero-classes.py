# An application asked for zero classes: tf-keras builds a Dense(0) classifier, Keras 3 refuses
# zero units. A stride near 2**63: Keras 3 computes the output length with Python ints (one
# step); tf-keras would hand it to TensorFlow as an int32, so that part runs on Keras 3 only.
from tensorflow import keras

try:
    net = keras.applications.MobileNetV2(
        weights=None, input_shape=(32, 32, 3), alpha=0.35, classes=0)
    print(net.output_shape, net.count_params(), net.layers[-1].units)
except ValueError as error:
    print("ValueError:", error)
if getattr(keras, "__version__", "2").startswith("3."):
    image = keras.Input((28, 28, 1))
    for stride in (2**31, 2**62, 2**63 - 1):
        print(stride, keras.layers.Conv2D(2, 3, strides=stride)(image).shape)
        print(stride, keras.layers.MaxPooling2D(2, strides=stride, padding="same")(image).shape)
