# fit, evaluate and predict build a Sequential model that was given no input shape from the
# data they receive, leaving the batch size unknown.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(2)
tokens = keras.Sequential()
tokens.add(keras.layers.Embedding(9, 3))
tokens.compile(optimizer="sgd", loss="mse")
print(tokens.built)
codes = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 0]])
print(tokens.predict(codes, verbose=0).shape, tokens.built, tokens.count_params())

scorer = keras.Sequential([keras.layers.Dense(3, activation="relu"), keras.layers.Dense(1)])
scorer.compile(optimizer="adam", loss="mse")
scorer.evaluate(np.ones((5, 4)), np.zeros((5, 1)), verbose=0)
print(scorer.built, scorer.count_params(), scorer.output_shape)

trained = keras.Sequential([keras.layers.Dense(2, name="hidden"), keras.layers.Dense(1, name="out")])
trained.compile(optimizer="sgd", loss="mse")
trained.fit(np.ones((6, 5)), np.ones((6, 1)), epochs=1, verbose=0)
trained.summary()
print([layer.output.shape for layer in trained.layers])
