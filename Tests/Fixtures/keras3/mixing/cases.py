import tensorflow as tf
import keras
import tf_keras
# %% keras3-sequential-add-tf-keras-layer
model = keras.Sequential()
model.add(tf_keras.layers.Dense(4))
# %% keras3-sequential-list-tf-keras-layer
model = keras.Sequential([keras.Input(shape=(8,)), tf_keras.layers.Dense(4)])
# %% tf-keras-sequential-add-keras3-layer
model = tf_keras.Sequential()
model.add(keras.layers.Dense(4))
# %% tf-keras-sequential-list-keras3-layer
model = tf_keras.Sequential([tf_keras.Input(shape=(8,)), keras.layers.Dense(4)])
# %% tf-keras-layer-on-keras3-input
x = keras.Input(shape=(8,))
y = tf_keras.layers.Dense(4)(x)
print(y.shape)
# %% keras3-layer-on-tf-keras-input
x = tf_keras.Input(shape=(8,))
y = keras.layers.Dense(4)(x)
print(y.shape)
# %% keras3-model-of-tf-keras-tensors
x = tf_keras.Input(shape=(8,))
y = tf_keras.layers.Dense(4)(x)
model = keras.Model(x, y)
# %% tf-keras-model-of-keras3-tensors
x = keras.Input(shape=(8,))
y = keras.layers.Dense(4)(x)
model = tf_keras.Model(x, y)
# %% keras3-sequential-add-tf-keras-model
inner = tf_keras.Sequential([tf_keras.Input(shape=(8,)), tf_keras.layers.Dense(4)])
model = keras.Sequential([keras.Input(shape=(8,))])
model.add(inner)
# %% tf-keras-sequential-add-keras3-model
inner = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(4)])
model = tf_keras.Sequential([tf_keras.Input(shape=(8,))])
model.add(inner)
# %% tf-keras-model-on-keras3-input
inner = tf_keras.Sequential([tf_keras.Input(shape=(8,)), tf_keras.layers.Dense(4)])
x = keras.Input(shape=(8,))
y = inner(x)
print(y.shape)
# %% keras3-model-on-tf-keras-input
inner = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(4)])
x = tf_keras.Input(shape=(8,))
y = inner(x)
print(y.shape)
# %% isinstance-across-packages
a = keras.layers.Dense(4)
b = tf_keras.layers.Dense(4)
print(isinstance(a, keras.layers.Dense), isinstance(b, keras.layers.Dense))
print(isinstance(a, tf_keras.layers.Dense), isinstance(b, tf_keras.layers.Dense))
print(isinstance(a, tf.keras.layers.Dense), isinstance(b, tf.keras.layers.Layer))
print(isinstance(keras.Sequential(), tf_keras.Model), isinstance(tf_keras.Sequential(), keras.Model))
# %% type-names
print(type(keras.layers.Dense(4)).__name__, type(tf_keras.layers.Dense(4)).__name__)
print(keras.layers.Dense is tf.keras.layers.Dense, keras.layers.Dense is tf_keras.layers.Dense)
# %% keras3-add-of-mixed-tensors
a = keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = keras.layers.add([a, b])
print(c.shape)
# %% tf-keras-add-of-mixed-tensors
a = keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = tf_keras.layers.add([b, a])
print(c.shape)
# %% keras3-concatenate-of-tf-keras-tensors
a = tf_keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = keras.layers.Concatenate()([a, b])
print(c.shape)
# %% arithmetic-of-mixed-tensors
a = keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = a + b
print(c.shape)
# %% arithmetic-of-mixed-tensors-reversed
a = keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = b + a
print(c.shape)
# %% versions
print(keras.__version__, tf.keras.__version__, tf_keras.__version__, tf.__version__)
# %% counters-are-per-package
print(keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name, tf.keras.layers.Dense(1).name)
print(keras.Input(shape=(2,)).name, tf_keras.Input(shape=(2,)).name)
print(keras.Sequential().name, tf_keras.Sequential().name)
# %% tf-keras-functional-model-names
x = tf_keras.Input(shape=(3,))
m = tf_keras.Model(x, tf_keras.layers.Dense(2)(x))
x3 = keras.Input(shape=(3,))
m3 = keras.Model(x3, keras.layers.Dense(2)(x3))
print(m.name, m3.name, [l.name for l in m.layers], [l.name for l in m3.layers])
# %% clear-session-per-package
a = keras.layers.Dense(1)
b = tf_keras.layers.Dense(1)
tf_keras.backend.clear_session()
print(keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
keras.backend.clear_session()
print(keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name)
# %% tf-keras-errors-in-own-words
tf_keras.layers.Dense(0)
# %% keras3-errors-in-own-words
keras.layers.Dense(0)
# %% tf-keras-average-pooling-without-pool-size
print(tf_keras.layers.AveragePooling2D().pool_size)
# %% tf-keras-layer-output-shape
m = tf_keras.Sequential([tf_keras.Input(shape=(8,)), tf_keras.layers.Dense(4)])
print(m.layers[0].output_shape)
# %% keras3-layer-output-shape
m = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(4)])
print(m.layers[0].output_shape)
# %% tf-keras-conv2d-on-keras3-input
x = keras.Input(shape=(8, 8, 3))
y = tf_keras.layers.Conv2D(4, 3)(x)
# %% tf-keras-flatten-on-keras3-input
x = keras.Input(shape=(8, 8, 3))
y = tf_keras.layers.Flatten()(x)
# %% tf-keras-sequential-list-keras3-functional
x = keras.Input(shape=(8,))
inner = keras.Model(x, keras.layers.Dense(4)(x))
model = tf_keras.Sequential([inner])
# %% keras3-sequential-add-tf-keras-functional
x = tf_keras.Input(shape=(8,))
inner = tf_keras.Model(x, tf_keras.layers.Dense(4)(x))
model = keras.Sequential()
model.add(inner)
# %% keras3-functional-api-with-tf-keras-layer
x = keras.Input(shape=(8,))
y = keras.layers.Dense(4)(x)
z = tf_keras.layers.Dense(2)(y)
# %% summaries-in-own-style
a = keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(4)])
b = tf_keras.Sequential([tf_keras.Input(shape=(8,)), tf_keras.layers.Dense(4)])
a.summary()
b.summary()
print(a.name, b.name, a.layers[0].name, b.layers[0].name)
# %% tf-keras-input-shape-no-warning
b = tf_keras.Sequential([tf_keras.layers.Dense(4, input_shape=(8,))])
print(b.layers[0].name, b.input_shape)
# %% tf-keras-add-of-mixed-tensors-after-two-inputs
a = keras.Input(shape=(8,))
a2 = keras.layers.Dense(8)(keras.Input(shape=(8,)))
b = tf_keras.Input(shape=(8,))
c = tf_keras.layers.add([b, a2])
# %% tf-keras-concatenate-of-mixed-tensors
a = keras.Input(shape=(8,))
b = tf_keras.Input(shape=(8,))
c = tf_keras.layers.Concatenate()([b, a])
