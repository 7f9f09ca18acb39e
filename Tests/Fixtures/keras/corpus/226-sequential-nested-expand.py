# A Sequential model that contains another Sequential model, printed expanded and with the
# trainable column.
from tensorflow import keras
from tensorflow.keras import layers

feature_stack = keras.Sequential([
    layers.Conv2D(8, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(16, 3, activation="relu"),
], name="feature_stack")
feature_stack.trainable = False

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    feature_stack,
    layers.Flatten(),
    layers.Dense(10),
], name="stacked")
model.summary(expand_nested=True)
model.summary(expand_nested=True, show_trainable=True)
