# numpy.testing checks around a frozen layer, and inf/nan guards in graph normalization.
import numpy as np
import numpy.testing as npt
from tensorflow import keras
from tensorflow.keras import layers

adjacency = np.array([[0, 1, 1, 0], [1, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]], dtype="float32")
degree = adjacency.sum(1)
with np.errstate(divide="ignore"):
    inverse = np.power(degree, -1.0)
print(inverse, np.isinf(inverse), np.isfinite(inverse).sum())
inverse[np.isinf(inverse)] = 0.0
normalized = np.diag(inverse).dot(adjacency)
print(normalized)
print(np.diag(normalized), np.diag(np.array([1, 2]), k=1))
print(np.isnan(np.array([1.0, np.nan, np.inf])), np.isinf(np.float32(3.0)), np.isfinite(2))
npt.assert_allclose(normalized.sum(axis=1), [1.0, 1.0, 1.0, 0.0])
np.testing.assert_array_equal(np.diag(np.diag(normalized)), np.zeros((4, 4)))
np.testing.assert_equal(normalized.shape, (4, 4))
np.testing.assert_almost_equal(normalized[0, 1], 0.5)
np.testing.assert_array_almost_equal(normalized[0], [0.0, 0.5, 0.5, 0.0], decimal=5)
np.testing.assert_allclose(np.array([1.0, np.nan]), np.array([1.0 + 1e-9, np.nan]))
print(npt.assert_allclose(3, 3.0000001, rtol=1e-6))

model = keras.Sequential(
    [keras.Input(shape=(3,)), layers.Dense(3, activation="relu"), layers.Dense(3)]
)
frozen = model.layers[0]
frozen.trainable = False
before = frozen.get_weights()
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.random((4, 3)), np.random.random((4, 3)), epochs=2, verbose=0)
after = frozen.get_weights()
np.testing.assert_allclose(before[0], after[0])
np.testing.assert_array_equal(before[1], after[1])
print("frozen weights unchanged:", len(model.trainable_weights), len(model.non_trainable_weights))
try:
    npt.assert_allclose(1.0)
except TypeError as error:
    print("TypeError:", error)
try:
    np.testing.assert_equal(1, 1, "message", True, False)
except TypeError as error:
    print("TypeError:", error)
