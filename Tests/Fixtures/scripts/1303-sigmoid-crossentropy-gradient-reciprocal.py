# The gradient of a sigmoid crossentropy read from the cached logits goes through log1p, whose
# gradient multiplies by reciprocal(1 + exp(-|z|)): Eigen's inverse, which on whole packets of 8
# is the processor's approximate reciprocal refined by one Newton step, not a division (a value
# in three comes out 1 ulp away). Every weight's gradient of a small net shows it.
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(21)
inputs = np.sin(np.arange(90 * 10, dtype="float32") * 0.47).reshape(90, 10) * 1.3
answers = (np.cos(np.arange(90) * 1.1) > -0.2).astype("float32")
model = tf.keras.Sequential(
    [
        tf.keras.Input((10,)),
        tf.keras.layers.Dense(9, activation="tanh"),
        tf.keras.layers.Dense(1, activation="sigmoid"),
    ]
)
crossentropy = tf.keras.losses.BinaryCrossentropy()


@tf.function
def slopes(x, y):
    with tf.GradientTape() as tape:
        loss = crossentropy(y, model(x, training=True))
    found = tape.gradient(loss, model.trainable_variables)
    return loss, found[0], found[1], found[2], found[3]


for count in [32, 21, 90]:
    result = slopes(inputs[:count], answers[:count].reshape(-1, 1))
    print(count, float(result[0]))
    for tensor in result[1:]:
        print(tensor.numpy().ravel().tolist()[:12])

model.compile(optimizer=tf.keras.optimizers.SGD(0.3), loss="binary_crossentropy")
history = model.fit(inputs, answers, epochs=3, batch_size=16, shuffle=False, verbose=0)
print(history.history["loss"])
print(model.predict(inputs[:5], verbose=0).ravel().tolist())
