/// The `__name__` TensorFlow's functions carry, which is the name of the Python function behind
/// the public one and often not the public name (measured with TensorFlow 2.21):
/// `tf.image.resize.__name__` is `'resize_images_v2'`, `tf.nn.softmax.__name__` `'softmax_v2'`,
/// `tf.argmax.__name__` `'argmax_v2'`, `tf.nn.silu.__name__` `'swish'`. A function absent here is
/// named as it is published (`tf.reduce_sum.__name__` is `'reduce_sum'`).
enum TensorFlowFunctionNames {
  /// `__name__` of a TensorFlow function value (`tf.image.resize`), nil for other callables and
  /// for the functions named as they are published.
  static func name(of callable: Callable) -> String? {
    guard let key = key(of: callable) else { return nil }
    return names[key]
  }

  /// `__qualname__`: the name, or where TensorFlow wraps the function in a closure, its path
  /// (`tf.signal.rfft.__qualname__` is `'_rfft_wrapper.<locals>._rfft'`).
  static func qualifiedName(of callable: Callable) -> String? {
    guard let key = key(of: callable) else { return nil }
    return qualifiedNames[key] ?? names[key]
  }

  /// Whether `value` is one of TensorFlow's activation functions (`tf.nn.softmax`), which a layer
  /// given it as `activation=` returns as its `activation`.
  static func isTensorFlowActivation(_ value: Value) -> Bool {
    guard case .function(let callable) = value, case .activation = callable.kind else {
      return false
    }
    return callable.path.hasPrefix("tf.")
  }

  /// How both Kerases serialize one of TensorFlow's functions given as an activation: by its
  /// `__name__`, a plain string where that is a name of Keras' activations module and otherwise
  /// the config of a function Keras does not know (`{'module': 'builtins', 'class_name':
  /// 'function', 'config': 'softmax_v2', ...}`); tf-keras alone writes `softmax_v2` as `softmax`.
  /// Nil for other values.
  static func serializedActivation(_ value: Value, keras3: Bool) -> Value? {
    guard isTensorFlowActivation(value), case .function(let callable) = value else { return nil }
    var name = self.name(of: callable) ?? callable.pythonFunctionName
    if !keras3 && name == "softmax_v2" { name = "softmax" }
    return CustomActivations.serialized(name, keras3: keras3)
  }

  /// The function's public path (`tf.image.resize`) when it is one of TensorFlow's.
  private static func key(of callable: Callable) -> String? {
    switch callable.kind {
    case .tensorFunction, .activation: break
    default: return nil
    }
    return callable.path.hasPrefix("tf.") ? callable.path : nil
  }

  private static let names: [String: String] = [
    "tf.argmax": "argmax_v2", "tf.argmin": "argmin_v2", "tf.assert_equal": "assert_equal_v2",
    "tf.assert_greater": "assert_greater_v2", "tf.assert_less": "assert_less_v2",
    "tf.assert_rank": "assert_rank_v2", "tf.batch_to_space": "batch_to_space_v2",
    "tf.boolean_mask": "boolean_mask_v2", "tf.case": "case_v2", "tf.cond": "cond_for_tf_v2",
    "tf.convert_to_tensor": "convert_to_tensor_v2_with_dispatch", "tf.device": "device_v2",
    "tf.expand_dims": "expand_dims_v2", "tf.foldl": "foldl_v2", "tf.foldr": "foldr_v2",
    "tf.gather": "gather_v2", "tf.gather_nd": "gather_nd_v2",
    "tf.get_static_value": "constant_value", "tf.gradients": "gradients_v2",
    "tf.hessians": "HessiansV2", "tf.is_tensor": "is_tf_type", "tf.linspace": "linspace_nd",
    "tf.make_ndarray": "MakeNdarray", "tf.map_fn": "map_fn_v2", "tf.negative": "neg",
    "tf.nondifferentiable_batch_function": "batch_function", "tf.norm": "norm_v2",
    "tf.ones_like": "ones_like_v2", "tf.pad": "pad_v2", "tf.print": "print_v2",
    "tf.py_function": "eager_py_func", "tf.realdiv": "real_div", "tf.reverse": "reverse_v2",
    "tf.reverse_sequence": "reverse_sequence_v2", "tf.scalar_mul": "scalar_mul_v2",
    "tf.scan": "scan_v2", "tf.shape": "shape_v2", "tf.size": "size_v2",
    "tf.space_to_batch": "space_to_batch_v2", "tf.squeeze": "squeeze_v2",
    "tf.tensor_scatter_nd_add": "tensor_scatter_add",
    "tf.tensor_scatter_nd_max": "tensor_scatter_max",
    "tf.tensor_scatter_nd_min": "tensor_scatter_min",
    "tf.tensor_scatter_nd_sub": "tensor_scatter_sub", "tf.transpose": "transpose_v2",
    "tf.truncatediv": "truncate_div", "tf.truncatemod": "truncate_mod", "tf.tuple": "tuple_v2",
    "tf.where": "where_v2", "tf.while_loop": "while_loop_v2", "tf.zeros_like": "zeros_like_v2",
    "tf.image.crop_and_resize": "crop_and_resize_v2", "tf.image.decode_webp": "decode_web_p",
    "tf.image.draw_bounding_boxes": "draw_bounding_boxes_v2",
    "tf.image.extract_glimpse": "extract_glimpse_v2",
    "tf.image.extract_patches": "extract_image_patches_v2",
    "tf.image.non_max_suppression_overlaps": "non_max_suppression_with_overlaps",
    "tf.image.resize": "resize_images_v2",
    "tf.image.resize_with_crop_or_pad": "resize_image_with_crop_or_pad",
    "tf.image.resize_with_pad": "resize_image_with_pad_v2",
    "tf.image.sample_distorted_bounding_box": "sample_distorted_bounding_box_v2",
    "tf.linalg.band_part": "matrix_band_part", "tf.linalg.det": "matrix_determinant",
    "tf.linalg.diag": "matrix_diag", "tf.linalg.diag_part": "matrix_diag_part",
    "tf.linalg.eigh": "self_adjoint_eig", "tf.linalg.eigvalsh": "self_adjoint_eigvals",
    "tf.linalg.expm": "matrix_exponential", "tf.linalg.inv": "matrix_inverse",
    "tf.linalg.logm": "matrix_logarithm", "tf.linalg.lstsq": "matrix_solve_ls",
    "tf.linalg.norm": "norm_v2", "tf.linalg.set_diag": "matrix_set_diag",
    "tf.linalg.slogdet": "log_matrix_determinant", "tf.linalg.solve": "matrix_solve",
    "tf.linalg.sqrtm": "matrix_square_root", "tf.linalg.tensor_diag": "diag",
    "tf.linalg.triangular_solve": "matrix_triangular_solve", "tf.math.argmax": "argmax_v2",
    "tf.math.argmin": "argmin_v2", "tf.math.count_nonzero": "count_nonzero_v2",
    "tf.math.divide_no_nan": "div_no_nan", "tf.math.floormod": "floor_mod",
    "tf.math.in_top_k": "in_top_k_v2", "tf.math.log_softmax": "log_softmax_v2",
    "tf.math.mod": "floor_mod", "tf.math.negative": "neg", "tf.math.nextafter": "next_after",
    "tf.math.scalar_mul": "scalar_mul_v2", "tf.math.softmax": "softmax_v2",
    "tf.nn.avg_pool": "avg_pool_v2",
    "tf.nn.batch_norm_with_global_normalization": "batch_norm_with_global_normalization_v2",
    "tf.nn.conv1d": "conv1d_v2", "tf.nn.conv2d": "conv2d_v2",
    "tf.nn.conv2d_transpose": "conv2d_transpose_v2", "tf.nn.conv3d": "conv3d_v2",
    "tf.nn.conv3d_transpose": "conv3d_transpose_v2", "tf.nn.convolution": "convolution_v2",
    "tf.nn.crelu": "crelu_v2", "tf.nn.ctc_beam_search_decoder": "ctc_beam_search_decoder_v2",
    "tf.nn.ctc_loss": "ctc_loss_v3", "tf.nn.depth_to_space": "depth_to_space_v2",
    "tf.nn.depthwise_conv2d": "depthwise_conv2d_v2",
    "tf.nn.depthwise_conv2d_backprop_filter": "depthwise_conv2d_native_backprop_filter",
    "tf.nn.depthwise_conv2d_backprop_input": "depthwise_conv2d_native_backprop_input",
    "tf.nn.dilation2d": "dilation2d_v2", "tf.nn.dropout": "dropout_v2",
    "tf.nn.embedding_lookup": "embedding_lookup_v2",
    "tf.nn.embedding_lookup_sparse": "embedding_lookup_sparse_v2",
    "tf.nn.erosion2d": "erosion2d_v2", "tf.nn.fractional_avg_pool": "fractional_avg_pool_v2",
    "tf.nn.fractional_max_pool": "fractional_max_pool_v2", "tf.nn.in_top_k": "in_top_k_v2",
    "tf.nn.local_response_normalization": "lrn", "tf.nn.log_softmax": "log_softmax_v2",
    "tf.nn.max_pool": "max_pool_v2", "tf.nn.max_pool_with_argmax": "max_pool_with_argmax_v2",
    "tf.nn.moments": "moments_v2", "tf.nn.nce_loss": "nce_loss_v2", "tf.nn.pool": "pool_v2",
    "tf.nn.safe_embedding_lookup_sparse": "safe_embedding_lookup_sparse_v2",
    "tf.nn.sampled_softmax_loss": "sampled_softmax_loss_v2",
    "tf.nn.separable_conv2d": "separable_conv2d_v2",
    "tf.nn.sigmoid_cross_entropy_with_logits": "sigmoid_cross_entropy_with_logits_v2",
    "tf.nn.silu": "swish", "tf.nn.softmax": "softmax_v2",
    "tf.nn.softmax_cross_entropy_with_logits": "softmax_cross_entropy_with_logits_v2",
    "tf.nn.space_to_batch": "space_to_batch_v2", "tf.nn.space_to_depth": "space_to_depth_v2",
    "tf.nn.sparse_softmax_cross_entropy_with_logits": "sparse_softmax_cross_entropy_with_logits_v2",
    "tf.nn.sufficient_statistics": "sufficient_statistics_v2",
    "tf.nn.weighted_cross_entropy_with_logits": "weighted_cross_entropy_with_logits_v2",
    "tf.nn.weighted_moments": "weighted_moments_v2", "tf.random.gamma": "random_gamma",
    "tf.random.normal": "random_normal", "tf.random.poisson": "random_poisson_v2",
    "tf.random.shuffle": "random_shuffle",
    "tf.random.stateless_binomial": "stateless_random_binomial",
    "tf.random.stateless_gamma": "stateless_random_gamma",
    "tf.random.stateless_normal": "stateless_random_normal",
    "tf.random.stateless_poisson": "stateless_random_poisson",
    "tf.random.stateless_uniform": "stateless_random_uniform",
    "tf.random.uniform": "random_uniform", "tf.signal.fftnd": "_fftn", "tf.signal.ifftnd": "_ifftn",
    "tf.signal.irfft": "_irfft", "tf.signal.irfft2d": "_irfft", "tf.signal.irfft3d": "_irfft",
    "tf.signal.irfftnd": "_irfftn", "tf.signal.rfft": "_rfft", "tf.signal.rfft2d": "_rfft",
    "tf.signal.rfft3d": "_rfft", "tf.signal.rfftnd": "_rfftn",
    "tf.strings.bytes_split": "string_bytes_split", "tf.strings.format": "string_format",
    "tf.strings.join": "string_join", "tf.strings.length": "string_length_v2",
    "tf.strings.lower": "string_lower", "tf.strings.reduce_join": "reduce_join_v2",
    "tf.strings.split": "string_split_v2", "tf.strings.strip": "string_strip",
    "tf.strings.substr": "substr_v2", "tf.strings.to_hash_bucket": "string_to_hash_bucket",
    "tf.strings.to_hash_bucket_fast": "string_to_hash_bucket_fast",
    "tf.strings.to_hash_bucket_strong": "string_to_hash_bucket_strong",
    "tf.strings.to_number": "string_to_number", "tf.strings.upper": "string_upper",
  ]

  private static let qualifiedNames: [String: String] = [
    "tf.signal.fftnd": "_fftn_wrapper.<locals>._fftn",
    "tf.signal.ifftnd": "_ifftn_wrapper.<locals>._ifftn",
    "tf.signal.irfft": "_irfft_wrapper.<locals>._irfft",
    "tf.signal.irfft2d": "_irfft_wrapper.<locals>._irfft",
    "tf.signal.irfft3d": "_irfft_wrapper.<locals>._irfft",
    "tf.signal.irfftnd": "_irfftn_wrapper.<locals>._irfftn",
    "tf.signal.rfft": "_rfft_wrapper.<locals>._rfft",
    "tf.signal.rfft2d": "_rfft_wrapper.<locals>._rfft",
    "tf.signal.rfft3d": "_rfft_wrapper.<locals>._rfft",
    "tf.signal.rfftnd": "_rfftn_wrapper.<locals>._rfftn",
  ]
}
