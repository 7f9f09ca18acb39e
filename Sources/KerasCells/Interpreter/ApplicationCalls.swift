import CNNEngine

/// Calls of `keras.applications`: a model function (`MobileNetV2(...)`) bound to its Python
/// signature and built by the engine's `Application`; `preprocess_input` on a Keras tensor, as the
/// TFOpLambda layers tf-keras records for it; `decode_predictions`, refused.
enum ApplicationCalls {
  static func build(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let application = Application(rawValue: name) else {
      throw .unsupported(
        "ConvBook does not support `keras.applications.\(name)` yet", at: site.range)
    }
    let signature = application.signature(for: interpreter.kerasVersion)
    let ranges = site.arguments.map(\.range)
    func range(ofKeyword label: String) -> SourceRange {
      site.arguments.first { $0.label == label }?.range ?? site.range
    }
    if positional.count > signature.parameters.count {
      throw CellError(
        type: "TypeError",
        message:
          "\(name)() takes from 0 to \(signature.parameters.count) positional arguments but \(positional.count) were given",
        range: site.range)
    }
    var given: [String: (Value, SourceRange)] = [:]
    for (index, value) in positional.enumerated() {
      given[signature.parameters[index].name] = (
        value, index < ranges.count ? ranges[index] : site.range
      )
    }
    var extra: [(String, ArgumentValue)] = []
    let known = Set((signature.parameters + signature.keywordOnly).map(\.name))
    for (label, value) in keywords {
      if known.contains(label) {
        if given[label] != nil {
          throw CellError(
            type: "TypeError", message: "\(name)() got multiple values for argument '\(label)'",
            range: site.range)
        }
        given[label] = (value, range(ofKeyword: label))
      } else if signature.acceptsExtraKeywords {
        extra.append(
          (label, try ArgumentConversion.argument(value, range: range(ofKeyword: label))))
      } else {
        throw CellError(
          type: "TypeError", message: "\(name)() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
    }
    var arguments = ApplicationArguments(values: [:], extraKeywords: extra)
    for (parameter, defaultValue) in signature.parameters + signature.keywordOnly {
      guard let (value, valueRange) = given[parameter] else {
        arguments.values[parameter] = defaultValue
        continue
      }
      if parameter == "input_tensor" {
        switch value {
        case .none: continue
        case .kerasTensor(let tensor): arguments.inputTensor = tensor
        default:
          throw .unsupported(
            "ConvBook builds \(name) on a Keras tensor (from keras.Input or a layer) as `input_tensor`; a value of type '\(value.typeName)' is not supported",
            at: valueRange)
        }
        continue
      }
      arguments.values[parameter] = try ArgumentConversion.argument(value, range: valueRange)
    }
    let model: KerasModel
    do {
      model = try application.build(arguments, names: interpreter.kerasNames)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    // Keras 3's applications make their model on `get_source_inputs(input_tensor)`, a list, so
    // `model.input` is a list of one tensor there (tf-keras unwraps it), as for
    // `keras.Model([inputs], outputs)`.
    if interpreter.kerasVersion == .keras3, arguments.inputTensor != nil,
      let inputs = try LayerConnections.modelTensors(
        "inputs", of: model, range: site.range, interpreter: interpreter),
      let output = try LayerConnections.modelTensors(
        "output", of: model, range: site.range, interpreter: interpreter)
    {
      interpreter.session.modelStructures[ObjectIdentifier(model)] = (model, inputs, output)
    }
    Keras3ApplicationWarnings.warn(
      application, arguments: arguments, site: site, interpreter: interpreter)
    return .model(model)
  }

  /// How each module's `preprocess_input` scales pixels (`imagenet_utils.preprocess_input`'s
  /// `mode`); nil for the families that take raw pixels and return `x` itself.
  static func preprocessingMode(module: String) -> String? {
    switch module {
    case "mobilenet", "mobilenet_v2", "resnet_v2", "inception_v3", "inception_resnet_v2",
      "xception", "nasnet":
      return "tf"
    case "vgg16", "vgg19", "resnet", "resnet50", "imagenet_utils": return "caffe"
    case "densenet": return "torch"
    default: return nil
    }
  }

  static func call(
    _ name: String, module: String, positional: [Value], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let path = "keras.applications.\(module).\(name)"
    if name == "decode_predictions" {
      // `imagenet_utils.decode_predictions` checks the shape before it downloads the class index.
      let predictions =
        positional.first ?? keywords.first { $0.0 == "preds" }.map(\.1)
      if case .array(let array)? = predictions,
        array.shape.count != 2 || array.shape[1] != 1000
      {
        let found =
          interpreter.kerasVersion == .keras3
          ? "Received array with shape" : "Found array with shape"
        throw CellError(
          type: "ValueError",
          message:
            "`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape (samples, 1000)). \(found): \(EagerTensors.shapeText(array.shape))",
          range: site.range)
      }
      throw .unsupported(
        "\(path) is not supported: it names ImageNet classes from the scores of a pretrained model, and ConvBook has no pretrained weights (nor the class index Keras downloads)",
        at: site.range)
    }
    var input = positional.first
    var mode = preprocessingMode(module: module)
    let parameters =
      module == "imagenet_utils" ? ["x", "data_format", "mode"] : ["x", "data_format"]
    if positional.count > parameters.count {
      throw CellError(
        type: "TypeError",
        message:
          "preprocess_input() takes from 1 to \(parameters.count) positional arguments but \(positional.count) were given",
        range: site.range)
    }
    var dataFormat: Value = positional.count > 1 ? positional[1] : .none
    if positional.count > 2, case .string(let given) = positional[2] { mode = given }
    for (label, value) in keywords {
      switch label {
      case "x" where input == nil: input = value
      case "data_format" where positional.count < 2: dataFormat = value
      case "mode" where module == "imagenet_utils" && positional.count < 3:
        guard case .string(let given) = value else { fallthrough }
        mode = given
      default:
        let duplicate = parameters.contains(label)
        throw CellError(
          type: "TypeError",
          message: duplicate
            ? "preprocess_input() got multiple values for argument '\(label)'"
            : "preprocess_input() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
    }
    guard let input else {
      throw CellError(
        type: "TypeError",
        message: "preprocess_input() missing 1 required positional argument: 'x'",
        range: site.range)
    }
    guard let mode else { return input }
    if case .string(let format) = dataFormat, format != "channels_last" {
      if format != "channels_first" {
        throw CellError(
          type: "ValueError",
          message:
            "Expected data_format to be one of `channels_first` or `channels_last`. Received: data_format=\(format)",
          range: site.range)
      }
      throw .unsupported(
        "\(path) with data_format=\(PythonText.repr(dataFormat)) is not supported: ConvBook models channels-last images",
        at: site.range)
    }
    if let array = EagerTensors.operand(input) {
      return try EagerTensors.preprocess(
        array, mode: mode, path: path, range: site.range, budget: interpreter.budget)
    }
    if case .array(let array) = input, array.tensorFlowDType == nil {
      // A float array a name holds is changed in place (`Interpreter.preprocessInPlace` does
      // that for `preprocess_input(x)` alone); a temporary's change is seen by no one.
      let held: Bool
      switch site.arguments.first(where: { $0.kind == .positional })?.value.kind {
      case .name?, .attribute?, .subscript?, .namedExpression?: held = true
      default: held = false
      }
      if array.dtype.isFloat, held {
        throw .unsupported(
          "ConvBook runs \(path) on a float array held by a name as `preprocess_input(x)` alone (Keras changes the array in place)",
          at: site.range)
      }
      return .array(
        try numpyPreprocess(
          array, mode: mode, path: path, range: site.range, budget: interpreter.budget
        ).result)
    }
    guard case .kerasTensor(let tensor) = input else {
      throw .unsupported(
        "\(path) runs on Keras tensors and NumPy arrays in ConvBook cells; a value of type '\(input.typeName)' is not supported",
        at: site.range)
    }
    switch mode {
    case "tf": break
    case "caffe", "torch":
      guard tensor.shape.dimensions.last == 3 else {
        throw .unsupported(
          "ConvBook runs \(path) on tensors of 3 channels (RGB images); this one has shape \(tensor.shape)",
          at: site.range)
      }
      return try perChannel(
        tensor, mode: mode, site: site, interpreter: interpreter)
    default:
      throw CellError(
        type: "ValueError",
        message:
          "Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode=\(mode)",
        range: site.range)
    }
    // `x /= 127.5; x -= 1.0`: two TFOpLambda layers, as tf-keras records them.
    let scaled = try TensorArithmetic.binary(
      .divide, input, .float(127.5), range: site.range, interpreter: interpreter)
    return try TensorArithmetic.binary(
      .subtract, scaled, .float(1.0), range: site.range, interpreter: interpreter)
  }

  /// The caffe and torch modes on a tensor, as tf-keras records them: caffe reverses the channels
  /// (`x[..., ::-1]`, a SlicingOpLambda) and adds the negated ImageNet means (`tf.nn.bias_add`);
  /// torch divides by 255, adds the negated means and divides by the standard deviations. Keras 3
  /// records operations instead: caffe's reversal is three `x[..., i]` slices and a stack.
  private static func perChannel(
    _ tensor: KerasTensor, mode: String, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let names = interpreter.kerasNames
    func apply(_ layer: any Layer, _ input: KerasTensor) throws(CellError) -> KerasTensor {
      let instance = LayerInstance(layer)
      interpreter.recordOrigin(of: instance, at: site.range)
      do {
        return try KerasTensor.apply(instance, to: [input], asList: layer is any MultiInputLayer)
      } catch {
        throw Calls.keras(error, at: site.range)
      }
    }
    func perChannel(_ operation: TFOpLambda.Operation, _ values: [Double], _ input: KerasTensor)
      throws(CellError) -> KerasTensor
    {
      var layer = TFOpLambda(operation: operation, names: names)
      layer.channelConstants = values
      return try apply(layer, input)
    }
    if mode == "caffe" {
      if names.kerasVersion == .keras3 {
        // Keras 3: `ops.stack([x[..., i] for i in (2, 1, 0)], axis=-1)`, then `x += mean`.
        var channels: [KerasTensor] = []
        for channel in [2, 1, 0] {
          channels.append(
            try apply(
              SlicingOpLambda(
                slice: TensorSlice([.ellipsis, .index(channel)]),
                name: names.uniqueName("get_item"), isKeras3Operation: true), tensor))
        }
        let stack = LayerInstance(
          TensorFunctionLayer(
            function: .stack(axis: -1), name: names.uniqueName("stack"), isKeras3Operation: true,
            keras3ClassName: "Stack"))
        interpreter.recordOrigin(of: stack, at: site.range)
        let stacked: KerasTensor
        do {
          stacked = try KerasTensor.apply(stack, to: channels, asList: true)
        } catch {
          throw Calls.keras(error, at: site.range)
        }
        return .kerasTensor(try perChannel(.biasAdd, [-103.939, -116.779, -123.68], stacked))
      }
      let reversed = try apply(
        SlicingOpLambda(
          slice: .reverseLastAxis, name: names.uniqueName("tf.__operators__.getitem")), tensor)
      return .kerasTensor(try perChannel(.biasAdd, [-103.939, -116.779, -123.68], reversed))
    }
    guard
      case .kerasTensor(let scaled) = try TensorArithmetic.binary(
        .divide, .kerasTensor(tensor), .float(255.0), range: site.range, interpreter: interpreter)
    else { return .none }
    let centred = try perChannel(.biasAdd, [-0.485, -0.456, -0.406], scaled)
    return .kerasTensor(try perChannel(.trueDivide, [0.229, 0.224, 0.225], centred))
  }
}
