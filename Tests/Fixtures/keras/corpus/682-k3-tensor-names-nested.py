# A model used as a layer, and a Lambda layer: the tensors Keras makes along the way.
# %%
import keras
from keras import layers

encoder_input = keras.Input(shape=(None, 4))
encoded = layers.Dense(6, activation="relu")(encoder_input)
encoded = layers.Dense(2)(encoded)
encoder = keras.Model(encoder_input, encoded)

same = keras.Input(shape=(None, 4))
print(encoder(same))
longer = keras.Input(shape=(9, 4))
print(encoder(longer))
print(keras.Input(shape=(1,)))

# %%
doubled = layers.Lambda(lambda t: t * 2.0)(longer)
print(doubled)
shaped = layers.Lambda(lambda t: t * 2.0, output_shape=(9, 4))(longer)
print(shaped)
print(keras.Input(shape=(1,)))
