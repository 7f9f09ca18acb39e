# A notebook lists what Keras offers with dir() before choosing an initializer and an activation.
import tensorflow as tf
from tensorflow import keras

print([name for name in dir(keras.initializers) if not name.startswith("_")][:6])
print([name for name in dir(keras.activations) if "elu" in name])
print([name for name in dir(keras.optimizers) if name[0].isupper()][:4])
print(dir(keras.regularizers)[:12])
print([name for name in dir(keras.layers) if "relu" in name.lower()], len(dir(tf.keras.layers)))
print("append" in dir([]), "expandtabs" in dir(str), len(dir({})), dir(3.5)[-7:])
print([name for name in dir(()) if not name.startswith("__")])
model = keras.Sequential([keras.Input(shape=(4,)),
                          keras.layers.Dense(2, kernel_initializer="he_normal", activation="selu")])
model.summary()
dir([], ())
