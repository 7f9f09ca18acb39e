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
    case transpose
    case tile
    case pad
    case resize
    case matmul
    /// `K.sqrt`: `tf.maximum(x, 0)` then `tf.sqrt`.
    case backendSqrt
    /// `K.epsilon()`: a number.
    case epsilon
    /// `tf.cast(x, dtype)`: to float32, the one dtype ConvBook computes in, it changes nothing.
    case cast
    /// `keras.ops.shape(x)`: a Keras tensor's static shape, a tuple (Keras 3 only).
    case staticShape
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

  /// `tensorflow.abs`, `tensorflow.math.abs`, `keras.backend.sum`, `keras.ops.mean`, ... by the
  /// namespace's path and the function's name.
  static func entry(_ name: String, namespace: String) -> Entry? {
    let table: [String: (Kind, String)]
    switch namespace {
    case "tensorflow": table = tensorflow
    case "tensorflow.math": table = tensorflowMath
    case "tensorflow.nn": table = tensorflowNN
    case "tensorflow.image":
      table = name == "resize" ? ["resize": (.resize, "tf.image.resize")] : [:]
    case "tensorflow.linalg":
      table = [
        "matmul": (.matmul, "tf.linalg.matmul"),
        "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
      ]
    case "keras.backend": table = backend
    case "keras.ops": table = kerasOps
    case "keras.ops.image": table = name == "resize" ? ["resize": (.resize, "resize")] : [:]
    default: return nil
    }
    guard let (kind, tfName) = table[name] else { return nil }
    let keras = namespace.hasPrefix("keras")
    return Entry(
      kind: kind, tfName: tfName, parameters: parameters(kind, keras: keras),
      defaults: defaults(kind, keras: keras, namespace: namespace),
      isKerasOperation: namespace.hasPrefix("keras.ops"))
  }

  private static func parameters(_ kind: Kind, keras: Bool) -> [String] {
    switch kind {
    case .unary, .backendSqrt: return ["x", "name"]
    case .binary(.power): return keras ? ["x", "a"] : ["x", "y", "name"]
    case .binary: return ["x", "y", "name"]
    case .reduce:
      return keras ? ["x", "axis", "keepdims"] : ["input_tensor", "axis", "keepdims", "name"]
    case .l2Normalize: return ["x", "axis", "epsilon", "name", "dim"]
    case .softmax, .logSoftmax: return ["logits", "axis", "name"]
    case .leakyRelu: return ["features", "alpha", "name"]
    case .clip:
      return keras
        ? ["x", "min_value", "max_value"] : ["t", "clip_value_min", "clip_value_max", "name"]
    case .concat: return keras ? ["tensors", "axis"] : ["values", "axis", "name"]
    case .stack: return keras ? ["x", "axis"] : ["values", "axis", "name"]
    case .expandDims: return ["input", "axis", "name"]
    case .squeeze: return ["input", "axis", "name"]
    case .reshape: return ["tensor", "shape", "name"]
    case .transpose: return keras ? ["x", "pattern"] : ["a", "perm", "conjugate", "name"]
    case .tile: return keras ? ["x", "repeats"] : ["input", "multiples", "name"]
    case .pad:
      return keras
        ? ["x", "pad_width", "mode", "constant_values"]
        : ["tensor", "paddings", "mode", "constant_values", "name"]
    case .resize: return ["images", "size", "method", "preserve_aspect_ratio", "antialias", "name"]
    case .matmul: return ["a", "b", "transpose_a", "transpose_b"]
    case .epsilon: return []
    case .cast: return keras ? ["x", "dtype"] : ["x", "dtype", "name"]
    case .staticShape: return ["x"]
    }
  }

  private static func defaults(_ kind: Kind, keras: Bool, namespace: String) -> [String: Value] {
    switch kind {
    case .reduce: return ["axis": .none, "keepdims": .bool(false)]
    case .l2Normalize: return ["axis": keras ? .int(-1) : .none, "epsilon": .float(1e-12)]
    case .softmax, .logSoftmax: return ["axis": .int(-1)]
    case .leakyRelu: return ["alpha": .float(0.2)]
    case .concat: return keras ? ["axis": .int(-1)] : [:]
    case .stack: return ["axis": .int(0)]
    // `K.expand_dims(x, axis=-1)`; `tf.expand_dims` and `keras.ops.expand_dims` need the axis.
    case .expandDims: return namespace == "keras.backend" ? ["axis": .int(-1)] : [:]
    case .squeeze: return ["axis": .none]
    case .transpose: return ["perm": .none, "pattern": .none]
    case .resize: return ["method": .string("bilinear")]
    case .pad:
      return ["mode": .string(keras ? "constant" : "CONSTANT"), "constant_values": .int(0)]
    case .matmul: return ["transpose_a": .bool(false), "transpose_b": .bool(false)]
    default: return [:]
    }
  }

  private static let tensorflowMath: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "tf.math.abs"), "sqrt": (.unary(.sqrt), "tf.math.sqrt"),
    "square": (.unary(.square), "tf.math.square"), "exp": (.unary(.exp), "tf.math.exp"),
    "log": (.unary(.log), "tf.math.log"), "negative": (.unary(.negative), "tf.math.negative"),
    "log1p": (.unary(.log1p), "tf.math.log1p"),
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
      "add",
      "subtract", "multiply", "divide", "truediv", "maximum", "minimum", "pow", "reduce_sum",
      "reduce_mean", "reduce_max", "reduce_min", "reduce_prod",
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
    table["pad"] = (.pad, "tf.compat.v1.pad")
    table["matmul"] = (.matmul, "tf.linalg.matmul")
    table["cast"] = (.cast, "tf.cast")
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
  ]

  private static let backend: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "tf.math.abs"), "sqrt": (.backendSqrt, "tf.math.sqrt"),
    "square": (.unary(.square), "tf.math.square"), "exp": (.unary(.exp), "tf.math.exp"),
    "log": (.unary(.log), "tf.math.log"), "sign": (.unary(.sign), "tf.math.sign"),
    "relu": (.unary(.relu), "tf.nn.relu"), "sigmoid": (.unary(.sigmoid), "tf.math.sigmoid"),
    "tanh": (.unary(.tanh), "tf.math.tanh"), "softplus": (.unary(.softplus), "tf.math.softplus"),
    "softmax": (.softmax, "tf.nn.softmax"), "maximum": (.binary(.maximum), "tf.math.maximum"),
    "minimum": (.binary(.minimum), "tf.math.minimum"), "pow": (.binary(.power), "tf.math.pow"),
    "sum": (.reduce(.sum), "tf.math.reduce_sum"), "mean": (.reduce(.mean), "tf.math.reduce_mean"),
    "max": (.reduce(.max), "tf.math.reduce_max"), "min": (.reduce(.min), "tf.math.reduce_min"),
    "prod": (.reduce(.prod), "tf.math.reduce_prod"),
    "var": (.reduce(.variance), "tf.math.reduce_variance"),
    "std": (.reduce(.standardDeviation), "tf.math.reduce_std"),
    "l2_normalize": (.l2Normalize, "tf.math.l2_normalize"),
    "concatenate": (.concat, "tf.concat"), "stack": (.stack, "tf.stack"),
    "expand_dims": (.expandDims, "tf.expand_dims"), "squeeze": (.squeeze, "tf.compat.v1.squeeze"),
    "reshape": (.reshape, "tf.reshape"),
    "permute_dimensions": (.transpose, "tf.compat.v1.transpose"),
    "transpose": (.transpose, "tf.compat.v1.transpose"), "clip": (.clip, "tf.clip_by_value"),
    "tile": (.tile, "tf.tile"),
    "cast": (.cast, "tf.cast"),
    "epsilon": (.epsilon, ""),
  ]

  /// Keras 3's `keras.ops`: the second element is the operation's name (its class is that name in
  /// CamelCase, see `keras3ClassName`).
  private static let kerasOps: [String: (Kind, String)] = [
    "abs": (.unary(.abs), "absolute"), "absolute": (.unary(.abs), "absolute"),
    "sqrt": (.unary(.sqrt), "sqrt"), "square": (.unary(.square), "square"),
    "exp": (.unary(.exp), "exp"), "log": (.unary(.log), "log"),
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
    "clip": (.clip, "clip"), "matmul": (.matmul, "matmul"), "tile": (.tile, "tile"),
    "pad": (.pad, "pad"), "cast": (.cast, "cast"), "shape": (.staticShape, "shape"),
    // `keras.activations.relu(x)` (see `Calls`): Keras 3 names this one `re_lu`.
    "activations.relu": (.unary(.relu), "re_lu"),
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
      return Attributes.shapeValue(x.shape)
    }
    func limitation(_ what: String) -> CellError {
      .unsupported(
        "ConvBook does not support `\(path)` \(what)\(session.lambdaTracingDepth > 0 ? " in a Lambda" : "") yet",
        at: range)
    }
    func tensor(_ name: String) throws(CellError) -> KerasTensor {
      guard case .kerasTensor(let tensor)? = arguments[name] else {
        throw limitation("on a value of type '\(arguments[name]?.typeName ?? "NoneType")'")
      }
      return tensor
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
          default: throw limitation("with `\(name)=\(PythonText.repr(value))`")
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
    func flag(_ name: String) -> Bool {
      if case .bool(let value)? = arguments[name] { return value }
      if case .int(let value)? = arguments[name] { return value != 0 }
      return false
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
    case .unary(let unary):
      inputs = [try tensor(entry.parameters[0])]
      function = .unary(unary)
    case .backendSqrt:
      let x = try tensor("x")
      let clipped = try apply(
        .binary(.maximum, constant: 0, constantFirst: false), "tf.math.maximum", [x],
        interpreter: interpreter, range: range)
      return .kerasTensor(
        try apply(.unary(.sqrt), entry.tfName, [clipped], interpreter: interpreter, range: range))
    case .binary(let binary):
      let first = entry.parameters[0]
      let second = entry.parameters[1]
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
      inputs = [try tensor("features")]
      guard let alpha = number("alpha") else { throw limitation("with this `alpha`") }
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
      inputs = try tensors(entry.parameters[0])
      function = .stack(axis: try int("axis"))
    case .expandDims:
      inputs = [try tensor("input")]
      function = .expandDims(axis: try int("axis"))
    case .squeeze:
      inputs = [try tensor("input")]
      guard let axes = try ints("axis") else { throw limitation("without `axis`") }
      function = .squeeze(axes: axes)
    case .reshape:
      inputs = [try tensor("tensor")]
      guard let shape = try ints("shape") else { throw limitation("without a shape") }
      function = .reshape(shape)
    case .transpose:
      let x = try tensor(entry.parameters[0])
      inputs = [x]
      let permutation =
        try ints(entry.parameters[1]) ?? Array((0..<x.shape.rank).reversed())
      function = .transpose(permutation)
    case .tile:
      inputs = [try tensor(entry.parameters[0])]
      guard let multiples = try ints(entry.parameters[1]), multiples.allSatisfy({ $0 >= 0 }) else {
        throw limitation("with these multiples")
      }
      function = .tile(multiples)
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
      guard case .string(let mode)? = arguments["mode"], mode.lowercased() == "constant",
        let value = number("constant_values")
      else { throw limitation("with a mode other than CONSTANT") }
      function = .pad(paddings, value: value)
    case .resize:
      inputs = [try tensor("images")]
      guard let size = try ints("size"), size.count == 2, size.allSatisfy({ $0 > 0 }) else {
        throw limitation("with this `size`")
      }
      guard case .string(let method)? = arguments["method"],
        ["bilinear", "nearest"].contains(method),
        !flag("preserve_aspect_ratio"), !flag("antialias")
      else { throw limitation("with this method or option (ConvBook has bilinear and nearest)") }
      function = .resize(height: size[0], width: size[1], method: method)
    case .matmul:
      inputs = [try tensor("a"), try tensor("b")]
      function = .matmul(transposeA: flag("transpose_a"), transposeB: flag("transpose_b"))
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
    case .staticShape:
      throw limitation("on a value of type '\(arguments["x"]?.typeName ?? "NoneType")'")
    }
    return .kerasTensor(
      try apply(function, entry.tfName, inputs, interpreter: interpreter, range: range))
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
    do {
      return try KerasTensor.apply(instance, to: inputs, asList: true)
    } catch {
      throw Calls.keras(error, at: range)
    }
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
      return .kerasTensor(try KerasTensor.apply(instance, to: [tensor], asList: true))
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
    let path = displayPath(namespace) + "." + name
    if entry(name, namespace: namespace) != nil {
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
  /// The AttributeError of a name one Keras version lacks: `keras.ops` under tf-keras. (Keras 3's
  /// `tf.keras.backend` keeps tf-keras' functions, `K.sum`, in its legacy namespace, which is the
  /// one model code imports; ConvBook's one `keras.backend` namespace follows it.)
  static func missingAttribute(
    _ name: String, of module: KerasModule, kerasVersion: KerasVersion, range: SourceRange
  ) -> CellError? {
    switch (module, kerasVersion) {
    case (.keras, .keras2) where name == "ops":
      return CellError(
        type: "AttributeError", message: "module '\(module.pythonName)' has no attribute 'ops'",
        range: range)
    default: return nil
    }
  }
}
