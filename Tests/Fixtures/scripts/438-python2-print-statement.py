# The Python 2 print statement inside a function body: CPython's SyntaxError names it and
# suggests print(...), with carets under the whole statement.
import numpy as np


def report(history):
    for epoch, loss in enumerate(history):
        print "epoch %d: loss %.4f" % (epoch, loss)


report(np.array([0.5, 0.25]))
