# A misspelt compile() keyword: tf-keras' _validate_compile TypeError names the set of unknown
# keywords, Keras 3's compile() is Python's own TypeError; the legacy keywords tf-keras still
# takes pass.
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"],
              run_eagerly=False, steps_per_execution=1)
print("compiled")
model.compile(loss="binary_crossentropy",
              optimizer="rmsprop",
              matrics=["accuracy"])
print("not reached")
