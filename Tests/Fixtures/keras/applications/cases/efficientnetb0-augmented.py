from tensorflow import keras
from tensorflow.keras import layers

augment = keras.Sequential([layers.RandomFlip("horizontal"), layers.RandomRotation(0.1)], name="augment")
base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet", input_shape=(64, 64, 3))
base.trainable = False
inputs = keras.Input(shape=(64, 64, 3))
x = augment(inputs)
x = base(x, training=False)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
