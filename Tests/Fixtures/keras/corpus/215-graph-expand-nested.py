# Transfer learning with an augmentation front end: both the augmentation pipeline and the
# feature extractor are models of their own, and the summary opens them up.
from tensorflow import keras
from tensorflow.keras import layers

augment = keras.Sequential([
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
], name="augment")

features_in = keras.Input(shape=(48, 48, 3))
f = layers.Conv2D(16, 3, strides=2, activation="relu")(features_in)
f = layers.Conv2D(32, 3, strides=2, activation="relu")(f)
extractor = keras.Model(features_in, f, name="extractor")
extractor.trainable = False

images = keras.Input(shape=(48, 48, 3))
x = augment(images)
x = layers.Rescaling(1.0 / 255)(x)
x = extractor(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(5, activation="softmax")(x)
classifier = keras.Model(images, outputs, name="classifier")
classifier.summary(expand_nested=True)
