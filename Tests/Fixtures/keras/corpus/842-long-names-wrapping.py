# Long layer names, long class names and 5-D shapes in a branching model, so that every column of
# the summary has to wrap or cut; printed plainly, expanded and with the trainable column.
from tensorflow import keras
from tensorflow.keras import layers

clip = keras.Input(shape=(8, 32, 32, 3), name="video_clip_with_a_rather_long_input_name")
spatial = layers.Conv3D(4, (1, 3, 3), padding="same", name="spatial_convolution_over_each_frame_of_the_clip")(clip)
temporal = layers.Conv3D(4, (3, 1, 1), padding="same", name="temporal_convolution_across_neighbouring_frames")(clip)
both = layers.concatenate([spatial, temporal], name="spatial_and_temporal_features_concatenated")
pooled = layers.GlobalAveragePooling3D(name="global_average_over_time_and_space")(both)
tail = keras.Sequential([layers.Dense(6, name="tail_dense_with_a_long_name")], name="a_nested_tail_model_name")
out = tail(pooled)
clipnet = keras.Model(clip, out, name="clip_network_with_two_paths_and_a_long_name")
clipnet.summary()
clipnet.summary(expand_nested=True, show_trainable=True)
