# Transfer-learning scripts often switch off certificate checks before Keras downloads weights:
# the ssl functions are only passed around, so the model code after them runs as usual.
import ssl

import certifi
from tensorflow import keras

ssl._create_default_https_context = ssl._create_unverified_context
print(ssl._create_default_https_context is ssl._create_unverified_context)
ssl._create_default_https_context = lambda: ssl.create_default_context(cafile=certifi.where())
print(callable(ssl._create_default_https_context))

backbone = keras.applications.MobileNetV2(
    weights=None, include_top=False, input_shape=(96, 96, 3), pooling="avg"
)
print(backbone.output_shape, backbone.count_params())
