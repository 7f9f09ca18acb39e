#!/usr/bin/env python
# -*- coding: cp1252 -*-
# Modèle très simple, écrit sous Windows
from tensorflow import keras
from tensorflow.keras import layers

nom = "réseau dense"
model = keras.Sequential([keras.Input((3,)), layers.Dense(2, name="sortie")])
print(nom, len(nom))
print([layer.name for layer in model.layers])
