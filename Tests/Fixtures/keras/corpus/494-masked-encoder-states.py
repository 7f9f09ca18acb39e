# A padded-sentence encoder: Embedding(mask_zero=True) and Masking feed recurrent layers whose
# states are the model's outputs (Keras 3 passes the mask to them as a second input).
from tensorflow import keras
from tensorflow.keras import layers

tokens = keras.Input(shape=(30,), name="tokens")
x = layers.Embedding(8000, 48, mask_zero=True)(tokens)
x = layers.Dropout(0.2)(x)
sequence, h, c = layers.LSTM(24, return_sequences=True, return_state=True)(x)
pooled = layers.GlobalAveragePooling1D()(sequence)
features = keras.Input(shape=(None, 5), name="features")
y = layers.Masking(mask_value=0.0)(features)
y = layers.GRU(12)(y)
model = keras.Model([tokens, features], [pooled, h, c, y])
model.summary()
for layer in model.layers:
    print(layer.name, layer.count_params())
