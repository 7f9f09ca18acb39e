# Normalization needs both mean and variance when either is given.
from tensorflow import keras
from tensorflow.keras import layers

norm = layers.Normalization(mean=0.5)
