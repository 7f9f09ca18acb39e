# Models used as layers: a functional encoder and a Sequential head inside a functional model;
# each nested model is one row of the summary, its parameters counted there.
import keras
from keras import layers

enc_in = keras.Input(shape=(28, 28, 1))
e = layers.Conv2D(8, 3, activation="relu")(enc_in)
e = layers.MaxPooling2D()(e)
e = layers.Conv2D(16, 3, activation="relu")(e)
e = layers.GlobalAveragePooling2D()(e)
encoder = keras.Model(enc_in, e, name="encoder")

head = keras.Sequential([
    keras.Input(shape=(32,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(3, activation="softmax"),
], name="head")

image = keras.Input(shape=(28, 28, 1))
features = encoder(image)
pixels = layers.Dense(16)(layers.Flatten()(image))
joined = layers.Concatenate()([features, pixels])
model = keras.Model(image, head(joined), name="classifier_with_encoder")
model.summary()
print(model.count_params())
print([layer.name for layer in model.layers])
