# A Dense(1, "sigmoid") output in predict and evaluate. Keras 3 on a machine without an
# accelerator runs predict as a tf.function without XLA: the MatMul, the bias add (ops.add) and
# the sigmoid stay separate ops, so the single unit sums as the plain MatMul's matrix-vector
# product; tf-keras fuses the MatMul with its BiasAdd and sums in that op's order. Both
# Kerases compute binary_crossentropy from the sigmoid's logits, (max(z, 0) - z y) +
# log1p(exp(-|z|)), each op over the whole batch in Eigen's vectorized exp and log1p.
import numpy as np
import keras

x = np.sin(np.arange(48 * 13, dtype="float32") * 0.61).reshape(48, 13)
y = (np.cos(np.arange(48, dtype="float32") * 1.7) > 0).astype("float32")

for inputs, seed in [(13, 4), (7, 5), (11, 6), (9, 21), (12, 3)]:
    keras.utils.set_random_seed(seed)
    model = keras.Sequential([
        keras.Input((inputs,)),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(loss="binary_crossentropy", metrics=["accuracy"])
    probabilities = model.predict(x[:, :inputs], verbose=0).ravel()
    print(inputs, "inputs:", [float(p) for p in probabilities])
    print(inputs, "inputs sum:", float(probabilities.sum()))
    print(inputs, "inputs evaluate:", model.evaluate(x[:, :inputs], y, verbose=0))
