import CNNEngine
import Foundation

/// Keras 3's refusals, in one place. The engine words its errors as tf-keras does; in a Keras 3
/// session this rewrites them as Keras 3.15 raises them (recorded in
/// `Tests/Fixtures/keras3/expected`), and adds the refusals only Keras 3 makes (`Dense(0)`,
/// `AveragePooling2D()` without `pool_size`).
enum Keras3Wording {
  // MARK: Before a layer is made

  /// What Keras 3 refuses in a layer's constructor, or nil. `Dense(-1)` is refused before the
  /// layer takes a name; keywords Keras 3's `Layer` does not know (`batch_size=`, which tf-keras
  /// accepted) after, so they use up one.
  static func constructorRefusal(
    className: String, positional: [ArgumentValue], keywords: [(String, ArgumentValue)],
    names: NameScope
  ) -> KerasError? {
    let removed = keywords.filter { $0.0 == "batch_size" || $0.0 == "batch_input_shape" }
    if !removed.isEmpty, !["InputLayer", "Input"].contains(className) {
      _ = names.uniqueName(forClass: className)
      return unrecognized(className, removed)
    }
    func argument(_ name: String, position: Int) -> ArgumentValue? {
      keywords.first { $0.0 == name }?.1
        ?? (position < positional.count ? positional[position] : nil)
    }
    switch className {
    case "Dense":
      // `not isinstance(units, int) or units <= 0` (a bool is an int).
      let units = argument("units", position: 0)
      var invalid = false
      switch units {
      case .int(let count)?: invalid = count <= 0
      case .bool(let flag)?: invalid = !flag
      case nil: break
      default: invalid = true
      }
      if invalid, let units {
        return .value(
          "Received an invalid value for `units`, expected a positive integer. Received: units=\(units.plainDescription)"
        )
      }
    case "Embedding":
      // `not isinstance(input_dim, int)`: a float size (`Embedding(vocab / 2, 8)`) fails before
      // the layer takes a name.
      for (position, name) in ["input_dim", "output_dim"].enumerated() {
        guard case .float(let size)? = argument(name, position: position) else { continue }
        return .value(
          "`\(name)` must be a positive integer. Received: \(name)=\(PythonFormat.float(size)) (of type float)."
        )
      }
    case "Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D", "Convolution3D":
      // `filters % groups != 0` holds for a float of a fraction (`Conv2D(10 / 4, 3)`), checked
      // after the layer took its name; a whole float fails when the layer is built.
      if case .float(let filters)? = argument("filters", position: 0), filters > 0 {
        var groups = 1
        if case .int(let given)? = argument("groups", position: 6) { groups = given }
        if groups > 0, filters.truncatingRemainder(dividingBy: Double(groups)) != 0 {
          _ = names.uniqueName(forClass: className)
          return .value(
            "The number of filters must be evenly divisible by the number of groups. Received: groups=\(groups), filters=\(PythonFormat.float(filters))."
          )
        }
      }
    case "GRU", "SimpleRNN":
      // The cell's `state_size` is the float `units`, which `RNN.__init__` refuses after the layer
      // took its name (an LSTM's is a list, which passes: its kernel fails when it is built).
      if case .float? = argument("units", position: 0) {
        _ = names.uniqueName(forClass: className)
        return .value(
          "state_size must be an integer, or a list/tuple of integers (one for each state tensor)."
        )
      }
    case "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D",
      "AvgPool3D":
      if argument("pool_size", position: 0) == nil {
        let canonical = className.replacingOccurrences(of: "AvgPool", with: "AveragePooling")
        return .typeError(
          "\(canonical).__init__() missing 1 required positional argument: 'pool_size'")
      }
    default: break
    }
    return nil
  }

  /// The keywords a Keras 3 constructor keeps: `Embedding` drops `input_length` (with a warning),
  /// so a model that relied on it for its input shape stays unbuilt.
  static func keptKeywords(className: String, _ keywords: [(String, ArgumentValue)])
    -> [(String, ArgumentValue)]
  {
    guard className == "Embedding" else { return keywords }
    return keywords.filter { $0.0 != "input_length" }
  }

  /// A constructor's error in Keras 3's words, where they need the call's arguments. An unknown
  /// keyword is found after the layer took its name.
  static func constructorError(
    _ error: KerasError, className: String, keywords: [(String, ArgumentValue)], names: NameScope
  ) -> KerasError {
    let prefix = "('Keyword argument not understood:', '"
    guard error.message.hasPrefix(prefix) else { return error }
    let name = String(error.message.dropFirst(prefix.count).prefix { $0 != "'" })
    _ = names.uniqueName(forClass: className)
    // Keras 3 lists every keyword it does not know, where tf-keras stops at the first.
    let signature = LayerCatalog.entries[LayerCatalog.aliases[className] ?? className]?.signature
    let unknown = Set(signature?.unknownKeywords(keywords) ?? []).union([name])
    return unrecognized(className, keywords.filter { unknown.contains($0.0) })
  }

  /// `keras.Model(...)` in Keras 3: only `Model(inputs, outputs)`, `Model(inputs, outputs=...)`
  /// and `Model(inputs=..., outputs=...)` make a functional model, which ignores keywords it does
  /// not take (returned without them); any other call is a plain `Model`, whose `Layer.__init__`
  /// refuses positional arguments and unknown keywords (`Model(input=x, output=y)`, Keras 1's
  /// spelling).
  static func functionalKeywords(
    positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> [(String, Value)] {
    if Calls.makesFunctionalModel(positional: positional, keywords: keywords) {
      let taken: Set<String> = ["inputs", "outputs", "name", "trainable"]
      return keywords.filter { taken.contains($0.0) }
    }
    if !positional.isEmpty {
      throw CellError(
        type: "TypeError",
        message:
          "Layer.__init__() takes 1 positional argument but \(positional.count + 1) were given",
        range: site.range)
    }
    let layerKeywords: Set<String> = [
      "name", "trainable", "dtype", "autocast", "activity_regularizer", "input_shape",
      "input_dim", "batch_size", "batch_input_shape", "weights",
    ]
    let unknown = keywords.filter { !layerKeywords.contains($0.0) }
    guard !unknown.isEmpty else { return keywords }
    throw CellError(
      type: "ValueError",
      message:
        "Unrecognized keyword arguments passed to Model: \(PythonText.repr(.dictionary(PythonDict(unknown.map { (.string($0.0), $0.1) }))))",
      range: site.range)
  }

  /// Keras 3's `Operation.__init__` for a model (`keras.Sequential(name=...)`,
  /// `keras.Model(..., name=...)`): a name with `/` is refused before the model is made.
  static func checkModelName(_ value: Value, site: CallSite, interpreter: Interpreter)
    throws(CellError)
  {
    guard interpreter.kerasVersion == .keras3, case .string(let given) = value else { return }
    do {
      try LayerCatalog.checkKeras3Name(.string(given))
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }

  /// The class of each of Keras 3's regularizer factories (`keras.regularizers.l2` is `L2`).
  static let regularizerClasses = [
    "l1": "L1", "l2": "L2", "l1_l2": "L1L2", "L1": "L1", "L2": "L2", "L1L2": "L1L2",
    "OrthogonalRegularizer": "OrthogonalRegularizer",
  ]

  /// `Unrecognized keyword arguments passed to Dense: {'activaton': 'relu'}`.
  private static func unrecognized(_ className: String, _ keywords: [(String, ArgumentValue)])
    -> KerasError
  {
    let items = keywords.map { name, value -> String in
      let repr: String
      if case .string(let text) = value {
        repr = PythonFormat.quoted(text)
      } else if case .object(let object) = value,
        let regularizer = regularizerClasses[object.typeName]
      {
        // Python's default repr adds the object's address (`at 0x7fb9...`), which differs run
        // to run; ConvBook leaves it out, as for instances of a cell's classes.
        repr = "<keras.src.regularizers.regularizers.\(regularizer) object>"
      } else {
        repr = value.description
      }
      return PythonFormat.quoted(name) + ": " + repr
    }
    return .value(
      "Unrecognized keyword arguments passed to \(className): {\(items.joined(separator: ", "))}")
  }

  /// Refusals of Keras 3 when a layer is first called (in a Sequential model, or on a tensor of a
  /// functional model, `modelName` nil), where tf-keras words them otherwise or lets the call
  /// through: a Conv1D's kernel against a 4-D input (a lower rank fails the usual rank check), a
  /// Dense on an undefined last dimension (its kernel's path names the Sequential model).
  /// Keras 3's `Concatenate` on an axis that some input lacks: its `build`, run inside the call,
  /// fails indexing the shape; the message lists the call's arguments (hostile batch4 f08).
  /// An axis past the last one first goes through `build`, which compares the whole shapes (its
  /// `del shape[axis]` deletes nothing then): shapes that differ get its ValueError, as for any
  /// axis (hostile batch7 h04, script 1089). A negative axis before the first fails in `build`'s
  /// `del` (`Merge`'s own IndexError).
  static func concatenateAxisFailure(_ instance: LayerInstance, tensors: [KerasTensor])
    -> KerasError?
  {
    let shapes = tensors.map(\.shape)
    guard let merge = instance.layer as? Merge, merge.kind == .concatenate, merge.axis >= 0,
      shapes.contains(where: { merge.axis >= $0.rank })
    else { return nil }
    if let failure = concatenateBuildFailure(axis: merge.axis, shapes: shapes) {
      return failure
    }
    let arguments = tensors.map { PythonFormat.quoted($0.reprDescription) }
    return KerasError(
      "IndexError",
      "Exception encountered when calling Concatenate.call().\n\n\u{1b}[1mlist index out of range\u{1b}[0m\n\nArguments received by Concatenate.call():\n  • args=([\(arguments.joined(separator: ", "))],)\n  • kwargs=<class 'inspect._empty'>"
    )
  }

  /// Keras 3's `Concatenate.build` for a non-negative `axis`: each shape loses its sizes of 1 but
  /// on the concatenation axis (deleting by the positions of the shape as it was, so a later
  /// position can be past the end: IndexError) and then the axis itself when it has one; the
  /// shapes left must have one rank and agree wherever both sizes are known.
  private static func concatenateBuildFailure(axis: Int, shapes: [TensorShape]) -> KerasError? {
    let listed = "[" + shapes.map(\.description).joined(separator: ", ") + "]"
    var reduced: Set<[Int?]> = []
    for shape in shapes {
      var dimensions = shape.dimensions
      guard !dimensions.isEmpty else { return nil }
      let concatenation = axis % dimensions.count
      for (position, size) in shape.dimensions.enumerated().dropFirst()
      where position != concatenation && size == 1 {
        guard position < dimensions.count else {
          return KerasError("IndexError", "list assignment index out of range")
        }
        dimensions.remove(at: position)
      }
      if dimensions.count > axis { dimensions.remove(at: axis) }
      reduced.insert(dimensions)
    }
    guard reduced.count > 1 else { return nil }
    let message = KerasError.value(
      "A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=\(listed)"
    )
    let ranks = Set(reduced.map(\.count))
    guard ranks.count == 1, let rank = ranks.first else { return message }
    for position in 0..<rank where Set(reduced.compactMap { $0[position] }).count > 1 {
      return message
    }
    return nil
  }

  static func callRefusal(_ instance: LayerInstance, input: TensorShape, modelName: String?)
    -> KerasError?
  {
    if let failure = floatSizeFailure(instance, input: input) { return failure }
    if let normalization = instance.layer as? Normalization {
      return normalizationRefusal(normalization, input: input)
    }
    if instance.className == "Dense", input.rank >= 2, input.dimensions.last == .some(nil),
      case .int(let units)? = instance.layer.common.arguments.values["units"]
    {
      // Keras 3 gets as far as creating the kernel, whose shape then has a None.
      return .value(
        "Shapes used to initialize variables must be fully-defined (no `None` dimensions). Received: shape=(None, \(units)) for variable path='\(modelName.map { $0 + "/" } ?? "")\(instance.name)/kernel'"
      )
    }
    guard instance.className == "Conv1D", input.rank > 3,
      let filters = instance.layer.common.arguments.values["filters"],
      case .int(let count) = filters, let channels = input.dimensions.last ?? nil
    else { return nil }
    var kernel = 1
    switch instance.layer.common.arguments.values["kernel_size"] {
    case .int(let size)?: kernel = size
    case .tuple(let items)?, .list(let items)?:
      if case .int(let size)? = items.first { kernel = size }
    default: break
    }
    return .value(
      "Kernel shape must have the same length as input, but received kernel of shape (\(kernel), \(channels), \(count)) and input of shape \(input)."
    )
  }

  /// The sizes Keras 3 keeps as the floats they were given (`Conv2D(channels / 4, 1)`: Python's
  /// `/` makes 36.0), by layer class: the argument, the weight it sizes first (in the order
  /// `build` makes them), that weight's axis and the gates it is multiplied by there. tf-keras
  /// makes a convolution's `filters` an int; Keras 3 does not.
  private static let floatSizes:
    [String: [(argument: String, weight: Int, axis: Int, factor: Int)]] =
      [
        "Conv1D": [("filters", 0, -1, 1)], "Conv2D": [("filters", 0, -1, 1)],
        "Conv3D": [("filters", 0, -1, 1)],
        "Conv1DTranspose": [("filters", 0, -2, 1)], "Conv2DTranspose": [("filters", 0, -2, 1)],
        "Conv3DTranspose": [("filters", 0, -2, 1)],
        "SeparableConv1D": [("depth_multiplier", 0, -1, 1), ("filters", 1, -1, 1)],
        "SeparableConv2D": [("depth_multiplier", 0, -1, 1), ("filters", 1, -1, 1)],
        "DepthwiseConv1D": [("depth_multiplier", 0, -1, 1)],
        "DepthwiseConv2D": [("depth_multiplier", 0, -1, 1)],
        "LSTM": [("units", 0, -1, 4)],
        "ConvLSTM1D": [("filters", 0, -1, 4)], "ConvLSTM2D": [("filters", 0, -1, 4)],
        "ConvLSTM3D": [("filters", 0, -1, 4)],
      ]

  /// Keras 3's failure to build a layer whose size is a whole float: the first weight whose shape
  /// holds it cannot be made (`standardize_shape`), when the layer is first called. A
  /// `Bidirectional` builds its forward layer first, whose weights come first in its own.
  private static func floatSizeFailure(_ instance: LayerInstance, input: TensorShape)
    -> KerasError?
  {
    let sized = (instance.layer as? Bidirectional)?.forwardLayer ?? instance.layer
    guard let rules = floatSizes[sized.className] else { return nil }
    let values = sized.common.arguments.values
    let weights = instance.layer.weights(for: input)
    for rule in rules {
      guard case .float(let size)? = values[rule.argument], rule.weight < weights.count else {
        continue
      }
      var dimensions = weights[rule.weight].shape.map { String($0) }
      let axis = dimensions.count + rule.axis
      guard dimensions.indices.contains(axis) else { return nil }
      let shown = PythonFormat.float(size * Double(rule.factor))
      dimensions[axis] = shown
      return .value(
        "Cannot convert '(\(dimensions.joined(separator: ", ")))' to a shape. Found invalid dimension '\(shown)' of type '<class 'float'>'. "
      )
    }
    return nil
  }

  /// Keras 3's refusal of a graph whose output does not depend on the model's inputs only: it maps
  /// the graph without complaint (every input layer is a node of it) and then fails to compute the
  /// first such output from `inputs`, naming its path in the outputs' structure.
  static func disconnectedOutput(inputs: [KerasTensor], outputs: [KerasTensor], paths: [String])
    -> KerasError?
  {
    let given = Set(inputs.map(ObjectIdentifier.init))
    var known: [ObjectIdentifier: Bool] = [:]
    func computable(_ tensor: KerasTensor) -> Bool {
      let key = ObjectIdentifier(tensor)
      if let answer = known[key] { return answer }
      let answer =
        given.contains(key) || (!tensor.isInput && tensor.inputs.allSatisfy(computable))
      known[key] = answer
      return answer
    }
    guard let index = outputs.indices.first(where: { !computable(outputs[$0]) }) else {
      return nil
    }
    let path = index < paths.count ? paths[index] : String(index)
    return .value("Output with path `\(path)` is not connected to `inputs`")
  }

  /// Keras 3's Normalization puts a list `mean=`/`variance=` on the last kept axis and lets
  /// TensorFlow broadcast it to the kept axes' shape (1 elsewhere), which fails where numpy's
  /// broadcasting failed for tf-keras, as TensorFlow's `InvalidArgumentError`.
  private static func normalizationRefusal(_ layer: Normalization, input: TensorShape)
    -> KerasError?
  {
    guard let kept = try? layer.keptAxes(for: input).sorted(), let last = kept.last,
      let size = input[last]
    else { return nil }
    for (argument, values) in [("mean", layer.mean), ("variance", layer.variance)] {
      guard let values, case .list = layer.common.arguments[argument], values.count != 1,
        values.count != size
      else { continue }
      var expanded = Array(repeating: 1, count: input.rank)
      expanded[last] = values.count
      let target = (0..<input.rank).map { kept.contains($0) ? input[$0] ?? 1 : 1 }
      func list(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ",") }
      return KerasError(
        "InvalidArgumentError",
        "{{function_node __wrapped__BroadcastTo_device_/job:localhost/replica:0/task:0/device:CPU:0}} Incompatible shapes: [\(list(expanded))] vs. [\(list(target))] [Op:BroadcastTo]"
      )
    }
    return nil
  }

  /// Keras 3's refusal to read a weight of an unbuilt layer that it guards with a property (a
  /// Dense's or a convolution's `kernel`, an Embedding's `embeddings`); other weights are plain
  /// missing attributes, as in tf-keras.
  static func unbuiltWeight(_ name: String, of layer: any Layer) -> String? {
    let guarded =
      (name == "kernel" && (layer is Dense || layer is Conv))
      || (name == "embeddings" && layer is Embedding)
    return guarded ? "You must build the layer before accessing `\(name)`." : nil
  }

  /// Keras 3's `standardize_shape` refusing a variable's `shape=` that is no shape: a number
  /// (not iterable) or a string (iterated into characters, the first one refused); nil otherwise.
  static func shapeConversionError(_ shape: Value) -> String? {
    switch shape {
    case .int, .float, .bool:
      return "Cannot convert '\(PythonText.str(shape))' to a shape."
    case .string(let text):
      guard let first = text.first else { return nil }
      return
        "Cannot convert '\(text)' to a shape. Found invalid dimension '\(first)' of type '<class 'str'>'. "
    default: return nil
    }
  }

  /// Keras 3's warning for `input_shape=` / `input_dim=` given to a layer (which still works).
  static let inputShapeWarning =
    "Do not pass an `input_shape`/`input_dim` argument to a layer. When using Sequential models, prefer using an `Input(shape)` object as the first layer in the model instead."

  /// Keras 3's `UserWarning`s for deprecated keywords that still work, issued from the layer's own
  /// `__init__` before it calls `Layer.__init__` (so before `inputShapeWarning`): `alpha` of
  /// `LeakyReLU` (now `negative_slope`) and `input_shape` of `InputLayer` (now `shape`).
  static func deprecationWarnings(
    className: String, keywords: [(String, ArgumentValue)], range: SourceRange
  ) -> [KerasWarning] {
    let deprecated:
      [(className: String, keyword: String, site: KerasWarningSite, message: String)] =
        [
          (
            "LeakyReLU", "alpha",
            KerasWarningSite(
              file: "keras/src/layers/activations/leaky_relu.py", line: 41, source: "warnings.warn("
            ),
            "Argument `alpha` is deprecated. Use `negative_slope` instead."
          ),
          (
            "InputLayer", "input_shape",
            KerasWarningSite(
              file: "keras/src/layers/core/input_layer.py", line: 27, source: "warnings.warn("),
            "Argument `input_shape` is deprecated. Use `shape` instead."
          ),
        ]
    return deprecated.filter { entry in
      entry.className == className && keywords.contains { $0.0 == entry.keyword }
    }.map {
      KerasWarning(category: "UserWarning", message: $0.message, range: range, site: $0.site)
    }
  }

  /// Where Keras 3 issues `inputShapeWarning` for a layer made with `keywords`, or nil when it does
  /// not: the `__init__` that calls `Layer.__init__`, shared by a family of layers (`Conv1D` and
  /// `Conv2D` warn from `base_conv.py`), so that the warning shows once per family. `Embedding`'s
  /// `input_dim` is its own argument (the vocabulary size), which never reaches `Layer.__init__`.
  static func inputShapeWarningLocation(className: String, keywords: [(String, ArgumentValue)])
    -> String?
  {
    let ownInputDim = className == "Embedding"
    guard className != "InputLayer",
      keywords.contains(where: {
        ($0.0 == "input_shape" || ($0.0 == "input_dim" && !ownInputDim)) && $0.1 != .none
      })
    else { return nil }
    if let site = Keras3WarningSites.inputShapeSite(className: className) {
      return site.location
    }
    let families: [(prefix: String, file: String)] = [
      ("SeparableConv", "base_separable_conv"), ("DepthwiseConv", "base_depthwise_conv"),
      ("GlobalAveragePooling", "base_global_pooling"), ("GlobalMaxPooling", "base_global_pooling"),
      ("MaxPooling", "base_pooling"), ("AveragePooling", "base_pooling"),
    ]
    if let family = families.first(where: { className.hasPrefix($0.prefix) }) {
      return family.file
    }
    if className.hasPrefix("Conv") {
      return className.hasSuffix("Transpose") ? "base_conv_transpose" : "base_conv"
    }
    return className
  }

  /// Modules tf-keras has and Keras 3 does not: `keras.layers.experimental` (and its
  /// `preprocessing`), where older tutorials found the preprocessing layers, and
  /// `keras.preprocessing.text`.
  static func isRemoved(_ module: KerasModule) -> Bool {
    // Keras 3's `keras.preprocessing` has no `text` (`tf.keras.preprocessing` has).
    if case .keras3Package(.preprocessing("text")) = module { return true }
    let (module, _) = KerasPackages.unwrap(module, in: .keras3)
    return module == .layersExperimental || module == .layersPreprocessing
  }

  // MARK: After the engine refused

  /// A built-in layer's failure while it is called on Keras tensors (building a model): Keras 3
  /// raises it from `Operation.symbolic_call(*args, **kwargs)`, whose wrapper lists the Keras
  /// tensors it was given by their `repr` (as strings, a list for a merge) and no keywords,
  /// where the engine words tf-keras' `inputs=tf.Tensor(shape=..., dtype=float32)`.
  static func symbolicCallArguments(_ error: CellError, tensors: [KerasTensor], asList: Bool)
    -> CellError
  {
    var lines = error.message.components(separatedBy: "\n")
    guard let last = lines.last, last.hasPrefix("  • inputs=tf.Tensor(shape="),
      lines.count >= 2, lines[lines.count - 2].hasPrefix("Call arguments received by layer"),
      !tensors.isEmpty, tensors.allSatisfy({ $0.keras3Name != nil })
    else { return error }
    let quoted = tensors.map { PythonText.repr(.string($0.reprDescription)) }
    let arguments =
      asList ? "([\(quoted.joined(separator: ", "))],)" : "(\(quoted.joined(separator: ", ")),)"
    lines.removeLast()
    lines.append("  • args=\(arguments)")
    lines.append("  • kwargs=<class 'inspect._empty'>")
    var result = error
    result.message = lines.joined(separator: "\n")
    return result
  }

  /// A cropping layer's refusal of a cropping as large as its input, in Keras 3's words (in bold):
  /// its `compute_output_shape` names the `input_shape` when the layer is called on Keras
  /// tensors, its `call` the `inputs.shape` on data.
  private static func croppingMessage(_ line: String, className: String, symbolic: Bool)
    -> String?
  {
    guard
      let match = line.wholeMatch(
        of:
          #/(?:cropping parameter of Cropping layer|Argument `cropping`) must be greater than the input shape\. Received: inputs\.shape=(.*), and cropping=(.*)/#
      )
    else { return nil }
    let shape = (symbolic ? "input_shape=" : "inputs.shape=") + match.1
    let text =
      className == "Cropping1D"
      ? "`cropping` parameter of `Cropping1D` layer must be smaller than the input length. Received: \(shape), cropping=\(match.2)"
      : "Values in `cropping` argument should be smaller than the corresponding spatial dimension of the input. Received: \(shape), cropping=\(match.2)"
    return "\u{1B}[1m" + text + "\u{1B}[0m"
  }

  /// The engine's (tf-keras') message in Keras 3's words. Only the wording changes.
  /// Keras 3's `check_data_cardinality`: the sentence first, then each of `x`, `y` (and
  /// `sample_weight`) sizes quoted, each line ended, where tf-keras lists them indented under
  /// "Data cardinality is ambiguous:". Nil for other messages.
  private static func keras3Cardinality(_ message: String) -> String? {
    let lines = message.components(separatedBy: "\n")
    let ending = "Make sure all arrays contain the same number of samples."
    guard lines.count >= 3, lines[0] == "Data cardinality is ambiguous:", lines.last == ending,
      lines[1].hasPrefix("  x sizes: ")
    else { return nil }
    var text = "Data cardinality is ambiguous. " + ending
    for line in lines.dropFirst().dropLast() {
      guard let match = line.firstMatch(of: #/^  (x|y|sample_weight) sizes: (.*)$/#) else {
        return nil
      }
      text += "'\(match.1)' sizes: \(match.2)\n"
    }
    return text
  }

  static func translate(_ error: CellError) -> CellError {
    guard let type = error.type else { return error }
    var result = error
    let message = error.message
    func set(_ text: String, type newType: String? = nil) -> CellError {
      result.message = text
      if let newType { result.type = newType }
      return result
    }
    if let sizes = keras3Cardinality(message) { return set(sizes) }
    if let match = message.firstMatch(
      of: #/^Exception encountered when calling layer "[^"]*" \(type TFOpLambda\): /#)
    {
      // tf-keras' wording of a tensor operation's failure: Keras 3 has no TFOpLambda, and words
      // it as the failure of the layer whose call ran the operation (with TensorFlow's own text
      // when the call ran on data), which ConvBook does not reproduce.
      return .unsupported(
        "ConvBook does not give Keras 3's text of this \(type) yet: \(message[match.range.upperBound...])",
        at: error.range)
    }
    if let match = message.firstMatch(
      of: #/^Exception encountered when calling layer "[^"]*" \(type (\w+)\)\./#)
    {
      let className = String(match.1)
      if let conv = computedOutputSize(message) { return set(conv) }
      if let reshape = message.firstMatch(
        of:
          #/There must be at most one unknown dimension in output_shape\. Received: output_shape=\[([^\]]*)\]/#
      ) {
        return set(
          "There must be at most one unknown dimension (-1) in `target_shape`. Received: target_shape=(\(reshape.1))."
        )
      }
      var lines = message.components(separatedBy: "\n")
      if className == "RandomCrop", message.contains("slice index -1 of dimension 0 out of bounds")
      {
        // Keras 3 fails in Python, indexing the list of the input's dimensions.
        result.type = "IndexError"
      }
      lines[0] = "Exception encountered when calling \(className).call()."
      for index in lines.indices {
        // Keras 3's `Reshape.compute_output_shape` checks the sizes itself (in bold).
        guard
          let sizes = lines[index].wholeMatch(
            of:
              #/total size of new array must be unchanged, input_shape = \[([0-9, ]*)\], output_shape = \[([0-9, -]*)\]/#
          )
        else { continue }
        func tuple(_ text: Substring) -> String {
          let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
          return parts.count == 1 ? "(\(parts[0]),)" : "(\(parts.joined(separator: ", ")))"
        }
        // With a -1 to infer, Keras 3 says why it could not.
        let inferring = sizes.2.split(separator: ",").contains {
          $0.trimmingCharacters(in: .whitespaces) == "-1"
        }
        let reason =
          inferring
          ? ", however, the input size cannot by divided by the specified dimensions in target_shape"
          : ""
        lines[index] =
          "\u{1B}[1mThe total size of the tensor must be unchanged\(reason). Received: input_shape=\(tuple(sizes.1)), target_shape=\(tuple(sizes.2))\u{1B}[0m"
      }
      for index in lines.indices {
        if let text = croppingMessage(
          lines[index], className: className,
          symbolic: lines.contains { $0.hasPrefix("  • args=(") })
        {
          lines[index] = text
        }
      }
      for index in lines.indices where lines[index].hasPrefix("Call arguments received by layer") {
        lines[index] = "Arguments received by \(className).call():"
      }
      return set(lines.joined(separator: "\n"))
    }
    if let match = message.firstMatch(
      of: #/^Invalid value (\S+) received for `rate`, expected a value between 0 and 1\./#)
    {
      return set(
        "Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=\(match.1)"
      )
    }
    if let match = message.firstMatch(
      of: #/^You tried to call `count_params` on layer (\S+), but the layer isn't built\./#)
    {
      return set(
        "You tried to call `count_params` on layer '\(match.1)', but the layer isn't built. You can build it manually via: `layer.build(input_shape)`."
      )
    }
    if let match = message.firstMatch(
      of:
        #/^Forward layer and backward layer should have different `go_backwards` value\.forward_layer\.go_backwards = (\w+),backward_layer\.go_backwards = (\w+)$/#
    ) {
      return set(
        "Forward layer and backward layer should have different `go_backwards` value. Received: forward_layer.go_backwards \(match.1), backward_layer.go_backwards=\(match.2)"
      )
    }
    if message.hasPrefix("Please initialize `Bidirectional` layer with a `tf.keras.layers.Layer`") {
      return set(
        message.replacingOccurrences(of: "`tf.keras.layers.Layer`", with: "`keras.layers.Layer`"))
    }
    if let match = message.firstMatch(of: #/^Input (\d+) of layer "([^"]*)" is incompatible/#) {
      return set(
        "Input \(match.1) with name 'None' of layer '\(match.2)' is incompatible"
          + message[match.range.upperBound...])
    }
    if let match = message.firstMatch(
      of: #/^All layers added to a Sequential model should have unique names\. Name "([^"]*)"/#)
    {
      return set(
        "All layers added to a Sequential model should have unique names. Name '\(match.1)'"
          + message[match.range.upperBound...])
    }
    if let match = message.firstMatch(
      of: #/^Unknown activation function '([^']*)' cannot be deserialized\./#)
    {
      return set("Could not interpret activation function identifier: \(match.1)")
    }
    if let match = message.firstMatch(of: #/^module 'tf_keras\.api\._v2\.keras(\.?[\w.]*)' has/#) {
      return set(
        "module 'keras._tf_keras.keras\(match.1)' has" + message[match.range.upperBound...])
    }
    if let match = message.firstMatch(
      of:
        #/^The `padding` argument must be a list/tuple or one of "valid", "same" \(or "causal", only for `Conv1D\)\. Received: (.*)$/#
    ) {
      return set(
        "The `padding` argument must be a list/tuple or one of {'same', 'valid'}. Received: \(match.1)"
      )
    }
    if message.hasPrefix("Causal padding is only supported for `Conv1D`") {
      return set(
        "The `padding` argument must be a list/tuple or one of {'same', 'valid'}. Received: causal")
    }
    if message.hasPrefix("The number of filters must be evenly divisible by the number of groups.")
      && !message.hasSuffix(".")
    {
      return set(message + ".")
    }
    if let match = message.firstMatch(
      of:
        #/^The `data_format` argument must be one of "channels_first", "channels_last"\. Received: (.*)$/#
    ) {
      return set(
        "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=\(match.1.lowercased())"
      )
    }
    if let match = message.firstMatch(
      of:
        #/^The `([^`]+)` argument must be a tuple of (\d+) integers\. Received: (.*) including \{(.*)\} that does not satisfy the requirement `(>=? 0)`\./#
    ) {
      return set(
        "The `\(match.1)` argument must be a tuple of \(match.2) integers. Received \(match.1)=\(match.3), including values {\(match.4)} that do not satisfy `value \(match.5)`"
      )
    }
    if let match = message.firstMatch(
      of: #/^The `(\w+)` argument must be a tuple of (\d+) integers\. Received: ([^\n]*)$/#),
      !match.3.contains("including")
    {
      return set(
        "The `\(match.1)` argument must be a tuple of \(match.2) integers. Received \(match.1)=\(match.3)"
      )
    }
    if message.hasPrefix("Invalid value for `axis` argument. Expected 0 <= axis < inputs.rank") {
      // Keras 3's BatchNormalization and LayerNormalization index the input shape with the axis.
      return set("tuple index out of range", type: "IndexError")
    }
    if let match = message.firstMatch(
      of: #/^Unknown (initializer|constraint): '([^']*)'\. Please ensure you are using a/#)
    {
      return set("Could not interpret \(match.1) identifier: \(match.2)")
    }
    if let match = message.firstMatch(
      of:
        #/^The added layer must be an instance of class Layer\. Received: layer=(.*) of type (<class '\w+'>)\.$/#
    ) {
      return set(
        "Only instances of `keras.Layer` can be added to a Sequential model. Received: \(match.1) (of type \(match.2))",
        type: "ValueError")
    }
    if let match = message.firstMatch(
      of:
        #/^Strides must be greater than output padding\. Received strides=\(([^)]*)\), output_padding=\(([^)]*)\)\./#
    ) {
      let strides = match.1.split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
      }
      let padding = match.2.split(separator: ",").compactMap {
        Int($0.trimmingCharacters(in: .whitespaces))
      }
      if let index = padding.indices.first(where: {
        $0 < strides.count && padding[$0] >= strides[$0]
      }) {
        return set(
          "`output_padding` must be strictly less than `strides` for all dimensions. At dimension \(index), `output_padding` is \(padding[index]) but `strides` is \(strides[index]). Received: output_padding=(\(match.2)), strides=(\(match.1))"
        )
      }
    }
    if let match = message.firstMatch(
      of:
        #/^Both `input_dim` and `output_dim` should be positive, Received input_dim = (-?\d+) and output_dim = (-?\d+)/#
    ) {
      let (name, value) =
        Int(match.1).map { $0 <= 0 } ?? false ? ("input_dim", match.1) : ("output_dim", match.2)
      return set("`\(name)` must be a positive integer. Received: \(name)=\(value) (of type int).")
    }
    if let match = message.firstMatch(
      of:
        #/^When setting values directly, both `mean` and `variance` must be set\. Got mean: (.*) and variance: (.*)$/#
    ) {
      return set(
        "When setting values directly, both `mean` and `variance` must be set. Received: mean=\(match.1) and variance=\(match.2)"
      )
    }
    if let match = message.firstMatch(
      of:
        #/^All `axis` values to be kept must have known shape\. Got axis: (.*), input shape: \[(.*)\], with unknown axis at index: (\d+)$/#
    ) {
      return set(
        "All `axis` values to be kept must have a known shape. Received axis=\(match.1), inputs.shape=(\(match.2)), with unknown axis at index \(match.3)"
      )
    }
    if let match = message.firstMatch(
      of:
        #/^All `axis` values must be in the range \[-ndim, ndim\)\. Found ndim: `(\d+)`, axis: (.*)$/#
    ) {
      return set(
        "All `axis` values must be in the range [-ndim, ndim). Received inputs with ndim=\(match.1), while axis=\(match.2)"
      )
    }
    _ = type
    return error
  }

  /// tf-keras' "Negative dimension size" of a convolution as Keras 3's "Computed output size would
  /// be zero or negative", from the shapes and attributes TensorFlow's message lists.
  static func computedOutputSize(_ message: String) -> String? {
    guard
      let node = message.firstMatch(
        of:
          #/Negative dimension size caused by subtracting \d+ from -?\d+ for '\{\{node [^}]*/Conv(\dD)\}\} = [^']*dilations=\[([^\]]*)\][^']*padding="(\w+)", strides=\[([^\]]*)\][^']*' with input shapes: \[([^\]]*)\], \[([^\]]*)\]/#
      )
    else { return nil }
    func numbers(_ text: Substring) -> [String] {
      text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let input = numbers(node.5).map { $0 == "?" ? "None" : $0 }
    let kernel = numbers(node.6)
    let spatial = input.count - 2
    guard spatial >= 1, numbers(node.2).count == spatial + 2, numbers(node.4).count == spatial + 2
    else { return nil }
    let dilations = Array(numbers(node.2).dropFirst().prefix(spatial))
    let strides = Array(numbers(node.4).dropFirst().prefix(spatial))
    let stridesText =
      spatial == 1 ? "(\(strides[0]),)" : "(" + strides.joined(separator: ", ") + ")"
    return
      "Computed output size would be zero or negative. Received `inputs shape=(\(input.joined(separator: ", ")))`, `kernel shape=(\(kernel.joined(separator: ", ")))`, `dilation_rate=[\(dilations.joined(separator: " "))]`, `strides=\(stridesText)`, `padding=\(node.3.lowercased())`."
  }
}

extension Keras3Wording {
  /// Keras 3's ValueError for a TensorFlow function (`tf.abs(x)`) called on a KerasTensor.
  static let tensorFlowFunctionOnKerasTensor =
    "A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing Keras Functional models or Keras Functions. You can only use it as input to a Keras layer or a Keras operation (from the namespaces `keras.layers` and `keras.ops`). You are likely doing something like:\n\n```\nx = Input(...)\n...\ntf_fn(x)  # Invalid.\n```\n\nWhat you should do instead is wrap `tf_fn` in a layer:\n\n```\nclass MyLayer(Layer):\n    def call(self, x):\n        return tf_fn(x)\n\nx = MyLayer()(x)\n```\n"

}
