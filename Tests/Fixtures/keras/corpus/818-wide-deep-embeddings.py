# Wide and deep on tabular data: integer categories through Embedding + Flatten, numeric features
# through Dense layers, a wide linear part, and the two parts concatenated.
from tensorflow import keras
from tensorflow.keras import layers

city = keras.Input(shape=(1,), dtype="int32", name="city")
hour = keras.Input(shape=(1,), dtype="int32", name="hour")
numeric = keras.Input(shape=(9,), name="numeric")
ce = layers.Flatten()(layers.Embedding(200, 6, name="city_emb")(city))
he = layers.Flatten()(layers.Embedding(24, 3, name="hour_emb")(hour))
deep = layers.concatenate([ce, he, numeric])
deep = layers.Dense(32, activation="relu")(deep)
deep = layers.Dense(16, activation="relu")(deep)
wide = layers.Dense(1, name="wide_linear")(numeric)
both = layers.concatenate([deep, wide], name="wide_and_deep")
fare = layers.Dense(1, name="fare")(both)
wd = keras.Model([city, hour, numeric], fare)
wd.summary()
print(wd.count_params())
