# A residual network in channels_first layout: batch normalization over axis 1, pooling and
# padding in channels_first, and the head after a channels_first global pooling.
from tensorflow import keras
from tensorflow.keras import layers

cf = "channels_first"
x_in = keras.Input(shape=(3, 30, 30))
x = layers.ZeroPadding2D(((1, 2), (2, 1)), data_format=cf)(x_in)
x = layers.Conv2D(16, 3, strides=2, data_format=cf, use_bias=False)(x)
x = layers.BatchNormalization(axis=1)(x)
x = layers.ReLU()(x)
shortcut = x
x = layers.Conv2D(16, 3, padding="same", data_format=cf)(x)
x = layers.BatchNormalization(axis=1)(x)
x = layers.Add()([x, shortcut])
x = layers.MaxPooling2D(data_format=cf)(x)
x = layers.Conv2D(8, 1, data_format=cf)(x)
x = layers.UpSampling2D(data_format=cf)(x)
x = layers.Cropping2D(2, data_format=cf)(x)
x = layers.GlobalMaxPooling2D(data_format=cf)(x)
cf_model = keras.Model(x_in, layers.Dense(2)(x), name="cf_resnet")
cf_model.summary()
print([l.output_shape for l in cf_model.layers[1:4]])
