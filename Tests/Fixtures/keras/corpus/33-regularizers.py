# Regularizers and initializers do not change shapes or parameter counts.
from tensorflow.keras import layers, models, regularizers

weight_decay = 1e-4

model = models.Sequential([
    layers.Conv2D(32, (3, 3), padding='same', kernel_initializer='he_normal',
                  kernel_regularizer=regularizers.l2(weight_decay), input_shape=(32, 32, 3)),
    layers.BatchNormalization(),
    layers.Activation('relu'),
    layers.Conv2D(32, (3, 3), padding='same', kernel_initializer='he_uniform',
                  kernel_regularizer=regularizers.l2(1e-4), bias_regularizer=regularizers.l1(0.01)),
    layers.BatchNormalization(),
    layers.Activation('relu'),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Dropout(0.2),
    layers.Flatten(),
    layers.Dense(128, activation='relu', kernel_regularizer=regularizers.l1_l2(l1=1e-5, l2=1e-4),
                 activity_regularizer=regularizers.L2(1e-5)),
    layers.Dense(10, activation='softmax', kernel_initializer='glorot_uniform', bias_initializer='zeros'),
])
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
model.summary()
print(model.count_params())
