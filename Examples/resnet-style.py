# A small ResNet-style network (basic residual blocks, as in ResNet-18, with fewer and narrower
# stages) for 128x128 RGB images: the graph model that Benchmarks/forward_vs_tensorflow.py times
# beside TensorFlow.
from tensorflow import keras
from tensorflow.keras import layers


def residual_block(x, filters, stride):
    shortcut = x
    y = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(x)
        shortcut = layers.BatchNormalization()(shortcut)
    y = layers.Add()([y, shortcut])
    return layers.Activation("relu")(y)


inputs = keras.Input(shape=(128, 128, 3))
x = layers.Conv2D(32, 7, strides=2, padding="same", use_bias=False)(inputs)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
for filters, stride in [(32, 1), (32, 1), (64, 2), (64, 1), (128, 2), (128, 1)]:
    x = residual_block(x, filters, stride)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
resnet_model = keras.Model(inputs, outputs, name="resnet_model")
resnet_model.summary()
