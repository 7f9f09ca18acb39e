from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input((2, 8, 8, 3)), layers.ConvLSTM2D(2**61, 3)])
