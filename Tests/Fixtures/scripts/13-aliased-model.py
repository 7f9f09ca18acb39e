from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
], name="regressor")
same_model = model
same_model.add(layers.Activation("sigmoid"))
print(model is same_model, len(model.layers))
model.summary()
