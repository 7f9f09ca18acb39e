# A functional sub-model called on two inputs inside a bigger model (shared weights), expanded,
# and a Sequential sub-model used twice in a row.
from tensorflow import keras
from tensorflow.keras import layers

feat_in = keras.Input(shape=(20,))
f = layers.Dense(12, activation="relu", name="f_hidden")(feat_in)
f = layers.Dense(6, name="f_out")(f)
features = keras.Model(feat_in, f, name="features")

refine = keras.Sequential([layers.Dense(6, activation="tanh"), layers.Dense(6)], name="refine")

u = keras.Input(shape=(20,), name="user")
i = keras.Input(shape=(20,), name="item")
fu = refine(refine(features(u)))
fi = features(i)
dot = layers.Dot(axes=1, normalize=True, name="cosine")([fu, fi])
rec = keras.Model([u, i], dot, name="recommender")
rec.summary()
rec.summary(expand_nested=True)
print(rec.count_params())
