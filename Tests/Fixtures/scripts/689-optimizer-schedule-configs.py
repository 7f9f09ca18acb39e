# An optimizer driven by a learning-rate schedule writes the schedule into its config; the
# schedules' own configs, and an optimizer made again from a config with a plain rate.
from tensorflow import keras

decay = keras.optimizers.schedules.ExponentialDecay(0.05, decay_steps=500, decay_rate=0.9, staircase=True)
adam = keras.optimizers.Adam(learning_rate=decay)
config = adam.get_config()
print(config["learning_rate"])
print(sorted(config)[:4])
steps = keras.optimizers.schedules.PiecewiseConstantDecay([100, 200], [0.1, 0.01, 0.001])
print(keras.optimizers.SGD(learning_rate=steps, momentum=0.9).get_config()["learning_rate"])
print(keras.optimizers.serialize(keras.optimizers.RMSprop(learning_rate=decay))["config"]["learning_rate"]["class_name"])
