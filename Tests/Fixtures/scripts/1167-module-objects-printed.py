# Modules printed as Python shows them: the ones compiled into CPython and the frozen ones.
import itertools
import os
import sys
import time

print(time)
print(sys, itertools)
print([os, os.path])
print(type(os).__name__)
