from tensorflow.keras import layers

head = [layers.GlobalMaxPooling2D(), layers.Dense(10)]
