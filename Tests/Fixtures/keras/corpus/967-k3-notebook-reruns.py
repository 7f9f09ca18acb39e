# Notebook cells run again and again: names keep counting until clear_session() resets them.
from tensorflow import keras
from tensorflow.keras import layers

m = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
print(m.name, m.layers[0].name, m.inputs[0].name)

# %%
m = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
print(m.name, m.layers[0].name, m.inputs[0].name)
f = keras.Model(m.inputs, m.outputs)
print(f.name, [layer.name for layer in f.layers])

# %%
keras.backend.clear_session()
m = keras.Sequential([layers.Dense(2, input_shape=(4,))])
print(m.name, m.layers[0].name, m.inputs[0].name)
g = keras.Model(m.inputs, m.outputs)
print(g.name, [layer.name for layer in g.layers])
