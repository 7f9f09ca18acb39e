#!/usr/bin/env python3
# -*- coding: klingon -*-
from tensorflow import keras
print("never printed")
