# Small classes that behave like containers, as data and config helpers in model scripts do:
# len(), indexing, `in` and iteration go through their special methods.
import tensorflow as tf


class LayerPlan:
    def __init__(self, widths):
        self.widths = list(widths)

    def __len__(self):
        return len(self.widths)

    def __getitem__(self, position):
        return self.widths[position]


class Vocabulary:
    def __init__(self, words):
        self.words = words

    def __contains__(self, word):
        return word.lower() in self.words

    def __iter__(self):
        return iter(sorted(self.words))


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current == 0:
            raise StopIteration
        self.current -= 1
        return self.current


plan = LayerPlan([64, 32, 16])
print(len(plan), plan[0], plan[-1], plan[1:])
print([width // 2 for width in plan], 32 in plan, 7 not in plan, max(plan))
vocabulary = Vocabulary({"relu", "tanh"})
print("ReLU" in vocabulary, "gelu" in vocabulary, list(vocabulary))
print(list(Countdown(3)), sum(Countdown(4)))
first, *rest = LayerPlan([1, 2, 3])
print(first, rest, dict(zip(vocabulary, plan)))

model = tf.keras.Sequential([tf.keras.Input((8,))])
for index, width in enumerate(plan):
    model.add(tf.keras.layers.Dense(width, name=f"hidden_{index}"))
print(model.count_params())


class Broken:
    def __len__(self):
        return "three"


try:
    len(Broken())
except TypeError as error:
    print("TypeError:", error)


class Negative:
    def __len__(self):
        return -1


len(Negative())
