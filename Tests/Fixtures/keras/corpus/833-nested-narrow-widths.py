# Nested models expanded at unusual widths: a narrow line_length, a wide one, and custom
# positions, for a Sequential holding a Sequential and for a graph holding a graph.
from tensorflow import keras
from tensorflow.keras import layers

stem = keras.Sequential([layers.Conv2D(4, 3), layers.ReLU()], name="stem_block")
seq = keras.Sequential([keras.Input(shape=(12, 12, 1)), stem, layers.GlobalAveragePooling2D(), layers.Dense(2)], name="seq_outer")
seq.summary(expand_nested=True, line_length=50)
seq.summary(expand_nested=True, line_length=110, positions=[0.5, 0.8, 1.0])

g_in = keras.Input(shape=(6,))
g = layers.Dense(3, name="g_dense")(g_in)
sub = keras.Model(g_in, layers.concatenate([g, layers.Dense(2, name="g_aux")(g_in)]), name="two_path_sub")
x_in = keras.Input(shape=(6,))
joined = layers.concatenate([sub(x_in), x_in])
graph = keras.Model(x_in, joined, name="graph_outer")
graph.summary(expand_nested=True, line_length=80)
graph.summary(expand_nested=True, show_trainable=True, positions=[0.3, 0.55, 0.68, 1.0])
