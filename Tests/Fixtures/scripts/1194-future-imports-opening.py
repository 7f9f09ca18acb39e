#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Future statements after the docstring and comments are fine, one per line or several."""

# Python 2 habits that Python 3 keeps accepting.
from __future__ import absolute_import
from __future__ import division, print_function; from __future__ import unicode_literals
from __future__ import (generator_stop,
                        annotations)
import os; from tensorflow import keras

model = keras.Sequential([keras.Input((6,)), keras.layers.Dense(4), keras.layers.Dense(1)], name="tiny")
model.summary()
print(7 / 2, os.path.join("a", "b"))
