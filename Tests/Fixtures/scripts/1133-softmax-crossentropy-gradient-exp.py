# A softmax head trained with a crossentropy: Keras hands TensorFlow the logits, and its
# gradient exp(z - max) / sum - y takes exp over the whole batch of logits at once, eight
# values at a time by a vectorized exp and the last few by the C library's, which round some
# values differently. Full weights after a few steps show it.
import numpy as np
import tensorflow as tf

x = np.linspace(0.0, 1.0, 57).reshape(19, 3).astype("float32")
labels = np.arange(19) % 3
for activation, loss, targets in [
    ("tanh", "categorical_crossentropy", tf.keras.utils.to_categorical(labels, 3)),
    ("relu", "sparse_categorical_crossentropy", labels),
]:
    tf.keras.utils.set_random_seed(3)
    model = tf.keras.Sequential(
        [
            tf.keras.Input(shape=(3,)),
            tf.keras.layers.Dense(8, activation=activation),
            tf.keras.layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(optimizer=tf.keras.optimizers.SGD(1.0), loss=loss)
    history = model.fit(x, targets, epochs=2, batch_size=6, shuffle=False, verbose=0)
    print(activation, [float(v) for v in history.history["loss"]])
    for weight in model.get_weights():
        print(weight.ravel().tolist())
