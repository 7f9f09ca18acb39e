import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

# Lambda layers whose functions return several tensors: tf.split into a list (grouped
# convolutions), a tuple of two computed tensors; each output feeds its own branch.
inputs = keras.Input(shape=(5, 5, 6))
groups = layers.Lambda(lambda x: tf.split(value=x, num_or_size_splits=3, axis=-1))(inputs)
branches = [layers.Conv2D(2, 3, padding="same", activation="relu")(g) for g in groups]
pair = layers.Lambda(lambda x: (x[..., :2] * 2.0, tf.reduce_mean(x, axis=-1, keepdims=True)))(inputs)
x = layers.Concatenate()(branches + [pair[0], pair[1]])
outputs = layers.Dense(2)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs)
model.set_weights([np.cos(np.arange(w.size) * 0.6 + k).reshape(w.shape).astype("float32") * 0.4
                   for k, w in enumerate(model.get_weights())])
x_data = np.sin(np.arange(8 * 5 * 5 * 6) * 0.23).reshape(8, 5, 5, 6).astype("float32")
y_data = np.cos(np.arange(16) * 0.5).reshape(8, 2).astype("float32")
print(np.round(model.predict(x_data[:3], verbose=0), 4))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
model.fit(x_data, y_data, epochs=3, batch_size=4, shuffle=False, verbose=2)
print(np.round(model.predict(x_data[:3], verbose=0), 4))
