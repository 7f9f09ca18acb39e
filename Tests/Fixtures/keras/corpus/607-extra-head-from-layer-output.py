# Adding a third head to a trained two-head model: the new head reads the output of one of the
# model's layers (`model.layers[i].output`).
from tensorflow import keras
from tensorflow.keras import layers

title = keras.Input(shape=(300,), name="title")
body = keras.Input(shape=(300,), name="body")
merged = layers.Concatenate()([title, body])
shared = layers.Dense(32, activation="relu", name="shared")(merged)
urgency = layers.Dense(1, activation="sigmoid", name="urgency")(shared)
team = layers.Dense(5, activation="softmax", name="team")(shared)
model = keras.Model([title, body], [urgency, team])

features = model.layers[3].output
effort = layers.Dense(3, activation="softmax", name="effort")(features)
extended = keras.Model([title, body], [urgency, team, effort])
extended.summary()
