# A Sequential model without an input shape has no tensors yet.
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([layers.Dense(8), layers.Dense(1)])
print(model.built)
print(model.inputs)

# %%
print(model.output)

# %%
print(model.layers[0].output)

# %%
model.build((None, 5))
print(model.built, model.layers[0].output.shape, model.outputs[0].shape)
