# Optimizers made with the arguments of older tutorials: `lr=` and `decay=`. tf-keras ignores
# `lr` and refuses `decay`; Keras 3 ignores `decay` and refuses `lr`.
from tensorflow import keras

optimizer = keras.optimizers.Adam(0.0002, 0.5)
print(type(optimizer).__name__)

# %%
generator_optimizer = keras.optimizers.Adam(lr=0.0002, beta_1=0.5)
print("made with lr")

# %%
decayed = keras.optimizers.SGD(learning_rate=0.01, decay=1e-6, momentum=0.9)
print("made with decay")

# %%
unknown = keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, smoothing=2)
