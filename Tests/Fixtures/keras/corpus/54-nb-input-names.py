# Notebook session: names of input layers (input_1, input_2, <layer>_input).
from tensorflow import keras
from tensorflow.keras import layers

# %%
a = keras.Input(shape=(3,))
b = keras.Input(shape=(3,))
print(a.name, b.name)

# %%
m1 = keras.Sequential([layers.Dense(2, input_shape=(3,))])
print(m1.layers[0].name)
print(m1.inputs[0].name if hasattr(m1, 'inputs') and m1.inputs else None)
m1.summary()

# %%
m2 = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2)])
print(m2.inputs[0].name)
m2.summary()

# %%
m3 = keras.Sequential([layers.InputLayer(input_shape=(3,)), layers.Dense(2)])
print(m3.inputs[0].name)

# %%
x = keras.Input(shape=(3,), name='features')
m4 = keras.Model(x, layers.Dense(1)(x))
m4.summary()
m5 = keras.Sequential([layers.Dense(2, input_shape=(3,), name='first'), layers.Dense(1)])
print(m5.inputs[0].name)
m5.summary()
