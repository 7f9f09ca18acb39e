import CNNEngine

/// TensorFlow's eager tensors as books use them beside model code: constants, variables and
/// random tensors, the operations on them (`EagerArithmetic`, `EagerIndexing`, `EagerFunctions`),
/// and a layer or model run on constant data (`for layer in net.layers: X = layer(X)`), which
/// TensorFlow computes at once.
///
/// An eager tensor is an `NDArray` with its TensorFlow dtype set (`NDArray.tensorFlowDType`): it
/// prints as TensorFlow prints one (`tf.Tensor(..., shape=(1, 4), dtype=float32)`), its `shape` is
/// a `TensorShape` and `numpy()` gives the array. Random values come from ConvBook's seeded
/// generator and layers' outputs from their seeded initial weights (or the ones set), not
/// TensorFlow's. What ConvBook does not have for eager tensors yet is refused as its limitation
/// rather than computed as a NumPy array would be.
enum EagerTensors {
  /// Whether `value` is an eager tensor, a `tf.Variable` or a slice of one (`operand`).
  static func isEager(_ value: Value) -> Bool { operand(value) != nil }

  /// `tf.Tensor(<NumPy's str>, shape=(2, 3), dtype=float32)`; a value text of several lines
  /// starts on a line of its own, as TensorFlow's `numpy_text` puts it.
  static func str(_ array: NDArray, dtype: String) -> String {
    "tf.Tensor(\(valueText(array, repr: false)), shape=\(shapeText(array.shape)), dtype=\(dtype))"
  }

  /// `<tf.Tensor: shape=(2, 3), dtype=float32, numpy=<NumPy's repr>>`.
  static func repr(_ array: NDArray, dtype: String) -> String {
    "<tf.Tensor: shape=\(shapeText(array.shape)), dtype=\(dtype), numpy=\(valueText(array, repr: true))>"
  }

  static func valueText(_ array: NDArray, repr: Bool) -> String {
    let text = numpyText(array, repr: repr)
    return text.contains("\n") ? "\n" + text : text
  }

  /// A float32 eager tensor of `tensor`'s values.
  static func value(_ tensor: Tensor) -> Value {
    var array = NDArray(tensor: tensor)
    array.tensorFlowDType = "float32"
    return .array(array)
  }

  /// The attributes of an eager tensor ConvBook has: `shape` (a TensorShape), `dtype`, `ndim`,
  /// `numpy()` and the methods of `EagerMethods`; the rest of `tf.Tensor`'s are refused by name.
  static func attribute(_ name: String, of array: NDArray, dtype: String, range: SourceRange)
    throws(CellError) -> Value
  {
    switch name {
    case "shape": return .tensorShape(array.shape.map { Optional($0) })
    case "dtype": return TensorFlowDType.value(dtype)
    case "ndim": return .int(array.rank)
    case "numpy": return .method(receiver: .array(array), name: "numpy")
    case "_keras_mask":
      guard let mask = array.kerasMask else {
        throw CellError(
          type: "AttributeError",
          message:
            "'tensorflow.python.framework.ops.EagerTensor' object has no attribute '_keras_mask'",
          range: range)
      }
      return .array(
        try make(.bool, shape: mask.shape, values: mask.values.map { $0 ? 1 : 0 }, range: range))
    case _ where EagerMethods.names.contains(name):
      return .method(receiver: .array(array), name: name)
    default:
      throw .unsupported(
        "ConvBook does not support `tf.Tensor.\(name)` on TensorFlow's eager tensors yet", at: range
      )
    }
  }

  /// `tensor.numpy()`: the values as a NumPy array (a NumPy scalar for a 0-d tensor).
  static func numpy(_ array: NDArray) -> Value {
    let plain = numpyArray(array)
    return array.rank == 0 ? .standard(NumPyScalar(plain)) : .array(plain)
  }

  /// The tensor's values as a NumPy array (a 0-d one for a scalar tensor): what `numpy()`
  /// returns and what `np.array(tensor)` / `np.asarray(tensor)` take (the tensor's `__array__`).
  static func numpyArray(_ array: NDArray) -> NDArray {
    var plain = array
    plain.tensorFlowDType = nil
    plain.kerasMask = nil
    // int32 tensors are kept in int64 storage; their NumPy values are int32 (NumPy 2's weak
    // Python ints then check against int32's range).
    if EagerDType(of: array) == .int32 {
      plain = NDArray(dtype: .int32, shape: array.shape, storage: array.storage)
    }
    return plain
  }

  static func refusal(_ what: String, range: SourceRange) -> CellError {
    .unsupported("ConvBook does not support \(what) on TensorFlow's eager tensors yet", at: range)
  }

  /// `layer(x)` on constant data (an eager tensor or a NumPy array): the layer built for `x`'s
  /// shape, run at once with its current weights; an eager float32 tensor.
  /// `training` is the call's `training=` (nil: not given): a trainable BatchNormalization then
  /// normalizes with the batch's statistics and moves its moving ones (`trainingCall`), and the
  /// layers that draw random values in training (Dropout, GaussianNoise, ...) give ConvBook's own
  /// draws.
  static func callLayer(
    _ instance: LayerInstance, on array: NDArray, training: Value? = nil, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard array.rank >= 1 else {
      throw .unsupported(
        "ConvBook runs a layer on constant data of one or more axes, not a scalar", at: site.range)
    }
    // A recurrent layer with `return_state=True` (or a Bidirectional one without merge) returns
    // several tensors, which this path does not run on data.
    if let multi = instance.layer as? any MultiOutputLayer,
      let shapes = try? multi.outputShapes(
        for: TensorShape(array.shape.map { Optional($0) }), states: []),
      shapes.count > 1
    {
      throw .unsupported(
        "ConvBook does not support calling \(instance.className) on data when it returns several tensors (return_state=True) yet",
        at: site.range)
    }
    if array.kerasMask != nil, KerasMask.takesMask(instance.layer) {
      throw .unsupported(
        "ConvBook does not support calling \(instance.className) on data that carries a Keras mask (`_keras_mask`) yet",
        at: site.range)
    }
    let plan = try IntegerLayerData.plan(
      [instance], array: array, inputDType: nil, site: site, interpreter: interpreter)
    let budget = interpreter.session.limits.modelMemoryBudget
    let outputShape: [Int]
    do {
      outputShape = try EagerLayerCall.onData(instance) { () throws(KerasError) in
        try EagerLayerCall.build(instance, for: array.shape, memoryBudget: budget)
      }
    } catch {
      throw eagerCallError(error, of: instance, site: site, interpreter: interpreter)
    }
    let weights = try WeightValues.current(
      of: instance, interpreter: interpreter, range: site.range)
    try interpreter.budget.allocate(
      count: outputShape.reduce(1, *), size: 4, at: site.range)
    let inTraining =
      (training ?? interpreter.session.callContextTraining)?.isTruthy == true && instance.trainable
    if inTraining,
      let result = try trainingCall(
        instance, on: array, weights: weights, site: site, interpreter: interpreter)
    {
      return result
    }
    let output: Tensor
    do {
      output = try EagerLayerCall.onData(instance) { () throws(KerasError) in
        try EagerLayerCall.run(
          instance, on: array.tensor, outputShape: outputShape, weights: weights,
          keras3: interpreter.kerasVersion == .keras3, engine: interpreter.session.engine)
      }
    } catch {
      throw eagerCallError(error, of: instance, site: site, interpreter: interpreter)
    }
    var result = try IntegerLayerData.value(output, plan: plan, site: site)
    if inTraining, instance.drawsInTraining {
      // Dropout's mask, GaussianNoise's noise: TensorFlow's draws, which ConvBook does not make.
      result = try OwnDraws.mark(
        result, refusingText: true, range: site.range, training: interpreter.session.training)
    }
    if case .array(var tensor) = result,
      let mask = outputMask(of: instance.layer, on: array, outputShape: outputShape)
    {
      tensor.kerasMask = mask
      result = .array(tensor)
    }
    return EagerGradients.layerCall(instance, on: array, result: result, interpreter: interpreter)
  }

  /// `bn(x, training=True)` on constant data: the output normalized with the batch's statistics,
  /// and the layer's moving statistics moved (known values where the old ones and the data were);
  /// nil for a layer whose training mode computes as its inference mode.
  private static func trainingCall(
    _ instance: LayerInstance, on array: NDArray, weights: [String: Tensor], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard instance.layer is BatchNormalization else { return nil }
    let dtype = array.tensorFlowDType ?? array.dtype.rawValue
    guard dtype.hasPrefix("float") else {
      throw .unsupported(
        "ConvBook runs BatchNormalization in training mode on floating-point data only, not on \(dtype) data",
        at: site.range)
    }
    let session = interpreter.session
    let result: (output: Tensor, weights: [String: Tensor])?
    do {
      result = try EagerLayerCall.runTraining(
        instance, on: array.tensor, weights: weights,
        keras3: interpreter.kerasVersion == .keras3)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    guard let result else { return nil }
    let training = session.training
    let moving = instance.nonTrainableVariables.map(\.name)
    let inputOwn = OwnDraws.derives(.array(array), training: training)
    let known =
      !training.ownValuesRead && !array.holdsOwnRandomValues && !inputOwn
      && moving.allSatisfy { training.knownValues(of: $0, in: instance) }
    let own = inputOwn || moving.contains { training.ownDraw(of: $0, in: instance) }
    training.clock += 1
    training.layerValues[ObjectIdentifier(instance)] = (instance, result.weights, training.clock)
    training.mark(instance, moving, known: known, own: own)
    var output = NDArray(tensor: result.output)
    output.tensorFlowDType = "float32"
    return EagerGradients.layerCall(
      instance, on: array, result: .array(output), interpreter: interpreter)
  }

  /// A built-in layer's failure on data. tf-keras names the layer in single quotes when its call
  /// runs eagerly (`base_layer.__call__`'s `layer 'name' (type Class)`), in double quotes when
  /// the call is traced on Keras tensors (`_infer_output_signature`), as the engine words it.
  private static func eagerCallError(
    _ error: KerasError, of instance: LayerInstance, site: CallSite, interpreter: Interpreter
  ) -> CellError {
    var result = Calls.keras(error, at: site.range)
    guard interpreter.kerasVersion == .keras2 else { return result }
    let doubleQuoted = "layer \"\(instance.name)\" (type \(instance.className))"
    let singleQuoted = "layer '\(instance.name)' (type \(instance.className))"
    for prefix in ["Exception encountered when calling ", "Call arguments received by "] {
      result.message = result.message.replacingOccurrences(
        of: prefix + doubleQuoted, with: prefix + singleQuoted)
    }
    return result
  }

  /// A merge layer called on a list of constant data (`layers.Add()([x, shortcut])` on eager
  /// tensors or arrays), which TensorFlow computes at once: float32 data, as Keras casts
  /// floating-point inputs to the layer's dtype.
  static func callMergeLayer(
    _ instance: LayerInstance, on arrays: [NDArray], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    for array in arrays {
      let dtype = array.tensorFlowDType ?? array.dtype.rawValue
      guard dtype.hasPrefix("float") else {
        throw .unsupported(
          "ConvBook runs \(instance.className) on floating-point data only, not on \(dtype) data; cast the data first, e.g. `x.astype(\"float32\")`",
          at: site.range)
      }
      if array.kerasMask != nil {
        throw .unsupported(
          "ConvBook does not support calling \(instance.className) on data that carries a Keras mask (`_keras_mask`) yet",
          at: site.range)
      }
    }
    let weights = try WeightValues.current(
      of: instance, interpreter: interpreter, range: site.range)
    let output: Tensor
    do {
      output = try EagerLayerCall.runMerge(
        instance, on: arrays.map(\.tensor), weights: weights,
        memoryBudget: interpreter.session.limits.modelMemoryBudget)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
    var result = NDArray(tensor: output)
    result.tensorFlowDType = "float32"
    return .array(result)
  }

  /// `layer.compute_mask(inputs, mask=None)` of a layer that makes a mask (`Embedding(mask_zero=
  /// True)`, `Masking`) on data: the boolean eager tensor it sets as `_keras_mask`, or None for
  /// an Embedding without `mask_zero`.
  static func computeMask(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let arguments = StandardArguments(
      function: "compute_mask", positional: positional, keywords: keywords, site: site,
      interpreter: interpreter)
    let given = try arguments.bind([("inputs", nil), ("mask", Value.none)]).values
    guard case .array(let data)? = given["inputs"] else {
      throw .unsupported(
        "ConvBook computes a layer's mask of data (an array or an eager tensor) only",
        at: site.range)
    }
    guard let mask = outputMask(of: instance.layer, on: data, outputShape: []) else {
      return .none
    }
    return .array(
      try make(.bool, shape: mask.shape, values: mask.values.map { $0 ? 1 : 0 }, range: site.range))
  }

  /// The `_keras_mask` of a layer's output on data: the one `Embedding(mask_zero=True)` (index
  /// not 0) or `Masking` (some feature not the mask value) makes, or the input's, passed on by a
  /// layer that carries masks and keeps its leading axes.
  static func outputMask(of layer: any Layer, on input: NDArray, outputShape: [Int])
    -> KerasMaskValues?
  {
    switch layer {
    case let embedding as Embedding where embedding.maskZero:
      return KerasMaskValues(shape: input.shape, values: input.scalars.map { $0 != 0 })
    case let masking as Masking:
      guard let features = input.shape.last, features > 0 else { return nil }
      let value = Float(masking.maskValue)
      let scalars = input.scalars
      let rows = scalars.count / features
      let values = (0..<rows).map { row in
        scalars[(row * features)..<((row + 1) * features)].contains { $0 != value }
      }
      return KerasMaskValues(shape: Array(input.shape.dropLast()), values: values)
    default:
      guard let mask = input.kerasMask, KerasMask.carries(layer),
        outputShape.count >= mask.shape.count,
        Array(outputShape.prefix(mask.shape.count)) == mask.shape
      else { return nil }
      return mask
    }
  }

  /// `model(x)` on constant data: a Sequential model not built yet is built for `x`'s shape, as its
  /// first call builds it; then the model runs as `predict` runs it, on the whole batch at once.
  static func callModel(
    _ model: KerasModel, on given: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard given.rank >= 1 else {
      throw .unsupported(
        "ConvBook runs a model on constant data of one or more axes, not a scalar", at: site.range)
    }
    // A model casts its input to its `Input`'s dtype; a tf-keras call that builds it keeps the
    // data's, a Keras 3 one builds a float32 input.
    let inputDType =
      model.isBuilt
      ? model.tensors?.first?.dtypeName ?? "float32"
      : interpreter.kerasVersion == .keras3 ? "float32" : nil
    try EagerCalls.build(model, onData: given.shape, site: site, interpreter: interpreter)
    try LambdaRebinding.refresh(model, range: site.range, interpreter: interpreter)
    if let message = inputSpecMismatch(model, data: given.shape, interpreter: interpreter) {
      throw CellError(type: "ValueError", message: message, range: site.range)
    }
    if interpreter.kerasVersion == .keras3, model.isBuilt,
      let message = keras3BatchMismatch(
        model, shape: given.shape, dtype: given.dtype, training: "None",
        asTensor: given.tensorFlowDType != nil, interpreter: interpreter)
    {
      throw CellError(type: "ValueError", message: message, range: site.range)
    }
    var array = given
    array.shape = model.conformedInputShapes([given.shape])[0]
    if (model.graph?.inputs.count ?? 1) == 1,
      let error = model.tfKerasDataCallError(on: array.shape)
    {
      throw Calls.keras(error, at: site.range)
    }
    let plan = try IntegerLayerData.plan(
      model.flattenedLayers.filter { !$0.isInputLayer }, array: array, inputDType: inputDType,
      site: site, interpreter: interpreter)
    if let graph = model.graph, graph.inputs.count != 1 {
      throw .unsupported(
        "ConvBook runs a model with several inputs on constant data with `predict`, not by calling it",
        at: site.range)
    }
    if let recorded = try EagerGradients.modelCall(
      model, on: array, site: site, interpreter: interpreter)
    {
      return structured(recorded, of: model, session: interpreter.session)
    }
    if let outputs = try EagerGradients.trainingCall(
      model, on: array, site: site, interpreter: interpreter)
    {
      return structured(outputs, of: model, session: interpreter.session)
    }
    if let graph = model.graph, graph.outputs.count > 1 {
      return try callSeveral(model, on: array, site: site, interpreter: interpreter)
    }
    let memory = interpreter.session.limits.modelMemoryBudget
    do {
      // Refused before any weight is drawn when the pass would not fit.
      try ForwardPass.check(
        try ForwardPass.estimate(model: model, inputShape: array.shape), budget: memory,
        model: model, batch: array.shape[0])
      let weights = try interpreter.session.training.runningWeights(of: model, memoryBudget: memory)
      let pass = ForwardPass(
        model: model, weights: weights, memoryBudget: memory,
        keras3: interpreter.kerasVersion == .keras3, engine: interpreter.session.engine)
      let output = try pass.run(array.tensor)
      try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
      return try IntegerLayerData.value(output, plan: plan, site: site)
    } catch let error as CellError {
      throw error
    } catch let error as ForwardError {
      // A message of ConvBook's own (its time budget, a kernel TensorFlow lacks) stands alone.
      if error.kind == .stopped || error.message.hasPrefix("ConvBook") {
        throw .unsupported(error.message, at: site.range)
      }
      // Keras' own checks ran when the model was built; what remains is ConvBook's.
      throw .unsupported(
        "ConvBook cannot run the model \(model.name) on this data: \(error.message)", at: site.range
      )
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
  }

  /// Keras' check of a built model's own input spec against data of shape `data`, before the
  /// data is conformed to its rank (`KerasModel.inputSpecMismatch`: images of 244 pixels into a
  /// VGG16 made for 224): tf-keras names the model, Keras 3 the input too. Keras 3 checks no spec
  /// of a Sequential model on data (its layers run on it; `keras3BatchMismatch`). Nil where the
  /// data passes. `batchUnknown`: Keras 3 checks the symbolic batch of a step traced for any batch
  /// size (`fit`, `evaluate`), whose batch axis it shows as None.
  static func inputSpecMismatch(
    _ model: KerasModel, data: [Int], batchUnknown: Bool = false, interpreter: Interpreter
  ) -> String? {
    guard let (spec, found) = model.inputSpecMismatch(data, input: 0) else { return nil }
    guard interpreter.kerasVersion == .keras3 else {
      return
        "Input 0 of layer \"\(model.name)\" is incompatible with the layer: expected shape=\(spec), found shape=\(TensorShape.tuple(found))"
    }
    guard (model.graph?.inputs.count ?? 1) == 1,
      let input = model.graph?.inputs[0].producer.name ?? model.inputLayer?.name
    else { return nil }
    let shown = batchUnknown ? [nil] + found.dropFirst().map { Optional($0) } : found.map { $0 }
    return
      "Input 0 with name '\(input)' of layer '\(model.name)' is incompatible with the layer: expected shape=\(spec), found shape=\(TensorShape.tuple(shown))"
  }

  /// How data reaches a model's `call`: an array the model is called on (`model(x)`), or the
  /// symbolic batch of a step Keras traced on a batch of known size (`predict`) or of any size
  /// (`fit`, `evaluate`).
  enum DataCall {
    case eager, tracedBatch, tracedAnyBatch
  }

  /// Keras 3's error for a batch of data (`shape` as given, of NumPy's `dtype`) that its model's
  /// input does not fit, as `predict` (`training` "False"), `fit` ("True"), `evaluate` ("False")
  /// or a call of the model on the array ("None") raises it: a functional model's own input spec,
  /// naming the input; else, the batch made the input's rank, the first layer of a chain whose
  /// input spec fails, in `Sequential.call()`'s or `Functional.call()`'s text with the batch as
  /// Keras converted it (floats as float32); a Sequential model's traced batch of another rank,
  /// its functional model's "Invalid input shape" naming its input's symbolic tensor. `asTensor`:
  /// false where the data reaches `Functional.call()` as a NumPy array (a functional model called
  /// on one), which Keras 3 prints by value: not reproduced. Nil where ConvBook does not know
  /// Keras 3's error.
  static func keras3BatchMismatch(
    _ model: KerasModel, shape: [Int], dtype: NDArray.DType, training: String,
    asTensor: Bool = true, call dataCall: DataCall = .eager, interpreter: Interpreter
  ) -> String? {
    let anyBatch = dataCall == .tracedAnyBatch
    if let message = inputSpecMismatch(
      model, data: shape, batchUnknown: anyBatch, interpreter: interpreter)
    {
      return message
    }
    let call = model.kind == .sequential ? "Sequential.call()" : "Functional.call()"
    let converted: String
    switch dtype {
    case _ where model.kind != .sequential && !asTensor: return nil
    case .float32, .float64: converted = "float32"
    case .int32: converted = "int32"
    case .int64: converted = "int64"
    case .bool, .uint8: return nil
    }
    // The batch as the traced step sees it.
    func shown(_ shape: [Int]) -> [Int?] {
      anyBatch && !shape.isEmpty ? [nil] + shape.dropFirst().map { Optional($0) } : shape.map { $0 }
    }
    let batch = TensorShape.tuple(shown(shape))
    // The layers run on the batch made the input's rank; of another rank Keras 3 raises its
    // "Invalid input shape" (`Functional._adjust_input_rank`), which ConvBook reproduces where the
    // batch is a traced step's symbolic tensor (`data:0`), not an array Keras prints by value.
    let conformed = model.conformedInputShapes([shape])[0]
    let inner: String
    if let declared = model.inputShape, conformed.count != declared.rank {
      guard model.kind == .sequential, dataCall != .eager,
        let input = model.inputLayer?.tensorName
      else { return nil }
      inner =
        "Invalid input shape for input Tensor(\"data:0\", shape=\(batch), dtype=\(converted)) with name '\(input)' and path ''. Expected shape \(declared), but input has incompatible shape \(batch)"
    } else {
      guard conformed.count == model.inputShape?.rank,
        let error = model.keras3BatchError(on: shown(conformed))
      else { return nil }
      inner = error
    }
    return
      "Exception encountered when calling \(call).\n\n\u{1B}[1m\(inner)\u{1B}[0m\n\nArguments received by \(call):\n  • inputs=tf.Tensor(shape=\(batch), dtype=\(converted))\n  • training=\(training)\n  • mask=None\n  • kwargs=<class 'inspect._empty'>"
  }

  /// The outputs of a call of a model with several outputs on data, in the structure the model
  /// was given (`outputs=[z_mean, z_log_var, z]` gives a list); one output as it is.
  static func structured(_ outputs: [Value], of model: KerasModel, session: KerasSession)
    -> Value
  {
    guard outputs.count > 1, let graph = model.graph else { return outputs[0] }
    let given = session.modelStructures[ObjectIdentifier(model)]?.outputs
    return Calls.restructured(
      given ?? .list(PythonList(graph.outputs.map { .kerasTensor($0) })),
      modelOutputs: graph.outputs, callOutputs: outputs)
  }

  /// A model with several outputs run on data (one input), as `predict` runs it.
  private static func callSeveral(
    _ model: KerasModel, on array: NDArray, site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let memory = interpreter.session.limits.modelMemoryBudget
    do {
      try ForwardPass.check(
        try ForwardPass.estimate(model: model, inputShapes: [array.shape]), budget: memory,
        model: model, batch: array.shape[0])
      let weights = try interpreter.session.training.runningWeights(of: model, memoryBudget: memory)
      let pass = ForwardPass(
        model: model, weights: weights, memoryBudget: memory,
        keras3: interpreter.kerasVersion == .keras3, engine: interpreter.session.engine)
      let outputs = try pass.run(inputs: [array.tensor])
      for output in outputs {
        try interpreter.budget.allocate(count: output.count, size: 4, at: site.range)
      }
      return structured(outputs.map(value), of: model, session: interpreter.session)
    } catch let error as CellError {
      throw error
    } catch let error as ForwardError {
      // A message of ConvBook's own (its time budget, a kernel TensorFlow lacks) stands alone.
      if error.kind == .stopped || error.message.hasPrefix("ConvBook") {
        throw .unsupported(error.message, at: site.range)
      }
      throw .unsupported(
        "ConvBook cannot run the model \(model.name) on this data: \(error.message)", at: site.range
      )
    } catch {
      throw .unsupported("\(error)", at: site.range)
    }
  }

  /// `tf.reshape(tensor, shape)` of an eager tensor: a list, tuple or TensorShape of sizes, one of
  /// which may be -1.
  static func reshape(_ array: NDArray, _ shapeValue: Value?, path: String, range: SourceRange)
    throws(CellError) -> Value
  {
    func limitation(_ what: String) -> CellError {
      .unsupported("ConvBook does not support `\(path)` \(what) yet", at: range)
    }
    var items: [Value]
    switch shapeValue {
    case .tensorShape(let dimensions)?: items = dimensions.map { $0.map(Value.int) ?? .none }
    case let value?: items = value.sequenceItems ?? []
    case nil: items = []
    }
    if case .int(let size)? = shapeValue { items = [.int(size)] }
    var sizes: [Int] = []
    for item in items {
      guard case .int(let size) = item else {
        throw limitation("with the shape \(PythonText.repr(shapeValue ?? .none))")
      }
      sizes.append(size)
    }
    // TensorFlow's `ReshapeOp`: the sizes are checked left to right (one -1; none below it; a
    // running product of the shape within 64 bits, 0 absorbing the rest), and the -1 is the
    // input's size over the product of the other sizes, both leaving out zero sizes when the
    // requested shape has one: `(0,)` to `(-1, 0)` is `(1, 0)` (hostile batch4 d15), `(0, 3)` to
    // `(0, -1)` is `(0, 3)`.
    func failure(_ message: String) -> CellError {
      CellError(
        type: EagerArithmetic.invalidArgument,
        message:
          "{{function_node __wrapped__Reshape_device_/job:localhost/replica:0/task:0/device:CPU:0}} \(message) [Op:Reshape]",
        range: range)
    }
    var unknown: Int?
    var product = 1
    var elements = 1
    var requestsZero = false
    var productOverflows = false
    for (index, size) in sizes.enumerated() {
      if size == -1 {
        if let first = unknown {
          throw failure("Only one input size may be -1, not both \(first) and \(index)")
        }
        unknown = index
      } else if size < 0 {
        throw failure("Size \(index) must be non-negative, not \(size)")
      } else if size == 0 {
        requestsZero = true
        elements = 0
      } else {
        let (next, overflow) = elements.multipliedReportingOverflow(by: size)
        guard !overflow else {
          throw failure(
            "Shape [\(sizes.map(String.init).joined(separator: ", "))] has too many elements")
        }
        elements = next
        // Beyond the running product, which is within 64 bits, only with sizes after a zero
        // (`(0, 2**62, 4)`, refused below as a shape of 0 values when there is no -1).
        let (known, knownOverflow) = product.multipliedReportingOverflow(by: size)
        productOverflows = productOverflows || knownOverflow
        product = known
      }
    }
    if unknown != nil, productOverflows {
      throw .unsupported(
        "ConvBook does not support `\(path)` with a -1 beside sizes whose product passes 64 bits",
        at: range)
    }
    if let unknown {
      var inputElements = 1
      var inputHasZero = false
      for size in array.shape {
        if size > 0 || !requestsZero {
          guard let next = try? Exact.multiply(inputElements, size) else {
            throw .unsupported(
              "ConvBook does not support `\(path)` of a tensor whose nonzero sizes multiply past 64 bits",
              at: range)
          }
          inputElements = next
        } else {
          inputHasZero = true
        }
      }
      let missing = inputElements / product
      if !inputHasZero, product * missing != inputElements {
        throw failure(
          "Input to reshape is a tensor with \(inputElements) values, but the requested shape requires a multiple of \(product)"
        )
      }
      sizes[unknown] = missing
    }
    // No overflow: a zero size makes it 0, else it is the checked `elements` times `missing`,
    // which the multiple check bounds by the input's size.
    let requested = (try? Exact.product(sizes)) ?? Int.max
    guard requested == array.count else {
      throw failure(
        "Input to reshape is a tensor with \(array.count) values, but the requested shape has \(requested)"
      )
    }
    try ArrayOperations.requireWalkableEmptyShape(sizes, range: range)
    var reshaped = array
    reshaped.shape = sizes
    return .array(reshaped)
  }
}
