from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input((4, 4)), layers.LSTM(2**61)])
