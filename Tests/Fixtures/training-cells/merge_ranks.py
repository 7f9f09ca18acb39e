import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# A channel gate of rank 2 merged with feature maps of rank 4: Keras expands (N, C) to
# (N, 1, 1, C) before broadcasting, in the forward pass and in the gradient.
inputs = keras.Input(shape=(4, 4, 3))
features = layers.Conv2D(3, 3, padding="same")(inputs)
pooled = layers.GlobalAveragePooling2D()(features)
peak = layers.GlobalMaxPooling2D()(features)
gate = layers.Activation("sigmoid")(layers.Add()([layers.Dense(3)(pooled), layers.Dense(3)(peak)]))
scaled = layers.Multiply()([gate, features])
rows = layers.Reshape((16, 3))(scaled)
mixed = layers.Average()([layers.Dense(3)(peak), rows])
lifted = layers.maximum([rows, mixed])
diff = layers.subtract([layers.Dense(1)(pooled), lifted])
outputs = layers.Dense(2)(layers.Flatten()(diff))
model = keras.Model(inputs, outputs)
model.set_weights([np.sin(np.arange(w.size) * 0.7 + k).reshape(w.shape).astype("float32") * 0.4
                   for k, w in enumerate(model.get_weights())])
n = np.arange(12 * 4 * 4 * 3)
x = np.cos(n * 0.37).reshape(12, 4, 4, 3).astype("float32")
y = np.sin(np.arange(24) * 0.9).reshape(12, 2).astype("float32")
print(np.round(model.predict(x[:2], verbose=0), 4))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.02), loss="mse")
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=2)
print(np.round(model.predict(x[:2], verbose=0), 4))
print(model.evaluate(x, y, verbose=0))
