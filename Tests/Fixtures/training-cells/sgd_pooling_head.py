import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

x = np.arange(24 * 6 * 6).reshape(24, 6, 6)
x = (x // 5) * 3 - (x // 7) * 2
x = x[..., None].astype("float32") / 40.0
y = np.arange(24) // 8
model = keras.Sequential([
    keras.Input(shape=(6, 6, 1)),
    layers.Conv2D(4, 3, activation="relu", kernel_initializer=keras.initializers.Constant(0.05)),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation="softmax", kernel_initializer=keras.initializers.Constant(0.1)),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=3, batch_size=8, validation_split=0.25, shuffle=False, verbose=2)
print(history.history)
print(model.evaluate(x, y, batch_size=8, verbose=2))
print(np.argmax(model.predict(x[:4], verbose=0), axis=1))
