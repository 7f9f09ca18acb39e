from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input(shape=(10, 8)), layers.Bidirectional(layers.SimpleRNN(2**62))])
