# Keras objects are Python objects: one bound to two names is one object, two made alike are two.
import tensorflow as tf
from tensorflow import keras

constraint = keras.constraints.UnitNorm()
alias = constraint
print(alias is constraint, alias is not constraint, alias == constraint)
print(constraint == keras.constraints.UnitNorm(), constraint is keras.constraints.UnitNorm())
regularizer = keras.regularizers.l2(0.01)
initializer = keras.initializers.HeNormal()
optimizer = keras.optimizers.Adam(learning_rate=0.01)
shared = [regularizer, initializer, optimizer]
print([item is original for item, original in zip(shared, [regularizer, initializer, optimizer])])
print(regularizer in shared, keras.regularizers.l2(0.01) in shared, shared.index(optimizer))
print(regularizer != regularizer, initializer == keras.initializers.HeNormal())
layer = keras.layers.Dense(4, kernel_regularizer=regularizer, kernel_constraint=constraint)
model = keras.Sequential([keras.Input(shape=(3,)), layer])
model.compile(optimizer=optimizer, loss="mse")
print(model.optimizer is optimizer)
