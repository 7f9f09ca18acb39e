# A classifier head built for 16 features, reused on 8.
from tensorflow import keras
from tensorflow.keras import layers

head = keras.Sequential([keras.Input(shape=(16,)), layers.Dense(4, name="logits")], name="head")
features = keras.Input(shape=(8,))
scores = head(features)
