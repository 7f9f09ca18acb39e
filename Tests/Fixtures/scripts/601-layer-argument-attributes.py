# Constructor arguments read back as layer attributes, as model code inspects its layers.
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

bn = layers.BatchNormalization(momentum=0.9, epsilon=1e-3, center=False)
print(bn.momentum, bn.epsilon, bn.center, bn.scale, bn.gamma_regularizer, bn.beta_constraint)
conv = layers.Conv2D(16, 3, padding='SAME', groups=2, use_bias=False)
print(conv.filters, conv.kernel_size, conv.padding, conv.groups, conv.use_bias, conv.kernel_regularizer)
lstm = layers.LSTM(8, dropout=0.2, recurrent_dropout=0.1, return_sequences=True, unroll=False)
print(lstm.units, lstm.dropout, lstm.recurrent_dropout, lstm.return_sequences, lstm.go_backwards, lstm.stateful)
gru = layers.GRU(4, reset_after=False)
print(gru.reset_after, gru.units)
print(layers.GaussianNoise(0.2).stddev, layers.Dropout(0.25).rate, layers.Dropout(0.25).noise_shape)
print(layers.LayerNormalization(epsilon=1e-6).epsilon, layers.LayerNormalization().center)
print(layers.Embedding(100, 8, mask_zero=True).mask_zero, layers.ReLU(max_value=6.0).max_value)
print(layers.Softmax(axis=1).axis, layers.Dense(3).units, layers.LeakyReLU().dtype)
sync = tf.keras.layers.experimental.SyncBatchNormalization(momentum=0.95) if hasattr(tf.keras.layers, 'experimental') else layers.BatchNormalization(momentum=0.95, synchronized=True)
print(sync.momentum)
mha = layers.MultiHeadAttention(2, 4)
print(mha.dropout if hasattr(mha, 'dropout') else 'private dropout')
print(mha.num_heads)
