# NASNetMobile without its top and without `input_shape`: Keras 3 builds it on 224x224 images
# (`input_shape = (224, 224, 3)` before anything else), tf-keras on images of any size (None,
# None, 3). NASNetLarge keeps the open size in both; an open `input_shape` given with ImageNet
# weights is the same ValueError in both.
from tensorflow import keras

mobile = keras.applications.NASNetMobile(include_top=False, weights=None, pooling="avg")
print(mobile.input_shape, mobile.output_shape, len(mobile.layers), mobile.count_params())

small = keras.applications.NASNetMobile(
    include_top=False, weights=None, input_tensor=keras.Input(shape=(96, 96, 3))
)
print(small.input_shape, small.output_shape)
large = keras.applications.NASNetLarge(include_top=False, weights=None)
print(large.input_shape, large.output_shape)
try:
    keras.applications.NASNetMobile(include_top=False, weights="imagenet", input_shape=(None, None, 3))
except ValueError as error:
    print(error)
