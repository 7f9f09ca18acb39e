# Two outputs compiled with metrics=["accuracy", "accuracy"]: every output gets both, so tf-keras
# makes the name dense_1_accuracy twice and raises its ValueError when the train step first
# computes the metrics (after fit announced the first epoch). Keras 3 reads a list of as many
# metrics as outputs as one metric for each output.
import numpy as np
import keras
from keras import layers

keras.utils.set_random_seed(3)
features = keras.Input(shape=(6,))
shared = layers.Dense(5, activation="relu")(features)
kind = layers.Dense(3, activation="softmax")(shared)
score = layers.Dense(1, activation="sigmoid")(shared)
model = keras.Model(features, [kind, score])
model.compile(
    optimizer="adam",
    loss=["sparse_categorical_crossentropy", "binary_crossentropy"],
    metrics=["accuracy", "accuracy"],
)
x = np.linspace(-1.0, 1.0, 48).reshape(8, 6)
y = [np.arange(8) % 3, (np.arange(8) % 2).astype("float32")]
if keras.__version__.startswith("3"):
    print(sorted(model.evaluate(x, y, verbose=0, return_dict=True)))
    for metrics in (["accuracy", "mae"], [["accuracy"], ["mse", "mae"]]):
        model.compile(
            optimizer="adam",
            loss=["sparse_categorical_crossentropy", "binary_crossentropy"],
            metrics=metrics,
        )
        print(sorted(model.evaluate(x, y, verbose=0, return_dict=True)))
else:
    model.fit(x, y, epochs=3, verbose=2)
