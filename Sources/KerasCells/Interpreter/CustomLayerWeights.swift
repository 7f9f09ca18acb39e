import CNNEngine

/// Custom layers with weights of their own and custom layers called on lists.
///
/// A custom layer's `build(input_shape)` runs at its first call, before `call` is traced, as
/// Keras' `__call__` runs it. Each `self.add_weight(...)` there becomes a `CustomWeight` node on
/// the symbolic input, whose tensor stands for the variable in `call` (`tf.matmul(inputs,
/// self.w) + self.b`): the traced graph then holds the weights, so the summary counts them as the
/// custom layer's, and the forward pass and training run through them.
///
/// A custom layer called on a list of tensors (`Sampling()([z_mean, z_log_var])`) whose `call`
/// is tensor arithmetic becomes a `Lambda` of that program, classed as the Python class.
extension KerasSubclassing {
  /// `self.add_weight(...)` and `self.build(...)` of a custom layer; nil for other names.
  static func layerAttribute(_ name: String, of instance: PythonInstance) -> Value? {
    guard instance.layerState != nil,
      name == "add_weight" || (name == "get_config" && instance.type.kerasBase == "Layer")
    else { return nil }
    return .method(receiver: .instance(instance), name: name)
  }

  /// Runs `build(input_shape)` when the class defines one (Keras passes a `TensorShape` in
  /// tf-keras, a tuple in Keras 3; a list of them for a call on a list).
  static func runBuild(
    _ instance: PythonInstance, state: CustomLayerState, on inputs: [KerasTensor],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard let (build, _) = instance.type.lookup("build"), !state.runsOwnBuild else { return }
    let shapes = inputs.map {
      TensorShapeValue.make($0.shape.dimensions, interpreter: interpreter)
    }
    state.buildingInput = inputs[0]
    defer { state.buildingInput = nil }
    // Keras runs `build` once, even where it runs `call` twice (`KerasSubclassing.call`).
    _ = try interpreter.kerasNames.withoutRecording { () throws(CellError) in
      try interpreter.callClassMember(
        build, receiver: .instance(instance), receiverClass: instance.type,
        positional: [inputs.count == 1 ? shapes[0] : .list(PythonList(shapes))], keywords: [],
        site: site)
    }
  }

  /// `add_weight` as each Keras binds it: tf-keras' `(name=None, shape=None, dtype=None,
  /// initializer=None, regularizer=None, trainable=None, constraint=None, ...)`, Keras 3's
  /// `(shape=None, initializer=None, dtype=None, trainable=True, autocast=True, regularizer=None,
  /// constraint=None, aggregation='none', overwrite_with_gradient=False, name=None)`.
  static func addWeight(
    _ instance: PythonInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter, keras3Path: String? = nil
  ) throws(CellError) -> Value {
    guard let state = instance.layerState else {
      throw CellError(
        type: "RuntimeError",
        message: "You must call `super().__init__()` in the layer constructor.", range: site.range)
    }
    let keras3 = interpreter.kerasVersion == .keras3
    let order =
      keras3
      ? [
        "shape", "initializer", "dtype", "trainable", "autocast", "regularizer", "constraint",
        "aggregation", "overwrite_with_gradient", "name",
      ]
      : [
        "name", "shape", "dtype", "initializer", "regularizer", "trainable", "constraint",
        "use_resource", "synchronization", "aggregation",
      ]
    if keras3, case .string(let given)? = positional.first {
      throw CellError(
        type: "ValueError",
        message:
          "`name` must be passed as a keyword argument. Received: add_weight(\(PythonText.repr(.string(given))), ...). Use: add_weight(shape=..., name=\(PythonText.repr(.string(given)))).",
        range: site.range)
    }
    var arguments: [String: Value] = [:]
    guard positional.count <= order.count else {
      throw CellError(
        type: "TypeError",
        message:
          "Layer.add_weight() takes from 1 to \(order.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    for (label, value) in zip(order, positional) { arguments[label] = value }
    for (label, value) in keywords {
      guard order.contains(label) else {
        if keras3 {
          throw CellError(
            type: "TypeError",
            message: "Layer.add_weight() got an unexpected keyword argument '\(label)'",
            range: site.range)
        }
        throw .unsupported(
          "ConvBook does not support the argument `\(label)` of add_weight() yet", at: site.range)
      }
      guard arguments[label] == nil else {
        throw CellError(
          type: "TypeError",
          message: "Layer.add_weight() got multiple values for argument '\(label)'",
          range: site.range)
      }
      arguments[label] = value
    }
    func given(_ label: String) -> Value? {
      guard let value = arguments[label] else { return nil }
      if case .none = value { return nil }
      return value
    }
    // Kept on the weight's node: training adds an L1/L2 penalty and refuses the rest by name.
    var regularizer = ArgumentValue.none
    var constraint = ArgumentValue.none
    if let value = given("regularizer") {
      regularizer = try ArgumentConversion.argument(value, range: site.range)
    }
    if let value = given("constraint") {
      constraint = try ArgumentConversion.argument(value, range: site.range)
    }
    // `dtype="float32"`, `tf.float32`, `np.float32`: the weights Keras makes by default.
    if let dtype = given("dtype"), EagerDType(requested: dtype) != .float32 {
      throw .unsupported(
        "ConvBook supports float32 weights only; add_weight(dtype=\(PythonText.repr(dtype)))",
        at: site.range)
    }
    if state.buildingInput == nil, state.layer != nil {
      throw .unsupported(
        "ConvBook does not support add_weight() after a custom layer's first call (\(instance.type.name))",
        at: site.range)
    }
    var shape: [Int] = []
    if let given = given("shape") {
      var items = given.sequenceItems ?? given.tensorShapeAsTuple.sequenceItems
      // A size without a tuple (`shape=(n)`): Keras 3's `standardize_shape` refuses what is not
      // iterable; tf-keras' `TensorShape(n)` takes an int as one dimension.
      if keras3, let message = Keras3Wording.shapeConversionError(given) {
        throw CellError(type: "ValueError", message: message, range: site.range)
      }
      if case .int = given { items = [given] }
      guard let items else {
        throw .unsupported(
          "ConvBook's add_weight() takes a shape given as a tuple or list of sizes, not \(given.typeName)",
          at: site.range)
      }
      for item in items {
        guard case .int(let size) = item, size >= 0 else {
          throw .unsupported(
            "ConvBook's add_weight() takes known, non-negative sizes; the shape \(PythonText.repr(given)) has \(PythonText.repr(item))",
            at: site.range)
        }
        shape.append(size)
      }
    }
    let trainable: Bool
    switch arguments["trainable"] ?? .none {
    case .none: trainable = true
    case .bool(let flag): trainable = flag
    case let other:
      trainable = other.isTruthy
    }
    let initializer: ArgumentValue
    switch arguments["initializer"] ?? .none {
    case .none: initializer = .string("glorot_uniform")
    case let given: initializer = try ArgumentConversion.argument(given, range: site.range)
    }
    let weightName: String
    if case .string(let given)? = arguments["name"] {
      weightName = given
    } else {
      // Keras 3 names an unnamed variable from the session's counter of object names (`variable`,
      // `variable_1`, ... across all layers, as `auto_name` does); tf-keras calls each `Variable`.
      weightName = keras3 ? interpreter.kerasNames.uniqueName("variable") : "Variable"
    }
    var nodeName = state.name + "/" + weightName
    var suffix = 1
    while state.weightNodes.contains(where: { $0.name == nodeName }) {
      nodeName = state.name + "/" + weightName + "_\(suffix)"
      suffix += 1
    }
    let spec = WeightSpec(weightName, shape, trainable: trainable, initializer: initializer)
    do {
      _ = try spec.exactCount()
    } catch {
      throw .unsupported(
        "ConvBook refuses a weight of \(shape) values: its size overflows 64-bit integers",
        at: site.range)
    }
    // tf-keras makes a weight of `__init__` outside the layer's name scope (`Variable:0`); one of
    // `build` is under the name scopes of the custom layers being traced (`outer/inner/w:0`).
    let scopes = interpreter.session.variableScopes
    let building = state.buildingInput != nil && scopes.last == state.name
    var scope =
      building
      ? scopes.joined(separator: "/") : state.buildingInput == nil && !keras3 ? "" : state.name
    // A Keras 3 `keras.Variable` keeps the path of where it was made (`add_weight` opens the
    // layer's name scope, a variable made in `__init__` has none).
    if let keras3Path {
      scope = keras3Path.split(separator: "/").dropLast().joined(separator: "/")
    }
    let node = LayerInstance(
      CustomWeight(
        name: nodeName, spec: spec, regularizer: regularizer, constraint: constraint,
        scope: scope))
    TensorFlowSeeds.assignWeight(node, spec: spec, session: interpreter.session)
    if building, scopes.count > 1 {
      node.weightScope = scopes.dropLast().joined(separator: "/")
    }
    state.weightNodes.append(node)
    guard let input = state.buildingInput else {
      // Made in `__init__`: the variable stands in the attributes until the first call, which
      // puts the node's tensor in its place while `call` is traced (`withPendingWeights`).
      // (The variable the layer's `weights` list once the node is in its graph: the same one.)
      let variable = WeightVariable(layerName: nodeName, spec: spec, scope: scope, owner: node)
      state.pendingWeights.append((variable, node))
      return .variable(variable)
    }
    do {
      return .kerasTensor(try input.apply(node))
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }

  /// tf-keras forgets the variable an attribute of a custom layer or model held when the attribute
  /// is set again (a subclass's `__init__` replacing its base's `self.pos_embedding`), unless
  /// another attribute still holds it: its node leaves the weights, before the first call.
  static func untrackReplacedVariable(named name: String, in instance: PythonInstance) {
    guard let state = instance.layerState, state.layer == nil,
      case .variable(let old)? = instance.attributes[name], let node = old.owner,
      state.weightNodes.contains(where: { $0 === node })
    else { return }
    let heldElsewhere = instance.attributes.contains { other, value in
      guard other != name, case .variable(let variable) = value else { return false }
      return variable.owner === node
    }
    guard !heldElsewhere else { return }
    state.weightNodes.removeAll { $0 === node }
    state.pendingWeights.removeAll { $0.node === node }
  }

  /// A `tf.Variable` (or `K.variable`) set as an attribute of a tf-keras custom layer: tf-keras
  /// tracks it as one of the layer's weights, as `add_weight` would have made it (its name,
  /// shape, trainable flag and values; made in `__init__` outside the layer's name scope,
  /// `alpha:0`, in `build` under it, `mix/alpha:0`). Keras 3 does not track it, but tracks its
  /// own `keras.Variable` the same way (its path as it was made: `alpha`, `mix/alpha`).
  static func trackVariable(
    _ variable: EagerVariable, in instance: PythonInstance, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let (kind, keras) =
      variable.kerasPath == nil ? ("tf.Variable", "tf-keras") : ("keras.Variable", "Keras 3")
    guard let state = instance.layerState else {
      throw .unsupported(
        "ConvBook does not track a \(kind) set as an attribute of a custom model as its weight yet (\(keras) does); make the weight with self.add_weight()",
        at: range)
    }
    let array = variable.array
    guard array.tensorFlowDType ?? "float32" == "float32" else {
      throw .unsupported(
        "ConvBook tracks float32 variables only as a custom layer's weights; \(kind) of dtype \(array.tensorFlowDType ?? "") set on \(instance.type.name)",
        at: range)
    }
    if instance.type.kerasLayerClass != nil {
      // A subclass of a built-in layer (the progressive GAN's `WeightedSum(Add)`): the layer is
      // Keras' own, made when the instance was.
      throw .unsupported(
        "ConvBook does not track a \(kind) set on a subclass of a built-in layer (\(instance.type.name)) as its weight yet (\(keras) does)",
        at: range)
    }
    guard state.buildingInput != nil || state.layer == nil else {
      throw .unsupported(
        "ConvBook does not support a \(kind) set on a custom layer after its first call (\(instance.type.name)) yet",
        at: range)
    }
    guard array.count <= 1 << 16 else {
      throw .unsupported(
        "ConvBook does not track a \(kind) of more than 65,536 values set on a custom layer yet",
        at: range)
    }
    let values = ArgumentValue.object(
      KerasObject(
        typeName: "ndarray",
        arguments: [
          ("shape", .tuple(array.shape.map { .int($0) })),
          ("values", .list(array.scalars.map { .float(Double($0)) })),
        ]))
    let initializer = KerasObject(typeName: "Constant", arguments: [("value", values)])
    let site = CallSite(range: range, calleeRange: range, arguments: [], calleeText: "add_weight")
    return try addWeight(
      instance, positional: [],
      keywords: [
        ("name", .string(variable.name)), ("shape", .tuple(array.shape.map(Value.int))),
        ("initializer", .kerasObject(initializer)), ("trainable", .bool(variable.trainable)),
      ], site: site, interpreter: interpreter, keras3Path: variable.kerasPath)
  }

  /// Runs `body` (the trace of `call`) with every attribute that holds a weight made in
  /// `__init__` set to that weight's node on `input`, then puts the variables back.
  static func withPendingWeights<T>(
    _ instance: PythonInstance, state: CustomLayerState, input: KerasTensor, site: CallSite,
    _ body: () throws(CellError) -> T
  ) throws(CellError) -> T {
    var replaced: [(String, Value)] = []
    for (variable, node) in state.pendingWeights {
      let tensor: KerasTensor
      do {
        tensor = try input.apply(node)
      } catch {
        throw Calls.keras(error, at: site.range)
      }
      for name in instance.attributeOrder {
        guard case .variable(let held)? = instance.attributes[name], held == variable else {
          continue
        }
        replaced.append((name, .variable(held)))
        instance.set(name, .kerasTensor(tensor))
      }
    }
    defer { for (name, value) in replaced { instance.set(name, value) } }
    return try body()
  }

  /// After `call` was traced: each attribute that holds the tensor of a weight `build` added
  /// (`self.w = self.add_weight(...)`) holds that weight's variable again, the one the layer's
  /// `weights` list (`layer.w is layer.weights[0]`, as in Keras).
  static func restoreBuiltWeights(of instance: PythonInstance, state: CustomLayerState) {
    for name in instance.attributeOrder {
      guard case .kerasTensor(let tensor)? = instance.attributes[name],
        let weight = tensor.producer.layer as? CustomWeight,
        state.weightNodes.contains(where: { $0 === tensor.producer })
      else { continue }
      instance.set(
        name,
        .variable(
          WeightVariable(
            layerName: tensor.producer.weightsName, spec: weight.spec, scope: weight.scope,
            owner: tensor.producer)))
    }
  }

  /// `weights`, `trainable_weights`, ... and `built` of a custom layer not called yet, which
  /// holds no layers: the weights its `__init__` added (trainable ones first, as Keras lists
  /// them); nil for other names.
  static func unbuiltAttribute(_ name: String, of instance: PythonInstance) -> Value? {
    guard let state = instance.layerState, state.layer == nil, !holdsLayers(instance) else {
      return nil
    }
    let variables = state.pendingWeights.map(\.variable)
    let trainable = variables.filter { $0.trainable && state.trainable }
    let frozen = variables.filter { !($0.trainable && state.trainable) }
    func list(_ items: [WeightVariable]) -> Value { .list(PythonList(items.map(Value.variable))) }
    switch name {
    case "weights", "variables": return list(trainable + frozen)
    case "trainable_weights", "trainable_variables": return list(trainable)
    case "non_trainable_weights", "non_trainable_variables": return list(frozen)
    case "built": return .bool(false)
    // Nothing added yet: no call, and no weight of `__init__` with a regularizer.
    case "losses"
    where !state.weightNodes.contains(where: {
      $0.layer.common.arguments["regularizer"] != .none
    }):
      return list([])
    // The variables' dtype (`self.dtype` in `build`), Keras' default float32 policy in both.
    case "dtype" where !state.givenOtherDType: return .string("float32")
    default: return nil
    }
  }

  /// The layer a custom layer whose `call` traced to tensor arithmetic alone is: a `Lambda` of
  /// that program, named and classed as the custom layer.
  static func lambdaLayer(
    of instance: PythonInstance, state: CustomLayerState, program: LambdaTrace.Program,
    site: CallSite, interpreter: Interpreter
  ) -> LayerInstance {
    let trace = LambdaTrace()
    trace.program = program
    let layer = Lambda(
      LayerCommon(
        name: state.name, trainable: state.trainable,
        arguments: LayerArguments(className: "Lambda", values: [:])),
      trace: trace, className: instance.type.name)
    let made = LayerInstance(layer)
    interpreter.session.customLayers[ObjectIdentifier(made)] = instance
    interpreter.recordOrigin(of: made, at: site.range)
    return made
  }

  /// Whether a custom layer holds layers as attributes (made in `__init__`), which its `call`
  /// may call.
  static func holdsLayers(_ instance: PythonInstance) -> Bool {
    instance.attributes.values.contains { value in
      switch value {
      case .layer, .model: return true
      case .instance(let held): return held.type.kerasBase != nil
      case .list(let list):
        return list.items.contains { if case .layer = $0 { true } else { false } }
      default: return false
      }
    }
  }

  /// The Keras tensors of a list or tuple argument; nil for anything else.
  static func tensorList(_ value: Value) -> [KerasTensor]? {
    switch value {
    case .list, .tuple:
      var tensors: [KerasTensor] = []
      for item in value.sequenceItems ?? [] {
        guard case .kerasTensor(let tensor) = item else { return nil }
        tensors.append(tensor)
      }
      return tensors.isEmpty ? nil : tensors
    default: return nil
    }
  }

  /// A custom layer called on a list of tensors: its `call` traced on a list of symbolic tensors
  /// at the first call must be tensor arithmetic (no sublayers, no weights); the layer is then a
  /// `Lambda` of that program under the class's name.
  static func callOnList(
    _ instance: PythonInstance, tensors: [KerasTensor], keywords: [(String, Value)],
    site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    guard let state = instance.layerState else {
      _ = try layer(of: instance, on: tensors[0].shape, site: site, interpreter: interpreter)
      return .none
    }
    let type = instance.type
    try InputSpecValue.check(instance, inputs: tensors, layerName: state.name, site: site)
    if state.layer == nil {
      guard type.kerasBase == "Layer", let call = tracedCall(of: type) else {
        throw .unsupported(
          "ConvBook calls custom layers that define call() on lists of Keras tensors only; \(type.name) was called on a list",
          at: site.range)
      }
      let symbolic = tensors.enumerated().map { index, tensor in
        KerasTensor(
          input: InputLayer(
            name: state.name + "_input_\(index)", batchInputShape: tensor.shape,
            arguments: LayerArguments(className: "InputLayer", values: [:])))
      }
      let session = interpreter.session
      let buildTrace = buildsByTracing(instance)
      if type.lookup("build") != nil || !state.pendingWeights.isEmpty || holdsLayers(instance) {
        // Weights, a `build` (given the list of shapes) or sublayers: a graph of several inputs.
        let layer = try session.withScratchNames(version: interpreter.kerasVersion) {
          () throws(CellError) in
          try trace(
            instance, state: state, on: tensors.map(\.shape), asList: true, extra: [],
            keywords: keywords, site: site, interpreter: interpreter,
            callerArguments: [.list(PythonList(tensors.map { .kerasTensor($0) }))])
        }
        state.layer = layer
        state.isBuilt = true
        state.wasCalled = true
        do {
          let outputs = try KerasTensor.call(
            layer, on: tensors, asList: true, names: interpreter.kerasNames,
            namesBefore: buildTrace ? outputCount(of: layer) : 0)
          session.noteKerasNode(of: layer, outputs: outputs)
          return outputs.count == 1 ? .kerasTensor(outputs[0]) : Calls.value(of: outputs)
        } catch {
          throw Calls.keras(error, at: site.range)
        }
      }
      let argument = Value.list(PythonList(symbolic.map { .kerasTensor($0) }))
      // Keras 3 runs `call` here unless the class declares its output shape (`trace`).
      let outerStrictness = session.keras3LambdaInference
      session.keras3LambdaInference =
        interpreter.kerasVersion == .keras3 && type.lookup("compute_output_shape") == nil
      defer { session.keras3LambdaInference = outerStrictness }
      let (result, created, _) = try EagerCalls.wrappingErrors(
        of: instance, positional: [argument], keywords: keywords, site: site,
        interpreter: interpreter,
        symbolicCall: ([.list(PythonList(tensors.map { .kerasTensor($0) }))], keywords)
      ) { () throws(CellError) in
        try session.tracingCall { () throws(CellError) in
          try interpreter.callClassMember(
            call, receiver: .instance(instance), receiverClass: type, positional: [argument],
            keywords: keywords, site: site)
        }
      }
      guard created.isEmpty, case .kerasTensor(let output) = result,
        let program = LambdaTrace.program(inputs: symbolic, output: output)
      else {
        throw .unsupported(
          "ConvBook runs custom layers called on a list of tensors when their call() is tensor arithmetic and TensorFlow / keras.ops functions returning one tensor; \(type.name).call does more",
          at: site.range)
      }
      // Keras 3 takes the output shape from a declared `compute_output_shape`, which ConvBook
      // does not run: an axis the trace leaves unknown would differ.
      if interpreter.kerasVersion == .keras3, type.lookup("compute_output_shape") != nil,
        output.shape.dimensions.dropFirst().contains(where: { $0 == nil })
      {
        throw .unsupported(
          "ConvBook does not support \(type.name).compute_output_shape yet (Keras 3 takes the layer's output shape from it; the traced call() leaves an axis of unknown size)",
          at: site.range)
      }
      state.layer = lambdaLayer(
        of: instance, state: state, program: program, site: site, interpreter: interpreter)
    }
    state.isBuilt = true
    state.wasCalled = true
    do {
      let output = try KerasTensor.apply(
        state.layer!, to: tensors, asList: true, names: interpreter.kerasNames)
      interpreter.session.noteKerasNode(of: state.layer!, outputs: [output])
      return .kerasTensor(output)
    } catch {
      throw Calls.keras(error, at: site.range)
    }
  }
}

extension KerasSubclassing {
  /// What tracing runs for a class's `call`: the method, or the function a `@tf.function`
  /// decorated (Keras traces it on symbolic tensors either way).
  static func tracedCall(of type: PythonClass) -> Value? {
    guard let (member, _) = type.lookup("call") else { return nil }
    if case .function(let callable) = member, case .descriptor(let descriptor) = callable.kind,
      descriptor.kind == .tfFunction
    {
      return descriptor.function
    }
    return member
  }

  /// The Python function a class's `call` is (through `@tf.function` too).
  static func callFunction(of type: PythonClass) -> UserFunction? {
    guard let (member, _) = type.lookup("call"), case .function(let callable) = member else {
      return nil
    }
    switch callable.kind {
    case .user(let function): return function
    case .descriptor(let descriptor):
      guard case .function(let inner) = descriptor.function, case .user(let function) = inner.kind
      else { return nil }
      return function
    default: return nil
    }
  }

  /// The keywords Keras' `__call__` adds for a `call` that takes `training`: tf-keras passes
  /// `training=None` when the caller gave none (outside `fit`, no learning phase is set).
  /// `context`: the `training` value of the custom layer whose `call` is calling this one, which
  /// Keras passes on to a layer called without it (its call context). A `call(self, inputs,
  /// **kwargs)` takes `training` in tf-keras, which passes it in `kwargs` (given or not), not in
  /// Keras 3, which drops it.
  static func frameworkKeywords(
    for type: PythonClass, given keywords: [(String, Value)], positionalCount: Int = 1,
    context: Value? = nil, keras3: Bool
  ) -> [(String, Value)] {
    var keywords = keywords
    guard let function = callFunction(of: type) else { return keywords }
    let named = function.parameters.contains { $0.name == "training" }
    let variadic = function.parameters.contains { $0.kind == .variadicKeywords }
    // Keras' `__call__` drops `training=` for a `call` that does not take it.
    if !named, keras3 || !variadic {
      keywords.removeAll { $0.0 == "training" }
    }
    if !named, !keras3, variadic {
      if keywords.contains(where: { $0.0 == "training" }) { return keywords }
      return keywords + [("training", context ?? .none)]
    }
    // `training` given positionally (`self.block(x, training)`) is not added again.
    guard let index = function.parameters.dropFirst().firstIndex(where: { $0.name == "training" }),
      index - 1 >= positionalCount,
      !keywords.contains(where: { $0.0 == "training" })
    else { return keywords }
    // Keras passes the caller's, or else the default of `call`'s `training` (None when it has
    // none).
    return keywords + [("training", context ?? function.defaults["training"] ?? .none)]
  }

  /// Keras 3's check of a layer added to a Sequential model: its `call` may require one
  /// positional argument only.
  static func checkSequentialCall(_ type: PythonClass, interpreter: Interpreter, range: SourceRange)
    throws(CellError)
  {
    guard interpreter.kerasVersion == .keras3, let function = callFunction(of: type) else { return }
    let required = function.parameters.dropFirst().filter {
      $0.kind == .positional && function.defaults[$0.name] == nil
    }
    guard required.count > 1 else { return }
    throw CellError(
      type: "ValueError",
      message:
        "Layers added to a Sequential model can only have a single required positional argument, the input tensor. Layer \(type.name) has multiple required positional arguments: [\(required.map { "<Parameter \"\($0.name)\">" }.joined(separator: ", "))]",
      range: range)
  }
}
