# A script saved by an editor that writes a UTF-8 byte order mark first.
import tensorflow as tf
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(3, name="hidden")], name="with_bom")
print(model.name, model.count_params())
