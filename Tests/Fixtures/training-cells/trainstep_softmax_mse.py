import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# A softmax output trained with a loss that does not read its logits: the gradient goes through
# the softmax over the output's own axis (3 classes), not the input's (5 features).
i = np.arange(24 * 5)
x = (((-1.0) ** i) * np.exp(-i * 0.03) + 0.2).astype("float32").reshape(24, 5)
y = keras.utils.to_categorical(np.array([(k * 5) % 3 for k in range(24)]), 3)
model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(4, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3)),
    layers.Dense(3, activation="softmax"),
])
w = model.get_weights()
w[2] = (np.exp(-np.arange(12) * 0.2) - 0.5).astype("float32").reshape(4, 3)
model.set_weights(w)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse")
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=2)
print(history.history)
print(np.round(model.get_weights()[2], 4))
