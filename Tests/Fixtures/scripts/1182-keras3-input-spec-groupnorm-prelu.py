# Keras 3's GroupNormalization and PReLU(shared_axes=...) fix sizes of their input in the InputSpec
# they make when built: taken into a second model on another size there, the call is refused in
# InputSpec's words (tf-keras has no such spec for them; TensorFlow's ops fail there instead, so
# the calls below run under Keras 3 only).
import keras
from keras import layers

print(keras.__version__.split(".")[0])
norm = layers.GroupNormalization(groups=2)
prelu = layers.PReLU(shared_axes=[1])
keras.Sequential([keras.Input((4, 4, 6)), norm])
keras.Sequential([keras.Input((4, 6)), prelu])
keras.Sequential([keras.Input((9, 6)), prelu])
print(prelu.count_params())
if keras.__version__.startswith("3"):
    for shape, layer in [((4, 4, 8), norm), ((5, 7), prelu)]:
        try:
            keras.Sequential([keras.Input(shape), layer])
        except ValueError as error:
            print(error)
