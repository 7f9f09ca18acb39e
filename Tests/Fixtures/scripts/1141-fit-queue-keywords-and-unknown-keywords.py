# Scripts written for fit_generator-era Keras pass the queue arguments to fit, evaluate and predict
# (workers=, use_multiprocessing=, max_queue_size=): tf-keras takes them (arrays never use the
# queue) after its data handler's checks (positive max_queue_size, then workers), Keras 3 has no
# such parameters (fit and predict: TypeError naming TensorFlowTrainer; evaluate takes **kwargs
# and raises ValueError listing them). An unknown keyword names tf-keras' Model, and its evaluate
# lists the unknown names in a TypeError of its own.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(5)
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation="relu"),
                          keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x = np.linspace(-1.0, 1.0, 24).reshape(8, 3)
y = x.sum(axis=1, keepdims=True)

calls = [
    ("fit", {"workers": 4, "use_multiprocessing": True, "epochs": 2}),
    ("fit", {"max_queue_size": 20, "workers": 1}),
    ("fit", {"workers": 0}),
    ("fit", {"max_queue_size": 0, "workers": -2}),
    ("fit", {"nb_epoch": 3}),
    ("evaluate", {"workers": 2}),
    ("evaluate", {"use_multiprocessing": False, "show_accuracy": True}),
    ("evaluate", {"max_queue_size": False}),
    ("predict", {"workers": 3, "max_queue_size": 5}),
    ("predict", {"batchsize": 4}),
]
for name, keywords in calls:
    method = getattr(model, name)
    arguments = (x,) if name == "predict" else (x, y)
    try:
        result = method(*arguments, verbose=0, **keywords)
    except (TypeError, ValueError) as error:
        print(f"{name}{sorted(keywords)} -> {type(error).__name__}: {error}")
    else:
        kind = type(result).__name__
        print(f"{name}{sorted(keywords)} -> {kind}", np.round(np.ravel(result if kind != "History" else result.history["loss"]), 5))
