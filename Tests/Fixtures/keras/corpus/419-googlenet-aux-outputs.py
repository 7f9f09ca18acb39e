# GoogLeNet-style network with an auxiliary classifier: one input, two outputs.
from tensorflow.keras import layers, Model


def inception_module(x, f1, f3r, f3, f5r, f5, pool_proj, name=None):
    conv_1x1 = layers.Conv2D(f1, (1, 1), padding="same", activation="relu")(x)
    conv_3x3 = layers.Conv2D(f3r, (1, 1), padding="same", activation="relu")(x)
    conv_3x3 = layers.Conv2D(f3, (3, 3), padding="same", activation="relu")(conv_3x3)
    conv_5x5 = layers.Conv2D(f5r, (1, 1), padding="same", activation="relu")(x)
    conv_5x5 = layers.Conv2D(f5, (5, 5), padding="same", activation="relu")(conv_5x5)
    pool = layers.MaxPool2D((3, 3), strides=(1, 1), padding="same")(x)
    pool = layers.Conv2D(pool_proj, (1, 1), padding="same", activation="relu")(pool)
    return layers.concatenate([conv_1x1, conv_3x3, conv_5x5, pool], axis=3, name=name)


input_layer = layers.Input(shape=(64, 64, 3))
x = layers.Conv2D(64, (7, 7), padding="same", strides=(2, 2), activation="relu", name="conv_1_7x7/2")(input_layer)
x = layers.MaxPool2D((3, 3), padding="same", strides=(2, 2), name="max_pool_1_3x3/2")(x)
x = inception_module(x, 64, 96, 128, 16, 32, 32, name="inception_3a")
x = inception_module(x, 128, 128, 192, 32, 96, 64, name="inception_3b")
x = layers.MaxPool2D((3, 3), padding="same", strides=(2, 2))(x)

x1 = layers.AveragePooling2D((5, 5), strides=3)(x)
x1 = layers.Conv2D(128, (1, 1), padding="same", activation="relu")(x1)
x1 = layers.Flatten()(x1)
x1 = layers.Dense(256, activation="relu")(x1)
x1 = layers.Dropout(0.7)(x1)
x1 = layers.Dense(10, activation="softmax", name="auxilliary_output_1")(x1)

x = inception_module(x, 192, 96, 208, 16, 48, 64, name="inception_4a")
x = layers.GlobalAveragePooling2D(name="avg_pool_5_3x3/1")(x)
x = layers.Dropout(0.4)(x)
x = layers.Dense(10, activation="softmax", name="output")(x)

model = Model(input_layer, [x, x1], name="inception_v1")
model.summary()
