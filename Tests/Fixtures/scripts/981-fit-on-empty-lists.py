# fit, evaluate and predict on empty Python lists or tuples: no data adapter takes them, and both
# Kerases fail popping from the empty set of candidates (Python's KeyError).
from tensorflow import keras

model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
calls = [
    ("fit", lambda: model.fit([], [], verbose=0)),
    ("evaluate", lambda: model.evaluate((), (), verbose=0)),
    ("predict", lambda: model.predict([], verbose=0)),
]
for name, call in calls:
    try:
        call()
    except KeyError as error:
        print(name, type(error).__name__, error)
model.fit([], [], epochs=3)
