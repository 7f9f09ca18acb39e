from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(5, 4, 6))
features = layers.Conv2D(6, 3, padding="same")(inputs)
pooled = layers.GlobalAveragePooling2D()(features)
peak = layers.GlobalMaxPooling2D()(features)
gate = layers.Activation("sigmoid")(layers.Add()([layers.Dense(6)(pooled), layers.Dense(6)(peak)]))
scaled = layers.Multiply()([gate, features])
rows = layers.Reshape((20, 6))(features)
lifted = layers.maximum([rows, layers.Dense(6)(pooled)])
mean = layers.Average()([peak, rows, lifted])
diff = layers.Subtract()([layers.Dense(1)(pooled), rows])
both = layers.add([scaled, layers.multiply([pooled, peak])])
model = keras.Model(inputs, [both, mean, diff])
