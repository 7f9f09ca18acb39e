from tensorflow import keras
from tensorflow.keras import layers

size = 96
filters = 8
model = keras.Sequential([keras.Input(shape=(size, size, 3))])
while size > 6:
    model.add(layers.Conv2D(filters, 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling2D())
    size //= 2
    filters = min(filters * 2, 64)
model.add(layers.GlobalAveragePooling2D())
model.summary()
names = [layer.name for layer in model.layers]
params = [layer.count_params() for layer in model.layers]
for name, count in zip(names, params):
    if count:
        print(f"{name:>16}: {count}")
print(dict(zip(names[:2], params[:2])))
print(sum(params) == model.count_params(), any(p > 10000 for p in params), all(params))
