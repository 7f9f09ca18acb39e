# Lambda layers for small pieces of arithmetic: scaling pixels in a Sequential model, and a gated
# combination of two branches in a functional one.
from tensorflow import keras
from tensorflow.keras import layers

scaler = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    layers.Lambda(lambda x: x / 127.5 - 1.0),
    layers.Conv2D(4, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(2),
], name="scaler")
scaler.summary()


def blend(pair):
    a, b = pair
    return 0.75 * a + 0.25 * b


left = keras.Input(shape=(8,))
right = keras.Input(shape=(8,))
mixed = layers.Lambda(blend, name="blend")([layers.Dense(8)(left), layers.Dense(8)(right)])
squared = layers.Lambda(lambda t: t * t)(mixed)
model = keras.Model([left, right], layers.Dense(1)(squared), name="lambda_graph")
model.summary()
print(model.get_layer("blend").output_shape)
