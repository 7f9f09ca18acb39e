# TF image classification tutorial: Rescaling and data augmentation layers inside the model.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

img_height = 180
img_width = 180
num_classes = 5

model = keras.Sequential([
    layers.RandomFlip('horizontal', input_shape=(img_height, img_width, 3)),
    layers.RandomRotation(0.1),
    layers.RandomZoom(0.1),
    layers.Rescaling(1./255),
    layers.Conv2D(16, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(32, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Conv2D(64, 3, padding='same', activation='relu'),
    layers.MaxPooling2D(),
    layers.Dropout(0.2),
    layers.Flatten(),
    layers.Dense(128, activation='relu'),
    layers.Dense(num_classes, name='outputs'),
])
model.summary()
print(model.input_shape, model.output_shape)

# %%
preprocess = keras.Sequential([
    keras.Input(shape=(240, 320, 3)),
    layers.Resizing(img_height, img_width),
    layers.Rescaling(1./127.5, offset=-1),
    layers.RandomContrast(0.2),
    layers.RandomTranslation(0.1, 0.2),
    layers.RandomFlip(),
    layers.RandomCrop(160, 150),
    layers.CenterCrop(128, 128),
    layers.Resizing(64, 48, interpolation='nearest'),
    layers.Conv2D(8, 3),
    layers.GlobalAveragePooling2D(),
])
preprocess.summary()
for layer in preprocess.layers:
    print(layer.name, layer.output_shape)

# %%
brightness = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.RandomBrightness(0.2),
    layers.RandomBrightness((-0.1, 0.3), value_range=(0, 1)),
])
brightness.summary()
