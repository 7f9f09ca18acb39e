# Python 2's `print >>stream, text` is a `>>` between the print function and the stream in
# Python 3: CPython's TypeError names both C types and suggests the file= keyword.
import sys

for target in (sys.stdout, 3, "log.txt"):
    try:
        print >> target, "saved"
    except TypeError as error:
        print(error)

print >>sys.stderr, "Usage: train.py EPOCHS"
