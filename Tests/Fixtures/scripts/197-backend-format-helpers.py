"""K.image_data_format(), int_shape and a channel axis chosen from it."""
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

channel_axis = 1 if K.image_data_format() == "channels_first" else -1
print(K.image_data_format(), channel_axis, K.floatx())


def bn_relu(x):
    x = layers.BatchNormalization(axis=channel_axis)(x)
    return layers.Activation("relu")(x)


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(16, 3, padding="same")(inputs)
x = bn_relu(x)
branches = [layers.Conv2D(8, k, padding="same")(x) for k in (1, 3, 5)]
x = layers.Concatenate(axis=channel_axis)(branches)
print(K.int_shape(x), [K.int_shape(b)[channel_axis] for b in branches])
x = bn_relu(x)
outputs = layers.Dense(2)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs, name="inception_stub")
model.summary()
