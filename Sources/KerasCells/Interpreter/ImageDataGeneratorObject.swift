import CNNEngine

/// `ImageDataGenerator(...)` of tf-keras (`keras.preprocessing.image`) and of Keras 3's legacy
/// `tf.keras.preprocessing.image` (the same code): course scripts build one beside their model
/// and print the model's summary before any image is read. Its constructor only stores and
/// checks its settings, which ConvBook does as Keras' code does (the attributes are the ones it
/// sets, in its order); every method that takes data (`flow`, `flow_from_directory`, `fit`, ...)
/// reads or augments images, which ConvBook cells do not do: refused as ConvBook's limitation.
final class ImageDataGeneratorObject: StandardObject {
  private var attributes: [(String, Value)]
  private let kerasVersion: KerasVersion

  /// `__init__`'s parameters, in order, with their defaults (`data_format` and `dtype` come
  /// from the backend: channels_last and float32).
  static var parameters: [(String, Value?)] {
    [
      ("featurewise_center", .bool(false)), ("samplewise_center", .bool(false)),
      ("featurewise_std_normalization", .bool(false)),
      ("samplewise_std_normalization", .bool(false)), ("zca_whitening", .bool(false)),
      ("zca_epsilon", .float(1e-6)), ("rotation_range", .int(0)),
      ("width_shift_range", .float(0)), ("height_shift_range", .float(0)),
      ("brightness_range", Value.none), ("shear_range", .float(0)), ("zoom_range", .float(0)),
      ("channel_shift_range", .float(0)), ("fill_mode", .string("nearest")),
      ("cval", .float(0)), ("horizontal_flip", .bool(false)), ("vertical_flip", .bool(false)),
      ("rescale", Value.none), ("preprocessing_function", Value.none),
      ("data_format", Value.none), ("validation_split", .float(0)),
      ("interpolation_order", .int(1)), ("dtype", Value.none),
    ]
  }

  /// The methods, each of which reads or transforms image data.
  static let dataMethods: Set<String> = [
    "flow", "flow_from_directory", "flow_from_dataframe", "standardize",
    "get_random_transform", "apply_transform", "random_transform", "fit",
  ]

  init(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    let range = site.range
    let parameters = Self.parameters
    guard positional.count <= parameters.count else {
      throw CellError(
        type: "TypeError",
        message:
          "ImageDataGenerator.__init__() takes from 1 to \(parameters.count + 1) positional arguments but \(positional.count + 1) were given",
        range: range)
    }
    let arguments = StandardArguments(
      function: "ImageDataGenerator.__init__", positional: positional, keywords: keywords,
      site: site, interpreter: interpreter)
    var values = try arguments.bind(parameters).values
    if case .none = values["data_format"]! { values["data_format"] = .string("channels_last") }
    if case .none = values["dtype"]! { values["dtype"] = .string("float32") }
    kerasVersion = interpreter.kerasVersion
    let stored = [
      "featurewise_center", "samplewise_center", "featurewise_std_normalization",
      "samplewise_std_normalization", "zca_whitening", "zca_epsilon", "rotation_range",
      "width_shift_range", "height_shift_range", "shear_range", "zoom_range",
      "channel_shift_range", "fill_mode", "cval", "horizontal_flip", "vertical_flip", "rescale",
      "preprocessing_function", "dtype", "interpolation_order",
    ]
    attributes = stored.map { ($0, values[$0]!) }
    super.init()
    let dataFormat = values["data_format"]!
    guard case .string(let format) = dataFormat,
      format == "channels_last" || format == "channels_first"
    else {
      if case .string = dataFormat {
      } else if !Self.isHashable(dataFormat) {
        throw .unsupported(
          "ConvBook does not support ImageDataGenerator(data_format=\(dataFormat.typeName)) yet",
          at: range)
      }
      throw CellError(
        type: "ValueError",
        message:
          "`data_format` should be `\"channels_last\"` (channel after row and column) or `\"channels_first\"` (channel before row and column). Received: \(try Self.shown(dataFormat, range))",
        range: range)
    }
    set("data_format", dataFormat)
    let axes = format == "channels_first" ? [1, 2, 3] : [3, 1, 2]
    set("channel_axis", .int(axes[0]))
    set("row_axis", .int(axes[1]))
    set("col_axis", .int(axes[2]))
    let split = values["validation_split"]!
    if split.isTruthy {
      guard let number = Operators.Number(split) else {
        throw .unsupported(
          "ConvBook does not support ImageDataGenerator(validation_split=\(split.typeName)) yet",
          at: range)
      }
      let zero = Operators.Number.int(0)
      let one = Operators.Number.int(1)
      let inside =
        (Operators.numberOrder(zero, number) ?? 0) < 0
        && (Operators.numberOrder(number, one) ?? 0) < 0
      if !inside {
        throw CellError(
          type: "ValueError",
          message:
            "`validation_split` must be strictly between 0 and 1.  Received: \(try Self.shown(split, range))",
          range: range)
      }
    }
    set("_validation_split", split)
    set("mean", .none)
    set("std", .none)
    set("zca_whitening_matrix", .none)
    set(
      "zoom_range",
      try Self.zoomRange(values["zoom_range"]!, range: range, budget: interpreter.budget))
    // The settings that override others warn (`warnings.warn` in Keras' code).
    let flag = { (name: String) in values[name]!.isTruthy }
    if (flag("zca_whitening")
      && (!flag("featurewise_center") || flag("featurewise_std_normalization")))
      || (flag("featurewise_std_normalization") && !flag("featurewise_center"))
      || (flag("samplewise_std_normalization") && !flag("samplewise_center"))
    {
      throw .unsupported(
        "ConvBook does not support ImageDataGenerator settings that override others yet (Keras warns that zca_whitening or *_std_normalization turns on *_center)",
        at: range)
    }
    let brightness = values["brightness_range"]!
    switch brightness {
    case .none: break
    case .tuple(let items) where items.count == 2: break
    case .list(let list) where list.count == 2: break
    default:
      if brightness.sequenceItems == nil, !Self.isHashable(brightness) {
        throw .unsupported(
          "ConvBook does not support ImageDataGenerator(brightness_range=\(brightness.typeName)) yet",
          at: range)
      }
      throw CellError(
        type: "ValueError",
        message:
          "`brightness_range should be tuple or list of two floats. Received: \(try Self.shown(brightness, range))",
        range: range)
    }
    set("brightness_range", brightness)
  }

  /// `zoom_range`: a number `z` is `[1 - z, 1 + z]`, a pair of numbers a list of them.
  private static func zoomRange(_ value: Value, range: SourceRange, budget: EvaluationBudget)
    throws(CellError) -> Value
  {
    if isPythonNumber(value) {
      return .list(
        PythonList([
          try Operators.binary(.subtract, .int(1), value, range: range, budget: budget),
          try Operators.binary(.add, .int(1), value, range: range, budget: budget),
        ]))
    }
    switch value {
    case .tuple, .list:
      if let items = value.sequenceItems, items.count == 2, items.allSatisfy(isPythonNumber) {
        return .list(PythonList(items))
      }
    case .string: break
    default:
      throw .unsupported(
        "ConvBook does not support ImageDataGenerator(zoom_range=\(value.typeName)) yet",
        at: range)
    }
    throw CellError(
      type: "ValueError",
      message:
        "`zoom_range` should be a float or a tuple or list of two floats. Received: \(try shown(value, range))",
      range: range)
  }

  /// `isinstance(value, (float, int))`, bool included.
  private static func isPythonNumber(_ value: Value) -> Bool {
    switch value {
    case .int, .bigInt, .float, .bool: return true
    default: return false
    }
  }

  private static func isHashable(_ value: Value) -> Bool {
    switch value {
    case .none, .bool, .int, .bigInt, .float, .string, .tuple: return true
    default: return false
    }
  }

  /// `str(value)` in Keras' messages.
  private static func shown(_ value: Value, _ range: SourceRange) throws(CellError) -> String {
    try PythonText.requireKnownText(value, range: range)
    return PythonText.str(value)
  }

  private func set(_ name: String, _ value: Value) {
    if let index = attributes.firstIndex(where: { $0.0 == name }) {
      attributes[index].1 = value
    } else {
      attributes.append((name, value))
    }
  }

  override var typeName: String { "ImageDataGenerator" }

  override func repr(_ item: (Value) -> String) -> String {
    // Python's default repr has the object's address, which ConvBook leaves out.
    kerasVersion == .keras3
      ? "<keras.src.legacy.preprocessing.image.ImageDataGenerator object>"
      : "<tf_keras.src.preprocessing.image.ImageDataGenerator object>"
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if let (_, value) = attributes.first(where: { $0.0 == name }) { return value }
    if Self.dataMethods.contains(name) { return .method(receiver: .standard(self), name: name) }
    throw CellError(
      type: "AttributeError",
      message: "'ImageDataGenerator' object has no attribute '\(name)'", range: range,
      suggestion: NameSuggestion.closest(
        to: name, among: attributes.map(\.0) + Self.dataMethods.sorted()))
  }

  override func setAttribute(_ name: String, to value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    set(name, value)
    return true
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard Self.dataMethods.contains(name) else { return nil }
    // A folder that is not there: `os.listdir`'s error, as in Python (`MissingFiles`).
    if name == "flow_from_directory",
      let missing = MissingFiles.firstPath(
        "directory", positional: positional, keywords: keywords, session: interpreter.session,
        range: site.range)
    {
      throw missing
    }
    throw .unsupported(
      "ConvBook does not support ImageDataGenerator.\(name)() yet: it reads or augments image data, which ConvBook cells do not do (train with `convbook fit` on arrays instead)",
      at: site.range)
  }
}
