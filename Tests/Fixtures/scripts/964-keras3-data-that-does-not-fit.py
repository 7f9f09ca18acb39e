# Keras 3's errors for data that does not fit a model: targets whose shape differs from a
# crossentropy's outputs (the rank first, then the sizes, as the traced step sees them), a batch
# too wide for a Sequential model (its first Dense layer's input spec, in Sequential.call()'s text)
# or for a functional one (the model's input, by name), and fit/evaluate before compile().
import numpy as np
from tensorflow import keras


def report(what, step):
    try:
        step()
        print(what, "ran")
    except ValueError as error:
        print(what, "->", type(error).__name__)
        print(error)


if not hasattr(keras, "ops"):
    # tf-keras' errors for these come from TensorFlow's graph, with its own source lines.
    print("tf-keras")
else:
    x = np.linspace(0.0, 1.0, 24).reshape(6, 4)
    binary = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2, activation="sigmoid")])
    binary.compile(optimizer="sgd", loss="binary_crossentropy")
    report("one target column", lambda: binary.fit(x, np.ones((6, 1)), epochs=1, verbose=0))
    report("flat targets", lambda: binary.fit(x, np.ones(6), epochs=1, verbose=0))

    classes = keras.Sequential([keras.Input((4,)), keras.layers.Dense(5, activation="softmax")])
    classes.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    report("three one-hot columns", lambda: classes.fit(x, np.eye(3)[[0, 1, 2, 0, 1, 2]], verbose=0))
    report("evaluate too", lambda: classes.evaluate(x, np.zeros((6, 4)), verbose=0))

    stack = keras.Sequential(
        [keras.Input((3, 3)), keras.layers.Flatten(), keras.layers.Dense(2, name="head")]
    )
    report("wide images", lambda: stack.predict(np.zeros((5, 4, 4)), verbose=0))
    report("whole numbers", lambda: stack.predict(np.zeros((40, 2, 5), dtype="int64"), verbose=0))
    report("called directly", lambda: stack(np.zeros((2, 3, 4), dtype="float32")))

    features = keras.Input((4,), name="measurements")
    regression = keras.Model(features, keras.layers.Dense(1)(features))
    report("functional", lambda: regression.predict(np.zeros((3, 7)), verbose=0))
    report("not compiled", lambda: regression.fit(x, np.zeros((6, 1)), verbose=0))
    report("not compiled either", lambda: stack.evaluate(np.zeros((2, 3, 3)), np.zeros((2, 2))))
