# A recurrent layer built by hand before its weights are read (keyword input_shape=).
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

cell = layers.GRU(3, return_sequences=True)
cell.build(input_shape=(None, None, 4))
print(cell.built, [w.shape for w in cell.weights])
print(len(cell.trainable_weights))
