import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n = np.arange(16 * 4).reshape(16, 4)
a = (n - (n // 7) * 7 - 3).astype("float32") / 4.0
b = (n - (n // 5) * 5 - 2).astype("float32") / 3.0
i = np.arange(16)
labels = i - (i // 3) * 3
values = (i - (i // 4) * 4).astype("float32") / 2.0
left = keras.Input(shape=(4,), name="left")
right = keras.Input(shape=(4,), name="right")
shared = layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.2), name="shared")
x = layers.Concatenate()([shared(left), shared(right), layers.Subtract()([left, right])])
x = layers.Dense(5, activation="relu", kernel_initializer=keras.initializers.Constant(0.1), bias_initializer=keras.initializers.Constant(0.05))(x)
label = layers.Dense(3, activation="softmax", kernel_initializer=keras.initializers.Constant(-0.05), name="label")(x)
value = layers.Dense(1, kernel_initializer=keras.initializers.Constant(0.3), name="value")(layers.Add()([x, x * 0.5]))
model = keras.Model([left, right], [label, value])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05),
              loss={"label": "sparse_categorical_crossentropy", "value": "mse"},
              loss_weights={"label": 1.0, "value": 0.25}, metrics={"label": ["accuracy"]})
history = model.fit([a, b], {"label": labels, "value": values}, epochs=2, batch_size=6, validation_split=0.25, shuffle=False, verbose=2)
print(sorted(history.history))
print(model.evaluate([a, b], [labels, values], batch_size=8, verbose=2))
