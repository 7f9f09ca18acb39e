# A two-headed model whose outputs are named in a dict: predict (and a callback's batch outputs)
# hand back a dict in the order the dict was written, although Keras orders the heads themselves
# by sorted key. Keras 3 also refuses to build a Sequential model that has no layers at all.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

keras.utils.set_random_seed(4)
image = keras.Input((6,), name="image")
extra = keras.Input((2,), name="extra")
joined = layers.concatenate([layers.Dense(4, activation="relu", name="trunk")(image), extra])
heads = {
    "score": layers.Dense(3, activation="softmax", name="score")(joined),
    "box": layers.Dense(4, name="box")(joined),
}
model = keras.Model([image, extra], heads)
print(model.output_names)


class Shapes(keras.callbacks.Callback):
    def on_predict_batch_end(self, batch, logs=None):
        outputs = logs["outputs"]
        print("batch", batch, type(outputs).__name__, [(k, v.shape) for k, v in outputs.items()])


data = [np.linspace(-1, 1, 30).reshape(5, 6), np.ones((5, 2))]
# (Keras 3 flattens a dict of outputs into the logs themselves; tf-keras keeps it under "outputs".)
watch = [] if hasattr(keras, "ops") else [Shapes()]
found = model.predict(data, batch_size=4, verbose=0, callbacks=watch)
print(type(found).__name__, list(found))
print(np.round(found["score"], 4))
print(np.round(found["box"][:2], 4))

single = keras.Model([image, extra], {"only": heads["box"]})
alone = single.predict(data, verbose=0)
print(type(alone).__name__, list(alone), alone["only"].shape)

if hasattr(keras, "ops"):
    blank = keras.Sequential(name="blank")
    for attempt in (lambda: blank(keras.Input((4,))), lambda: blank(np.zeros((2, 4)))):
        try:
            attempt()
        except ValueError as error:
            print("ValueError:", error)
