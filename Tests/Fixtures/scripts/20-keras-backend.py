from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

img_rows, img_cols = 28, 28
if K.image_data_format() == "channels_first":
    input_shape = (1, img_rows, img_cols)
else:
    input_shape = (img_rows, img_cols, 1)
print(K.image_data_format(), input_shape, K.floatx())

inputs = keras.Input(shape=input_shape)
x = layers.Conv2D(8, 3)(inputs)
print(K.int_shape(x))
x = layers.Flatten()(x)
print(K.int_shape(x))
model = keras.Model(inputs, layers.Dense(2)(x))
model.summary()
K.clear_session()
