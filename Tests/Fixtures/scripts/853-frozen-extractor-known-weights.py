# A feature extractor cut from a model whose weights the script set: frozen layers keep their
# values through fit (equality tests print), the extractor's features print, and the trainable
# counts follow the freezing.
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(5)
base = keras.Sequential([
    keras.Input(shape=(4,)),
    keras.layers.Dense(3, activation="relu", name="embed"),
    keras.layers.Dense(2, activation="softmax", name="head"),
])
base.get_layer("embed").set_weights([np.eye(4, 3, dtype="float32"), np.full(3, 0.1, "float32")])
extractor = keras.Model(base.inputs, base.get_layer("embed").output)
rows = np.array([[1.0, 2.0, 3.0, 4.0], [-1.0, 0.5, 0.0, 2.0]], dtype="float32")
print(extractor.predict(rows, verbose=0))
base.get_layer("embed").trainable = False
print(len(base.trainable_weights), len(base.non_trainable_weights))
before = base.get_layer("embed").get_weights()
base.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
base.fit(rows, np.array([0, 1]), epochs=2, verbose=0)
after = base.get_layer("embed").get_weights()
print([np.array_equal(a, b) for a, b in zip(before, after)])
features = extractor(rows).numpy()
print(features.sum(axis=1), features.argmax(axis=1))
