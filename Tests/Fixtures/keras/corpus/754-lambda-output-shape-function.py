# Older siamese scripts give Lambda a function that computes its output shape from the input
# shapes; the layer's output shape still comes from what the function does.
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras import backend as K


def manhattan_distance(pair):
    left, right = pair
    return K.sum(K.abs(left - right), axis=1, keepdims=True)


def distance_shape(shapes):
    first, second = shapes
    return (first[0], 1)


encoder_input = keras.Input(shape=(20,))
encoded = layers.Dense(16, activation="relu")(encoder_input)
encoder = keras.Model(encoder_input, encoded)

left = keras.Input(shape=(20,))
right = keras.Input(shape=(20,))
distance = layers.Lambda(manhattan_distance, output_shape=distance_shape)(
    [encoder(left), encoder(right)])
doubled = layers.Lambda(lambda t: t * 2.0, lambda shape: shape, name="doubled")(distance)
model = keras.Model([left, right], doubled)
model.summary()
print(model.output_shape)
