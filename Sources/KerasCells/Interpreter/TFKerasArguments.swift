import CNNEngine

/// Constructor arguments tf-keras passes through Python's `int()` before checking them:
/// `Dense.__init__` does `units = int(units) if not isinstance(units, int) else units`, so
/// `Dense("10")` has 10 units, `Dense(12.5)` 12, and `Dense("ten")` fails with `int()`'s
/// ValueError (after `Layer.__init__` took the layer's name). A convolution makes a float
/// `filters` an int (`Conv2D(channels / 4, 1)`: 36.0 filters are 36, 2.5 are 2). A bool is an int
/// to Python and stays as given (the engine's `Dense` refuses it when built, as TensorFlow does).
/// Keras 3 refuses all of these (`Keras3Wording.constructorRefusal`).
enum TFKerasArguments {
  struct Conversion {
    let name: String
    let position: Int
    /// Whether only a float is converted (`isinstance(filters, float)`); else all but ints.
    let floatsOnly: Bool
  }

  /// The arguments `int()` converts, per class.
  static let converted: [String: Conversion] = {
    var table = ["Dense": Conversion(name: "units", position: 0, floatsOnly: false)]
    for className in [
      "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose",
      "SeparableConv1D", "SeparableConv2D", "Convolution1D", "Convolution2D", "Convolution3D",
      "Convolution2DTranspose", "Convolution3DTranspose", "SeparableConvolution1D",
      "SeparableConvolution2D",
    ] {
      table[className] = Conversion(name: "filters", position: 0, floatsOnly: true)
    }
    return table
  }()

  /// Sizes tf-keras keeps as the floats they were given, which TensorFlow refuses when it makes
  /// the layer's state or weights ("Dimension value must be integer or None ..."), at a moment
  /// that depends on the layer: ConvBook refuses them as its limitation.
  static let keptFloats: [String: [(name: String, position: Int)]] = [
    "LSTM": [("units", 0)], "GRU": [("units", 0)], "SimpleRNN": [("units", 0)],
    "LSTMCell": [("units", 0)], "GRUCell": [("units", 0)], "SimpleRNNCell": [("units", 0)],
    "ConvLSTM1D": [("filters", 0)], "ConvLSTM2D": [("filters", 0)], "ConvLSTM3D": [("filters", 0)],
    "Embedding": [("input_dim", 0), ("output_dim", 1)],
    "DepthwiseConv1D": [("depth_multiplier", 3)], "DepthwiseConv2D": [("depth_multiplier", 3)],
    "SeparableConv1D": [("depth_multiplier", 6)], "SeparableConv2D": [("depth_multiplier", 6)],
  ]

  static func convertIntegers(
    className: String, positional: inout [Value], keywords: inout [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    for (name, position) in keptFloats[className] ?? [] {
      let given =
        keywords.first(where: { $0.0 == name })?.1
        ?? (position < positional.count ? positional[position] : nil)
      if case .float(let value)? = given {
        throw .unsupported(
          "ConvBook does not support a float `\(name)` (\(PythonFormat.float(value))) for tf-keras' \(className) yet: TensorFlow refuses it when the layer makes its state or weights",
          at: site.range)
      }
    }
    guard let argument = converted[className] else { return }
    func convert(_ value: Value) throws(CellError) -> Value {
      switch value {
      case .int, .bigInt, .bool: return value
      case .float: break
      default: if argument.floatsOnly { return value }
      }
      do {
        return try Builtins.call(
          "int", positional: [value], keywords: [], site: site, interpreter: interpreter)
      } catch {
        if !keywords.contains(where: { $0.0 == "name" }) {
          _ = interpreter.kerasNames.uniqueName(forClass: className)
        }
        throw error
      }
    }
    if let index = keywords.firstIndex(where: { $0.0 == argument.name }) {
      keywords[index].1 = try convert(keywords[index].1)
    } else if argument.position < positional.count {
      positional[argument.position] = try convert(positional[argument.position])
    }
  }
}
