# DeepLabV3+ style atrous spatial pyramid pooling on a small backbone.
import keras
from keras import layers


def convolution_block(block_input, num_filters=64, kernel_size=3, dilation_rate=1, padding="same", use_bias=False):
    x = layers.Conv2D(num_filters, kernel_size=kernel_size, dilation_rate=dilation_rate, padding="same",
                      use_bias=use_bias, kernel_initializer=keras.initializers.HeNormal())(block_input)
    x = layers.BatchNormalization()(x)
    return keras.layers.Activation("relu")(x)


def DilatedSpatialPyramidPooling(dspp_input):
    dims = dspp_input.shape
    x = layers.AveragePooling2D(pool_size=(dims[-3], dims[-2]))(dspp_input)
    x = convolution_block(x, kernel_size=1, use_bias=True)
    out_pool = layers.UpSampling2D(size=(dims[-3] // x.shape[1], dims[-2] // x.shape[2]),
                                   interpolation="bilinear")(x)
    out_1 = convolution_block(dspp_input, kernel_size=1, dilation_rate=1)
    out_6 = convolution_block(dspp_input, kernel_size=3, dilation_rate=6)
    out_12 = convolution_block(dspp_input, kernel_size=3, dilation_rate=12)
    out_18 = convolution_block(dspp_input, kernel_size=3, dilation_rate=18)
    x = layers.Concatenate(axis=-1)([out_pool, out_1, out_6, out_12, out_18])
    return convolution_block(x, kernel_size=1)


model_input = keras.Input(shape=(64, 64, 3))
x = convolution_block(model_input, num_filters=32)
x = layers.MaxPooling2D()(x)
x = convolution_block(x, num_filters=64)
x = layers.MaxPooling2D()(x)
x = DilatedSpatialPyramidPooling(x)
x = layers.UpSampling2D(size=(4, 4), interpolation="bilinear")(x)
model_output = layers.Conv2D(5, kernel_size=(1, 1), padding="same")(x)
model = keras.Model(inputs=model_input, outputs=model_output)
model.summary()
