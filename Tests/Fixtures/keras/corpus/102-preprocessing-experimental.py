# Older tutorials: the preprocessing layers under layers.experimental.preprocessing.
import tensorflow as tf
from tensorflow.keras import layers
from tensorflow.keras.layers.experimental import preprocessing

model = tf.keras.Sequential([
    tf.keras.layers.experimental.preprocessing.Resizing(224, 224, input_shape=(None, None, 3)),
    layers.experimental.preprocessing.Rescaling(1./255),
    preprocessing.RandomFlip('horizontal_and_vertical'),
    preprocessing.RandomRotation(0.2),
    preprocessing.RandomZoom(height_factor=(-0.2, 0.3), width_factor=0.1),
    preprocessing.CenterCrop(200, 200),
    layers.Conv2D(4, 3, strides=2),
    layers.GlobalMaxPooling2D(),
])
model.summary()
print(model.output_shape)
