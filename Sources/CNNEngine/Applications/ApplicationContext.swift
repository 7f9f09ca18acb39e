import Foundation

/// What every application function does around its own layers: the checks of `weights` and
/// `classes`, the input shape (`imagenet_utils.obtain_input_shape`), the input tensor, the
/// classifier or pooling on top, and the model over the source inputs.
struct ApplicationContext {
  let arguments: ApplicationArguments
  let builder: ApplicationBuilder

  var names: NameScope { builder.names }

  /// The Keras whose application code this builds (the session's).
  var kerasVersion: KerasVersion { names.kerasVersion }

  /// A layer name of tf-keras' DenseNet or MobileNetV3 as that family's Keras 3 code spells it:
  /// TensorFlow scopes (`conv1/conv`, `expanded_conv/depthwise/BatchNorm`) became snake case
  /// (`conv1_conv`, `expanded_conv_depthwise_bn`), and MobileNetV3's capitals went too
  /// (`Conv_1` -> `conv_1`, `squeeze_excite/AvgPool` -> `squeeze_excite_avg_pool`).
  func layerName(_ classic: String) -> String {
    guard kerasVersion == .keras3 else { return classic }
    return classic.split(separator: "/", omittingEmptySubsequences: false).map { part in
      part == "BatchNorm" ? "bn" : NameScope.snakeCase(String(part))
    }.joined(separator: "_")
  }

  /// The argument that names the model (and prefixes ConvNeXt's layers): tf-keras' ConvNeXt takes
  /// `model_name`, Keras 3's functions all take `name`.
  var modelNameArgument: String { kerasVersion == .keras3 ? "name" : "model_name" }

  /// The family's message in the session's Keras: `classic` is tf-keras', `keras3` Keras 3's where
  /// its application code words it differently (nil: the same words).
  func message(_ classic: String, keras3: String?) -> String {
    kerasVersion == .keras3 ? keras3 ?? classic : classic
  }

  /// `weights` must be None, "imagenet" or an existing file (else the family's own `ValueError`);
  /// ConvBook reads only `.npz` files exported from Keras, so another file is its limitation.
  func checkWeights(_ classic: String, keras3: String? = nil) throws(KerasError) {
    let message = message(classic, keras3: keras3)
    switch arguments["weights"] {
    case .none, .string("imagenet"): return
    case .string(let path) where FileManager.default.fileExists(atPath: path):
      guard path.hasSuffix(".npz") else {
        throw KerasError.limitation(
          "ConvBook reads pretrained weights only from .npz files exported from Keras (Tools/keras-reference/export_application_weights.py); `weights=\(ArgumentValue.string(path))` is not one"
        )
      }
    default: throw .value(message)
    }
  }

  /// The family's `ValueError` for `classes` other than 1000 with ImageNet weights and the top.
  func checkClasses(_ classic: String, keras3: String? = nil) throws(KerasError) {
    if arguments.usesImageNetWeights, arguments.includeTop, arguments["classes"] != .int(1000) {
      throw .value(message(classic, keras3: keras3))
    }
  }

  /// `**kwargs` that the function does not know: `ValueError(f"Unknown argument(s): {kwargs}")`
  /// (MobileNet formats them as a one-element tuple).
  func checkExtraKeywords(asTuple: Bool = false) throws(KerasError) {
    guard !arguments.extraKeywords.isEmpty else { return }
    let dictionary =
      "{"
      + arguments.extraKeywords.map { "\(PythonFormat.quoted($0.0)): \($0.1)" }.joined(
        separator: ", ") + "}"
    throw .value("Unknown argument(s): \(asTuple ? "(\(dictionary),)" : dictionary)")
  }

  /// `imagenet_utils.obtain_input_shape` for channels-last data: the validated input shape.
  func inputShape(defaultSize: Int, minSize: Int) throws(KerasError) -> [ArgumentValue] {
    let given = arguments["input_shape"]
    let imagenet = arguments.usesImageNetWeights
    let requireFlatten = arguments.includeTop
    let items = given.sequenceItems ?? []
    let truthy = ApplicationArguments.truth(given)
    let defaultShape: [ArgumentValue]
    if !imagenet, truthy, items.count == 3 {
      defaultShape = [.int(defaultSize), .int(defaultSize), items[2]]
    } else {
      defaultShape = [.int(defaultSize), .int(defaultSize), .int(3)]
    }
    if imagenet, requireFlatten {
      if given != .none, given != .tuple(defaultShape) {
        throw .value(
          "When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be \(ArgumentValue.tuple(defaultShape)).  Received: input_shape=\(given)"
        )
      }
      return defaultShape
    }
    var shape: [ArgumentValue]
    if truthy {
      guard given.sequenceItems != nil else {
        throw .typeError("object of type '\(given.pythonTypeName)' has no len()")
      }
      if items.count != 3 {
        throw .value("`input_shape` must be a tuple of three integers.")
      }
      if imagenet, items[2] != .int(3) {
        throw .value("The input must have 3 channels; Received `input_shape=\(given)`")
      }
      for item in items.prefix(2) {
        if case .int(let size) = item, size < minSize {
          throw .value(
            "Input size must be at least \(minSize)x\(minSize); Received: input_shape=\(given)")
        }
      }
      shape = items
    } else if requireFlatten {
      shape = defaultShape
    } else {
      shape = [.none, .none, .int(3)]
    }
    if requireFlatten, shape.contains(.none) {
      throw .value(
        "If `include_top` is True, you should specify a static `input_shape`. Received: input_shape=\(truthy ? given : .tuple(shape))"
      )
    }
    return shape
  }

  /// The rows and columns of a shape from `inputShape`, as Python values (None when unknown).
  static func size(_ shape: [ArgumentValue]) -> (rows: Int?, columns: Int?) {
    func value(_ item: ArgumentValue?) -> Int? {
      if case .int(let size)? = item { return size }
      return nil
    }
    return (value(shape.first), value(shape.dropFirst().first))
  }

  /// The tensor the application starts from: `layers.Input(shape=input_shape)`, or the Keras
  /// tensor given as `input_tensor`.
  func imageInput(shape: [ArgumentValue]) throws(KerasError) -> KerasTensor {
    if let tensor = arguments.inputTensor { return tensor }
    let input = try LayerCatalog.makeInput(
      positional: [], keywords: [("shape", .tuple(shape))], names: names)
    return KerasTensor(input: input)
  }

  /// The classifier of families whose top is `GlobalAveragePooling2D` + `Dense(classes)`; or the
  /// optional pooling without the top. `poolNames` are the families' `name=` of the pooling layers.
  func top(
    _ x: KerasTensor, averageName: String? = nil, maximumName: String? = nil,
    dropout: Double? = nil, dropoutName: String? = nil
  ) throws(KerasError) -> KerasTensor {
    if arguments.includeTop {
      var x = try builder.layer("GlobalAveragePooling2D", name: averageName, x)
      if let dropout, dropout > 0 {
        x = try builder.layer("Dropout", ["rate": .float(dropout)], name: dropoutName, x)
      }
      try validateActivation()
      return try dense(x, arguments.integer("classes"))
    }
    return try pooling(x, averageName: averageName, maximumName: maximumName)
  }

  /// `pooling="avg"` / `"max"` without the top; anything else leaves the feature map.
  func pooling(_ x: KerasTensor, averageName: String? = nil, maximumName: String? = nil)
    throws(KerasError) -> KerasTensor
  {
    switch arguments.pooling {
    case "avg": return try builder.layer("GlobalAveragePooling2D", name: averageName, x)
    case "max": return try builder.layer("GlobalMaxPooling2D", name: maximumName, x)
    default: return x
    }
  }

  /// The classification layer, `Dense(classes, activation=classifier_activation, name="predictions")`.
  func dense(_ x: KerasTensor, _ classes: Int) throws(KerasError) -> KerasTensor {
    try builder.layer(
      "Dense",
      ["units": .int(classes), "activation": arguments["classifier_activation"]],
      name: "predictions", x)
  }

  /// `imagenet_utils.validate_activation`: only softmax or no activation with ImageNet weights.
  /// (Keras shows the function's repr, whose address changes from run to run; ConvBook leaves the
  /// address out.)
  func validateActivation() throws(KerasError) {
    guard arguments.usesImageNetWeights else { return }
    switch arguments["classifier_activation"] {
    case .none, .string("softmax"), .string("linear"): return
    case let other:
      throw .value(
        "Only `None` and `softmax` activations are allowed for the `classifier_activation` argument when using pretrained weights, with `include_top=True`; Received: classifier_activation=<function \(other.plainDescription)>"
      )
    }
  }

  /// `training.Model(inputs, x, name=name)`, whose inputs are those `input_tensor` came from
  /// (`sourceInputs`, when a family takes fewer of them). `name` is tf-keras' model name; Keras
  /// 3's is the `name=` argument (MobileNet and MobileNetV2 compute theirs, as tf-keras does, when
  /// it is None).
  func model(
    _ output: KerasTensor, input: KerasTensor, name: String, sourceInputs: [KerasTensor]? = nil,
    application: String
  ) throws(KerasError) -> KerasModel {
    let inputs = sourceInputs ?? arguments.inputTensor.map(\.sourceInputs) ?? [input]
    var name = name
    if kerasVersion == .keras3, let given = arguments.values["name"] {
      switch given {
      case .string(let text): name = text
      case .none where Application(rawValue: application)?.keras3DefaultName != nil:
        name = names.uniqueName("functional")
      case .none: break
      default:
        throw .limitation(
          "ConvBook names an application model with a string `name`; got name=\(given)")
      }
    }
    let model = try KerasModel.functional(name: name, inputs: inputs, outputs: [output])
    model.madeByKeras3 = kerasVersion == .keras3
    switch arguments["weights"] {
    case .string("imagenet"):
      model.pretrainedWeights = PretrainedWeightsRequest(
        application: application, includeTop: arguments.includeTop)
    case .string(let path):
      model.pretrainedWeights = PretrainedWeightsRequest(
        application: application, includeTop: arguments.includeTop, path: path)
    default: break
    }
    return model
  }
}
