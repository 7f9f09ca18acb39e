# Modèle de classification: deux couches denses (fichier enregistré en Latin-1)
from tensorflow import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
model.summary()
