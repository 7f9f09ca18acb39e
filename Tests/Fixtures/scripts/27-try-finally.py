from tensorflow import keras
from tensorflow.keras import layers

built = []
for units in [10, -5, 20]:
    try:
        layer = layers.Dense(units)
        model = keras.Sequential([keras.Input(shape=(4,)), layer])
    except ValueError as error:
        print("skipped", units, "->", type(error).__name__)
        continue
    finally:
        print("tried", units)
    built.append(model)
print(len(built), [m.name for m in built])
print([m.output_shape for m in built])
