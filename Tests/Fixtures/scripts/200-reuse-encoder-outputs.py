"""Reuse a small encoder's intermediate maps as skip connections, the way segmentation
tutorials reuse a pretrained backbone, then try the same encoder on grayscale input."""
from tensorflow import keras
from tensorflow.keras import layers


def make_encoder():
    inputs = keras.Input(shape=(16, 16, 3), name="rgb")
    x = layers.Conv2D(4, 3, padding="same", activation="relu", name="stage1")(inputs)
    y = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu", name="stage2")(x)
    return keras.Model(inputs, [x, y], name="backbone")


encoder = make_encoder()
image = keras.Input(shape=(16, 16, 3))
fine, coarse = encoder(image)
up = layers.UpSampling2D()(coarse)
merged = layers.Concatenate()([up, fine])
model = keras.Model(image, layers.Conv2D(1, 1, activation="sigmoid")(merged), name="segmenter")
print([tuple(t.shape) for t in encoder(image)])
print(model.count_params(), len(model.layers))

gray = keras.Input(shape=(16, 16, 1))
features = encoder(gray)
print("only Keras 3 gets here:", [tuple(t.shape) for t in features])
