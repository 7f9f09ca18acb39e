import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
print("TensorFlow", tf.__version__)
model = keras.Sequential([layers.Dense(3, input_shape=(4,))])
print(model.summary())
x = keras.Input(shape=(8, 8, 3))
print(x.shape, x.shape[1:])
print(model.layers[0].get_config()["units"] if False else model.layers[0].units)
print(len(model.weights), [tuple(w.shape) for w in model.weights])
print(model.trainable_weights[0].name)
print(str(model.output_shape), repr(model.input_shape))
names = [l.name for l in model.layers]
print(", ".join(names))
print("%d params" % model.count_params())
print(f"{model.name!r} {model.count_params():,}")
print(isinstance(model, keras.Model), isinstance(model, keras.Sequential), isinstance(model.layers[0], layers.Dense))
