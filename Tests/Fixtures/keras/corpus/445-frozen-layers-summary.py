# Freezing layers by index and by type, and what the summary counts as non-trainable.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(32, 3, activation="relu", name="conv_a"),
    layers.BatchNormalization(name="bn_a"),
    layers.Conv2D(64, 3, activation="relu", name="conv_b"),
    layers.BatchNormalization(name="bn_b"),
    layers.GlobalAveragePooling2D(name="gap"),
    layers.Dense(10, name="head"),
])
for layer in model.layers[:2]:
    layer.trainable = False
model.summary()

# %%
for layer in model.layers:
    if isinstance(layer, layers.BatchNormalization):
        layer.trainable = False
    else:
        layer.trainable = True
print([(layer.name, layer.trainable) for layer in model.layers])
model.summary(show_trainable=True)
