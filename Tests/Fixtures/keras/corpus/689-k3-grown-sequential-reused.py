# A Sequential model grown and shrunk with add() and pop(), then one of its layers reused in a graph.
# %%
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(6,))])
for units in [5, 4, 3]:
    model.add(layers.Dense(units))
model.pop()
model.add(layers.Dense(2, name="head"))
print(model.outputs)
print([layer.output.shape for layer in model.layers])
model.summary()

# %%
shared = model.layers[0]
extra = keras.Input(shape=(6,))
branch = shared(extra)
print(branch.shape)
graph = keras.Model(extra, layers.Concatenate()([branch, layers.Dense(3)(extra)]))
graph.summary()
