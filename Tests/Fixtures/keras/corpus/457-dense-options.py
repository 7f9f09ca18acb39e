# Dense layers with linear activations, no bias, and explicit names.
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(20,), name="x")
h = layers.Dense(64, activation="linear", use_bias=False, name="proj")(inputs)
h = layers.BatchNormalization(name="proj_bn")(h)
h = layers.Activation("relu")(h)
h = layers.Dense(units=32, activation=None)(h)
h = layers.Dense(32, kernel_initializer="glorot_normal", bias_initializer="ones")(h)
logits = layers.Dense(5, name="logits")(h)
probs = layers.Activation("softmax", name="probs")(logits)
model = keras.Model(inputs=inputs, outputs=[logits, probs], name="Classifier_v2")
model.summary()
