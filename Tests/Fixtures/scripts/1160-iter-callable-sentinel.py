# iter(callable, sentinel): calls until the sentinel comes back (the readline loop idiom), here
# over a stack of layer widths; a non-callable first argument is Python's TypeError.
import keras

stack = [0, 8, 0, 16, 32, 64]
sizes = list(iter(stack.pop, 0))
print(sizes, stack)
print(list(iter(stack.pop, 0)), stack)

counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


it = iter(tick, 4)
print(type(it).__name__, next(it), list(it), list(it))

model = keras.Sequential([keras.Input((10,))] + [keras.layers.Dense(w) for w in sizes])
print(model.count_params())
try:
    iter(5, 0)
except TypeError as error:
    print("TypeError:", error)
