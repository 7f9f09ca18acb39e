# An old Keras example sizes its decoder from the encoder's last feature map, read with the
# backend's int_shape; the example imports the backend from the keras package.
from keras.layers import Input, Conv2D, Flatten, Dense, Reshape
from keras.models import Model
from keras import backend as K

print(K.image_data_format(), K.floatx())
inputs = Input(shape=(28, 28, 1))
x = Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
encoder = Model(inputs, Flatten()(x))
encoder.summary()

# %%
shape = K.int_shape(x)
print(shape)

# %%
import keras
loss = keras.losses.mse
print("found mse")
