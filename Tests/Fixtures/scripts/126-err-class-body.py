"""An error inside a class body: the traceback has the class's frame."""


class Hyper:
    filters = [16, 32, 64]
    widest = max(filters)
    ratio = widest / (len(filters) - 3)


print(Hyper.widest)
