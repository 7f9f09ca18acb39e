from tensorflow import keras
from tensorflow.keras import layers
x = keras.Input(shape=(4,))
y = x
for i in range(20000):
    y = layers.Activation("relu")(y)
model = keras.Model(x, y)
print(len(model.layers))
