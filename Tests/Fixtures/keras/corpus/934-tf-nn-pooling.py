# A VGG block ported from TensorFlow 1 code: convolutions as Keras layers, pooling as
# tf.nn.max_pool / tf.nn.avg_pool calls on Keras tensors (TFOpLambda rows named after the 2-D ops).
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

image = keras.Input(shape=(28, 28, 3))
x = layers.Conv2D(16, 3, padding="same", activation="relu", name="conv1")(image)
x = tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding="SAME", name="pool1")
x = layers.Conv2D(32, 3, padding="same", activation="relu", name="conv2")(x)
y = tf.nn.avg_pool(x, ksize=3, strides=2, padding="VALID")
z = tf.nn.max_pool2d(x, 2, 2, "SAME")
print(x.shape, y.shape, z.shape)
ported = keras.Model(image, [layers.GlobalAveragePooling2D()(y), layers.Flatten()(z)], name="tf1_port")
ported.summary()
