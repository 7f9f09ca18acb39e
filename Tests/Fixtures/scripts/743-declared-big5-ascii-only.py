# a small regressor kept in an old editor's settings
# vim: set fileencoding=big5 :
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input((5,), name="features")
hidden = layers.Dense(3, activation="tanh", name="hidden")(inputs)
outputs = layers.Dense(1, name="price")(hidden)
model = keras.Model(inputs, outputs, name="regressor")
print(model.name, model.count_params())
