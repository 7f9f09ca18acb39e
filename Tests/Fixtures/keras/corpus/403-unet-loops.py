# U-Net for 128x128 masks: the encoder keeps its skip tensors in a list, the decoder pops them.
import tensorflow as tf

IMG_HEIGHT, IMG_WIDTH, IMG_CHANNELS = 128, 128, 3


def conv_pair(x, filters, dropout):
    x = tf.keras.layers.Conv2D(filters, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same")(x)
    x = tf.keras.layers.Dropout(dropout)(x)
    x = tf.keras.layers.Conv2D(filters, (3, 3), activation="relu", kernel_initializer="he_normal", padding="same")(x)
    return x


inputs = tf.keras.layers.Input((IMG_HEIGHT, IMG_WIDTH, IMG_CHANNELS))
s = tf.keras.layers.Lambda(lambda x: x / 255)(inputs)

skips = []
x = s
for filters, dropout in [(16, 0.1), (32, 0.1), (64, 0.2), (128, 0.2)]:
    x = conv_pair(x, filters, dropout)
    skips.append(x)
    x = tf.keras.layers.MaxPooling2D((2, 2))(x)

x = conv_pair(x, 256, 0.3)

for filters, dropout in [(128, 0.2), (64, 0.2), (32, 0.1), (16, 0.1)]:
    x = tf.keras.layers.Conv2DTranspose(filters, (2, 2), strides=(2, 2), padding="same")(x)
    x = tf.keras.layers.concatenate([x, skips.pop()])
    x = conv_pair(x, filters, dropout)

outputs = tf.keras.layers.Conv2D(1, (1, 1), activation="sigmoid")(x)
model = tf.keras.Model(inputs=[inputs], outputs=[outputs])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.summary()
