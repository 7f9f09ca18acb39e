# A builder searches for a filter count that divides the channels, with for-else and while-else
# reporting when the search found nothing.
import tensorflow as tf
from tensorflow import keras


def pick_groups(channels, candidates):
    for groups in candidates:
        if channels % groups == 0:
            print("groups", groups, "for", channels)
            break
    else:
        print("no group count divides", channels)
        groups = 1
    return groups


def halve_until_small(size, limit):
    steps = 0
    while size > limit:
        size //= 2
        steps += 1
        if steps > 10:
            break
    else:
        print("reached", size, "in", steps, "steps")
    return steps


inputs = keras.Input(shape=(32, 32, 12))
x = keras.layers.Conv2D(24, 3, groups=pick_groups(12, [5, 4, 3]))(inputs)
x = keras.layers.Conv2D(7, 1, groups=pick_groups(24, [5, 7]))(x)
for _ in range(halve_until_small(32, 4)):
    x = keras.layers.MaxPooling2D()(x)
for layer in []:
    print("never")
else:
    print("empty loop ran its else")
model = keras.Model(inputs, x)
print(model.output_shape)
for i in range(3):
    for j in range(3):
        if i == j == 1:
            break
    else:
        continue
    print("inner loop broke at", i, j)
    break
else:
    print("not reached")
