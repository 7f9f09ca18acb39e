import CNNEngine

/// TensorFlow (`tf.abs`, `tf.math.reduce_mean`, `tf.nn.l2_normalize`, `tf.image.resize`, ...),
/// `keras.backend` (`K.sum`, `K.sqrt`, `K.epsilon`) and Keras 3's `keras.ops` functions called on
/// Keras tensors. tf-keras records each TensorFlow function as a `TFOpLambda` layer named after the
/// function's canonical name (`tf.math.abs`); a `keras.backend` function is the TensorFlow
/// functions it calls. Keras 3 records `keras.ops` functions as operations (`absolute (Absolute)`)
/// and refuses TensorFlow functions on its KerasTensors, except inside a `Lambda`, where they run on
/// TensorFlow's own symbolic tensors.
enum TensorFunctions {
  /// How a function's arguments become a `TensorFunction`.
  enum Kind {
    case unary(TensorFunction.Unary)
    case binary(TensorFunction.Binary)
    case reduce(TensorFunction.Reduction)
    case l2Normalize
    case softmax
    case logSoftmax
    case leakyRelu
    case clip
    case concat
    case stack
    case expandDims
    case squeeze
    case reshape
    /// `K.flatten(x)`: `tf.reshape(x, [-1])`, every value (the batch's too) in one axis.
    case flatten
    case transpose
    /// Keras 3's `ops.swapaxes(x, axis1, axis2)`: the transpose that exchanges two axes.
    case swapAxes
    /// Keras 3's `ops.flip(x, axis=None)`: `tf.reverse` of the axes (every axis, the batch's
    /// too, when none is given).
    case flip
    /// Keras 3's `ops.cumsum` / `ops.cumprod(x, axis=None, dtype=None)` along an axis.
    case cumulative(product: Bool)
    case tile
    /// Keras 3's `ops.repeat(x, repeats, axis)` on an axis of size 1 (a class token repeated
    /// over the batch): a `tile` of that axis.
    case repeatAxis
    case pad
    case resize
    /// `tf.compat.v1.image.resize(images, size, method, align_corners, ...)` and
    /// `tf.compat.v1.image.resize_bilinear(images, size, align_corners, ...)`: TensorFlow 1's
    /// ResizeBilinear, without half-pixel centers.
    case resizeV1
    case resizeBilinearV1
    case matmul
    /// Keras 3's `ops.tensordot(x1, x2, axes=1)` of a matrix x2: the product over x1's last axis
    /// and x2's first, which is `matmul` (the other `axes` are refused).
    case tensordot
    /// Keras 3's `ops.slice(inputs, start_indices, shape)` and `tf.slice(input_, begin, size)` inside a traced call, with numbers for
    /// both: the block `x[s0:s0 + n0, ...]` (a size of -1 runs to the axis' end).
    case opsSlice
    /// `K.sqrt`: `tf.maximum(x, 0)` then `tf.sqrt`.
    case backendSqrt
    /// `K.resize_images(x, height_factor, width_factor, data_format, interpolation="nearest")`:
    /// `tf.image.resize` to the sizes times the factors.
    case backendResizeImages
    /// `K.relu(x, alpha=0.0, max_value=None, threshold=0.0)`: `tf.nn.leaky_relu`, `tf.nn.relu6`,
    /// or `tf.nn.relu` then `tf.clip_by_value`, as tf-keras' backend chooses.
    case backendRelu
    /// Keras 3's `keras.activations.relu(x, negative_slope=0.0, max_value=None, threshold=0.0)`:
    /// one `re_lu` operation.
    case activationsRelu
    /// `K.epsilon()`: a number.
    case epsilon
    /// `tf.cast(x, dtype)`: to float32, the one dtype ConvBook computes in, it changes nothing.
    case cast
    /// `keras.ops.convert_to_tensor(x)` inside a layer's call: the tensor itself (a weight read
    /// as a tensor, `ops.convert_to_tensor(self.embeddings)`).
    case convertToTensor
    /// `keras.ops.shape(x)`: a Keras tensor's static shape, a tuple (Keras 3 only).
    case staticShape
    /// `tf.shape(x)` / `K.shape(x)`: the sizes as a tensor, known or not.
    case shape
    case depthToSpace
    case spaceToDepth
    /// `tf.random.normal(shape)` / `K.random_normal(shape)` of a shape holding Keras tensors.
    case randomNormal
    /// `tf.random.uniform(shape)` of a shape of numbers: an eager tensor (`EagerTensors`).
    case randomUniform
    /// `keras.random.dropout(inputs, rate)` inside a layer's call: the inputs times a mask of
    /// uniform draws at or above the rate, scaled by 1 / (1 - rate).
    case dropout
    /// `keras.ops.broadcast_to(x, shape)` / `tf.broadcast_to`.
    case broadcastTo
    /// `tf.zeros(shape)` / `tf.ones(shape)` of a shape of numbers: an eager tensor of one value.
    case filled(Float)
    /// `tf.image.extract_patches` / `keras.ops.image.extract_patches`.
    case extractPatches
    /// `tf.range` / `keras.ops.arange`: a constant vector of whole numbers.
    case range
    case oneHot
    /// `tf.gather` / `keras.ops.take` with constant indices.
    case gather
    /// `K.repeat_elements(x, rep, axis)`: each slice along a known axis `rep` times in a row (the
    /// backend splits and concatenates), a gather of repeated indices.
    case repeatElements
    /// `tf.where(condition, x, y)` / `keras.ops.where`.
    case select
    /// `tf.split` / `keras.ops.split`: a list of tensors (`TensorSplit`).
    case split
    /// `tf.unstack` / `keras.ops.unstack`: a list of tensors, one per position along the axis.
    case unstack
    /// `tf.nn.max_pool` / `tf.nn.avg_pool` (and their `2d` forms) on images.
    case pool(PoolingKernel.Mode)
    /// `tf.nn.moments(x, axes, keepdims=)` inside a traced call: the mean and the variance over
    /// the axes, a tuple (TensorFlow's variance is the mean of squared deviations from the mean).
    case moments
    /// `K.dot(x, y)`: `tf.matmul` for two matrices; for a tensor of more axes tf-keras' backend
    /// contracts x's last axis with y's second-to-last through reshapes and a transpose (see
    /// `backendDot`).
    case backendDot
    /// `K.batch_dot(x, y, axes)`: tf-keras' expand_dims, transposes and one batched `tf.matmul`
    /// (see `batchDot`).
    case batchDot
    /// `tf.zeros_like(x)` / `tf.ones_like(x)` on a Keras tensor: `tf.where(x, c, c)`, the value
    /// everywhere whatever x holds (NaN included), with no gradient into x.
    case filledLike(Double)
    /// `tf.norm(x, axis=)` (the Euclidean norm) inside a traced call: `sqrt(reduce_sum(x * x))`,
    /// as TensorFlow computes it.
    case norm
  }

  struct Entry {
    let kind: Kind
    /// The TFOpLambda's name in tf-keras (`tf.math.abs`); Keras 3's operation name and class.
    let tfName: String
    let parameters: [String]
    let defaults: [String: Value]
    /// Keras 3's `keras.ops` (or `keras.activations`), which Keras 3 accepts on KerasTensors.
    let isKerasOperation: Bool
  }

  /// Whether a sigmoid made `tensor` (tf-keras keeps its logits then): a layer's
  /// `activation='sigmoid'` or `tf.sigmoid`; nil for an activation given otherwise.
  private static func sigmoidOutput(_ tensor: KerasTensor) -> Bool? {
    let layer = tensor.producer.layer
    if let function = layer as? TensorFunctionLayer {
      if case .unary(.sigmoid) = function.function { return true }
      return false
    }
    switch layer.common.arguments["activation"] {
    case .none, .string("linear"): return false
    case .string("sigmoid"): return true
    case .string: return false
    default: return nil
    }
  }

  /// `tensorflow.abs`, `tensorflow.math.abs`, `keras.backend.sum`, `keras.ops.mean`, ... by the
  /// namespace's path and the function's name.
  static func entry(_ name: String, namespace: String) -> Entry? {
    let table: [String: (Kind, String)]
    switch namespace {
    case "tensorflow": table = tensorflow
    case "tensorflow.math": table = tensorflowMath
    case "tensorflow.nn": table = tensorflowNN
    case "tensorflow.random":
      table = [
        "normal": (.randomNormal, "tf.random.normal"),
        "uniform": (.randomUniform, "tf.random.uniform"),
      ]
    case "tensorflow.image":
      table = [
        "resize": (.resize, "tf.image.resize"),
        "extract_patches": (.extractPatches, "tf.image.extract_patches"),
      ]
    case "tensorflow.compat.v1.image":
      table = [
        "resize": (.resizeV1, "tf.compat.v1.image.resize_images"),
        "resize_images": (.resizeV1, "tf.compat.v1.image.resize_images"),
        "resize_bilinear": (.resizeBilinearV1, "tf.compat.v1.image.resize_bilinear"),
      ]
    case "tensorflow.linalg":
      table = [
        "matmul": (.matmul, "tf.linalg.matmul"),
        "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
      ]
    case "keras.backend": table = backend
    case "keras.ops", "keras.ops.nn": table = kerasOps
    case "keras.ops.image":
      table = [
        "resize": (.resize, "resize"), "extract_patches": (.extractPatches, "extract_patches"),
      ]
    // Keras 3's `keras.random`: TensorFlow's draws on the TensorFlow backend (a `seed=` given as
    // a `SeedGenerator` draws from the session's seed, as an unseeded call does).
    case "keras.random":
      table = [
        "normal": (.randomNormal, "tf.random.normal"),
        "uniform": (.randomUniform, "tf.random.uniform"),
        "dropout": (.dropout, "dropout"),
      ]
    default: return nil
    }
    guard let (kind, tfName) = table[name] else { return nil }
    let keras = namespace.hasPrefix("keras")
    let ops = namespace.hasPrefix("keras.ops")
    return Entry(
      kind: kind, tfName: tfName,
      parameters: (ops ? opsParameters(kind) : nil) ?? parameters(kind, keras: keras),
      defaults: defaults(kind, keras: keras, namespace: namespace),
      isKerasOperation: namespace.hasPrefix("keras.ops") || namespace == "keras.random")
  }

  /// Keras 3's `keras.ops` signatures where they differ from `keras.backend`'s and TensorFlow's
  /// (`ops.transpose(x, axes)`, `ops.concatenate(xs, axis=0)`, `ops.matmul(x1, x2)`).
  private static func opsParameters(_ kind: Kind) -> [String]? {
    switch kind {
    case .unary(.gelu): return ["x", "approximate"]
    case .unary: return ["x"]
    case .binary: return ["x1", "x2"]
    case .clip: return ["x", "x_min", "x_max"]
    case .concat: return ["xs", "axis"]
    case .expandDims: return ["x", "axis"]
    case .squeeze: return ["x", "axis"]
    case .reshape: return ["x", "newshape"]
    case .transpose: return ["x", "axes"]
    case .swapAxes: return ["x", "axis1", "axis2"]
    case .flip: return ["x", "axis"]
    case .cumulative: return ["x", "axis", "dtype"]
    case .matmul: return ["x1", "x2"]
    case .tensordot: return ["x1", "x2", "axes"]
    case .opsSlice: return ["inputs", "start_indices", "shape"]
    case .repeatAxis: return ["x", "repeats", "axis"]
    case .norm: return ["x", "ord", "axis", "keepdims"]
    case .resize:
      return [
        "images", "size", "interpolation", "antialias", "crop_to_aspect_ratio",
        "pad_to_aspect_ratio", "fill_mode", "fill_value", "data_format",
      ]
    default: return nil
    }
  }

  private static func parameters(_ kind: Kind, keras: Bool) -> [String] {
    switch kind {
    // `tf.nn.gelu(features, approximate=False, name=None)`.
    case .unary(.gelu): return ["features", "approximate", "name"]
    case .unary, .backendSqrt: return ["x", "name"]
    case .backendRelu: return ["x", "alpha", "max_value", "threshold"]
    case .activationsRelu: return ["x", "negative_slope", "max_value", "threshold"]
    case .backendResizeImages:
      return ["x", "height_factor", "width_factor", "data_format", "interpolation"]
    case .binary(.power): return keras ? ["x", "a"] : ["x", "y", "name"]
    case .binary(.binaryCrossentropy): return ["target", "output", "from_logits"]
    case .binary: return ["x", "y", "name"]
    case .reduce:
      return keras ? ["x", "axis", "keepdims"] : ["input_tensor", "axis", "keepdims", "name"]
    case .l2Normalize: return ["x", "axis", "epsilon", "name", "dim"]
    case .softmax, .logSoftmax: return keras ? ["x", "axis"] : ["logits", "axis", "name"]
    case .leakyRelu: return keras ? ["x", "negative_slope"] : ["features", "alpha", "name"]
    case .clip:
      return keras
        ? ["x", "min_value", "max_value"] : ["t", "clip_value_min", "clip_value_max", "name"]
    case .concat: return keras ? ["tensors", "axis"] : ["values", "axis", "name"]
    case .stack: return keras ? ["x", "axis"] : ["values", "axis", "name"]
    case .expandDims: return ["input", "axis", "name"]
    case .squeeze: return ["input", "axis", "name"]
    case .reshape: return ["tensor", "shape", "name"]
    case .flatten: return ["x"]
    case .transpose: return keras ? ["x", "pattern"] : ["a", "perm", "conjugate", "name"]
    case .swapAxes: return ["x", "axis1", "axis2"]
    case .flip: return ["x", "axis"]
    case .cumulative: return ["x", "axis", "dtype"]
    case .tile: return keras ? ["x", "repeats"] : ["input", "multiples", "name"]
    case .repeatAxis: return ["x", "repeats", "axis"]
    case .pad:
      return keras
        ? ["x", "pad_width", "mode", "constant_values"]
        : ["tensor", "paddings", "mode", "constant_values", "name"]
    case .resize: return ["images", "size", "method", "preserve_aspect_ratio", "antialias", "name"]
    case .resizeV1:
      return ["images", "size", "method", "align_corners", "preserve_aspect_ratio", "name"]
    case .resizeBilinearV1:
      return ["images", "size", "align_corners", "name", "half_pixel_centers"]
    case .matmul: return ["a", "b", "transpose_a", "transpose_b"]
    case .tensordot: return ["a", "b", "axes"]
    // `tf.slice(input_, begin, size, name=None)`.
    case .opsSlice:
      return keras ? ["inputs", "start_indices", "shape"] : ["input_", "begin", "size", "name"]
    case .epsilon: return []
    case .cast: return keras ? ["x", "dtype"] : ["x", "dtype", "name"]
    case .convertToTensor: return ["x", "dtype", "sparse", "ragged"]
    case .staticShape: return ["x"]
    case .shape: return keras ? ["x"] : ["input", "out_type", "name"]
    case .depthToSpace, .spaceToDepth:
      return keras
        ? ["x", "block_size", "data_format"] : ["input", "block_size", "data_format", "name"]
    case .range:
      return keras
        ? ["start", "stop", "step", "dtype"] : ["start", "limit", "delta", "dtype", "name"]
    case .select: return keras ? ["condition", "x1", "x2"] : ["condition", "x", "y", "name"]
    case .oneHot:
      return keras
        ? ["x", "num_classes", "axis", "dtype", "sparse"]
        : ["indices", "depth", "on_value", "off_value", "axis", "dtype", "name"]
    case .repeatElements: return ["x", "rep", "axis"]
    case .gather:
      return keras
        ? ["x", "indices", "axis"]
        : ["params", "indices", "validate_indices", "axis", "batch_dims", "name"]
    case .extractPatches:
      return keras
        ? ["images", "size", "strides", "dilation_rate", "padding", "data_format"]
        : ["images", "sizes", "strides", "rates", "padding", "name"]
    case .randomNormal:
      return keras
        ? ["shape", "mean", "stddev", "dtype", "seed"]
        : ["shape", "mean", "stddev", "dtype", "seed", "name"]
    case .randomUniform:
      return keras
        ? ["shape", "minval", "maxval", "dtype", "seed"]
        : ["shape", "minval", "maxval", "dtype", "seed", "name"]
    case .filled: return ["shape", "dtype", "name"]
    case .dropout: return ["inputs", "rate", "noise_shape", "seed"]
    case .broadcastTo: return keras ? ["x", "shape"] : ["input", "shape", "name"]
    case .split:
      return keras
        ? ["x", "indices_or_sections", "axis"]
        : ["value", "num_or_size_splits", "axis", "num", "name"]
    case .unstack: return keras ? ["x", "num", "axis"] : ["value", "num", "axis", "name"]
    case .pool: return ["input", "ksize", "strides", "padding", "data_format", "name"]
    case .moments: return ["x", "axes", "shift", "keepdims", "name"]
    case .backendDot: return ["x", "y"]
    case .batchDot: return ["x", "y", "axes"]
    case .filledLike: return keras ? ["x", "dtype"] : ["input", "dtype", "name"]
    case .norm: return ["tensor", "ord", "axis", "keepdims", "name"]
    }
  }

  private static func defaults(_ kind: Kind, keras: Bool, namespace: String) -> [String: Value] {
    switch kind {
    case .reduce: return ["axis": .none, "keepdims": .bool(false)]
    case .binary(.binaryCrossentropy): return ["from_logits": .bool(false)]
    case .backendRelu: return ["alpha": .float(0), "max_value": .none, "threshold": .float(0)]
    case .activationsRelu:
      return ["negative_slope": .float(0), "max_value": .none, "threshold": .float(0)]
    case .backendResizeImages: return ["interpolation": .string("nearest")]
    case .l2Normalize: return ["axis": keras ? .int(-1) : .none, "epsilon": .float(1e-12)]
    case .softmax, .logSoftmax: return ["axis": .int(-1)]
    case .leakyRelu: return [keras ? "negative_slope" : "alpha": .float(0.2)]
    case .concat:
      if namespace.hasPrefix("keras.ops") { return ["axis": .int(0)] }
      return keras ? ["axis": .int(-1)] : [:]
    case .stack: return ["axis": .int(0)]
    // `K.expand_dims(x, axis=-1)`; `tf.expand_dims` and `keras.ops.expand_dims` need the axis.
    case .expandDims: return namespace == "keras.backend" ? ["axis": .int(-1)] : [:]
    case .squeeze: return ["axis": .none]
    case .transpose: return ["perm": .none, "pattern": .none, "axes": .none]
    case .resize:
      return namespace.hasPrefix("keras.ops")
        ? [
          "interpolation": .string("bilinear"), "antialias": .bool(false),
          "crop_to_aspect_ratio": .bool(false), "pad_to_aspect_ratio": .bool(false),
          "fill_mode": .string("constant"), "fill_value": .float(0), "data_format": .none,
        ]
        : ["method": .string("bilinear")]
    case .resizeV1: return ["method": .int(0), "align_corners": .bool(false)]
    case .resizeBilinearV1: return ["align_corners": .bool(false)]
    // `keras.ops.gelu(x, approximate=True)`; TensorFlow's and the activations' default to False.
    case .unary(.gelu): return ["approximate": .bool(namespace.hasPrefix("keras.ops"))]
    case .pad:
      return ["mode": .string(keras ? "constant" : "CONSTANT"), "constant_values": .int(0)]
    case .matmul: return ["transpose_a": .bool(false), "transpose_b": .bool(false)]
    case .tensordot: return ["axes": .int(2)]
    case .depthToSpace, .spaceToDepth:
      return ["data_format": .string(keras ? "channels_last" : "NHWC")]
    case .extractPatches:
      return keras ? ["dilation_rate": .int(1), "padding": .string("valid")] : [:]
    case .randomNormal: return ["mean": .float(0), "stddev": .float(1)]
    case .randomUniform: return ["minval": .float(0), "maxval": .none]
    case .dropout: return ["noise_shape": .none, "seed": .none]
    case .range:
      return keras ? ["stop": .none, "step": .int(1)] : ["limit": .none, "delta": .int(1)]
    case .oneHot: return ["axis": keras ? .int(-1) : .none]
    case .gather: return ["axis": .none, "batch_dims": .int(0)]
    case .split:
      return keras
        ? ["axis": .int(0)] : ["axis": .int(0), "num": .none, "name": .string("split")]
    case .unstack:
      return keras
        ? ["axis": .int(0), "num": .none]
        : ["axis": .int(0), "num": .none, "name": .string("unstack")]
    default: return [:]
    }
  }

  private static let tensorflowMath: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "tf.math.abs"), "sqrt": (.unary(.sqrt), "tf.math.sqrt"),
    "square": (.unary(.square), "tf.math.square"), "exp": (.unary(.exp), "tf.math.exp"),
    "log": (.unary(.log), "tf.math.log"), "negative": (.unary(.negative), "tf.math.negative"),
    "log1p": (.unary(.log1p), "tf.math.log1p"),
    "sin": (.unary(.sin), "tf.math.sin"), "cos": (.unary(.cos), "tf.math.cos"),
    "sign": (.unary(.sign), "tf.math.sign"), "rsqrt": (.unary(.rsqrt), "tf.math.rsqrt"),
    "reciprocal": (.unary(.reciprocal), "tf.math.reciprocal"),
    "floor": (.unary(.floor), "tf.math.floor"), "ceil": (.unary(.ceil), "tf.math.ceil"),
    "round": (.unary(.round), "tf.math.round"), "sigmoid": (.unary(.sigmoid), "tf.math.sigmoid"),
    "tanh": (.unary(.tanh), "tf.math.tanh"), "softplus": (.unary(.softplus), "tf.math.softplus"),
    "add": (.binary(.add), "tf.math.add"), "subtract": (.binary(.subtract), "tf.math.subtract"),
    "multiply": (.binary(.multiply), "tf.math.multiply"),
    "divide": (.binary(.divide), "tf.math.truediv"),
    "truediv": (.binary(.divide), "tf.math.truediv"),
    "maximum": (.binary(.maximum), "tf.math.maximum"),
    "minimum": (.binary(.minimum), "tf.math.minimum"), "pow": (.binary(.power), "tf.math.pow"),
    "squared_difference": (.binary(.squaredDifference), "tf.math.squared_difference"),
    "greater": (.binary(.greater), "tf.math.greater"), "less": (.binary(.less), "tf.math.less"),
    "greater_equal": (.binary(.greaterEqual), "tf.math.greater_equal"),
    "less_equal": (.binary(.lessEqual), "tf.math.less_equal"),
    "equal": (.binary(.equal), "tf.math.equal"),
    "not_equal": (.binary(.notEqual), "tf.math.not_equal"),
    "reduce_sum": (.reduce(.sum), "tf.math.reduce_sum"),
    "reduce_mean": (.reduce(.mean), "tf.math.reduce_mean"),
    "reduce_max": (.reduce(.max), "tf.math.reduce_max"),
    "reduce_min": (.reduce(.min), "tf.math.reduce_min"),
    "reduce_prod": (.reduce(.prod), "tf.math.reduce_prod"),
    "reduce_variance": (.reduce(.variance), "tf.math.reduce_variance"),
    "reduce_std": (.reduce(.standardDeviation), "tf.math.reduce_std"),
    "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
  ]

  private static let tensorflow: [String: (Kind, String)] = {
    var table: [String: (Kind, String)] = [:]
    for name in [
      "abs", "sqrt", "square", "exp", "negative", "sign", "floor", "round", "sigmoid", "tanh",
      "sin", "cos", "add",
      "subtract", "multiply", "divide", "truediv", "maximum", "minimum", "pow", "reduce_sum",
      "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "greater", "less",
      "greater_equal", "less_equal", "equal", "not_equal",
    ] {
      table[name] = tensorflowMath[name]
    }
    table["concat"] = (.concat, "tf.concat")
    table["stack"] = (.stack, "tf.stack")
    table["expand_dims"] = (.expandDims, "tf.expand_dims")
    table["squeeze"] = (.squeeze, "tf.compat.v1.squeeze")
    table["reshape"] = (.reshape, "tf.reshape")
    table["transpose"] = (.transpose, "tf.compat.v1.transpose")
    table["clip_by_value"] = (.clip, "tf.clip_by_value")
    table["tile"] = (.tile, "tf.tile")
    table["identity"] = (.unary(.identity), "tf.identity")
    table["stop_gradient"] = (.unary(.stopGradient), "tf.stop_gradient")
    table["pad"] = (.pad, "tf.compat.v1.pad")
    table["matmul"] = (.matmul, "tf.linalg.matmul")
    table["tensordot"] = (.tensordot, "tf.tensordot")
    table["slice"] = (.opsSlice, "tf.slice")
    table["cast"] = (.cast, "tf.cast")
    table["shape"] = (.shape, "tf.compat.v1.shape")
    table["range"] = (.range, "tf.range")
    table["one_hot"] = (.oneHot, "tf.one_hot")
    table["gather"] = (.gather, "tf.compat.v1.gather")
    table["where"] = (.select, "tf.where")
    table["zeros"] = (.filled(0), "tf.zeros")
    table["ones"] = (.filled(1), "tf.ones")
    table["split"] = (.split, "tf.split")
    table["broadcast_to"] = (.broadcastTo, "tf.broadcast_to")
    table["zeros_like"] = (.filledLike(0), "tf.zeros_like")
    table["ones_like"] = (.filledLike(1), "tf.ones_like")
    table["norm"] = (.norm, "tf.compat.v1.norm")
    table["unstack"] = (.unstack, "tf.unstack")
    return table
  }()

  private static let tensorflowNN: [String: (Kind, String)] = [
    "relu": (.unary(.relu), "tf.nn.relu"), "relu6": (.unary(.relu6), "tf.nn.relu6"),
    "sigmoid": (.unary(.sigmoid), "tf.math.sigmoid"), "tanh": (.unary(.tanh), "tf.math.tanh"),
    "softplus": (.unary(.softplus), "tf.math.softplus"),
    "softsign": (.unary(.softsign), "tf.nn.softsign"), "elu": (.unary(.elu), "tf.nn.elu"),
    "selu": (.unary(.selu), "tf.nn.selu"), "swish": (.unary(.swish), "tf.nn.silu"),
    "silu": (.unary(.swish), "tf.nn.silu"), "gelu": (.unary(.gelu), "tf.nn.gelu"),
    "softmax": (.softmax, "tf.nn.softmax"), "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
    "log_softmax": (.logSoftmax, "tf.nn.log_softmax"),
    "leaky_relu": (.leakyRelu, "tf.nn.leaky_relu"),
    "depth_to_space": (.depthToSpace, "tf.nn.depth_to_space"),
    "space_to_depth": (.spaceToDepth, "tf.nn.space_to_depth"),
    "max_pool": (.pool(.max), "tf.nn.max_pool2d"), "max_pool2d": (.pool(.max), "tf.nn.max_pool2d"),
    "avg_pool": (.pool(.average), "tf.nn.avg_pool"),
    "avg_pool2d": (.pool(.average), "tf.nn.avg_pool2d"),
    "moments": (.moments, "tf.nn.moments"),
  ]

  private static let backend: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "tf.math.abs"), "sqrt": (.backendSqrt, "tf.math.sqrt"),
    "square": (.unary(.square), "tf.math.square"), "exp": (.unary(.exp), "tf.math.exp"),
    "log": (.unary(.log), "tf.math.log"), "sign": (.unary(.sign), "tf.math.sign"),
    "round": (.unary(.round), "tf.math.round"),
    "relu": (.backendRelu, "tf.nn.relu"), "sigmoid": (.unary(.sigmoid), "tf.math.sigmoid"),
    "tanh": (.unary(.tanh), "tf.math.tanh"), "softplus": (.unary(.softplus), "tf.math.softplus"),
    "softmax": (.softmax, "tf.nn.softmax"), "maximum": (.binary(.maximum), "tf.math.maximum"),
    "minimum": (.binary(.minimum), "tf.math.minimum"), "pow": (.binary(.power), "tf.math.pow"),
    "equal": (.binary(.equal), "tf.math.equal"),
    "not_equal": (.binary(.notEqual), "tf.math.not_equal"),
    "greater": (.binary(.greater), "tf.math.greater"), "less": (.binary(.less), "tf.math.less"),
    "greater_equal": (.binary(.greaterEqual), "tf.math.greater_equal"),
    "less_equal": (.binary(.lessEqual), "tf.math.less_equal"),
    "sin": (.unary(.sin), "tf.math.sin"), "cos": (.unary(.cos), "tf.math.cos"),
    // tf-keras records the backend function itself as one TFOpLambda (element by element).
    "binary_crossentropy": (
      .binary(.binaryCrossentropy), "tf.keras.backend.binary_crossentropy"
    ),
    "sum": (.reduce(.sum), "tf.math.reduce_sum"), "mean": (.reduce(.mean), "tf.math.reduce_mean"),
    "max": (.reduce(.max), "tf.math.reduce_max"), "min": (.reduce(.min), "tf.math.reduce_min"),
    "prod": (.reduce(.prod), "tf.math.reduce_prod"),
    "var": (.reduce(.variance), "tf.math.reduce_variance"),
    "std": (.reduce(.standardDeviation), "tf.math.reduce_std"),
    "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
    "concatenate": (.concat, "tf.concat"), "stack": (.stack, "tf.stack"),
    "expand_dims": (.expandDims, "tf.expand_dims"), "squeeze": (.squeeze, "tf.compat.v1.squeeze"),
    "reshape": (.reshape, "tf.reshape"), "flatten": (.flatten, "tf.reshape"),
    "permute_dimensions": (.transpose, "tf.compat.v1.transpose"),
    "transpose": (.transpose, "tf.compat.v1.transpose"), "clip": (.clip, "tf.clip_by_value"),
    "tile": (.tile, "tf.tile"),
    "repeat_elements": (.repeatElements, "tf.concat"),
    "cast": (.cast, "tf.cast"),
    "epsilon": (.epsilon, ""),
    "shape": (.shape, "tf.compat.v1.shape"),
    "random_normal": (.randomNormal, "tf.random.normal"),
    "random_uniform": (.randomUniform, "tf.random.uniform"),
    "resize_images": (.backendResizeImages, "tf.image.resize"),
    "dot": (.backendDot, "tf.linalg.matmul"),
    "zeros_like": (.filledLike(0), "tf.zeros_like"), "ones_like": (.filledLike(1), "tf.ones_like"),
    "stop_gradient": (.unary(.stopGradient), "tf.stop_gradient"),
    "batch_dot": (.batchDot, "tf.linalg.matmul"),
  ]

  /// Keras 3's `keras.ops`: the second element is the operation's name (its class is that name in
  /// CamelCase, see `keras3ClassName`).
  private static let kerasOps: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "absolute"), "absolute": (.unary(.abs), "absolute"),
    "sqrt": (.unary(.sqrt), "sqrt"), "square": (.unary(.square), "square"),
    "exp": (.unary(.exp), "exp"), "log": (.unary(.log), "log"),
    "sin": (.unary(.sin), "sin"), "cos": (.unary(.cos), "cos"),
    "negative": (.unary(.negative), "negative"), "sign": (.unary(.sign), "sign"),
    "floor": (.unary(.floor), "floor"), "ceil": (.unary(.ceil), "ceil"),
    "relu": (.unary(.relu), "relu"), "relu6": (.unary(.relu6), "relu6"),
    "sigmoid": (.unary(.sigmoid), "sigmoid"), "tanh": (.unary(.tanh), "tanh"),
    "softplus": (.unary(.softplus), "softplus"), "silu": (.unary(.swish), "silu"),
    "swish": (.unary(.swish), "silu"), "gelu": (.unary(.gelu), "gelu"),
    "add": (.binary(.add), "add"), "subtract": (.binary(.subtract), "subtract"),
    "multiply": (.binary(.multiply), "multiply"), "divide": (.binary(.divide), "divide"),
    "true_divide": (.binary(.divide), "true_divide"),
    "maximum": (.binary(.maximum), "maximum"), "minimum": (.binary(.minimum), "minimum"),
    "power": (.binary(.power), "power"), "sum": (.reduce(.sum), "sum"),
    "mean": (.reduce(.mean), "mean"), "max": (.reduce(.max), "max"), "min": (.reduce(.min), "min"),
    "prod": (.reduce(.prod), "prod"), "softmax": (.softmax, "softmax"),
    "var": (.reduce(.variance), "var"), "std": (.reduce(.standardDeviation), "std"),
    "concatenate": (.concat, "concatenate"), "stack": (.stack, "stack"),
    "expand_dims": (.expandDims, "expand_dims"), "squeeze": (.squeeze, "squeeze"),
    "reshape": (.reshape, "reshape"), "transpose": (.transpose, "transpose"),
    "swapaxes": (.swapAxes, "swapaxes"), "flip": (.flip, "flip"),
    "cumsum": (.cumulative(product: false), "cumsum"),
    "cumprod": (.cumulative(product: true), "cumprod"),
    "clip": (.clip, "clip"), "matmul": (.matmul, "matmul"), "tile": (.tile, "tile"),
    "repeat": (.repeatAxis, "repeat"),
    "tensordot": (.tensordot, "tensordot"), "slice": (.opsSlice, "slice"),
    "pad": (.pad, "pad"), "cast": (.cast, "cast"), "shape": (.staticShape, "shape"),
    "convert_to_tensor": (.convertToTensor, "convert_to_tensor"),
    "depth_to_space": (.depthToSpace, "depth_to_space"),
    "space_to_depth": (.spaceToDepth, "space_to_depth"),
    "arange": (.range, "arange"),
    "log1p": (.unary(.log1p), "log1p"), "rsqrt": (.unary(.rsqrt), "rsqrt"),
    "round": (.unary(.round), "round"), "reciprocal": (.unary(.reciprocal), "reciprocal"),
    "elu": (.unary(.elu), "elu"), "selu": (.unary(.selu), "selu"),
    "softsign": (.unary(.softsign), "softsign"), "leaky_relu": (.leakyRelu, "leaky_relu"),
    "log_softmax": (.logSoftmax, "log_softmax"),
    "one_hot": (.oneHot, "one_hot"), "take": (.gather, "take"), "where": (.select, "where"),
    "greater": (.binary(.greater), "greater"), "less": (.binary(.less), "less"),
    "greater_equal": (.binary(.greaterEqual), "greater_equal"),
    "less_equal": (.binary(.lessEqual), "less_equal"),
    "equal": (.binary(.equal), "equal"), "not_equal": (.binary(.notEqual), "not_equal"),
    "split": (.split, "split"), "unstack": (.unstack, "unstack"),
    "broadcast_to": (.broadcastTo, "broadcast_to"),
    "zeros_like": (.filledLike(0), "zeros_like"), "ones_like": (.filledLike(1), "ones_like"),
    "norm": (.norm, "norm"),
    // `keras.activations.relu(x)` (see `Calls`): Keras 3 names this one `re_lu`.
    "activations.relu": (.activationsRelu, "re_lu"),
  ]

  /// `absolute` -> `Absolute`, `expand_dims` -> `ExpandDims`; `keras.activations.relu` is the one
  /// operation named after a layer (`re_lu`, class `ReLU`).
  static func keras3ClassName(_ name: String) -> String {
    if name == "re_lu" { return "ReLU" }
    return name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// Binds the call's arguments to the entry's parameters, Python's way.
  private static func bind(
    _ entry: Entry, path: String, positional: [Value], keywords: [(String, Value)],
    range: SourceRange
  ) throws(CellError) -> [String: Value] {
    let function = String(path.split(separator: ".").last ?? "")
    guard positional.count <= entry.parameters.count else {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() takes at most \(entry.parameters.count) positional arguments (\(positional.count) given)",
        range: range)
    }
    var bound = entry.defaults
    for (index, value) in positional.enumerated() { bound[entry.parameters[index]] = value }
    for (label, value) in keywords {
      guard entry.parameters.contains(label) else {
        throw CellError(
          type: "TypeError",
          message: "\(function)() got an unexpected keyword argument '\(label)'", range: range)
      }
      bound[label] = value
    }
    return bound
  }

  /// Calls the function `entry` of `path` (as the cell wrote it: `tf.math.abs`).
  static func call(
    _ entry: Entry, path: String, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = try bind(
      entry, path: path, positional: positional, keywords: keywords, range: range)
    let session = interpreter.session
    let keras3 = interpreter.kerasVersion == .keras3
    let kerasOps = entry.isKerasOperation
    if case .epsilon = entry.kind { return .float(1e-7) }
    if case .staticShape = entry.kind, case .kerasTensor(let x)? = arguments["x"] {
      return try staticShape(of: x, site: site, interpreter: interpreter)
    }
    // `keras.ops.shape` of data: its sizes, a tuple of numbers.
    if case .staticShape = entry.kind, case .array(let array)? = arguments["x"] {
      return .tuple(array.shape.map { .int($0) })
    }
    func limitation(_ what: String) -> CellError {
      .unsupported(
        "ConvBook does not support `\(path)` \(what)\(session.lambdaTracingDepth > 0 ? " in a Lambda" : "") yet",
        at: range)
    }
    func tensor(_ name: String) throws(CellError) -> KerasTensor {
      if case .kerasTensor(let tensor)? = arguments[name] { return tensor }
      // In a traced function TensorFlow converts a list of tensors of one shape to one tensor
      // by stacking them (`tf.reduce_mean([loss_a, loss_b])`).
      if session.lambdaTracingDepth > 0, let items = arguments[name]?.sequenceItems,
        !items.isEmpty
      {
        var parts: [KerasTensor] = []
        for case .kerasTensor(let part) in items { parts.append(part) }
        if parts.count == items.count, parts.allSatisfy({ $0.shape == parts[0].shape }) {
          return try apply(.stack(axis: 0), "stack", parts, interpreter: interpreter, range: range)
        }
      }
      throw limitation("on a value of type '\(arguments[name]?.typeName ?? "NoneType")'")
    }
    func tensors(_ name: String) throws(CellError) -> [KerasTensor] {
      guard let items = arguments[name]?.sequenceItems, !items.isEmpty else {
        throw limitation("on a value of type '\(arguments[name]?.typeName ?? "NoneType")'")
      }
      var result: [KerasTensor] = []
      for item in items {
        guard case .kerasTensor(let tensor) = item else {
          throw limitation("on a list holding a value of type '\(item.typeName)'")
        }
        result.append(tensor)
      }
      return result
    }
    func int(_ name: String) throws(CellError) -> Int {
      switch arguments[name] {
      case .int(let value)?: return value
      case nil:
        let function = String(path.split(separator: ".").last ?? "")
        throw CellError(
          type: "TypeError",
          message: "\(function)() missing 1 required positional argument: '\(name)'", range: range)
      default: throw limitation("with `\(name)=\(PythonText.repr(arguments[name]!))`")
      }
    }
    /// A size computed eagerly from a static one (`ops.cast(ops.sqrt(n), "int32")`): a 0-d
    /// integer tensor, which Keras takes as the number it holds.
    func eagerSize(_ item: Value) -> Int? {
      guard let tensor = EagerTensors.operand(item), tensor.rank == 0,
        case .int(let size) = EagerTensors.scalarValue(tensor)
      else { return nil }
      return size
    }
    func ints(_ name: String) throws(CellError) -> [Int]? {
      switch arguments[name] {
      case .none?, nil: return nil
      case .int(let value)?: return [value]
      case .tensorShape(let dimensions)?:
        return dimensions.map { $0 ?? -1 }
      case let value?:
        guard let items = value.sequenceItems else {
          throw limitation("with `\(name)=\(PythonText.repr(value))`")
        }
        var result: [Int] = []
        for item in items {
          switch item {
          case .int(let number): result.append(number)
          case .none: result.append(-1)
          default:
            guard let size = eagerSize(item) else {
              throw limitation("with `\(name)=\(PythonText.repr(value))`")
            }
            result.append(size)
          }
        }
        return result
      }
    }
    func number(_ name: String) -> Double? {
      switch arguments[name] {
      case .int(let value)?: return Double(value)
      case .float(let value)?: return value
      case .bool(let flag)?: return flag ? 1 : 0
      default: return nil
      }
    }
    func channelsLast(_ value: Value?) -> Bool {
      switch value {
      case nil, .none?, .string("channels_last")?: return true
      default: return false
      }
    }
    func flag(_ name: String) -> Bool {
      if case .bool(let value)? = arguments[name] { return value }
      if case .int(let value)? = arguments[name] { return value != 0 }
      return false
    }
    /// A shape argument that holds Keras tensors (`[tf.shape(x)[0], -1, 48]`, `tf.shape(y)`): its
    /// entries, numbering the tensors from `first`, and the tensors; nil when it holds none.
    func shapeEntries(_ name: String, first: Int) throws(CellError)
      -> ([TensorFunction.ShapeEntry], [KerasTensor])?
    {
      guard let value = arguments[name] else { return nil }
      if case .kerasTensor(let vector) = value {
        guard vector.shape.rank == 1, vector.shape.dimensions[0] != nil else {
          throw limitation("with a shape tensor of shape \(vector.shape)")
        }
        return ([.vector(input: first)], [vector])
      }
      guard let items = value.sequenceItems,
        items.contains(where: { if case .kerasTensor = $0 { true } else { false } })
      else { return nil }
      var entries: [TensorFunction.ShapeEntry] = []
      var tensors: [KerasTensor] = []
      for item in items {
        switch item {
        case .int(let size): entries.append(.size(size))
        case .none: entries.append(.size(-1))
        case .kerasTensor(let size) where size.shape.rank == 0:
          entries.append(.scalar(input: first + tensors.count))
          tensors.append(size)
        default:
          guard let size = eagerSize(item) else {
            throw limitation("with a shape holding \(PythonText.repr(item))")
          }
          entries.append(.size(size))
        }
      }
      return (entries, tensors)
    }
    // Keras 3 refuses TensorFlow functions on its symbolic tensors (outside a Lambda).
    if keras3, !kerasOps, session.lambdaTracingDepth == 0,
      arguments.values.contains(where: { value in
        if case .kerasTensor = value { return true }
        return value.sequenceItems?.contains {
          if case .kerasTensor = $0 { return true } else { return false }
        } ?? false
      })
    {
      throw CellError(
        type: "ValueError", message: Keras3Wording.tensorFlowFunctionOnKerasTensor, range: range)
    }
    var inputs: [KerasTensor]
    var function: TensorFunction
    switch entry.kind {
    case .epsilon: return .float(1e-7)
    case .range:
      return try constantRange(
        arguments, entry: entry, path: path, tracing: session.lambdaTracingDepth > 0,
        range: range)
    case .pool(let mode):
      inputs = [try tensor("input")]
      // `ksize` / `strides`: a number, [rows, cols] or [1, rows, cols, 1].
      func window(_ name: String) throws(CellError) -> [Int] {
        guard let values = try ints(name) else {
          let function = String(path.split(separator: ".").last ?? "")
          throw CellError(
            type: "TypeError",
            message: "\(function)() missing 1 required positional argument: '\(name)'",
            range: range)
        }
        switch values.count {
        case 1 where values[0] > 0: return [values[0], values[0]]
        case 2 where values.allSatisfy({ $0 > 0 }): return values
        case 4 where values[0] == 1 && values[3] == 1 && values[1] > 0 && values[2] > 0:
          return [values[1], values[2]]
        default:
          throw limitation("with `\(name)=\(PythonText.repr(arguments[name]!))`")
        }
      }
      let size = try window("ksize")
      let strides = try window("strides")
      guard case .string(let padding)? = arguments["padding"], ["SAME", "VALID"].contains(padding)
      else {
        throw limitation("with a padding other than \"SAME\" or \"VALID\"")
      }
      switch arguments["data_format"] {
      case nil, .none?, .string("NHWC")?: break
      default: throw limitation("with a data format other than NHWC")
      }
      function = .pool(mode, size: size, strides: strides, same: padding == "SAME")
    case .backendDot:
      return .kerasTensor(
        try backendDot(
          tensor("x"), tensor("y"), limitation: limitation, interpreter: interpreter, range: range))
    case .batchDot:
      return .kerasTensor(
        try batchDot(
          tensor("x"), tensor("y"), axes: ints("axes"), limitation: limitation,
          interpreter: interpreter, range: range))
    case .filledLike(let value):
      inputs = [try tensor(entry.parameters[0])]
      if let dtype = arguments["dtype"], !dtype.isNone,
        TensorFlowDType.requestedName(dtype) != "float32"
      {
        throw limitation("with dtype=\(PythonText.repr(dtype)) (ConvBook computes in float32 only)")
      }
      function = .select(x: value, y: value)
    case .norm:
      // Keras 3's `ops.norm(x, ord=None, axis=None, keepdims=False)` is the same TensorFlow
      // operations inside a traced call.
      let x = try tensor(arguments["x"] != nil ? "x" : "tensor")
      guard session.lambdaTracingDepth > 0 else {
        // tf-keras records one `tf.compat.v1.norm` layer, which ConvBook has not.
        throw limitation("on Keras tensors outside a Lambda or a custom layer's call()")
      }
      switch arguments["ord"] {
      case nil, .none?, .string("euclidean")?, .string("fro")?: break
      case .int(2)? where (try ints("axis"))?.count == 1: break
      default: throw limitation("with this `ord` (ConvBook has the Euclidean norm)")
      }
      let squares = try apply(
        .binary(.multiply, constant: nil, constantFirst: false), "tf.math.multiply", [x, x],
        interpreter: interpreter, range: range)
      let sum = try apply(
        .reduce(.sum, axes: try ints("axis"), keepDims: flag("keepdims")), "tf.math.reduce_sum",
        [squares], interpreter: interpreter, range: range)
      return .kerasTensor(
        try apply(.unary(.sqrt), "tf.math.sqrt", [sum], interpreter: interpreter, range: range))
    case .moments:
      let x = try tensor("x")
      guard let axes = try ints("axes") else {
        throw CellError(
          type: "TypeError", message: "moments() missing 1 required positional argument: 'axes'",
          range: range)
      }
      let keepDims = flag("keepdims")
      if session.lambdaTracingDepth == 0 {
        // On tf-keras tensors TensorFlow's `moments` runs its own operations, each a TFOpLambda:
        // the mean kept over the axes, its stop_gradient, the mean of squared differences from
        // it, then a squeeze of both unless `keepdims`.
        let kept = try apply(
          .reduce(.mean, axes: axes, keepDims: true), "tf.math.reduce_mean", [x],
          interpreter: interpreter, range: range)
        let frozen = try apply(
          .unary(.stopGradient), "tf.stop_gradient", [kept], interpreter: interpreter,
          range: range)
        let squares = try apply(
          .binary(.squaredDifference, constant: nil, constantFirst: false),
          "tf.math.squared_difference", [x, frozen], interpreter: interpreter, range: range)
        let spread = try apply(
          .reduce(.mean, axes: axes, keepDims: true), "tf.math.reduce_mean", [squares],
          interpreter: interpreter, range: range)
        guard !keepDims else { return .tuple([.kerasTensor(kept), .kerasTensor(spread)]) }
        let mean = try apply(
          .squeeze(axes: axes), "tf.compat.v1.squeeze", [kept], interpreter: interpreter,
          range: range)
        let variance = try apply(
          .squeeze(axes: axes), "tf.compat.v1.squeeze", [spread], interpreter: interpreter,
          range: range)
        return .tuple([.kerasTensor(mean), .kerasTensor(variance)])
      }
      let mean = try apply(
        .reduce(.mean, axes: axes, keepDims: keepDims), "tf.math.reduce_mean", [x],
        interpreter: interpreter, range: range)
      let variance = try apply(
        .reduce(.variance, axes: axes, keepDims: keepDims), "tf.math.reduce_variance", [x],
        interpreter: interpreter, range: range)
      return .tuple([.kerasTensor(mean), .kerasTensor(variance)])
    case .split, .unstack:
      return try split(
        entry, tensor(entry.parameters[0]), arguments, path: path, interpreter: interpreter,
        range: range)
    case .unary(let unary):
      inputs = [try tensor(entry.parameters[0])]
      // TensorFlow's `gelu(approximate=True)` is the tanh form (as Keras 3's on TensorFlow).
      function = .unary(unary == .gelu && flag("approximate") ? .geluTanh : unary)
    case .backendSqrt:
      let x = try tensor("x")
      let clipped = try apply(
        .binary(.maximum, constant: 0, constantFirst: false), "tf.math.maximum", [x],
        interpreter: interpreter, range: range)
      return .kerasTensor(
        try apply(.unary(.sqrt), entry.tfName, [clipped], interpreter: interpreter, range: range))
    case .backendResizeImages:
      let x = try tensor("x")
      guard arguments["data_format"] != nil else {
        throw CellError(
          type: "TypeError",
          message: "resize_images() missing 1 required positional argument: 'data_format'",
          range: range)
      }
      guard session.lambdaTracingDepth > 0 else {
        // tf-keras records the shape arithmetic it does as layers of their own.
        throw limitation("on Keras tensors outside a Lambda or a custom layer's call()")
      }
      guard case .string("channels_last")? = arguments["data_format"] else {
        throw limitation("with a data format other than \"channels_last\"")
      }
      guard case .string(let method)? = arguments["interpolation"],
        ["nearest", "bilinear"].contains(method)
      else { throw limitation("with this interpolation (ConvBook has nearest and bilinear)") }
      guard x.shape.rank == 4, let height = x.shape.dimensions[1],
        let width = x.shape.dimensions[2]
      else { throw limitation("on a tensor of shape \(x.shape)") }
      let rows = try int("height_factor")
      let columns = try int("width_factor")
      guard rows > 0, columns > 0 else { throw limitation("with factors below 1") }
      let (newHeight, heightOverflow) = height.multipliedReportingOverflow(by: rows)
      let (newWidth, widthOverflow) = width.multipliedReportingOverflow(by: columns)
      guard !heightOverflow, !widthOverflow else { throw limitation("with these factors") }
      inputs = [x]
      function = .resize(height: newHeight, width: newWidth, method: method)
    case .activationsRelu:
      inputs = [try tensor("x")]
      guard number("negative_slope") == 0, number("threshold") == 0 else {
        throw limitation("with a `negative_slope` or a `threshold`")
      }
      if case .none? = arguments["max_value"] {
        function = .unary(.relu)
      } else if let maxValue = number("max_value"), maxValue > 0 {
        // relu then min(x, max_value): clipped to [0, max_value].
        function = .clip(min: 0, max: maxValue)
      } else {
        throw limitation("with `max_value=\(PythonText.repr(arguments["max_value"] ?? .none))`")
      }
    case .backendRelu:
      let x = try tensor("x")
      let alpha = number("alpha")
      let threshold = number("threshold")
      let maxValue = number("max_value")
      if case .none? = arguments["max_value"] {
      } else if maxValue == nil {
        throw limitation("with `max_value=\(PythonText.repr(arguments["max_value"] ?? .none))`")
      }
      guard let alpha, threshold == 0 else {
        throw limitation("with a `threshold` or an `alpha` that is not a number")
      }
      if alpha != 0 {
        guard maxValue == nil else { throw limitation("with both `alpha` and `max_value`") }
        return .kerasTensor(
          try apply(
            .leakyRelu(alpha: alpha), "tf.nn.leaky_relu", [x], interpreter: interpreter,
            range: range))
      }
      if maxValue == 6 {
        return .kerasTensor(
          try apply(.unary(.relu6), "tf.nn.relu6", [x], interpreter: interpreter, range: range))
      }
      let rectified = try apply(
        .unary(.relu), "tf.nn.relu", [x], interpreter: interpreter, range: range)
      guard let maxValue else { return .kerasTensor(rectified) }
      return .kerasTensor(
        try apply(
          .clip(min: 0, max: maxValue), "tf.clip_by_value", [rectified],
          interpreter: interpreter, range: range))
    case .binary(var binary):
      let first = entry.parameters[0]
      let second = entry.parameters[1]
      if binary == .binaryCrossentropy {
        switch arguments["from_logits"] {
        case .bool(true)?:
          // tf-keras' `_get_logits`: an output of a sigmoid is computed from its logits as
          // with from_logits=False (with a warning).
          if case .kerasTensor(let output)? = arguments[second] {
            switch sigmoidOutput(output) {
            case true?: break
            case false?: binary = .binaryCrossentropyFromLogits
            case nil: throw limitation("with `from_logits=True` on this layer's output")
            }
          } else {
            binary = .binaryCrossentropyFromLogits
          }
        case .bool(false)?: break
        default:
          throw limitation(
            "with `from_logits=\(PythonText.repr(arguments["from_logits"] ?? .none))`")
        }
      }
      if case .kerasTensor(let x)? = arguments[first], case .kerasTensor(let y)? = arguments[second]
      {
        inputs = [x, y]
        function = .binary(binary, constant: nil, constantFirst: false)
      } else if case .kerasTensor(let x)? = arguments[first], let c = number(second) {
        inputs = [x]
        function = .binary(binary, constant: c, constantFirst: false)
      } else if case .kerasTensor(let y)? = arguments[second], let c = number(first) {
        inputs = [y]
        function = .binary(binary, constant: c, constantFirst: true)
      } else {
        throw limitation(
          "on values of types '\(arguments[first]?.typeName ?? "NoneType")' and '\(arguments[second]?.typeName ?? "NoneType")'"
        )
      }
    case .reduce(let reduction):
      inputs = [try tensor(entry.parameters[0])]
      function = .reduce(reduction, axes: try ints("axis"), keepDims: flag("keepdims"))
    case .l2Normalize:
      let x = try tensor("x")
      let axes = try ints("axis") ?? Array(0..<x.shape.rank)
      inputs = [x]
      function = .l2Normalize(axes: axes, epsilon: number("epsilon") ?? 1e-12)
    case .softmax:
      inputs = [try tensor(entry.parameters[0])]
      function = .softmax(axis: try int("axis"))
    case .logSoftmax:
      inputs = [try tensor(entry.parameters[0])]
      function = .logSoftmax(axis: try int("axis"))
    case .leakyRelu:
      inputs = [try tensor(entry.parameters[0])]
      guard let alpha = number(entry.parameters[1]) else {
        throw limitation("with this `\(entry.parameters[1])`")
      }
      function = .leakyRelu(alpha: alpha)
    case .clip:
      inputs = [try tensor(entry.parameters[0])]
      guard let low = number(entry.parameters[1]), let high = number(entry.parameters[2])
      else { throw limitation("with bounds that are not numbers") }
      function = .clip(min: low, max: high)
    case .concat:
      inputs = try tensors(entry.parameters[0])
      function = .concat(axis: try int("axis"))
    case .stack:
      function = .stack(axis: try int("axis"))
      // `K.stack([tf.shape(x)[0], groups, ...])` in a traced call(): a shape vector of sizes
      // and numbers, whose numbers become constants of the traced graph.
      if session.lambdaTracingDepth > 0, let items = arguments[entry.parameters[0]]?.sequenceItems,
        items.contains(where: { if case .int = $0 { true } else { false } }),
        let anchor = items.lazy.compactMap({ item -> KerasTensor? in
          if case .kerasTensor(let size) = item, size.shape.rank == 0 { return size }
          return nil
        }).first
      {
        inputs = []
        for item in items {
          switch item {
          case .kerasTensor(let size) where size.shape.rank == 0: inputs.append(size)
          case .int(let number) where abs(number) < 1 << 24:
            inputs.append(
              try apply(
                .constant(TensorFunction.ConstantTensor(shape: [], values: [Float(number)])),
                "tf.constant", [anchor], interpreter: interpreter, range: range))
          default: throw limitation("on a list holding \(PythonText.repr(item))")
          }
        }
      } else {
        inputs = try tensors(entry.parameters[0])
      }
    case .expandDims:
      // A constant made in the call (`ops.expand_dims(ops.arange(0, n), axis=0)`, the positions
      // of a position embedding) stays a constant, one axis longer.
      if session.lambdaTracingDepth > 0,
        case .array(var constant)? = arguments[entry.parameters[0]],
        constant.tensorFlowDType == nil
      {
        let axis = try int("axis")
        let position = axis < 0 ? axis + constant.rank + 1 : axis
        guard position >= 0, position <= constant.rank else {
          throw limitation("with `axis=\(axis)` on a constant of rank \(constant.rank)")
        }
        constant.shape.insert(1, at: position)
        return .array(constant)
      }
      inputs = [try tensor(entry.parameters[0])]
      function = .expandDims(axis: try int("axis"))
    case .squeeze:
      inputs = [try tensor(entry.parameters[0])]
      guard let axes = try ints("axis") else { throw limitation("without `axis`") }
      function = .squeeze(axes: axes)
    case .reshape:
      let (tensorName, shapeName) = (entry.parameters[0], entry.parameters[1])
      if case .array(let array)? = arguments[tensorName], array.tensorFlowDType != nil {
        return try EagerTensors.reshape(array, arguments[shapeName], path: path, range: range)
      }
      // TensorFlow converts the shape to a tensor, which has no None (Keras 3's ops take it).
      if !kerasOps, let shape = arguments[shapeName],
        shape.sequenceItems?.contains(where: { if case .none = $0 { true } else { false } })
          == true
      {
        if session.eagerTraceBatch != nil {
          // Keras' call on data has the batch size where ConvBook's trace has None.
          throw limitation(
            "with a shape holding None inside a custom layer's call() on data (ConvBook traces call() with the batch size unknown; use -1 for it)"
          )
        }
        throw CellError(
          type: "TypeError",
          message:
            "Failed to convert elements of \(PythonText.repr(shape)) to Tensor. Consider casting elements to a supported type. See https://www.tensorflow.org/api_docs/python/tf/dtypes for supported TF dtypes.",
          range: range)
      }
      inputs = [try tensor(tensorName)]
      if let (entries, sizes) = try shapeEntries(shapeName, first: 1) {
        inputs += sizes
        function = .dynamicReshape(entries)
      } else {
        guard let shape = try ints(shapeName) else { throw limitation("without a shape") }
        function = .reshape(shape)
      }
    case .flatten:
      inputs = [try tensor("x")]
      function = .reshape([-1])
    case .transpose:
      let x = try tensor(entry.parameters[0])
      inputs = [x]
      let permutation =
        try ints(entry.parameters[1]) ?? Array((0..<x.shape.rank).reversed())
      function = .transpose(permutation)
    case .cumulative(let product):
      let x = try tensor("x")
      inputs = [x]
      let rank = x.shape.rank
      guard let axis = try ints("axis")?.first, (try ints("axis"))?.count == 1 else {
        throw limitation("without an axis (it would flatten the batch too)")
      }
      let resolved = axis < 0 ? axis + rank : axis
      guard (0..<rank).contains(resolved) else {
        throw limitation("with an axis outside the tensor's \(rank) axes")
      }
      if let given = arguments["dtype"], !given.isNone {
        guard case .string("float32") = given else {
          throw limitation("with `dtype=\(PythonText.repr(given))`")
        }
      }
      function = .cumulative(product: product, axis: resolved)
    case .flip:
      let x = try tensor("x")
      inputs = [x]
      let rank = x.shape.rank
      var axes = Array(0..<rank)
      if let given = try ints("axis") {
        axes = []
        for axis in given {
          let resolved = axis < 0 ? axis + rank : axis
          guard (0..<rank).contains(resolved) else {
            throw CellError(
              type: "ValueError",
              message: "axis \(axis) is out of bounds for an array with dimension \(rank).",
              range: range)
          }
          if !axes.contains(resolved) { axes.append(resolved) }
        }
      }
      function = .reverse(axes: axes)
    case .swapAxes:
      let x = try tensor("x")
      inputs = [x]
      let rank = x.shape.rank
      let axes = [try int("axis1"), try int("axis2")].map { $0 < 0 ? $0 + rank : $0 }
      guard axes.allSatisfy({ (0..<rank).contains($0) }) else {
        throw limitation("with an axis outside the tensor's \(rank) axes")
      }
      var permutation = Array(0..<rank)
      permutation.swapAt(axes[0], axes[1])
      function = .transpose(permutation)
    case .tile:
      inputs = [try tensor(entry.parameters[0])]
      if let (entries, sizes) = try shapeEntries(entry.parameters[1], first: 1) {
        // `tf.tile(w, [tf.shape(x)[0], 1, 1])`: a multiple computed from a shape.
        guard !entries.contains(where: { if case .size(let n) = $0 { n < 0 } else { false } })
        else { throw limitation("with these multiples") }
        inputs += sizes
        function = .tile(entries)
      } else {
        guard let multiples = try ints(entry.parameters[1]), multiples.allSatisfy({ $0 >= 0 })
        else { throw limitation("with these multiples") }
        function = .tile(multiples.map { .size($0) })
      }
    case .repeatAxis:
      let x = try tensor(entry.parameters[0])
      inputs = [x]
      guard case .int(let given)? = arguments["axis"] else {
        throw limitation("without an axis")
      }
      let rank = x.shape.rank
      let axis = given < 0 ? given + rank : given
      // Repeating each element of a longer axis is not a tile.
      guard axis >= 0, axis < rank, x.shape.dimensions[axis] == 1 else {
        throw limitation("on an axis of a size other than 1")
      }
      var entries = [TensorFunction.ShapeEntry](repeating: .size(1), count: rank)
      switch arguments["repeats"] {
      case .int(let count)? where count >= 0: entries[axis] = .size(count)
      case .kerasTensor(let count)? where count.shape.rank == 0:
        entries[axis] = .scalar(input: 1)
        inputs.append(count)
      default: throw limitation("with these repeats")
      }
      function = .tile(entries)
    case .pad:
      inputs = [try tensor(entry.parameters[0])]
      guard let rows = arguments[entry.parameters[1]]?.sequenceItems else {
        throw limitation("with these paddings")
      }
      var paddings: [[Int]] = []
      for row in rows {
        guard let pair = row.sequenceItems, pair.count == 2,
          case .int(let before) = pair[0], case .int(let after) = pair[1]
        else { throw limitation("with these paddings") }
        paddings.append([before, after])
      }
      // TensorFlow upper-cases the mode; Keras 3's `keras.ops.pad` passes it on so.
      guard case .string(let mode)? = arguments["mode"] else {
        throw limitation("with a mode other than CONSTANT, REFLECT or SYMMETRIC")
      }
      switch mode.uppercased() {
      case "CONSTANT":
        guard let value = number("constant_values") else {
          throw limitation("with these constant_values")
        }
        function = .pad(paddings, value: value)
      case "REFLECT", "SYMMETRIC":
        function = .mirrorPad(paddings, symmetric: mode.uppercased() == "SYMMETRIC")
      default:
        throw limitation("with a mode other than CONSTANT, REFLECT or SYMMETRIC")
      }
    case .resize:
      inputs = [try tensor("images")]
      guard case .string(let method)? = arguments["method"] ?? arguments["interpolation"],
        ["bilinear", "nearest"].contains(method),
        !flag("preserve_aspect_ratio"), !flag("antialias"), !flag("crop_to_aspect_ratio"),
        !flag("pad_to_aspect_ratio"), channelsLast(arguments["data_format"])
      else { throw limitation("with this method or option (ConvBook has bilinear and nearest)") }
      if let (entries, sizes) = try shapeEntries("size", first: 1) {
        // `tf.image.resize(x, tf.shape(skip)[1:3])`: sizes of another tensor.
        inputs += sizes
        function = .dynamicResize(entries, method: method)
      } else {
        guard let size = try ints("size"), size.count == 2, size.allSatisfy({ $0 > 0 }) else {
          throw limitation("with this `size`")
        }
        function = .resize(height: size[0], width: size[1], method: method)
      }
    case .resizeV1, .resizeBilinearV1:
      inputs = [try tensor("images")]
      if case .resizeV1 = entry.kind {
        // ResizeMethodV1.BILINEAR is 0; `tf.image.ResizeMethod.BILINEAR` is 'bilinear'.
        switch arguments["method"] {
        case .int(0)?, .string("bilinear")?: break
        default: throw limitation("with this method (ConvBook has bilinear)")
        }
        guard !flag("preserve_aspect_ratio") else {
          throw limitation("with preserve_aspect_ratio")
        }
      } else if flag("half_pixel_centers") {
        throw limitation("with half_pixel_centers")
      }
      guard let size = try ints("size"), size.count == 2, size.allSatisfy({ $0 > 0 }) else {
        throw limitation("with this `size`")
      }
      function = .resize(
        height: size[0], width: size[1],
        method: flag("align_corners")
          ? ResizeKernel.bilinearAlignCorners : ResizeKernel.bilinearLegacy)
    case .matmul:
      inputs = [try tensor(entry.parameters[0]), try tensor(entry.parameters[1])]
      function = .matmul(transposeA: flag("transpose_a"), transposeB: flag("transpose_b"))
    case .tensordot:
      let (x1, x2) = (try tensor(entry.parameters[0]), try tensor(entry.parameters[1]))
      guard case .int(1)? = arguments["axes"], x1.shape.rank >= 2,
        x2.shape.rank == 2 || (x2.shape.rank == 1 && !kerasOps)
      else {
        throw limitation("other than axes=1 with a matrix as \(entry.parameters[1])")
      }
      if x2.shape.rank == 1 {
        // `tf.tensordot(x, v, axes=1)` of a vector v: TensorFlow's tensordot makes v a column
        // (k, 1), multiplies, and reshapes to x's leading axes, which drops the last axis.
        let column = try apply(
          .expandDims(axis: -1), "tf.expand_dims", [x2], interpreter: interpreter, range: range)
        let product = try apply(
          .matmul(transposeA: false, transposeB: false), entry.tfName, [x1, column],
          interpreter: interpreter, range: range)
        inputs = [product]
        function = .squeeze(axes: [-1])
      } else {
        inputs = [x1, x2]
        function = .matmul(transposeA: false, transposeB: false)
      }
    case .opsSlice:
      let x = try tensor(entry.parameters[0])
      // Outside a call Keras 3 records a `Slice` operation, which ConvBook has not.
      guard session.lambdaTracingDepth > 0 else {
        throw limitation("outside a Lambda or a custom layer's call()")
      }
      let (startName, sizeName) = (entry.parameters[1], entry.parameters[2])
      guard let starts = try ints(startName), let sizes = try ints(sizeName),
        starts.count == x.shape.rank, sizes.count == x.shape.rank
      else {
        throw limitation("with these `\(startName)` and `\(sizeName)`")
      }
      // TensorFlow gives a slice of an axis the size asked for; ConvBook's slice of an axis of
      // unknown size has an unknown size, so only whole (-1) slices of those are taken.
      var items: [TensorSlice.Item] = []
      for (axis, (start, size)) in zip(starts, sizes).enumerated() {
        let dimension = x.shape.dimensions[axis]
        guard start >= 0, size >= -1,
          size == -1 || dimension.map({ start + size <= $0 }) == true,
          dimension.map({ start <= $0 }) ?? (size == -1)
        else {
          throw limitation("with `\(startName)=\(starts)` and `\(sizeName)=\(sizes)` on \(x.shape)")
        }
        items.append(
          .range(start: start == 0 ? nil : start, stop: size == -1 ? nil : start + size, step: nil))
      }
      inputs = [x]
      function = .slice(TensorSlice(items))
    case .cast:
      inputs = [try tensor("x")]
      guard let dtype = arguments["dtype"] else {
        throw CellError(
          type: "TypeError",
          message:
            "\(path.split(separator: ".").last ?? "cast")() missing 1 required positional argument: 'dtype'",
          range: range)
      }
      guard TensorFlowDType.requestedName(dtype) == "float32" else {
        throw limitation(
          "to \(PythonText.repr(dtype)) (ConvBook computes in float32 only, so it casts to \"float32\")"
        )
      }
      function = .unary(.identity)
    case .convertToTensor:
      // Outside a call Keras 3 records a `ConvertToTensor` operation, which ConvBook has not.
      guard session.lambdaTracingDepth > 0, case .kerasTensor(let x)? = arguments["x"],
        arguments["dtype"].map({ $0.isNone || TensorFlowDType.requestedName($0) == "float32" })
          ?? true,
        !(arguments["sparse"]?.isTruthy ?? false), !(arguments["ragged"]?.isTruthy ?? false)
      else {
        throw limitation("on this value")
      }
      return .kerasTensor(x)
    case .staticShape:
      throw limitation("on a value of type '\(arguments["x"]?.typeName ?? "NoneType")'")
    case .shape:
      inputs = [try tensor(entry.parameters[0])]
      if let type = arguments["out_type"], TensorFlowDType.requestedName(type) != "int32" {
        throw limitation("with `out_type=\(PythonText.repr(type))`")
      }
      function = .shape
    case .depthToSpace, .spaceToDepth:
      inputs = [try tensor(entry.parameters[0])]
      guard case .string(let format)? = arguments["data_format"],
        format == "NHWC" || format == "channels_last"
      else {
        throw limitation("with a data format other than channels last (NHWC)")
      }
      let block = try int("block_size")
      if case .depthToSpace = entry.kind {
        function = .depthToSpace(blockSize: block)
      } else {
        function = .spaceToDepth(blockSize: block)
      }
    case .extractPatches:
      inputs = [try tensor("images")]
      // tf.image: sizes/strides/rates as [1, rows, cols, 1] and padding "VALID"/"SAME";
      // keras.ops.image: a size and strides as numbers or pairs, strides defaulting to the size.
      func pair(_ name: String, tensorFlow: Bool) throws(CellError) -> [Int]? {
        guard let values = try ints(name) else { return nil }
        if tensorFlow {
          guard values.count == 4, values[0] == 1, values[3] == 1, values[1] > 0, values[2] > 0
          else { throw limitation("with `\(name)=\(PythonText.repr(arguments[name]!))`") }
          return [values[1], values[2]]
        }
        guard values.count == 1 || values.count == 2, values.allSatisfy({ $0 > 0 }) else {
          throw limitation("with `\(name)=\(PythonText.repr(arguments[name]!))`")
        }
        return values.count == 1 ? [values[0], values[0]] : values
      }
      let tensorFlow = !entry.isKerasOperation
      func required(_ name: String) throws(CellError) -> [Int] {
        guard let values = try pair(name, tensorFlow: tensorFlow) else {
          throw CellError(
            type: "TypeError",
            message: "extract_patches() missing 1 required positional argument: '\(name)'",
            range: range)
        }
        return values
      }
      let size = try required(tensorFlow ? "sizes" : "size")
      let strides =
        try tensorFlow ? required("strides") : pair("strides", tensorFlow: false) ?? size
      let rates = try tensorFlow ? required("rates") : pair("dilation_rate", tensorFlow: false)!
      guard case .string(let padding)? = arguments["padding"] else {
        throw CellError(
          type: "TypeError",
          message: "extract_patches() missing 1 required positional argument: 'padding'",
          range: range)
      }
      let same: Bool
      switch tensorFlow ? padding : padding.lowercased() {
      case "VALID", "valid": same = false
      case "SAME", "same": same = true
      default: throw limitation("with `padding=\(PythonText.repr(.string(padding)))`")
      }
      if let format = arguments["data_format"], format.isTruthy,
        PythonText.repr(format) != "'channels_last'"
      {
        throw limitation("with a data format other than channels last")
      }
      function = .extractPatches(size: size, strides: strides, rates: rates, same: same)
    case .oneHot:
      let indices = try tensor(entry.parameters[0])
      inputs = [indices]
      let depth = try int(entry.parameters[1])
      // TensorFlow's one_hot takes integer indices only (Keras 3's casts them). tf-keras has named
      // the TFOpLambda when the call fails.
      if !entry.isKerasOperation, !Self.isInteger(indices) {
        let shown = entry.parameters.map { name -> String in
          if name == entry.parameters[0] {
            return "  • \(name)=tf.Tensor(shape=\(indices.shape), dtype=float32)"
          }
          return "  • \(name)=\(arguments[name].map(PythonText.repr) ?? "None")"
        }
        let name =
          session.lambdaTracingDepth > 0
          ? entry.tfName : interpreter.kerasNames.uniqueName(entry.tfName)
        throw CellError(
          type: "TypeError",
          message: """
            Exception encountered when calling layer "\(name)" (type TFOpLambda).

            Value passed to parameter 'indices' has DataType float32 not in list of allowed values: uint8, int8, int32, int64

            Call arguments received by layer "\(name)" (type TFOpLambda):
            \(shown.joined(separator: "\n"))
            """, range: range)
      }
      let axis = arguments["axis"].flatMap { if case .int(let a) = $0 { a } else { nil } } ?? -1
      guard axis >= -1 else { throw limitation("with `axis=\(axis)`") }
      let on = arguments["on_value"].flatMap { $0.isNone ? nil : number("on_value") } ?? 1
      let off = arguments["off_value"].flatMap { $0.isNone ? nil : number("off_value") } ?? 0
      if let dtype = arguments["dtype"], dtype.isTruthy,
        TensorFlowDType.requestedName(dtype) != "float32"
      {
        throw limitation("with `dtype=\(PythonText.repr(dtype))` (ConvBook computes in float32)")
      }
      if flag("sparse") { throw limitation("with `sparse=True`") }
      function = .oneHot(depth: depth, axis: axis, on: on, off: off)
    case .select:
      let condition = try tensor("condition")
      inputs = [condition]
      var constants: [Double?] = []
      for name in entry.parameters[1...2] {
        switch arguments[name] {
        case .kerasTensor(let operand)?:
          inputs.append(operand)
          constants.append(nil)
        case let value?:
          guard let number = number(name) else {
            throw limitation("with `\(name)=\(PythonText.repr(value))`")
          }
          constants.append(number)
        case nil:
          // `tf.where(condition)` returns the coordinates of the true values: a tensor of unknown
          // length.
          throw limitation("without x and y (the coordinates of the true values)")
        }
      }
      function = .select(x: constants[0], y: constants[1])
    case .repeatElements:
      let x = try tensor("x")
      inputs = [x]
      guard session.lambdaTracingDepth > 0 else {
        // tf-keras records a `tf.split` layer and a `tf.concat` layer, which ConvBook has not.
        throw limitation("on Keras tensors outside a Lambda or a custom layer's call()")
      }
      guard case .int(let rep)? = arguments["rep"], rep >= 0,
        case .int(let given)? = arguments["axis"],
        let axis = Optional(given < 0 ? given + x.shape.rank : given), axis > 0,
        axis < x.shape.rank, let size = x.shape[axis]
      else {
        throw limitation("with this `rep` or `axis` (ConvBook repeats along an axis of known size)")
      }
      function = .gather(
        indices: (0..<size).flatMap { Array(repeating: $0, count: rep) }, axis: axis,
        scalar: false)
    case .gather:
      let x = try tensor(entry.parameters[0])
      inputs = [x]
      guard case .int(0)? = arguments["batch_dims"] ?? .int(0) else {
        throw limitation("with `batch_dims`")
      }
      let axis: Int
      switch arguments["axis"] {
      case .int(let value)?: axis = value
      case .none?, nil:
        // TensorFlow gathers along axis 0; Keras 3's take flattens first, which ConvBook lacks.
        guard !entry.isKerasOperation else { throw limitation("without `axis`") }
        axis = 0
      default: throw limitation("with this `axis`")
      }
      switch arguments["indices"] {
      case .int(let index)?:
        function = .gather(indices: [index], axis: axis, scalar: true)
      // `tf.gather(x, np.array([2, 0, 1]), axis=-1)`: a NumPy or eager array of whole numbers.
      case .array(let array)? where array.dtype.isInteger && array.rank <= 1 && array.count > 0:
        let indices = (0..<array.count).map { Int(array.value(at: $0)) }
        function = .gather(indices: indices, axis: axis, scalar: array.rank == 0)
      case let value?:
        guard let items = value.sequenceItems, !items.isEmpty else {
          throw limitation("with indices of type '\(value.typeName)'")
        }
        var indices: [Int] = []
        for item in items {
          guard case .int(let index) = item else {
            throw limitation("with indices that are not a list of whole numbers")
          }
          indices.append(index)
        }
        function = .gather(indices: indices, axis: axis, scalar: false)
      case nil:
        throw CellError(
          type: "TypeError",
          message:
            "\(path.split(separator: ".").last ?? "gather")() missing 1 required positional argument: 'indices'",
          range: range)
      }
    case .randomUniform:
      guard let (entries, sizes) = try shapeEntries("shape", first: 0) else {
        return try eager(entry.tfName, arguments, site: site, interpreter: interpreter)
      }
      guard let minimum = number("minval") else {
        throw limitation("with a `minval` that is not a number")
      }
      var upper = number("maxval")
      if case .none? = arguments["maxval"] { upper = 1 }
      guard let maximum = upper else {
        throw limitation("with a `maxval` that is not a number")
      }
      if let dtype = arguments["dtype"], dtype.isTruthy,
        TensorFlowDType.requestedName(dtype) != "float32"
      {
        throw limitation("with `dtype=\(PythonText.repr(dtype))`")
      }
      var seed = Int(truncatingIfNeeded: session.randomSeed ?? 0) &+ session.randomOperationCount
      if case .int(let given)? = arguments["seed"] { seed = given }
      session.randomOperationCount += 1
      inputs = sizes
      function = .randomUniform(entries, minimum: minimum, maximum: maximum, seed: seed)
    case .filled:
      // An eager call (`EagerFunctions`) unless the shape holds Keras tensors.
      if try shapeEntries("shape", first: 0) != nil {
        throw limitation("with a shape holding Keras tensors")
      }
      return try eager(entry.tfName, arguments, site: site, interpreter: interpreter)
    case .dropout:
      let x = try tensor("inputs")
      guard session.lambdaTracingDepth > 0 else {
        throw limitation("on Keras tensors outside a Lambda or a custom layer's call()")
      }
      guard let rate = number("rate"), rate >= 0, rate < 1 else {
        throw limitation("with this `rate` (ConvBook takes a number in [0, 1))")
      }
      guard case .none? = arguments["noise_shape"] else { throw limitation("with `noise_shape`") }
      var seed = Int(truncatingIfNeeded: session.randomSeed ?? 0) &+ session.randomOperationCount
      if case .int(let given)? = arguments["seed"] { seed = given }
      session.randomOperationCount += 1
      // TensorFlow's dropout: keep where a uniform draw in [0, 1) is at least the rate, scale the
      // kept values by 1 / (1 - rate) (ConvBook's draws are its own, seeded ones).
      let sizes = try apply(.shape, "shape", [x], interpreter: interpreter, range: range)
      let draws = try apply(
        .randomUniform([.vector(input: 0)], minimum: 0, maximum: 1, seed: seed), "uniform",
        [sizes], interpreter: interpreter, range: range)
      let kept = try apply(
        .binary(.greaterEqual, constant: rate, constantFirst: false), "greater_equal", [draws],
        interpreter: interpreter, range: range)
      let scaled = try apply(
        .binary(.multiply, constant: 1 / (1 - rate), constantFirst: false), "multiply", [kept],
        interpreter: interpreter, range: range)
      inputs = [x, scaled]
      function = .binary(.multiply, constant: nil, constantFirst: false)
    case .broadcastTo:
      inputs = [try tensor(entry.parameters[0])]
      if let (entries, sizes) = try shapeEntries("shape", first: 1) {
        inputs += sizes
        function = .broadcastTo(entries)
      } else {
        guard let shape = try ints("shape") else {
          let function = String(path.split(separator: ".").last ?? "broadcast_to")
          throw CellError(
            type: "TypeError",
            message: "\(function)() missing 1 required positional argument: 'shape'",
            range: range)
        }
        guard !shape.contains(-1) else { throw limitation("with a shape holding None") }
        if keras3, session.lambdaTracingDepth == 0 {
          try keras3BroadcastCheck(inputs[0].shape.dimensions, shape, range: range)
        }
        function = .broadcastTo(shape.map { .size($0) })
      }
    case .randomNormal:
      guard let (entries, sizes) = try shapeEntries("shape", first: 0) else {
        // Without a Keras tensor in the shape the result is an eager tensor.
        return try eager("tf.random.normal", arguments, site: site, interpreter: interpreter)
      }
      guard let mean = number("mean"), let deviation = number("stddev") else {
        throw limitation("with a `mean` or `stddev` that is not a number")
      }
      if let dtype = arguments["dtype"], dtype.isTruthy,
        TensorFlowDType.requestedName(dtype) != "float32"
      {
        throw limitation("with `dtype=\(PythonText.repr(dtype))`")
      }
      var seed = Int(truncatingIfNeeded: session.randomSeed ?? 0) &+ session.randomOperationCount
      if case .int(let given)? = arguments["seed"] { seed = given }
      session.randomOperationCount += 1
      inputs = sizes
      function = .randomNormal(entries, mean: mean, standardDeviation: deviation, seed: seed)
    }
    do {
      return .kerasTensor(
        try apply(function, entry.tfName, inputs, interpreter: interpreter, range: range))
    } catch {
      switch entry.kind {
      case .depthToSpace, .spaceToDepth, .extractPatches:
        throw Self.withCallArguments(error, entry: entry, arguments: arguments)
      default: throw error
      }
    }
  }

  /// `tf.zeros`, `tf.random.normal`, ... (named by `tfName`) run eagerly with bound `arguments`.
  private static func eager(
    _ tfName: String, _ arguments: [String: Value], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let parts = tfName.split(separator: ".").map(String.init)
    let namespace = (["tensorflow"] + parts.dropFirst().dropLast()).joined(separator: ".")
    let keywords = arguments.filter { $0.key != "name" }.sorted { $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
    guard
      let value = try EagerFunctions.call(
        parts.last ?? "", namespace: namespace, path: tfName, positional: [],
        keywords: keywords, site: site, interpreter: interpreter)
    else {
      throw .unsupported(
        "ConvBook does not support `\(tfName)` on these values yet", at: site.range)
    }
    return value
  }

  /// tf-keras' full message of a TFOpLambda that failed: the error, then the call's arguments
  /// (`  • input=tf.Tensor(shape=(None, 4, 4, 3), dtype=float32)`, `  • block_size=1`, ...).
  static func withCallArguments(_ error: CellError, entry: Entry, arguments: [String: Value])
    -> CellError
  {
    let marker = " (type TFOpLambda): "
    guard entry.tfName.hasPrefix("tf."), let split = error.message.range(of: marker) else {
      return error
    }
    let head = String(error.message[..<split.lowerBound])
    let layer = head.dropFirst("Exception encountered when calling layer ".count)
    let shown = entry.parameters.map { name -> String in
      switch arguments[name] {
      case .kerasTensor(let tensor)?:
        return "  • \(name)=tf.Tensor(shape=\(tensor.shape), dtype=float32)"
      case let value?: return "  • \(name)=\(PythonText.str(value))"
      case nil: return "  • \(name)=None"
      }
    }
    var wrapped = error
    wrapped.message =
      head + " (type TFOpLambda).\n\n" + error.message[split.upperBound...]
      + "\n\nCall arguments received by layer \(layer) (type TFOpLambda):\n"
      + shown.joined(separator: "\n")
    return wrapped
  }

  /// Whether `tensor` holds integers: a `keras.Input(..., dtype="int32")` (ConvBook's other
  /// tensors are float32).
  static func isInteger(_ tensor: KerasTensor) -> Bool {
    guard tensor.isInput, let input = tensor.producer.layer as? InputLayer else { return false }
    let name: String
    switch input.common.arguments["dtype"] {
    case .string(let given): name = given
    case .object(let object) where object.typeName == "DType":
      guard case .string(let given)? = object.arguments.first?.1 else { return false }
      name = given
    default: return false
    }
    return name.hasPrefix("int") || name.hasPrefix("uint")
  }

  /// `tf.range(start, limit, delta)` / `keras.ops.arange(start, stop, step)` of whole numbers: a
  /// constant vector (TensorFlow's eager tensor; an int64 NumPy array here), which model code
  /// feeds to an `Embedding` for position embeddings.
  private static func constantRange(
    _ arguments: [String: Value], entry: Entry, path: String, tracing: Bool, range: SourceRange
  ) throws(CellError) -> Value {
    let keras = entry.isKerasOperation
    func whole(_ name: String) throws(CellError) -> Int? {
      switch arguments[name] {
      case .int(let value)?: return value
      case .none?, nil: return nil
      case .kerasTensor(let tensor)?
      where tracing && tensor.shape.rank == 0 && tensor.knownValue?.count == 1
        && tensor.knownValue?[0] != nil:
        // `tf.range(start=0, limit=tf.shape(x)[-1])` inside a traced call: the size is known
        // from the traced shape (a layer traced again for another shape gets its own).
        return tensor.knownValue?[0] ?? 0
      case let value?:
        throw .unsupported(
          "ConvBook does not support `\(path)` with `\(name)=\(PythonText.repr(value))` yet (whole numbers only)",
          at: range)
      }
    }
    guard let first = try whole("start") else {
      throw CellError(
        type: "TypeError",
        message: "\(keras ? "arange" : "range")() missing 1 required positional argument: 'start'",
        range: range)
    }
    let second = try whole(keras ? "stop" : "limit")
    let step = try whole(keras ? "step" : "delta") ?? 1
    let (start, stop) = second.map { (first, $0) } ?? (0, first)
    if let dtype = arguments["dtype"], dtype.isTruthy,
      !["int32", "int64"].contains(TensorFlowDType.requestedName(dtype) ?? "")
    {
      throw .unsupported(
        "ConvBook does not support `\(path)` with `dtype=\(PythonText.repr(dtype))` yet", at: range)
    }
    guard step != 0 else {
      throw .unsupported(
        "ConvBook does not support `\(path)` with a step of 0 (TensorFlow refuses it: it requires delta != 0)",
        at: range)
    }
    let count = Value.rangeCount(start, stop, step)
    guard count <= 1 << 20, (-(1 << 24)...(1 << 24)).contains(start),
      (-(1 << 24)...(1 << 24)).contains(stop)
    else {
      throw .unsupported(
        "ConvBook holds `\(path)` constants of at most 2^20 whole numbers below 2^24 in size",
        at: range)
    }
    let values = (0..<count).map { Float(start + $0 * step) }
    return .array(NDArray(dtype: .int64, shape: [count], scalars: values))
  }

  /// Records `function` on `inputs` as tf-keras' `TFOpLambda` (Keras 3: an operation), unnamed
  /// while a Lambda is being traced.
  static func apply(
    _ function: TensorFunction, _ tfName: String, _ inputs: [KerasTensor],
    interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> KerasTensor {
    let session = interpreter.session
    let keras3 = interpreter.kerasVersion == .keras3
    let tracing = session.lambdaTracingDepth > 0
    let name =
      tracing ? session.tracedOperationName(tfName) : interpreter.kerasNames.uniqueName(tfName)
    let instance = LayerInstance(
      TensorFunctionLayer(
        function: function, name: name, isKeras3Operation: keras3,
        keras3ClassName: keras3ClassName(tfName)))
    if !tracing { interpreter.recordOrigin(of: instance, at: range) }
    if tracing, session.firstTracedFunction == nil { session.firstTracedFunction = instance }
    do {
      return try KerasTensor.apply(
        instance, to: inputs, asList: true, names: tracing ? nil : interpreter.kerasNames)
    } catch {
      throw Calls.keras(error, at: range)
    }
  }

  /// tf-keras' `K.dot(x, y)`: `tf.matmul` when neither has more than two axes; otherwise x as
  /// rows of its last axis, y with its second-to-last axis moved first as columns, one `tf.matmul`
  /// and a reshape to x's leading sizes, y's leading sizes and y's last (x (2, 3, 4) . y (5, 4, 6)
  /// is (2, 3, 5, 6)), the operations tf-keras' backend runs, so the values are TensorFlow's.
  private static func backendDot(
    _ x: KerasTensor, _ y: KerasTensor, limitation: (String) -> CellError,
    interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> KerasTensor {
    let (xRank, yRank) = (x.shape.rank, y.shape.rank)
    guard xRank >= 2, yRank >= 2 else {
      throw limitation("on a tensor of fewer than two axes")
    }
    if xRank == 2, yRank == 2 {
      return try apply(
        .matmul(transposeA: false, transposeB: false), "tf.linalg.matmul", [x, y],
        interpreter: interpreter, range: range)
    }
    guard interpreter.session.lambdaTracingDepth > 0 else {
      // tf-keras records each shape operation of its backend as a layer of its own.
      throw limitation(
        "on tensors of more than two axes outside a Lambda or a custom layer's call()")
    }
    let xDimensions = x.shape.dimensions
    let yDimensions = y.shape.dimensions
    let ySizes = yDimensions.compactMap { $0 }
    guard let inner = xDimensions[xRank - 1], ySizes.count == yRank else {
      throw limitation("on tensors whose contracted or weight sizes are unknown")
    }
    let columns = ySizes[yRank - 2]
    let target =
      Array(xDimensions.dropLast()) + ySizes.dropLast(2).map { $0 } + [ySizes[yRank - 1]]
    guard target.filter({ $0 == nil }).count <= 1 else {
      throw limitation("on a tensor with more than one unknown size")
    }
    var permutation = Array(0..<yRank)
    let moved = permutation.remove(at: yRank - 2)
    permutation.insert(moved, at: 0)
    let rows = try apply(
      .reshape([-1, inner]), "tf.reshape", [x], interpreter: interpreter, range: range)
    let transposed = try apply(
      .transpose(permutation), "tf.compat.v1.transpose", [y], interpreter: interpreter, range: range
    )
    let matrix = try apply(
      .reshape([columns, -1]), "tf.reshape", [transposed], interpreter: interpreter, range: range)
    let product = try apply(
      .matmul(transposeA: false, transposeB: false), "tf.linalg.matmul", [rows, matrix],
      interpreter: interpreter, range: range)
    return try apply(
      .reshape(target.map { $0 ?? -1 }), "tf.reshape", [product], interpreter: interpreter,
      range: range)
  }

  /// tf-keras' `K.batch_dot(x, y, axes)` for tensors of two or three axes: a matrix gets a unit
  /// axis (`tf.expand_dims`, x's at 1, y's at 2), x's contracted axis is moved last and y's to 1
  /// (`tf.compat.v1.transpose`), one batched `tf.linalg.matmul`, and the unit axis of a matrix is
  /// squeezed again (x's first). Larger tensors go through shape arithmetic, which ConvBook lacks.
  private static func batchDot(
    _ x: KerasTensor, _ y: KerasTensor, axes given: [Int]?, limitation: (String) -> CellError,
    interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> KerasTensor {
    var (x, y) = (x, y)
    let (xShape, yShape) = (x.shape, y.shape)
    var (xRank, yRank) = (xShape.rank, yShape.rank)
    // tf-keras raises its errors inside the TFOpLambda its dispatcher makes on failure, with a
    // traceback through its own files: ConvBook names them as its limitation.
    func failure(_ message: String) -> CellError {
      .unsupported(
        "ConvBook does not support tf-keras' error of `K.batch_dot` on Keras tensors yet: \(message)",
        at: range)
    }
    func shapeText(_ shape: TensorShape) -> String {
      PythonText.repr(.tuple(TensorShapeValue.items(shape.dimensions)))
    }
    let received = "Received inputs with shapes \(shapeText(xShape)) and \(shapeText(yShape))."
    guard xRank >= 2, yRank >= 2 else {
      throw failure("Cannot do batch_dot on inputs with rank < 2. " + received)
    }
    if let a = xShape.dimensions[0], let b = yShape.dimensions[0], a != b {
      throw failure("Cannot do batch_dot on inputs with different batch sizes. " + received)
    }
    var axes: [Int]
    switch given {
    case nil: axes = yRank == 2 ? [xRank - 1, yRank - 1] : [xRank - 1, yRank - 2]
    case let one? where one.count == 1: axes = [one[0], one[0]]
    case let two? where two.count == 2: axes = two
    case let other?: throw limitation("with axes=\(other)")
    }
    if axes[0] < 0 { axes[0] += xRank }
    if axes[1] < 0 { axes[1] += yRank }
    if axes.contains(0) {
      throw failure(
        "Cannot perform batch_dot over axis 0. If your inputs are not batched, add a dummy batch dimension to your inputs using K.expand_dims(x, 0)"
      )
    }
    guard axes[0] < xRank, axes[1] < yRank, axes[0] > 0, axes[1] > 0 else {
      throw limitation("with axes=\(axes) outside the tensors' axes")
    }
    if let d1 = xShape.dimensions[axes[0]], let d2 = yShape.dimensions[axes[1]], d1 != d2 {
      throw failure(
        "Cannot do batch_dot on inputs with shapes \(shapeText(xShape)) and \(shapeText(yShape)) with axes=\(axes). x.shape[\(axes[0])] != y.shape[\(axes[1])] (\(d1) != \(d2))."
      )
    }
    guard xRank <= 3, yRank <= 3 else {
      throw limitation("on tensors of more than three axes")
    }
    let (xMatrix, yMatrix) = (xRank == 2, yRank == 2)
    var (a0, a1) = (axes[0], axes[1])
    if xMatrix {
      x = try apply(
        .expandDims(axis: 1), "tf.expand_dims", [x], interpreter: interpreter, range: range)
      a0 += 1
      xRank += 1
    }
    if yMatrix {
      y = try apply(
        .expandDims(axis: 2), "tf.expand_dims", [y], interpreter: interpreter, range: range)
      yRank += 1
    }
    if a0 != xRank - 1 {
      var pattern = Array(0..<xRank)
      for i in a0..<(xRank - 1) { pattern[i] = pattern[i + 1] }
      pattern[xRank - 1] = a0
      x = try apply(
        .transpose(pattern), "tf.compat.v1.transpose", [x], interpreter: interpreter, range: range)
    }
    if a1 != 1 {
      var pattern = Array(0..<yRank)
      for i in stride(from: a1, to: 1, by: -1) { pattern[i] = pattern[i - 1] }
      pattern[1] = a1
      y = try apply(
        .transpose(pattern), "tf.compat.v1.transpose", [y], interpreter: interpreter, range: range)
    }
    let product = try apply(
      .matmul(transposeA: false, transposeB: false), "tf.linalg.matmul", [x, y],
      interpreter: interpreter, range: range)
    if xMatrix {
      return try apply(
        .squeeze(axes: [1]), "tf.compat.v1.squeeze", [product], interpreter: interpreter,
        range: range)
    }
    if yMatrix {
      return try apply(
        .squeeze(axes: [-1]), "tf.compat.v1.squeeze", [product], interpreter: interpreter,
        range: range)
    }
    return product
  }

  /// `x > 0` on a Keras tensor (`<`, `<=`, `>`, `>=`): tf-keras' `tf.math.greater`, ..., Keras 3's
  /// `greater (Greater)`, .... A number on the left is Python's reflected comparison (`0 < x` is
  /// `x > 0`).
  static func compare(
    _ operation: ComparisonOperator, _ left: Value, _ right: Value, interpreter: Interpreter,
    range: SourceRange
  ) throws(CellError) -> Value {
    var binary: TensorFunction.Binary
    switch operation {
    case .greater: binary = .greater
    case .less: binary = .less
    case .greaterOrEqual: binary = .greaterEqual
    case .lessOrEqual: binary = .lessEqual
    default:
      throw .unsupported(
        "ConvBook does not support \(operation.rawValue) on Keras tensors yet", at: range)
    }
    func number(_ value: Value) -> Double? {
      switch value {
      case .int(let n): return Double(n)
      case .float(let n): return n
      case .bool(let flag): return flag ? 1 : 0
      default: return nil
      }
    }
    var inputs: [KerasTensor]
    var function: TensorFunction
    switch (left, right) {
    case (.kerasTensor(let a), .kerasTensor(let b)):
      inputs = [a, b]
      function = .binary(binary, constant: nil, constantFirst: false)
    case (.kerasTensor(let a), let other):
      guard let c = number(other) else {
        throw .unsupported(
          "ConvBook does not support \(operation.rawValue) between a Keras tensor and a value of type '\(other.typeName)' yet",
          at: range)
      }
      inputs = [a]
      function = .binary(binary, constant: c, constantFirst: false)
    case (let other, .kerasTensor(let b)):
      guard let c = number(other) else {
        throw .unsupported(
          "ConvBook does not support \(operation.rawValue) between a value of type '\(other.typeName)' and a Keras tensor yet",
          at: range)
      }
      switch binary {
      case .greater: binary = .less
      case .less: binary = .greater
      case .greaterEqual: binary = .lessEqual
      default: binary = .greaterEqual
      }
      inputs = [b]
      function = .binary(binary, constant: c, constantFirst: false)
    default:
      preconditionFailure("compare needs a Keras tensor operand")
    }
    let keras3 = interpreter.kerasVersion == .keras3
    let names: [TensorFunction.Binary: String] = [
      .greater: "greater", .less: "less", .greaterEqual: "greater_equal",
      .lessEqual: "less_equal",
    ]
    let base = names[binary]!
    return .kerasTensor(
      try apply(
        function, keras3 ? base : "tf.math." + base, inputs, interpreter: interpreter, range: range)
    )
  }

  /// Keras 3's `broadcast_shapes`, which `ops.broadcast_to` runs on a Keras tensor's shape and
  /// the target (the shorter padded with 1 on the left) only to word a failure.
  static func keras3BroadcastCheck(_ first: [Int?], _ second: [Int], range: SourceRange)
    throws(CellError)
  {
    let target: [Int?] = second.map { $0 }
    let rank = max(first.count, target.count)
    let a = [Int?](repeating: 1, count: rank - first.count) + first
    let b = [Int?](repeating: 1, count: rank - target.count) + target
    func list(_ sizes: [Int?]) -> String {
      "[" + sizes.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + "]"
    }
    for (x, y) in zip(a, b) {
      guard let x, x != 1, let y, y != 1, y != x else { continue }
      throw CellError(
        type: "ValueError",
        message:
          "Cannot broadcast shape, the failure dim has value \(x), which cannot be broadcasted to \(y). Input shapes are: \(list(first)) and \(list(target)).",
        range: range)
    }
  }

  /// `keras.ops.shape(x)` of a Keras tensor: its static shape, a tuple. Inside a layer's `call`
  /// (a custom layer's or a Lambda's), Keras 3's TensorFlow backend runs on TensorFlow's
  /// symbolic tensors, whose unknown sizes `ops.shape` gives as `tf.shape(x)[i]`: tensors that
  /// arithmetic and `ops.reshape` take (`batch * length`), where None would fail.
  static func staticShape(of x: KerasTensor, site: CallSite, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    guard interpreter.session.lambdaTracingDepth > 0, x.shape.dimensions.contains(nil),
      let sizesEntry = entry("shape", namespace: "tensorflow")
    else { return Attributes.shapeValue(x.shape) }
    let sizes = try call(
      sizesEntry, path: "tf.shape", positional: [.kerasTensor(x)], keywords: [], site: site,
      interpreter: interpreter)
    guard case .kerasTensor(let sizesTensor) = sizes else { return Attributes.shapeValue(x.shape) }
    var items: [Value] = []
    for (axis, size) in x.shape.dimensions.enumerated() {
      if let size {
        items.append(.int(size))
      } else {
        items.append(
          try subscriptTensor(
            sizesTensor, .int(axis), interpreter: interpreter, range: site.range))
      }
    }
    return .tuple(items)
  }

  /// `x[...]` on a Keras tensor: tf-keras' `SlicingOpLambda` (`tf.__operators__.getitem`), Keras
  /// 3's `GetItem` operation (`get_item`).
  static func subscriptTensor(
    _ tensor: KerasTensor, _ index: Value, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    var items: [TensorSlice.Item] = []
    let parts: [Value]
    if case .tuple(let elements) = index { parts = elements } else { parts = [index] }
    for part in parts {
      switch part {
      case .int(let value): items.append(.index(value))
      case .bool(let flag): items.append(.index(flag ? 1 : 0))
      case .slice(let start, let stop, let step):
        items.append(.range(start: start, stop: stop, step: step))
      case .ellipsis: items.append(.ellipsis)
      case .none: items.append(.newAxis)
      default:
        throw .unsupported(
          "ConvBook does not support indexing a Keras tensor with a value of type '\(part.typeName)' yet",
          at: range)
      }
    }
    let session = interpreter.session
    let keras3 = interpreter.kerasVersion == .keras3
    let tracing = session.lambdaTracingDepth > 0
    let baseName = keras3 ? "get_item" : "tf.__operators__.getitem"
    let name =
      tracing ? session.tracedOperationName(baseName) : interpreter.kerasNames.uniqueName(baseName)
    let instance = LayerInstance(
      SlicingOpLambda(slice: TensorSlice(items), name: name, isKeras3Operation: keras3))
    if !tracing { interpreter.recordOrigin(of: instance, at: range) }
    do {
      return .kerasTensor(
        try KerasTensor.apply(
          instance, to: [tensor], asList: true, names: tracing ? nil : interpreter.kerasNames))
    } catch {
      throw Calls.keras(error, at: range)
    }
  }
}

extension TensorFunctions {
  /// The short prefix a cell writes for a namespace (`tf.math`, `keras.ops`), for messages.
  static func displayPath(_ namespace: String) -> String {
    namespace.hasPrefix("tensorflow") ? "tf" + namespace.dropFirst("tensorflow".count) : namespace
  }

  /// `namespace.name` as a value: a function ConvBook runs on tensors; in TensorFlow's function
  /// namespaces (`tf.math`, `tf.image`, `tf.signal`, `keras.ops`) any other name is refused as
  /// ConvBook's limitation when TensorFlow has it (see `KerasModule.unsupportedName`) or always
  /// for the namespaces ConvBook lists no names of.
  static func attribute(_ name: String, namespace: String) -> Value? {
    // A name TensorFlow 2 does not have there is Python's AttributeError, even where ConvBook
    // runs a function of that name elsewhere: `tf.log` was TensorFlow 1's and is `tf.math.log`.
    if namespace.hasPrefix("tensorflow"),
      let known = KerasAPINames.names[namespace] ?? TensorFlowNamespaceNames.names[namespace],
      !known.contains(name)
    {
      return nil
    }
    let path = displayPath(namespace) + "." + name
    if entry(name, namespace: namespace) != nil || EagerFunctions.has(name, namespace: namespace)
      || (namespace == "tensorflow" && ["print", "boolean_mask", "einsum"].contains(name))
    {
      return .function(Callable(.tensorFunction(namespace: namespace, name: name), path: path))
    }
    // A name TensorFlow has there that ConvBook does not run: the call is refused when made.
    if let known = TensorFlowNamespaceNames.names[namespace] {
      guard known.contains(name) else { return nil }
      return .function(Callable(.tensorFunction(namespace: namespace, name: name), path: path))
    }
    // Names of the sub-namespaces ConvBook has no list of: the call is refused when made.
    if namespace != "tensorflow", namespace != "tensorflow.nn", namespace != "keras.backend",
      name.first?.isLetter == true
    {
      return .function(Callable(.tensorFunction(namespace: namespace, name: name), path: path))
    }
    return nil
  }
}

extension TensorFunctions {
  /// The AttributeError of a name one Keras version lacks: `keras.ops` (or Keras 3's top-level
  /// `keras.Layer`) under tf-keras. (Keras 3's
  /// `tf.keras.backend` keeps tf-keras' functions, `K.sum`, in its legacy namespace, which is the
  /// one model code imports; ConvBook's one `keras.backend` namespace follows it.)
  static func missingAttribute(
    _ name: String, of module: KerasModule, named moduleName: String? = nil,
    kerasVersion: KerasVersion, range: SourceRange
  ) -> CellError? {
    switch (module, kerasVersion) {
    case (.keras, .keras2)
    where ["ops", "random", "config", "Layer", "Variable", "InputSpec"].contains(name):
      // With CPython's suggestion of the closest name of the module (`Layer`: 'layers').
      let known = module.apiKey.flatMap { KerasAPINames.names[$0] }?.sorted() ?? []
      return CellError(
        type: "AttributeError",
        message: "module '\(moduleName ?? module.pythonName)' has no attribute '\(name)'",
        range: range, suggestion: NameSuggestion.closest(to: name, among: known))
    default: return nil
    }
  }

  /// The ImportError of `from tensorflow.keras import ops` (or `from keras import ops` when `keras`
  /// means tf-keras, or `from tf_keras import ops`): tf-keras has no `ops`. Python names the
  /// package's file by its absolute path, which differs from machine to machine; ConvBook names it
  /// from the package folder, as it names Keras' files in warnings.
  static func missingImport(
    _ name: String, from module: KerasModule, path: [String], kerasVersion: KerasVersion,
    range: SourceRange
  ) -> CellError? {
    let version: KerasVersion
    switch module {
    case .keras, .keras3Package(.keras): version = kerasVersion
    case .tfKeras(.keras): version = .keras2
    default: return nil
    }
    guard missingAttribute(name, of: .keras, kerasVersion: version, range: range) != nil else {
      return nil
    }
    let (package, file) =
      path == ["tensorflow", "keras"]
      ? ("tensorflow.keras", "tf_keras/api/_v2/keras/__init__.py")
      : ("tf_keras", "tf_keras/__init__.py")
    return CellError(
      type: "ImportError", message: "cannot import name '\(name)' from '\(package)' (\(file))",
      range: range)
  }
}
