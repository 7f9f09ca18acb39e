from tensorflow import keras
from tensorflow.keras import layers

left = keras.Input(shape=(6,), name="left")
right = keras.Input(shape=(6,), name="right")
a = layers.Dense(5, activation="tanh")(left)
b = layers.Dense(5, activation="tanh")(right)
diff = layers.Subtract()([a, b])
high = layers.Maximum()([a, b, diff])
low = layers.minimum([a, b])
mean = layers.Average()([a, b, high])
cosine = layers.Dot(axes=1, normalize=True)([a, b])
inner = layers.dot([high, low], axes=-1)
joined = layers.Concatenate()([diff, mean, cosine, inner])
model = keras.Model(inputs=[left, right], outputs=layers.Dense(2)(joined))
