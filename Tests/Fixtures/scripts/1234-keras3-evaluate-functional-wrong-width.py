"""evaluate a functional model on rows of the wrong width: Keras 3's model input spec names the
input ('input_layer') and shows the traced batch as None; tf-keras raises the model's spec inside
AutoGraph's text. A fit on the right width first traces only the train step."""
import numpy as np
import keras

inputs = keras.Input(shape=(4,))
outputs = keras.layers.Dense(2, activation="softmax")(keras.layers.Dense(6)(inputs))
model = keras.Model(inputs, outputs, name="two_classes")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.ones((8, 4)), np.zeros((8,)), verbose=0)
print("fitted")
model.evaluate(np.ones((8, 7)), np.zeros((8,)), verbose=0)
