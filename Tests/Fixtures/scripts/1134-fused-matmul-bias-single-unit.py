# Inside predict, evaluate and fit tf-keras' MatMul and BiasAdd of a Dense layer run as one fused
# op, unless the BiasAdd itself is what predict returns. A single unit then sums its inputs in
# the fused op's order, not the plain MatMul's: a sigmoid output in predict, the linear output
# in evaluate and every step of a fit show it in their last digits. (Keras 3 adds the bias with
# its own op and sums otherwise.)
import numpy as np
import tensorflow as tf

x = np.cos(np.arange(40 * 9, dtype="float32") * 0.37).reshape(40, 9)
y = (np.sin(np.arange(40, dtype="float32")) > 0).astype("float32").reshape(40, 1)

tf.keras.utils.set_random_seed(21)
squash = tf.keras.Sequential([tf.keras.Input((9,)), tf.keras.layers.Dense(1, activation="sigmoid")])
print(squash.predict(x, verbose=0).ravel().tolist())

tf.keras.utils.set_random_seed(22)
head = tf.keras.Sequential(
    [
        tf.keras.Input((9,)),
        tf.keras.layers.Dense(6, activation="tanh"),
        tf.keras.layers.Dense(1),
    ]
)
head.compile(optimizer=tf.keras.optimizers.SGD(0.05), loss="mse")
print(head.evaluate(x, y, batch_size=40, verbose=0))
history = head.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
print([float(v) for v in history.history["loss"]])
for weight in head.get_weights():
    print(weight.ravel().tolist())
print(head.predict(x[:5], verbose=0).ravel().tolist())

