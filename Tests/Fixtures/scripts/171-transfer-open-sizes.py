# A convolutional base left open to any image size (as keras.applications builds one without
# input_shape), frozen and called on 96x96 images with an activation layer as the head's activation.
from tensorflow import keras
from tensorflow.keras import layers


def make_base():
    inputs = keras.Input(shape=(None, None, 3))
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(inputs)
    skip = x
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    x = layers.add([x, skip])
    x = layers.MaxPooling2D()(x)
    return keras.Model(inputs, x, name="open_base")


base = make_base()
base.trainable = False
image = keras.Input(shape=(96, 96, 3))
features = base(image, training=False)
flat = layers.Flatten()(features)
hidden = layers.Dense(32, activation=layers.LeakyReLU(0.1))(flat)
output = layers.Dense(3, activation="softmax")(hidden)
model = keras.Model(image, output)
model.compile(optimizer=keras.optimizers.Adagrad(), loss=("sparse_categorical_crossentropy"))
model.summary()
print(features.shape)
