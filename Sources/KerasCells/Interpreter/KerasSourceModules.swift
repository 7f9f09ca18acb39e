import CNNEngine

/// Modules reached through a Keras package's private source tree (`from keras.src.applications
/// import imagenet_utils`, `from keras.src import layers`), where library code written for Keras 3
/// takes its helpers from. ConvBook gives such a module (`KerasModule.kerasSource`) the names of
/// the public module it mirrors; the private module has more (`obtain_input_shape`,
/// `compute_pooling_output_shape`, ...), so a name the public module lacks is ConvBook's
/// limitation, never Python's AttributeError or ImportError, except the helpers modelled here.
enum KerasSourceModules {
  /// `module.name` of a module reached through `src`.
  static func attribute(
    _ name: String, of module: KerasModule, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    if case .applicationModule("imagenet_utils") = module,
      ["obtain_input_shape", "correct_pad"].contains(name)
    {
      return .function(
        Callable(
          .applicationFunction(module: "imagenet_utils", name: name),
          path: "keras.src.applications.imagenet_utils." + name))
    }
    do {
      let value = try Attributes.get(
        name, of: .module(module), range: range, interpreter: interpreter)
      if case .module(let found) = value { return .module(.kerasSource(found)) }
      return value
    } catch  where error.type == "AttributeError" || error.type == "ImportError" {
      throw .unsupported(
        "ConvBook does not support `\(KerasModule.kerasSource(module).pythonName).\(name)` yet",
        at: range)
    }
  }

  /// `keras.src.applications.imagenet_utils.obtain_input_shape(input_shape, default_size,
  /// min_size, data_format, require_flatten, weights=None)`: the input shape a model function
  /// builds on, validated as Keras 3.15 validates it (with its messages), returned as given (a
  /// list stays a list) or as the default tuple.
  static func obtainInputShape(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: "obtain_input_shape", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind([
      ("input_shape", nil), ("default_size", nil), ("min_size", nil), ("data_format", nil),
      ("require_flatten", nil), ("weights", Value.none),
    ]).values
    let given = values["input_shape"] ?? .none
    let items = given.sequenceItems
    let sizes: [Int?]? = items.flatMap { items in
      var sizes: [Int?] = []
      for item in items {
        switch item {
        case .int(let size): sizes.append(size)
        case .none: sizes.append(nil)
        default: return nil
        }
      }
      return sizes
    }
    // Python builds the default shape from whatever `default_size` is (model code passes a
    // tuple too, `(224, 224, 3)`, which only matters when the default is used).
    let defaultSize = values["default_size"] ?? .none
    guard given.isNone || sizes != nil,
      case .int(let minSize)? = values["min_size"],
      case .string(let dataFormat)? = values["data_format"],
      ["channels_first", "channels_last"].contains(dataFormat)
    else {
      throw .unsupported(
        "ConvBook supports obtain_input_shape() with an input_shape of None or a tuple or list of sizes, a whole-number min_size, and data_format 'channels_last' or 'channels_first' only",
        at: site.range)
    }
    var imagenet = false
    if case .string("imagenet")? = values["weights"] { imagenet = true }
    let requireFlatten = (values["require_flatten"] ?? .none).isTruthy
    let channelsFirst = dataFormat == "channels_first"
    func shown(_ value: Value) -> String { PythonText.repr(value) }
    func size(_ value: Int?) -> Value { value.map(Value.int) ?? .none }
    let defaultShape: [Value]
    if !imagenet, given.isTruthy, let sizes, sizes.count == 3 {
      // Keras warns here about a channel count other than 1 or 3.
      let channels = channelsFirst ? sizes[0] : sizes[2]
      guard channels == 1 || channels == 3 else {
        throw .unsupported(
          "ConvBook does not give obtain_input_shape()'s UserWarning about \(channels.map(String.init) ?? "None") input channels yet",
          at: site.range)
      }
      defaultShape =
        channelsFirst
        ? [size(sizes[0]), defaultSize, defaultSize] : [defaultSize, defaultSize, size(sizes[2])]
    } else {
      defaultShape =
        channelsFirst ? [.int(3), defaultSize, defaultSize] : [defaultSize, defaultSize, .int(3)]
    }
    let defaultValue = Value.tuple(defaultShape)
    if imagenet, requireFlatten {
      guard case .int = defaultSize else {
        throw .unsupported(
          "ConvBook supports obtain_input_shape(weights='imagenet', require_flatten=True) with a whole-number default_size only",
          at: site.range)
      }
      // A list never equals the default tuple.
      var isTuple = false
      if case .tuple = given { isTuple = true }
      let matches =
        isTuple && sizes.map { $0.map(size).elementsEqual(defaultShape, by: sameSize) } == true
      if !given.isNone, !matches {
        throw CellError(
          type: "ValueError",
          message:
            "When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be \(shown(defaultValue)).  Received: input_shape=\(shown(given))",
          range: site.range)
      }
      return defaultValue
    }
    var result = given
    var resultSizes = (sizes ?? []).map(size)
    if given.isTruthy, let sizes {
      if sizes.count != 3 {
        throw CellError(
          type: "ValueError", message: "`input_shape` must be a tuple of three integers.",
          range: site.range)
      }
      if imagenet, (channelsFirst ? sizes[0] : sizes[2]) != 3 {
        throw CellError(
          type: "ValueError",
          message: "The input must have 3 channels; Received `input_shape=\(shown(given))`",
          range: site.range)
      }
      let spatial = channelsFirst ? [sizes[1], sizes[2]] : [sizes[0], sizes[1]]
      if spatial.contains(where: { ($0 ?? minSize) < minSize }) {
        throw CellError(
          type: "ValueError",
          message:
            "Input size must be at least \(minSize)x\(minSize); Received: input_shape=\(shown(given))",
          range: site.range)
      }
    } else if requireFlatten {
      result = defaultValue
      resultSizes = defaultShape
    } else {
      resultSizes = channelsFirst ? [.int(3), .none, .none] : [.none, .none, .int(3)]
      result = .tuple(resultSizes)
    }
    if requireFlatten, resultSizes.contains(where: \.isNone) {
      throw CellError(
        type: "ValueError",
        message:
          "If `include_top` is True, you should specify a static `input_shape`. Received: input_shape=\(shown(result))",
        range: site.range)
    }
    return result
  }

  /// Two sizes of a shape (whole numbers or None) equal, as Python compares them.
  private static func sameSize(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x == y
    case (.none, .none): return true
    default: return false
    }
  }

  /// `keras.src.applications.imagenet_utils.correct_pad(inputs, kernel_size)`: the zero padding
  /// before a strided convolution of `kernel_size` on a Keras tensor of images (channels last),
  /// `((top, bottom), (left, right))`.
  static func correctPad(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: "correct_pad", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let values = try arguments.bind([("inputs", nil), ("kernel_size", nil)]).values
    var kernel: [Int] = []
    switch values["kernel_size"] ?? .none {
    case .int(let size): kernel = [size, size]
    case let sequence:
      for item in sequence.sequenceItems ?? [] {
        if case .int(let size) = item { kernel.append(size) }
      }
    }
    guard case .kerasTensor(let tensor)? = values["inputs"], tensor.shape.rank >= 3,
      kernel.count >= 2
    else {
      throw .unsupported(
        "ConvBook supports correct_pad() on a Keras tensor of images with a whole-number kernel size or two of them only",
        at: site.range)
    }
    let rows = tensor.shape[1]
    let columns = tensor.shape[2]
    // Python's `%` and `//` on the sizes: floor division, a non-negative remainder.
    func half(_ size: Int) -> Int { Int((Double(size) / 2).rounded(.down)) }
    let adjust: (Int, Int)
    if let rows {
      guard let columns else {
        throw .unsupported(
          "ConvBook supports correct_pad() on images of known width once their height is known",
          at: site.range)
      }
      adjust = (1 - ((rows % 2) + 2) % 2, 1 - ((columns % 2) + 2) % 2)
    } else {
      adjust = (1, 1)
    }
    let correct = (half(kernel[0]), half(kernel[1]))
    return .tuple([
      .tuple([.int(correct.0 - adjust.0), .int(correct.0)]),
      .tuple([.int(correct.1 - adjust.1), .int(correct.1)]),
    ])
  }
}
