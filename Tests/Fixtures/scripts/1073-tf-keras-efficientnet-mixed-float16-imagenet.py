# tf-keras' EfficientNetB0..B7 with ImageNet weights scale the normalized image with
# tf.math.multiply: under mixed_float16 that image is float16, TensorFlow refuses the float32
# scales and the model cannot be built; without ImageNet weights there is no multiply.
# (Keras 3 scales with a Rescaling layer, then downloads the weights: not tried there.)
from tensorflow import keras

keras.mixed_precision.set_global_policy("mixed_float16")
plain = keras.applications.EfficientNetB0(include_top=False, weights=None, input_shape=(64, 64, 3))
print(plain.name, len(plain.layers), plain.output.dtype, plain.count_params())
if not hasattr(keras, "ops"):  # tf-keras
    try:
        keras.applications.EfficientNetB1(
            include_top=False, weights="imagenet", input_shape=(64, 64, 3))
    except TypeError as error:
        print(error)
print("done")
