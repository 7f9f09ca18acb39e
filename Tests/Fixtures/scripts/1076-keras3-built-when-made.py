# Which layers Keras 3 counts as built as soon as they are made: an unbuilt Sequential's
# summary shows their parameter count as 0, the others as "0 (unbuilt)".
import keras
from keras import layers

net = keras.Sequential(
    [
        layers.Embedding(1000, 16),
        layers.SpatialDropout1D(0.3),
        layers.Conv1D(8, 3),
        layers.Reshape((-1, 4)),
        layers.GlobalMaxPooling1D(),
        layers.Flatten(),
        layers.Dense(2),
    ],
    name="text_net",
)
net.summary()
for layer in [layers.SpatialDropout2D(0.1), layers.SpatialDropout3D(0.1), layers.Reshape((4,)),
              layers.Flatten(), layers.Permute((2, 1)), layers.Dropout(0.5)]:
    print(type(layer).__name__, layer.built)
