# A model built for open image sizes (an application made without input_shape is one) placed in a
# Sequential model after a fixed Input: Keras runs its layers on the fixed size. tf-keras' row
# shows the nested model's own output shape while the layers after it get the call's; Keras 3's
# row shows the call's. A nested Sequential chain and a nested functional graph both.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

chain = keras.Sequential(
    [keras.Input(shape=(None, None, 3)), layers.Conv2D(4, 3), layers.MaxPooling2D()],
    name="open_chain",
)
source = keras.Input(shape=(None, None, 3))
left = layers.Conv2D(2, 3, padding="same")(source)
right = layers.Conv2D(2, 1)(source)
graph = keras.Model(source, layers.Concatenate()([left, right]), name="open_graph")

first = keras.Sequential([keras.Input(shape=(12, 10, 3)), chain, layers.Flatten(), layers.Dense(3)])
first.summary()
print(first.output_shape, chain.output_shape)
print(first.layers[0].output_shape)
print(first.predict(np.zeros((2, 12, 10, 3), "float32"), verbose=0).shape)

second = keras.Sequential([keras.Input(shape=(6, 8, 3)), graph, layers.GlobalAveragePooling2D()])
second.summary()
print(second.output_shape, graph.output_shape)
