# A keras-io style image classifier: a named augmentation Sequential used inside a functional
# model, Rescaling, a residual stage, and the summary options keras-io shows.
# %%
import keras
from keras import layers

data_augmentation_layers = [
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
]
data_augmentation = keras.Sequential(data_augmentation_layers, name="data_augmentation")


def make_model(input_shape, num_classes):
    inputs = keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = layers.Rescaling(1.0 / 255)(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    previous_block_activation = x
    for size in [64, 128]:
        x = layers.Activation("relu")(x)
        x = layers.SeparableConv2D(size, 3, padding="same")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
        residual = layers.Conv2D(size, 1, strides=2, padding="same")(previous_block_activation)
        x = layers.add([x, residual])
        previous_block_activation = x
    x = layers.GlobalAveragePooling2D()(x)
    units = 1 if num_classes == 2 else num_classes
    x = layers.Dropout(0.25)(x)
    outputs = layers.Dense(units, activation=None)(x)
    return keras.Model(inputs, outputs)


model = make_model(input_shape=(180, 180, 3), num_classes=2)
model.summary()

# %%
model.summary(expand_nested=True)

# %%
model.layers[1].trainable = False
model.summary(show_trainable=True)

# %%
model.summary(line_length=100, positions=[0.4, 0.6, 0.75, 1.0])

# %%
print(data_augmentation.name, [layer.name for layer in data_augmentation.layers])
print(model.name, len(model.layers), model.count_params())
