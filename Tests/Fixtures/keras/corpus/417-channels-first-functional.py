# A channels-first network (Theano-era layout): BatchNormalization on axis 1.
from keras.layers import Input, Conv2D, MaxPooling2D, BatchNormalization, Activation, Flatten, Dense, GlobalAveragePooling2D
from keras.models import Model

inp = Input(shape=(3, 32, 32))
x = Conv2D(32, (3, 3), padding="same", data_format="channels_first")(inp)
x = BatchNormalization(axis=1)(x)
x = Activation("relu")(x)
x = MaxPooling2D((2, 2), data_format="channels_first")(x)
x = Conv2D(64, (3, 3), padding="valid", data_format="channels_first")(x)
x = BatchNormalization(axis=1)(x)
x = Activation("relu")(x)
gap = GlobalAveragePooling2D(data_format="channels_first")(x)
flat = Flatten(data_format="channels_first")(x)
out = Dense(10, activation="softmax")(gap)
model = Model(inp, out)
model.summary()
print(flat.shape)
