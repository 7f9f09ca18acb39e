# A model whose name is longer than the console, and layer names right at the edge of the name
# column (30, 31 and 32 characters with their class).
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input((12,)),
    layers.Dense(4, name="abcdefghijklmnopqrstuv"),
    layers.Dense(4, name="abcdefghijklmnopqrstuvw"),
    layers.Dense(4, name="abcdefghijklmnopqrstuvwx"),
    layers.Dense(4, name="x" * 40),
], name="a_sequential_model_with_a_name_long_enough_to_run_past_the_eighty_columns_of_a_console")
model.summary()
