import numpy as np
import keras
from keras import layers
from keras import ops

n = np.arange(24 * 4).reshape(24, 4)
left = ((n * 7) - ((n * 7) // 11) * 11 - 5).astype("float32") / 5.0
right = ((n * 5) - ((n * 5) // 13) * 13 - 6).astype("float32") / 6.0
same = (left[:, 0] * right[:, 0] > 0).astype("float32")


def euclidean_distance(vectors):
    a, b = vectors
    squared = ops.sum(ops.square(a - b), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(squared, 1e-7))


def contrastive_loss(y_true, y_pred):
    margin = 1.0
    square_pred = ops.square(y_pred)
    margin_square = ops.square(ops.maximum(margin - y_pred, 0.0))
    return ops.mean(y_true * square_pred + (1 - y_true) * margin_square)


encoder = keras.Sequential([
    keras.Input(shape=(4,)),
    layers.Dense(3, activation="tanh", kernel_initializer=keras.initializers.Constant(0.3), bias_initializer=keras.initializers.Constant(0.05)),
    layers.Dense(2, kernel_initializer=keras.initializers.Constant(-0.2)),
], name="encoder")
a = keras.Input(shape=(4,))
b = keras.Input(shape=(4,))
distance = layers.Lambda(euclidean_distance, output_shape=(1,))([encoder(a), encoder(b)])
model = keras.Model([a, b], distance)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss=contrastive_loss)
history = model.fit([left, right], same, epochs=4, batch_size=8, shuffle=False, verbose=2)
print([round(v, 5) for v in history.history["loss"]])
print(model.evaluate([left, right], same, verbose=0))
print([round(float(v), 4) for v in model.predict([left[:3], right[:3]], verbose=0)[:, 0]])

# Keras operations on Keras tensors, trained with Adam.
x = keras.Input(shape=(4,))
h = layers.Dense(5, activation="tanh", kernel_initializer=keras.initializers.Constant(0.2))(x)
features = ops.concatenate([ops.abs(h), ops.exp(-ops.square(h)), h[:, :2] * 2.0, ops.mean(h, axis=1, keepdims=True)], axis=1)
out = layers.Dense(1, activation="sigmoid", kernel_initializer=keras.initializers.Constant(-0.3))(features)
net = keras.Model(x, out)
net.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="binary_crossentropy", metrics=["accuracy"])
history = net.fit(left, same, epochs=3, batch_size=8, shuffle=False, verbose=2)
print(net.evaluate(left, same, verbose=0))
