# A Lambda whose function fails when the layer is called on Keras tensors: tf-keras reports the
# function's own error with the call's arguments; Keras 3 runs the function only to infer the
# output shape when `output_shape` is not given, and then asks for it instead.
from tensorflow import keras
from tensorflow.keras import layers

images = keras.Input((6, 6, 4))
skips = keras.Input((6, 6, 4))


def scaled_sum(pair, scale_):
    return pair[0] + pair[1] * scale_


def report(label, make):
    try:
        out = make()
        print(label, "built", out.shape)
    except Exception as error:
        # (Keras 3's message holds terminal escapes around its middle line.)
        lines = str(error).splitlines()
        print(label, type(error).__name__)
        print("\n".join(lines[:1] + lines[-4:]))


# The InceptionResNet block's residual with a misnamed keyword.
report("keyword", lambda: layers.Lambda(scaled_sum, arguments={"scale": 0.2})([images, skips]))
report("undefined", lambda: layers.Lambda(lambda x: x * gain)(images))
print(layers.Dense(1).name)
