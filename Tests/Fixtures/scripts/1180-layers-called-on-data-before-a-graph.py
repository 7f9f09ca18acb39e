# Layers first called on data (checking shapes on a batch, as transfer-learning tutorials do) and
# then on Keras tensors: a call on data makes no node, so the summary shows the layers' shapes of
# their calls on Keras tensors (not "multiple") and their node indices start at 0.
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

pool = layers.GlobalAveragePooling2D()
head = layers.Dense(2)
shared = layers.Dense(3)
batch = np.ones((4, 5, 5, 6), "float32")
print(head(pool(batch)).shape)
print(shared(np.ones((2, 6), "float32")).shape)

images = keras.Input((5, 5, 6))
features = pool(images)
extra = keras.Input((6,))
merged = layers.Add()([shared(features), shared(extra)])
model = keras.Model([images, extra], [head(features), merged])
model.summary()
print(pool.output_shape if hasattr(pool, "output_shape") else pool.output.shape)
print(len(model.layers))
