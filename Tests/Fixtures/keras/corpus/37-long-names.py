# Layer and model names long enough to wrap inside the summary columns.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(8, 3, name='a_very_long_layer_name_that_wraps_around'),
    layers.BatchNormalization(name='bn_0123456789_0123456789_0123456789_0123456789_0123456789'),
    layers.Conv2DTranspose(8, 3, strides=2),
    layers.DepthwiseConv2D(3),
    layers.SeparableConv2D(4, 3),
    layers.GlobalAveragePooling2D(name='gap'),
    layers.Dense(10, name='x'),
], name='model_with_a_really_quite_long_name_for_the_header')
model.summary()
print(model.get_layer('a_very_long_layer_name_that_wraps_around').output_shape)
