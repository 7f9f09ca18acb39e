# Calling a layer on a layer or a model instead of on a tensor: Keras 3 names the value it
# refuses by its repr (tf-keras' TypeError shows the object's memory address, so this script
# tries it under Keras 3 only). The layers made for the failed calls still take their names.
from tensorflow import keras

hidden = keras.layers.Dense(3)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(2)])
if hasattr(keras, "ops"):  # Keras 3
    for argument in [hidden, model, [hidden], ("abc",), 3]:
        try:
            keras.layers.Dense(2)(argument)
        except ValueError as error:
            print(error)
print(keras.layers.Dense(4).name)
