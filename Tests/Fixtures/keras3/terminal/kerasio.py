import keras
from keras import layers

augmentation = keras.Sequential(
    [layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)], name="data_augmentation"
)
inputs = keras.Input(shape=(64, 64, 3))
x = augmentation(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(16, 3, strides=2, padding="same")(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
residual = layers.Conv2D(32, 1, strides=2, padding="same")(x)
x = layers.SeparableConv2D(32, 3, padding="same")(x)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = layers.add([x, residual])
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs, name="small_xception")
model.layers[4].trainable = False
model.summary(show_trainable=True)
model.summary(line_length=100, positions=[0.4, 0.6, 0.75, 1.0])
model.summary(expand_nested=True)
