import CNNKernels

/// Bound constructor arguments of a layer, with Keras' own validation of each kind of value.
public struct LayerArguments: Sendable {
  public let className: String
  public private(set) var values: [String: ArgumentValue]
  /// Keywords handled by Keras' base layer: `name`, `input_shape`, `trainable`, ...
  public let baseKeywords: [String: ArgumentValue]

  public init(
    className: String, values: [String: ArgumentValue], baseKeywords: [String: ArgumentValue] = [:]
  ) {
    self.className = className
    self.values = values
    self.baseKeywords = baseKeywords
  }

  public subscript(name: String) -> ArgumentValue { values[name] ?? baseKeywords[name] ?? .none }

  /// The same arguments with `name` set to `value`.
  public func replacing(_ name: String, with value: ArgumentValue) -> LayerArguments {
    var copy = self
    copy.values[name] = value
    return copy
  }

  public func isNone(_ name: String) -> Bool { self[name] == .none }

  public func int(_ name: String) throws(KerasError) -> Int {
    switch self[name] {
    case .int(let value): return value
    case .bool(let value): return value ? 1 : 0
    case .float(let value) where value == value.rounded(.towardZero) && value.magnitude < 1e18:
      return Int(value)
    case let other:
      throw .typeError(
        "Expected an integer for `\(name)` of \(className). Received: \(name)=\(other) of type \(other.pythonTypeName)"
      )
    }
  }

  /// A size Keras 3 keeps as the float it was given (`LSTM(2.5)`, `ConvLSTM2D(2.5, 3)`): the layer
  /// is made and fails only when it is built (`Keras3Wording.floatSizeFailure`); the float rounded
  /// up stands in for it until then. Nil for any other value.
  public func keptFloatSize(_ name: String) -> Int? {
    guard case .float(let value) = self[name], value.magnitude < 1e15 else { return nil }
    return Int(value.rounded(.up))
  }

  public func optionalInt(_ name: String) throws(KerasError) -> Int? {
    isNone(name) ? nil : try int(name)
  }

  public func double(_ name: String) throws(KerasError) -> Double {
    switch self[name] {
    case .int(let value): return Double(value)
    case .float(let value): return value
    case .bool(let value): return value ? 1 : 0
    case let other:
      throw .typeError(
        "Expected a number for `\(name)` of \(className). Received: \(name)=\(other) of type \(other.pythonTypeName)"
      )
    }
  }

  public func optionalDouble(_ name: String) throws(KerasError) -> Double? {
    isNone(name) ? nil : try double(name)
  }

  /// A flag as Keras reads it: Python's truth value (`use_bias="False"` is a non-empty string,
  /// so true, as `if self.use_bias:` takes it).
  public func bool(_ name: String) throws(KerasError) -> Bool {
    switch self[name] {
    case .bool(let value): return value
    case .int(let value): return value != 0
    case .float(let value): return value != 0
    case .string(let value): return !value.isEmpty
    case .tuple(let items), .list(let items): return !items.isEmpty
    case .none: return false
    case .object(let object):
      throw .limitation(
        "ConvBook does not support \(object.typeName) as `\(name)` of \(className) yet")
    }
  }

  public func string(_ name: String) throws(KerasError) -> String? {
    switch self[name] {
    case .none: return nil
    case .string(let value): return value
    case let other:
      throw .typeError(
        "Expected a string for `\(name)` of \(className). Received: \(name)=\(other)")
    }
  }

  /// Keras' `conv_utils.normalize_tuple`: an int repeated `count` times, or a sequence of `count` ints.
  public func intTuple(_ name: String, count: Int, allowZero: Bool = false) throws(KerasError)
    -> [Int]
  {
    try Self.normalizeTuple(self[name], count: count, name: name, allowZero: allowZero)
  }

  public static func normalizeTuple(
    _ value: ArgumentValue, count: Int, name: String, allowZero: Bool = false
  ) throws(KerasError) -> [Int] {
    var message =
      "The `\(name)` argument must be a tuple of \(count) integers. Received: \(value.plainDescription)"
    let items: [Int]
    switch value {
    case .int(let single): items = Array(repeating: single, count: count)
    default:
      guard let sequence = value.sequenceItems, sequence.count == count else {
        throw .value(message)
      }
      var collected: [Int] = []
      for item in sequence {
        guard case .int(let number) = item else {
          // Keras appends this without a space.
          message +=
            "including element \(item.plainDescription) of type <class '\(item.pythonTypeName)'>"
          throw .value(message)
        }
        collected.append(number)
      }
      items = collected
    }
    let bad = items.filter { allowZero ? $0 < 0 : $0 <= 0 }
    if !bad.isEmpty {
      let set = "{" + PythonFormat.setOrder(bad).map(String.init).joined(separator: ", ") + "}"
      message +=
        " including \(set) that does not satisfy the requirement `\(allowZero ? ">= 0" : "> 0")`."
      throw .value(message)
    }
    return items
  }

  /// Keras' `conv_utils.normalize_padding`.
  public func padding(_ name: String = "padding", allowCausal: Bool = false) throws(KerasError)
    -> Padding
  {
    let value = self[name]
    guard case .string(let text) = value else {
      // Keras lowers anything that is not a list or tuple: `padding=3` fails in `value.lower()`.
      if value.sequenceItems == nil {
        throw .attribute("'\(value.pythonTypeName)' object has no attribute 'lower'")
      }
      throw .value(
        "The `padding` argument must be a list/tuple or one of \"valid\", \"same\" (or \"causal\", only for `Conv1D). Received: \(value.plainDescription)"
      )
    }
    let lowered = text.lowercased()
    guard let padding = Padding(rawValue: lowered), padding != .full else {
      throw .value(
        "The `padding` argument must be a list/tuple or one of \"valid\", \"same\" (or \"causal\", only for `Conv1D). Received: \(text)"
      )
    }
    return padding
  }

  /// Keras' `conv_utils.normalize_data_format` (None means the global default, `channels_last`).
  public func dataFormat(_ name: String = "data_format") throws(KerasError) -> DataFormat {
    guard let text = try string(name) else { return .channelsLast }
    guard let format = DataFormat(rawValue: text.lowercased()) else {
      throw .value(
        "The `data_format` argument must be one of \"channels_first\", \"channels_last\". Received: \(text)"
      )
    }
    return format
  }

  /// The initializer names `keras.initializers.get` accepts as strings in both Keras versions
  /// (function names, class names and the `one`/`zero`/`normal`/`uniform` aliases).
  public static let initializerIdentifiers: Set<String> = [
    "zeros", "zero", "ones", "one", "constant", "random_normal", "normal", "random_uniform",
    "uniform", "truncated_normal", "variance_scaling", "orthogonal", "identity", "glorot_normal",
    "glorot_uniform", "he_normal", "he_uniform", "lecun_normal", "lecun_uniform", "Zeros", "Ones",
    "Constant", "RandomNormal", "RandomUniform", "TruncatedNormal", "VarianceScaling",
    "Orthogonal", "Identity", "GlorotNormal", "GlorotUniform", "HeNormal", "HeUniform",
    "LecunNormal", "LecunUniform",
  ]

  /// Keras' `initializers.get` on every `*_initializer` argument given as a string: an unknown
  /// name is refused when the layer is made.
  public func checkInitializerNames() throws(KerasError) {
    for name in values.keys.sorted() where name.hasSuffix("_initializer") {
      guard case .string(let text) = values[name], !Self.initializerIdentifiers.contains(text)
      else { continue }
      throw .value(
        "Unknown initializer: '\(text)'. Please ensure you are using a `keras.utils.custom_object_scope` and that this object is included in the scope. See https://www.tensorflow.org/guide/keras/save_and_serialize#registering_the_custom_object for details."
      )
    }
  }

  /// The activation layers tf-keras 2.21 also takes by class name as an activation
  /// (`Dense(64, activation='PReLU')`): its `activations.deserialize` looks the name up among
  /// them and makes a layer of the class (a PReLU adds its own weights to the layer it is given
  /// to); Keras 3 takes none of them.
  public static let tfKerasActivationLayers: Set<String> = [
    "ELU", "LeakyReLU", "PReLU", "ReLU", "Softmax", "ThresholdedReLU",
  ]

  /// ConvBook's refusal of such a name under tf-keras.
  public static func activationLayerRefusal(_ name: String) -> String {
    "ConvBook does not support activation='\(name)' yet (tf-keras makes a \(name)() layer of the class name)"
  }

  /// An activation given by name (`'relu'`) or as None, as the layer's Keras resolves the name.
  public func activation(_ name: String = "activation", version: KerasVersion) throws(KerasError)
    -> ActivationFunction
  {
    switch self[name] {
    case .none: return .linear
    case .string(let text):
      let keras3 = version == .keras3
      // The string "None" is no name either Keras knows (only the value None is linear).
      guard text != "None", let activation = ActivationFunction(kerasName: text, keras3: keras3)
      else {
        if keras3, ActivationFunction.keras3Unsupported.contains(text) {
          throw .limitation("ConvBook does not support the activation '\(text)' yet")
        }
        if !keras3, Self.tfKerasActivationLayers.contains(text) {
          throw .limitation(Self.activationLayerRefusal(text))
        }
        throw .value("Unknown activation function '\(text)' cannot be deserialized.")
      }
      return activation
    case .object(let object) where object.activation != nil:
      return object.activation ?? .linear
    case .object(let object) where object.layer != nil:
      return try Self.activation(ofLayer: object.layer!)
    case let other:
      // Keras 3's `activations.get` raises a ValueError, tf-keras' a TypeError.
      let message = "Could not interpret activation function identifier: \(other)"
      throw version == .keras3 ? .value(message) : .typeError(message)
    }
  }

  /// The refusal of a script's function given as an activation (here, or to a layer given as an
  /// argument, such as the one a `Bidirectional` wraps) that ConvBook cannot compute
  /// (`ElementwiseProgram.refusal`): the layer builds, and running it is refused.
  public var activationRefusal: String? {
    func refusal(in value: ArgumentValue) -> String? {
      switch value {
      case .object(let object):
        if case .composed(let program)? = object.activation, let refusal = program.refusal {
          return refusal
        }
        return object.layer?.common.arguments.activationRefusal
      case .tuple(let items), .list(let items):
        return items.lazy.compactMap(refusal(in:)).first
      case .none, .bool, .int, .float, .string: return nil
      }
    }
    return values.keys.sorted().lazy.compactMap { refusal(in: self.values[$0] ?? .none) }.first
  }

  /// An activation layer given as a layer's activation (`Dense(50, activation=LeakyReLU(0.2))`):
  /// Keras calls the layer object; it adds no weights and no row of its own.
  private static func activation(ofLayer layer: any Layer) throws(KerasError)
    -> ActivationFunction
  {
    switch layer {
    case let layer as LeakyReLU: return .leakyReLU(alpha: Float(layer.alpha))
    case let layer as ReLU:
      return .relu(
        negativeSlope: Float(layer.negativeSlope), maxValue: layer.maxValue.map { Float($0) },
        threshold: Float(layer.threshold))
    case let layer as ELU: return .elu(alpha: Float(layer.alpha))
    case let layer as Softmax: return .softmax(axis: layer.axis)
    case let layer as Activation: return layer.function
    default:
      throw .limitation(
        "ConvBook does not support a `\(layer.className)` layer as another layer's activation yet")
    }
  }
}
