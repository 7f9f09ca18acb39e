# tf-keras still has Model.fit_generator / evaluate_generator / predict_generator (they hand their
# arguments to fit, evaluate and predict); Keras 3 removed all three.
import numpy as np
from tensorflow import keras

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
print([hasattr(model, name) for name in ("fit_generator", "evaluate_generator", "predict_generator")])
model.compile(loss="mse", optimizer="sgd")


def batches():
    while True:
        yield np.ones((4, 3), "float32"), np.ones((4, 2), "float32")


attempts = [
    lambda: model.fit_generator(),
    lambda: model.fit_generator(batches(), 2, 1, 0, None, None, None, 1, None, 10, 1, False, True, 0, 9),
    lambda: model.evaluate_generator(batches(), step=2),
    lambda: model.predict_generator(batches(), 1, steps=1),
]
for attempt in attempts:
    try:
        attempt()
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)
