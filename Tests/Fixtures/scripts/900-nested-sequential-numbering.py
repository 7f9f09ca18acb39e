# Blocks made of Sequential models inside Sequential models, built by their first call inside a
# functional model: each Sequential's build takes a `functional` name in Keras 3.
from tensorflow import keras
from tensorflow.keras import layers


def conv_bn(filters, tag):
    return keras.Sequential(
        [layers.Conv2D(filters, 3, padding="same"), layers.BatchNormalization()],
        name=f"conv_bn_{tag}",
    )


def conv_bn_act(filters, tag):
    block = keras.Sequential(name=f"conv_bn_act_{tag}")
    block.add(conv_bn(filters, tag))
    block.add(layers.Activation("relu"))
    return block


def stage(filters):
    return keras.Sequential([conv_bn_act(filters, "a"), conv_bn_act(filters, "b")], name="stage")


image = keras.Input(shape=(16, 16, 3))
features = stage(8)(image)
print(features)
pooled = layers.GlobalAveragePooling2D()(features)
head = keras.Sequential([layers.Dense(4)])
scores = head(pooled)
print(scores)
model = keras.Model(image, scores)
print(model.name)
print([layer.name for layer in model.layers])
model.summary()
print(keras.Model(image, features).name)
