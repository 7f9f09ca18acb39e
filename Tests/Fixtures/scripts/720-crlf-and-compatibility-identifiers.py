# Windows line endings, a continued string and identifiers written with compatibility characters.
import tensorflow as tf
from tensorflow import keras

ｕnits = 4
ﬁlters = 2
model = keras.Sequential([
    keras.Input(shape=(8, 8, 1)),
    keras.layers.Conv2D(filters, 3, name="conv"),
    keras.layers.Flatten(),
    keras.layers.Dense(units, name="head"),
])
label = "params: \
%d"
print(label % model.count_params(), units, filters)
