# The old lr= keyword of optimizers: tf-keras warns and accepts it, Keras 3 refuses it.
# %%
from tensorflow import keras

optimizer = keras.optimizers.Adam(lr=0.01)
print(type(optimizer).__name__)

# %%
optimizer = keras.optimizers.RMSprop(learning_rate=0.001, decay=1e-6)
