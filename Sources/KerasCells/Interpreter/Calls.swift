import CNNEngine

/// What calling a value does: creating layers and models, Keras methods, and Python built-ins.
enum Calls {
  static func call(
    _ callee: Value, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let result = try callValue(
      callee, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    // A layer made with the script's own initializer calls it when it builds (`ScriptInitializers`).
    if !interpreter.session.pendingInitializers.isEmpty {
      try ScriptInitializers.runBuilt(site: site, interpreter: interpreter)
    }
    return result
  }

  private static func callValue(
    _ callee: Value, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if let result = try interpreter.callClassValue(
      callee, positional: positional, keywords: keywords, site: site)
    {
      return result
    }
    switch callee {
    case .function(let callable):
      // A class or function of `tf_keras` in a Keras 3 session makes tf-keras objects.
      // A TensorFlow function on tf-keras tensors is a tf-keras `TFOpLambda`.
      let package =
        callable.kerasVersion
        ?? KerasPackages.tensorPackage(
          of: callable, positional: positional, interpreter: interpreter)
      return try interpreter.inPackage(package) { () throws(CellError) in
        if case .mergeFunction = callable.kind {
          try KerasPackages.checkCall(
            of: callee, on: positional, interpreter: interpreter, site: site)
        }
        return try callFunction(
          callable, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      }
    case .method(let receiver, let name):
      return try interpreter.inPackage(interpreter.session.package(of: receiver)) {
        () throws(CellError) in
        try Methods.call(
          name, on: receiver, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      }
    case .layer(let instance):
      return try interpreter.inPackage(interpreter.session.package(of: callee)) {
        () throws(CellError) in
        try KerasPackages.checkCall(
          of: callee, on: positional, interpreter: interpreter, site: site)
        let result = try callLayer(
          instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
        noteCallKeywords(keywords, of: result, session: interpreter.session)
        return result
      }
    case .model(let model)
    where positional.count == 1 && keywords.allSatisfy({ $0.0 == "training" || $0.0 == "mask" }):
      return try interpreter.inPackage(interpreter.session.package(of: callee)) {
        () throws(CellError) in
        try KerasPackages.checkCall(
          of: callee, on: positional, interpreter: interpreter, site: site)
        let result = try callModel(
          model, on: positional[0], keywords: keywords, site: site, interpreter: interpreter)
        noteCallKeywords(keywords, of: result, session: interpreter.session)
        return result
      }
    case .model(let model) where positional.count == 2 && keywords.allSatisfy({ $0.0 == "mask" }):
      // `self.shortcut(x, training)`: a model's `call(inputs, training=None, mask=None)` takes
      // `training` second in tf-keras. Keras 3's Sequential takes only tensors positionally; its
      // functional models take anything, and `__call__` then passes `training` again as a
      // keyword unless it is None (`_resolve_and_populate_arg`).
      let checked = Keras3StepTrace.checked(
        positional, site: site, interpreter: interpreter,
        callee: model.kind == .functional ? .functionalModel : .layer)
      if interpreter.kerasVersion == .keras3, model.kind == .functional {
        guard checked[1].isNone else {
          throw CellError(
            type: "TypeError",
            message: "Functional.call() got multiple values for argument 'training'",
            range: site.range)
        }
        return try call(
          callee, positional: [positional[0]], keywords: keywords, site: site,
          interpreter: interpreter)
      }
      try EagerCalls.checkPositional(checked, site: site, interpreter: interpreter)
      return try call(
        callee, positional: [positional[0]], keywords: keywords + [("training", positional[1])],
        site: site, interpreter: interpreter)
    case .model(let model):
      throw .unsupported(
        "calling the model \(model.name) runs it on data, which ConvBook cells do not do; use `convbook predict` for a forward pass",
        at: site.range)
    case .standard(let object):
      if let result = try object.call(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return result
      }
      throw CellError(
        type: "TypeError", message: "'\(callee.typeName)' object is not callable", range: site.range
      )
    case .module(.inert(let path)) where path.contains("."):
      if path == TrainTestSplit.path {
        return try TrainTestSplit.call(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      }
      if path == SklearnShuffle.path {
        return try SklearnShuffle.call(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      }
      if let result = try SklearnMetrics.call(
        path, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return result
      }
      if let result = try SklearnDatasets.call(
        path, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return result
      }
      if path == NumPyConvolve.convolve2dPath {
        return try NumPyConvolve.convolve2d(
          positional: positional, keywords: keywords, site: site, budget: interpreter.budget)
      }
      if path == StandardScalerObject.path {
        return try StandardScalerObject.make(positional, keywords, range: site.range)
      }
      if path == MinMaxScalerObject.path {
        return try MinMaxScalerObject.make(positional, keywords, range: site.range)
      }
      if path == OneHotEncoderObject.path {
        return try OneHotEncoderObject.make(positional, keywords, range: site.range)
      }
      if path == LabelBinarizerObject.path {
        return try LabelBinarizerObject.make(positional, keywords, range: site.range)
      }
      // `load_img` of an image that is not there fails as in Python (`MissingFiles`).
      if path.hasSuffix(".load_img"),
        let missing = MissingFiles.firstPath(
          "path", positional: positional, keywords: keywords, session: interpreter.session,
          range: site.range)
      {
        throw missing
      }
      if path.hasSuffix(".image_dataset_from_directory"),
        let missing = MissingFiles.imageDataset(
          positional: positional, keywords: keywords, session: interpreter.session,
          range: site.range)
      {
        throw missing
      }
      // A name imported from a module ConvBook only lets through (`from
      // tensorflow.keras.preprocessing.image import ImageDataGenerator`): Python has a class or a
      // function there, which ConvBook does not run.
      throw .unsupported(
        "\(path) is not available in ConvBook cells: only Keras model code runs here",
        at: site.range)
    case .kerasObject(let object):
      if let rate = try ScheduleObjects.call(
        object, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return rate
      }
      // An initializer object on a shape (`RandomNormal(seed=42)(shape=(1, 1))`).
      if let value = try InitializerCalls.call(
        object, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return value
      }
      // A `keras.losses` object on data (`self.loss_fn(labels, predictions)`).
      if let value = try EagerLosses.callObject(
        object, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return value
      }
      if object.isCallable {
        // Keras can call it (a loss or metric object on Keras tensors): ConvBook's limitation.
        let symbolic = positional.contains { if case .kerasTensor = $0 { true } else { false } }
        throw .unsupported(
          "ConvBook does not support calling a \(callee.typeName) object on \(symbolic ? "Keras tensors" : "these values") yet",
          at: site.range)
      }
      throw CellError(
        type: "TypeError", message: "'\(callee.typeName)' object is not callable", range: site.range
      )
    default:
      throw CellError(
        type: "TypeError", message: "'\(callee.typeName)' object is not callable", range: site.range
      )
    }
  }

  private static func argumentRanges(_ site: CallSite) -> (
    positional: [SourceRange], keyword: [String: SourceRange]
  ) {
    var positional: [SourceRange] = []
    var keyword: [String: SourceRange] = [:]
    for argument in site.arguments {
      if let label = argument.label {
        keyword[label] = argument.range
      } else {
        positional.append(argument.range)
      }
    }
    if positional.isEmpty { positional = [site.range] }
    return (positional, keyword)
  }

  static func convert(_ keywords: [(String, Value)], site: CallSite) throws(CellError) -> [(
    String, ArgumentValue
  )] {
    let ranges = argumentRanges(site).keyword
    var converted: [(String, ArgumentValue)] = []
    for (label, value) in keywords {
      converted.append(
        (label, try ArgumentConversion.argument(value, range: ranges[label] ?? site.range)))
    }
    return converted
  }

  /// The keyword a layer class has that is closest to the one Keras did not understand.
  static func keywordSuggestion(_ message: String, className: String) -> String? {
    let prefix = "('Keyword argument not understood:', '"
    guard message.hasPrefix(prefix), message.hasSuffix("')"),
      let signature = LayerCatalog.entries[className]?.signature
    else { return nil }
    let keyword = String(message.dropFirst(prefix.count).dropLast(2))
    let candidates =
      signature.parameters.map(\.name)
      + (signature.acceptsBaseKeywords ? LayerSignature.baseKeywords.sorted() : [])
    return NameSuggestion.closest(to: keyword, among: candidates)
  }

  /// A wrapper's layer arguments (`Bidirectional(layer, backward_layer=...)`): taken out of the
  /// call's arguments as layers, with placeholders left for binding.
  static func wrappedLayers(_ positional: inout [Value], _ keywords: inout [(String, Value)])
    -> [String: any Layer]
  {
    var wrapped: [String: any Layer] = [:]
    func take(_ value: inout Value, as name: String) {
      guard case .layer(let instance) = value, instance.model == nil else { return }
      wrapped[name] = instance.layer
      value = .kerasObject(KerasObject(typeName: instance.className))
    }
    if !positional.isEmpty { take(&positional[0], as: "layer") }
    for index in keywords.indices where ["layer", "backward_layer"].contains(keywords[index].0) {
      take(&keywords[index].1, as: keywords[index].0)
    }
    return wrapped
  }

  static func keras(_ error: KerasError, at range: SourceRange) -> CellError {
    CellError(type: error.type, message: error.message, range: range)
  }

  private static func callFunction(
    _ callable: Callable, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let session = interpreter.session
    switch callable.kind {
    case .layerClass(let className):
      // `Lambda(function, ...)`: the function stays a cell value, traced at the layer's first call.
      var positional = positional
      let originalKeywords = keywords
      var keywords = keywords
      var lambdaFunction: Value?
      var lambdaArguments: [(String, Value)] = []
      if className == "Lambda" {
        // `arguments={"k": 3.0}`: keywords for the function, passed when it is traced.
        if let index = keywords.firstIndex(where: { $0.0 == "arguments" }) {
          switch keywords[index].1 {
          case .none: break
          case .dictionary(let dictionary):
            for (key, value) in dictionary.pairs {
              guard case .string(let name) = key else {
                throw .unsupported(
                  "ConvBook passes a Lambda's `arguments` as keywords and needs string keys, not \(PythonText.repr(key))",
                  at: site.range)
              }
              lambdaArguments.append((name, value))
            }
          default:
            throw .unsupported(
              "ConvBook takes a Lambda's `arguments` as a dict of keywords, not a value of type '\(keywords[index].1.typeName)'",
              at: site.range)
          }
          keywords.remove(at: index)
        }
        if let index = keywords.firstIndex(where: { $0.0 == "function" }) {
          lambdaFunction = keywords[index].1
          keywords[index].1 = .kerasObject(KerasObject(typeName: "function"))
        } else if !positional.isEmpty {
          lambdaFunction = positional[0]
          positional[0] = .kerasObject(KerasObject(typeName: "function"))
        }
        // `output_shape=` given as a function of the input shapes: the traced operations give
        // the output's shape (tf-keras infers it so too; Keras 3's call of it gives the same).
        func isFunction(_ value: Value) -> Bool {
          if case .function = value { return true }
          return false
        }
        if let index = keywords.firstIndex(where: { $0.0 == "output_shape" }),
          isFunction(keywords[index].1)
        {
          keywords[index].1 = .kerasObject(KerasObject(typeName: "function"))
        } else if positional.count > 1, isFunction(positional[1]) {
          positional[1] = .kerasObject(KerasObject(typeName: "function"))
        }
      }
      // `kernel_initializer=my_init`: a function of the script, kept for `ScriptInitializers`.
      for index in keywords.indices
      where ScriptInitializers.isObjectKeyword(keywords[index].0)
        && CustomActivations.isScriptFunction(keywords[index].1)
      {
        keywords[index].1 = ScriptInitializers.functionArgument(keywords[index].1)
      }
      try IdentifierConfigs.resolve(
        &keywords, className: className, site: site, interpreter: interpreter)
      // tf-keras looks a string activation up among the registered custom objects first.
      let registeredLayer = CustomObjects.registeredActivationLayer(
        keywords.first(where: { $0.0 == "activation" })?.1
          ?? (className == "Activation" ? positional.first : nil),
        interpreter: interpreter)
      if let index = keywords.firstIndex(where: { $0.0 == "activation" }) {
        keywords[index].1 = try CustomObjects.activation(
          keywords[index].1, interpreter: interpreter, range: site.range)
      } else if className == "Activation", let first = positional.first {
        positional[0] = try CustomObjects.activation(
          first, interpreter: interpreter, range: site.range)
      }
      // `activation=relu6` (a function of the script): what it computes, the function kept for
      // `layer.activation`.
      let activationFunction =
        keywords.first(where: { $0.0 == "activation" }).map(\.1)
        ?? (className == "Activation" ? positional.first : nil)
      try CustomActivations.resolve(
        className: className, positional: &positional, keywords: &keywords, site: site,
        interpreter: interpreter)
      if interpreter.kerasVersion == .keras2 {
        try TFKerasArguments.convertIntegers(
          className: className, positional: &positional, keywords: &keywords, site: site,
          interpreter: interpreter)
      }
      if interpreter.kerasVersion == .keras3,
        let refusal = Keras3Wording.numpyIntegerRefusal(
          className: className, positional: positional, keywords: keywords)
      {
        throw keras(refusal, at: site.range)
      }
      if let error = KerasTensorDataFormat.error(
        className: className, positional: positional, keywords: keywords,
        keras3: interpreter.kerasVersion == .keras3, range: site.range)
      {
        throw error
      }
      let wrapped = className == "Bidirectional" ? wrappedLayers(&positional, &keywords) : [:]
      let arguments = try ArgumentConversion.arguments(
        positional, ranges: argumentRanges(site).positional)
      var keywordArguments = try convert(keywords, site: site)
      let keras3 = interpreter.kerasVersion == .keras3
      if keras3 {
        keywordArguments = Keras3Wording.keptKeywords(
          className: className, keywordArguments)
      }
      if keras3,
        let refusal = Keras3Wording.constructorRefusal(
          className: className, positional: arguments, keywords: keywordArguments,
          names: interpreter.kerasNames)
      {
        throw keras(refusal, at: site.range)
      }
      if className == "RNN" || className == "StackedRNNCells",
        let cell = keywords.first(where: { $0.0 == "cell" || $0.0 == "cells" })?.1
          ?? positional.first
      {
        // Keras shares a cell's weights among the layers that run it; ConvBook's layers each
        // hold their own.
        var given: [Value] = [cell]
        if case .list(let items) = cell { given = items.items }
        for case .layer(let used) in given {
          guard
            interpreter.session.usedRecurrentCells.updateValue(used, forKey: ObjectIdentifier(used))
              == nil
          else {
            throw .unsupported(
              "ConvBook does not support running the cell \(used.name) in two layers yet (Keras shares its weights)",
              at: site.range)
          }
        }
      }
      do {
        let layer: any Layer
        if let inner = wrapped["layer"] {
          layer = try LayerCatalog.makeBidirectional(
            positional: arguments, keywords: keywordArguments, names: interpreter.kerasNames,
            layer: inner, backwardLayer: wrapped["backward_layer"])
        } else {
          layer = try LayerCatalog.make(
            className: className, positional: arguments, keywords: keywordArguments,
            names: interpreter.kerasNames)
        }
        let instance = LayerInstance(layer)
        interpreter.recordOrigin(of: instance, at: site.range)
        interpreter.kerasNames.recordLayer(named: instance.name, className: className)
        TensorFlowSeeds.assign(
          instance, className: className, keywords: keywordArguments,
          session: interpreter.session)
        ScriptInitializers.note(originalKeywords, instance: instance, session: interpreter.session)
        // TensorFlow's own functions too (`activation=tf.nn.softmax`): the layer keeps the function,
        // whose `__name__` is TensorFlow's (`softmax_v2`), not the activation's name.
        if let activationFunction,
          CustomActivations.isScriptFunction(activationFunction)
            || TensorFlowFunctionNames.isTensorFlowActivation(activationFunction)
        {
          interpreter.session.activationFunctions[ObjectIdentifier(instance)] = activationFunction
        }
        if let registeredLayer {
          interpreter.session.registeredLayerActivations[ObjectIdentifier(instance)] =
            registeredLayer
        }
        if className == "RNN" || className == "StackedRNNCells",
          let cell = keywords.first(where: { $0.0 == "cell" || $0.0 == "cells" })?.1
            ?? positional.first
        {
          // A list given to `RNN` is stacked: Keras' `StackedRNNCells` object is not the list.
          if className == "StackedRNNCells" {
            interpreter.session.recurrentCells[ObjectIdentifier(instance)] = ["cells": cell]
          } else {
            if case .layer = cell {
              interpreter.session.recurrentCells[ObjectIdentifier(instance)] = ["cell": cell]
            }
            TensorFlowSeeds.adoptCellSeeds(instance, cell: cell, session: interpreter.session)
          }
        }
        if let lambdaFunction {
          interpreter.session.lambdaFunctions[ObjectIdentifier(instance)] = lambdaFunction
          interpreter.session.lambdaArguments[ObjectIdentifier(instance)] = lambdaArguments
        }
        if keras3 {
          for warning in Keras3Wording.deprecationWarnings(
            className: instance.className, keywords: keywordArguments, range: site.range)
          {
            interpreter.warnOnce(location: warning.site?.location ?? "", warning)
          }
        }
        if keras3,
          let location = Keras3Wording.inputShapeWarningLocation(
            className: instance.className, keywords: keywordArguments)
        {
          interpreter.warnOnce(
            location: location,
            KerasWarning(
              category: "UserWarning", message: Keras3Wording.inputShapeWarning,
              range: site.range,
              site: Keras3WarningSites.inputShapeSite(className: instance.className)))
        }
        return .layer(instance)
      } catch {
        guard keras3 else {
          var reported = keras(error, at: site.range)
          reported.suggestion = keywordSuggestion(reported.message, className: className)
          throw reported
        }
        throw keras(
          Keras3Wording.constructorError(
            error, className: className, keywords: keywordArguments, names: interpreter.kerasNames),
          at: site.range)
      }
    case .inputFunction:
      let arguments = try ArgumentConversion.arguments(
        positional, ranges: argumentRanges(site).positional)
      let keywordArguments = try convert(keywords, site: site)
      do {
        let input = try LayerCatalog.makeInput(
          positional: arguments, keywords: keywordArguments, names: interpreter.kerasNames)
        let tensor = KerasTensor(input: input)
        interpreter.recordOrigin(of: tensor.producer, at: site.range)
        return .kerasTensor(tensor)
      } catch {
        throw keras(error, at: site.range)
      }
    case .sequentialClass:
      return try makeSequential(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .modelClass:
      return try makeFunctional(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .mergeFunction(let className):
      return try callMergeFunction(
        className, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .unsupportedModelClass("model_from_yaml"):
      throw CellError(
        type: "RuntimeError",
        message:
          "Method `model_from_yaml()` has been removed due to security risk of arbitrary code execution. Please use `Model.to_json()` and `model_from_json()` instead.",
        range: site.range)
    case .unsupportedModelClass("model_from_json"):
      return try ModelConfig.fromJSON(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .unsupportedModelClass("clone_model"):
      return try ModelCloning.clone(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .unsupportedModelClass(let name):
      let message: String
      if name == "load_model",
        let missing = MissingFiles.loadModel(
          positional: positional, keywords: keywords, session: interpreter.session,
          range: site.range)
      {
        throw missing
      }
      switch name {
      case "load_model", "model_from_json":
        message = "keras.models.\(name) is not supported: ConvBook builds models from code"
      default:
        message = "ConvBook does not support calling `\(callable.path)` yet"
      }
      throw .unsupported(message, at: site.range)
    case .objectFactory(let name):
      if SymbolicLosses.isSymbolicCall(callable.path, positional, keywords) {
        return try SymbolicLosses.call(
          name, path: callable.path, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      }
      if callable.path.contains("losses."),
        let value = try EagerLosses.callFunction(
          name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return value
      }
      if callable.path.contains("metrics."),
        let metric = try KerasMetricObject.make(
          name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return .standard(metric)
      }
      var objectArguments: [(String, ArgumentValue)] = []
      let ranges = argumentRanges(site).positional
      var positional = positional
      var keywords = keywords
      if callable.path.contains(".optimizers.legacy.") {
        // tf-keras' legacy optimizers take `lr=` and `decay=`; Keras 3 keeps the classes only to
        // say so.
        if interpreter.kerasVersion == .keras3 {
          throw CellError(
            type: "ImportError",
            message:
              "`keras.optimizers.legacy` is not supported in Keras 3. When using `tf.keras`, to continue using a `tf.keras.optimizers.legacy` optimizer, you can install the `tf_keras` package (Keras 2) and set the environment variable `TF_USE_LEGACY_KERAS=True` to configure TensorFlow to use `tf_keras` when accessing `tf.keras`.",
            range: site.range)
        }
      } else if callable.path.contains(".optimizers.") {
        keywords = try OptimizerArguments.check(
          className: name, keywords: keywords, version: interpreter.kerasVersion,
          range: site.range, log: interpreter.writeError)
        if interpreter.kerasVersion == .keras3,
          CompiledModelAttributes.optimizerClasses.values.contains(name),
          !keywords.contains(where: { $0.0 == "name" })
        {
          // Keras 3 names each optimizer from the same counters as layers (`adam`, `adam_1`).
          keywords.append(("name", .string(interpreter.kerasNames.uniqueName(forClass: name))))
        }
      }
      var name = name
      if callable.path.contains("regularizers."),
        let bound = try RegularizerArguments.bind(
          name, positional: positional, keywords: keywords,
          version: callable.kerasVersion ?? interpreter.kerasVersion, range: site.range)
      {
        (name, positional, keywords) = (bound.name, [], bound.keywords)
      }
      if callable.path.contains("callbacks") {
        try CallbackSignatures.bind(
          name, positional: positional.count, keywords: keywords.map(\.0),
          version: callable.kerasVersion ?? interpreter.kerasVersion, range: site.range)
      }
      if name == "LearningRateScheduler", callable.path.contains("callbacks") {
        // The schedule is a cell function: kept by the session, the object holds its index.
        let schedule: Value?
        if let index = keywords.firstIndex(where: { $0.0 == "schedule" }) {
          schedule = keywords.remove(at: index).1
        } else {
          schedule = positional.isEmpty ? nil : positional.removeFirst()
        }
        guard let schedule else {
          throw CellError(
            type: "TypeError",
            message:
              "LearningRateScheduler.__init__() missing 1 required positional argument: 'schedule'",
            range: site.range)
        }
        objectArguments.append(("schedule", .int(interpreter.session.training.schedules.count)))
        interpreter.session.training.schedules.append(schedule)
      }
      if name == "ModelCheckpoint", callable.path.contains("callbacks"),
        interpreter.kerasVersion == .keras3
      {
        try Interpreter.checkKeras3CheckpointPath(
          positional: positional, keywords: keywords, site: site)
      }
      if name == "Constant", callable.path.contains("initializers") {
        // An array (`Constant(np.log([pos / neg]))` as a bias): the layer's shapes and
        // parameters do not depend on it; its values are kept for drawing the weights when it is
        // small (`WeightInitializer.values`), and an embedding matrix is refused there.
        func placeholder(_ value: Value) -> Value {
          guard case .array(let array) = value else { return value }
          var arguments: [(String, ArgumentValue)] = [
            ("shape", .tuple(array.shape.map { .int($0) }))
          ]
          if array.count <= 1 << 16 {
            arguments.append(("values", .list(array.scalars.map { .float(Double($0)) })))
          }
          if interpreter.kerasVersion == .keras3 { arguments.append(("broadcast", .bool(true))) }
          return .kerasObject(KerasObject(typeName: "ndarray", arguments: arguments))
        }
        positional = positional.map(placeholder)
        keywords = keywords.map { ($0.0, placeholder($0.1)) }
      }
      for (index, value) in positional.enumerated() {
        objectArguments.append(
          (
            "arg\(index)",
            try ArgumentConversion.argument(value, range: ranges[min(index, ranges.count - 1)])
          ))
      }
      objectArguments += try convert(keywords, site: site)
      // `initializers.glorot_uniform()`: the lower-case names are the classes themselves.
      let className =
        callable.path.contains("initializers.")
        ? KerasObjectConfigs.initializerClass(name) ?? name : name
      var object = KerasObject(typeName: className, arguments: objectArguments)
      object.isLegacyOptimizer = callable.path.contains(".optimizers.legacy.")
      return .kerasObject(object)
    case .clearSession:
      session.clearNames(for: interpreter.kerasVersion)
      return .none
    case .dataLoader:
      return try ShapesDatasetLoader.load(
        path: callable.path, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .activation(let name)
    where positional.first.map({ if case .kerasTensor = $0 { true } else { false } }) == true:
      // `tf.nn.relu(x)`, `keras.activations.relu(x)` on a Keras tensor.
      let parts = callable.path.split(separator: ".")
      let namespace =
        interpreter.kerasVersion == .keras3 && parts.first != "tf" ? "keras.ops" : "tensorflow.nn"
      // `keras.activations.relu` takes max_value: tf-keras calls `K.relu`, Keras 3 its `re_lu`.
      let kerasRelu = parts.dropLast().last == "activations" && name == "relu"
      if parts.dropLast().last == "activations", name == "linear", positional.count == 1,
        keywords.isEmpty
      {
        // `keras.activations.linear(x)` (what `activations.get(None)` gives a custom layer)
        // returns its argument itself in both Kerases.
        return positional[0]
      }
      guard
        var entry = kerasRelu
          ? TensorFunctions.entry(
            namespace == "keras.ops" ? "activations.relu" : "relu",
            namespace: namespace == "keras.ops" ? namespace : "keras.backend")
          : TensorFunctions.entry(String(parts.last ?? ""), namespace: namespace)
            ?? TensorFunctions.entry(name, namespace: "tensorflow.nn")
      else {
        throw .unsupported(
          "ConvBook does not support `\(callable.path)` on Keras tensors yet", at: site.range)
      }
      if parts.dropLast().last == "activations", name == "gelu" {
        // `keras.activations.gelu(x, approximate=False)` in both Kerases.
        entry = TensorFunctions.Entry(
          kind: entry.kind, tfName: entry.tfName, parameters: ["x", "approximate"],
          defaults: ["approximate": .bool(false)], isKerasOperation: entry.isKerasOperation)
      }
      return try TensorFunctions.call(
        entry, path: callable.path, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .tensorFunction(let namespace, let name):
      if namespace == "keras.random", name == KerasRandom.seedGeneratorType {
        return try KerasRandom.seedGenerator(
          positional: positional, keywords: keywords, site: site)
      }
      if namespace == "tensorflow", name == "print", session.lambdaTracingDepth == 0,
        !(positional + keywords.map(\.1)).contains(where: { TensorArithmetic.involvesTensor($0) })
      {
        return try EagerPrint.call(
          positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      }
      if namespace == "tensorflow" || namespace == "tensorflow.compat.v1", name == "boolean_mask",
        session.lambdaTracingDepth == 0,
        !(positional + keywords.map(\.1)).contains(where: { TensorArithmetic.involvesTensor($0) })
      {
        return try EagerBooleanMask.call(
          positional: positional, keywords: keywords, path: callable.path, site: site,
          interpreter: interpreter)
      }
      // Keras 3's `tf.keras.backend` is its legacy backend, whose `mean`, `std` and `var` read
      // `x.dtype.base_dtype` first: a KerasTensor's dtype is a str there.
      if namespace == "keras.backend", interpreter.kerasVersion == .keras3,
        ["mean", "std", "var"].contains(name), session.lambdaTracingDepth == 0,
        case .kerasTensor? = positional.first ?? keywords.first(where: { $0.0 == "x" })?.1
      {
        throw CellError(
          type: "AttributeError", message: "'str' object has no attribute 'base_dtype'",
          range: site.range)
      }
      let eagerOnly =
        session.lambdaTracingDepth == 0
        && !(positional + keywords.map(\.1)).contains(where: { TensorArithmetic.involvesTensor($0) }
        )
      if eagerOnly, namespace == "tensorflow", name == "gather" {
        return try EagerGather.gather(
          positional: positional, keywords: keywords, path: callable.path, site: site,
          interpreter: interpreter)
      }
      if eagerOnly, namespace == "tensorflow.image", name == "non_max_suppression" {
        return try EagerGather.nonMaxSuppression(
          positional: positional, keywords: keywords, path: callable.path, site: site)
      }
      if let value = try EagerFunctions.call(
        name, namespace: namespace, path: callable.path, positional: positional,
        keywords: keywords, site: site, interpreter: interpreter)
      {
        return value
      }
      if name == "einsum", ["keras.ops", "tensorflow"].contains(namespace),
        session.lambdaTracingDepth > 0,
        let value = try KerasOpsEinsum.traced(
          path: callable.path, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      {
        return value
      }
      guard let entry = TensorFunctions.entry(name, namespace: namespace) else {
        let inLambda = session.lambdaTracingDepth > 0 ? " in a Lambda" : ""
        throw .unsupported(
          "ConvBook does not support `\(callable.path)`\(inLambda) yet", at: site.range)
      }
      return try TensorFunctions.call(
        entry, path: callable.path, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .activation(let name):
      // `tf.nn.elu(x)` runs TensorFlow's kernel, `keras.activations.elu(x)` Keras' function.
      let namespace = callable.path.hasPrefix("tf.nn.") ? "tensorflow.nn" : "keras.activations"
      if let first = positional.first, !TensorArithmetic.involvesTensor(first),
        let value = try EagerFunctions.call(
          name, namespace: namespace, path: callable.path, positional: positional,
          keywords: keywords, site: site, interpreter: interpreter)
      {
        return value
      }
      throw .unsupported(
        "calling the activation \(name) on data is not supported in ConvBook cells; pass it as `activation=\(PythonFormat.quoted(name))`",
        at: site.range)
    case .user(let function):
      return try interpreter.call(function, positional: positional, keywords: keywords, site: site)
    case .partial(let application):
      // Keywords given at the call replace the partial's own, as in Python.
      let merged =
        application.keywords.filter { stored in !keywords.contains { $0.0 == stored.0 } }
        + keywords
      return try call(
        application.callee, positional: application.positional + positional, keywords: merged,
        site: site, interpreter: interpreter)
    case .application(let name):
      return try ApplicationCalls.build(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .applicationFunction("imagenet_utils", "obtain_input_shape"):
      return try KerasSourceModules.obtainInputShape(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .applicationFunction("imagenet_utils", "correct_pad"):
      return try KerasSourceModules.correctPad(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .applicationFunction(let module, let name):
      return try ApplicationCalls.call(
        name, module: module, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .builtin(let name):
      return try Builtins.call(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case .host(let function):
      return try function.call(
        HostFunction.Call(
          positional: positional, keywords: keywords, range: site.range,
          argumentRanges: site.arguments.map(\.range)))
    case .userClass, .descriptor, .classSupport:
      // `Calls.call` hands these to `Interpreter.callClassValue` first.
      throw CellError(
        type: "TypeError", message: "'\(callable.path)' object is not callable", range: site.range)
    }
  }

  /// `keras.Sequential(layers=None, name=None)`: the model takes its name first, then adds each
  /// layer in turn, so a failing layer still leaves every name used up, as in Keras.
  private static func makeSequential(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    var layersValue: Value = .none
    var nameValue: Value = .none
    var layersRange = site.range
    let parameters = ["layers", "name"]
    if positional.count > parameters.count {
      throw CellError(
        type: "TypeError",
        message:
          "Sequential.__init__() takes from 1 to 3 positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    if let first = positional.first {
      layersValue = first
      layersRange = site.arguments.first?.range ?? site.range
    }
    if positional.count > 1 { nameValue = positional[1] }
    for (label, value) in keywords {
      switch label {
      case "layers":
        layersValue = value
        layersRange = site.arguments.first { $0.label == "layers" }?.range ?? site.range
      case "name": nameValue = value
      case "trainable": break
      default:
        throw CellError(
          type: "TypeError",
          message: "('Keyword argument not understood:', \(PythonFormat.quoted(label)))",
          range: site.range)
      }
    }
    try Keras3Wording.checkModelName(nameValue, site: site, interpreter: interpreter)
    let name: String
    switch nameValue {
    case .none: name = interpreter.kerasNames.uniqueName(forClass: "Sequential")
    // tf-keras' models name themselves when given a falsy name (`if not name:`).
    case .string("") where interpreter.kerasVersion == .keras2:
      name = interpreter.kerasNames.uniqueName(forClass: "Sequential")
    case .string(let given): name = given
    default:
      throw CellError(
        type: "TypeError",
        message: "Model names must be strings. Received: \(PythonText.repr(nameValue))",
        range: site.range)
    }
    let model = KerasModel(name: name, names: interpreter.kerasNames)
    var elements: [Value] = []
    switch layersValue {
    case .none: break
    case .list, .tuple: elements = layersValue.sequenceItems!
    case .layer where interpreter.kerasVersion == .keras3,
      .model where interpreter.kerasVersion == .keras3:
      // Keras 3 iterates over `layers` (tf-keras wraps a single layer in a list).
      throw CellError(
        type: "TypeError", message: "'\(layersValue.typeName)' object is not iterable",
        range: site.range)
    default: elements = [layersValue]
    }
    // Ranges of the list literal's elements, when the layers were written inline.
    var elementRanges: [SourceRange] = []
    if let argument = site.arguments.first(where: { $0.label == nil || $0.label == "layers" }),
      case .list(let expressions) = argument.value.kind
    {
      elementRanges = expressions.map(\.range)
    }
    for (index, element) in elements.enumerated() {
      let fallback = index < elementRanges.count ? elementRanges[index] : layersRange
      try add(element, to: model, range: fallback, interpreter: interpreter)
    }
    if let limitation = model.keras3MultipleOutputsLimitation {
      throw .unsupported(limitation, at: site.range)
    }
    try KerasRecursionLimit.checkSequential(model, site: site, interpreter: interpreter)
    model.noteRebuilt()
    return .model(model)
  }

  /// `model.add(x)` for a layer or a `keras.Input` tensor.
  static func add(
    _ element: Value, to model: KerasModel, range: SourceRange, interpreter: Interpreter
  )
    throws(CellError)
  {
    try KerasPackages.checkAdd(element, range: range, interpreter: interpreter)
    if try EagerCalls.deferIfNeeded(element, to: model, range: range, interpreter: interpreter) {
      return
    }
    // tf-keras calls the layer on the model's output as it adds it (on an input made from the
    // shape the first layer declares), entering its name scope.
    if interpreter.kerasVersion == .keras2, let name = ScopeNameChecks.addedName(element),
      model.nextLayerInputShape != nil
        || (model.layers.isEmpty && ScopeNameChecks.declaredShape(element) != nil)
    {
      try ScopeNameChecks.checkSymbolicCall(named: name, interpreter: interpreter, range: range)
      if case .model(let nested) = element {
        try ScopeNameChecks.checkNestedLayers(of: nested, interpreter: interpreter, range: range)
      }
    }
    let instance: LayerInstance
    switch element {
    case .layer(let layer): instance = layer
    case .standard(let vectorizer as TextVectorizationLayer):
      instance = try vectorizer.layerInstance(range: range)
    case .standard(let lookup as IndexLookupLayer):
      instance = try lookup.layerInstance(range: range)
    case .standard(let hashing as HashingLayer):
      instance = try hashing.layerInstance(range: range)
    case .kerasTensor(let tensor) where tensor.isInput:
      do {
        try model.add(input: tensor)
      } catch {
        throw keras(error, at: interpreter.blame(tensor.producer, fallback: range))
      }
      return
    case .kerasTensor:
      throw .unsupported(
        "adding a tensor made by a layer to a Sequential model is not supported in ConvBook cells; add the layers themselves",
        at: range)
    case .model(let nested):
      if let graph = nested.graph, graph.inputs.count != 1 || graph.outputs.count != 1 {
        throw .unsupported(
          "adding the model \(nested.name), which has several inputs or outputs, to a Sequential model is not supported in ConvBook cells yet",
          at: range)
      }
      if nested.contains(model) {
        throw .unsupported(
          "adding a model to itself (or to a model nested in it) is not supported in ConvBook cells",
          at: range)
      }
      if interpreter.session.deferredLayers[ObjectIdentifier(nested)] != nil {
        // Its custom layers were kept aside until its input shape is known: Keras builds them
        // when the outer model calls it.
        guard let given = model.nextLayerInputShape else {
          throw .unsupported(
            "ConvBook adds the model \(nested.name), which holds custom layers added before its input shape was known, to a Sequential model only once that model's input shape is known",
            at: range)
        }
        try EagerCalls.addDeferred(
          to: nested, input: given,
          site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: "add"),
          interpreter: interpreter)
      }
      // Keras runs the nested model's layers on a shape that fits its own (sizes it leaves
      // unknown: an application made without `input_shape`), reporting its own shapes.
      if let expected = nested.inputShape, let given = model.nextLayerInputShape, expected != given,
        !nested.fitsInput(given)
      {
        throw .unsupported(
          "the model \(nested.name) was built for inputs of shape \(expected) but would be called on \(given) here; Keras would run its layers on the new shape while reporting the old one, which ConvBook does not model: give both models the same input shape",
          at: range)
      }
      // Keras 3's Sequential is a layer: the same object however many models hold it, whose
      // `output` is that of its first call (the enclosing model's build).
      instance =
        interpreter.kerasVersion == .keras3 ? nested.calledInstance : LayerInstance(model: nested)
    case .instance(let object)
    where object.type.kerasLayerClass != nil && object.layerState?.layer != nil:
      // A subclass of a built-in layer is that layer.
      try KerasSubclassing.checkOverrides(object.type, range: range)
      instance = object.layerState!.layer!
    case .instance(let object) where object.type.kerasBase != nil:
      try KerasSubclassing.checkSequentialCall(object.type, interpreter: interpreter, range: range)
      try EagerCalls.addDeclaredInput(
        of: object, to: model, range: range, interpreter: interpreter)
      // A custom layer is traced on the model's output shape, so the model must have one.
      guard let input = model.nextLayerInputShape else {
        throw .unsupported(
          "ConvBook adds a custom layer to a Sequential model only once the model's input shape is known; start the model with keras.Input(...)",
          at: range)
      }
      // Keras 3 builds the model by calling the layer on the model's symbolic output, which
      // names that tensor in the errors it raises (`compute_output_spec`).
      let symbolicOutput =
        interpreter.kerasVersion == .keras3
        ? model.symbolicOutput.map { [Value.kerasTensor($0)] } : nil
      // Keras 3 builds a layer that has no `build` of its own by running `call` once more
      // (`_maybe_build`), whose output takes a name before the call's own.
      let buildsByTracing =
        interpreter.kerasVersion == .keras3 && KerasSubclassing.buildsByTracing(object)
      instance = try KerasSubclassing.layer(
        of: object, on: input,
        site: CallSite(range: range, calleeRange: range, arguments: [], calleeText: ""),
        interpreter: interpreter, callerArguments: symbolicOutput)
      if buildsByTracing { interpreter.kerasNames.skipKerasTensorNames(1) }
    default:
      // A layer class instead of a layer (`layers.Dense`): Python shows the class where Keras
      // defines it (`<class 'keras.src.layers.core.dense.Dense'>`).
      var shown = PythonText.str(element)
      if case .function(let callable) = element, case .layerClass(let className) = callable.kind {
        let package = callable.kerasVersion ?? interpreter.kerasVersion
        shown = "<class '\(KerasPackages.qualifiedClass(className, in: package))'>"
      }
      throw CellError(
        type: "TypeError",
        message:
          "The added layer must be an instance of class Layer. Received: layer=\(shown) of type <class '\(element.typeName)'>.",
        range: range)
    }
    if let input = model.nextLayerInputShape
      ?? (model.layers.isEmpty ? instance.layer.common.declaredBatchInputShape : nil)
    {
      try LambdaTracing.trace(
        instance, on: [input], asList: false, range: range, interpreter: interpreter)
    }
    if interpreter.kerasVersion == .keras3,
      let input = model.nextLayerInputShape
        ?? (model.layers.isEmpty ? instance.layer.common.declaredBatchInputShape : nil),
      let refusal = Keras3Wording.callRefusal(instance, input: input, modelName: model.name)
    {
      throw keras(refusal, at: interpreter.blame(instance, fallback: range))
    }
    do {
      try model.add(instance)
    } catch {
      throw keras(error, at: interpreter.blame(instance, fallback: range))
    }
  }

  /// `layer(x)` on a symbolic tensor, or `layer([a, b])` on a list of them: the functional API. A
  /// layer called again shares its weights and gets a new node.
  private static func callLayer(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    var positional = positional
    var keywords = keywords
    if instance.layer is any AttentionLayer {
      positional = [
        try AttentionCalls.tensorsArgument(
          instance, positional: positional, keywords: keywords, site: site,
          kerasVersion: interpreter.kerasVersion)
      ]
      keywords = []
      AttentionCalls.nameSublayers(of: instance, names: interpreter.kerasNames)
    }
    if positional.count == 1, case .array(let array) = positional[0],
      let anchor = interpreter.session.traceInputs.last
    {
      // A layer of a custom layer called on a constant inside its `call`
      // (`self.pos_emb(tf.range(start=0, limit=maxlen))`): the constant becomes a value of the
      // traced graph, so that the layer's weights are the custom layer's, counted and trained.
      let constant = try TensorFunctions.apply(
        .constant(TensorFunction.ConstantTensor(shape: array.shape, values: array.scalars)),
        "tf.constant", [anchor], interpreter: interpreter, range: site.range)
      positional[0] = .kerasTensor(constant)
    } else if positional.count == 1, keywords.isEmpty, case .array(let array) = positional[0],
      instance.layer is Embedding
    {
      // An Embedding of a constant (`tf.range(...)`) runs at once and gives a constant tensor.
      do {
        let output = try EagerLayerCall.embedding(
          instance, indices: array.scalars, shape: array.shape,
          seed: interpreter.session.randomSeed ?? TraceMeasurement.defaultSeed)
        var tensor = NDArray(tensor: output)
        tensor.tensorFlowDType = "float32"
        tensor.kerasMask = EagerTensors.outputMask(
          of: instance.layer, on: array, outputShape: output.shape)
        return .array(tensor)
      } catch {
        throw keras(error, at: site.range)
      }
    }
    // A layer run on constant data, which TensorFlow computes at once (`EagerTensors`).
    if positional.count == 1, case .array(let array) = positional[0],
      keywords.allSatisfy({ $0.0 == "training" })
    {
      return try EagerTensors.callLayer(
        instance, on: array, training: keywords.first(where: { $0.0 == "training" })?.1,
        site: site, interpreter: interpreter)
    }
    // A merge layer run on a list of constant data (`layers.Add()([x, shortcut])` on eager
    // tensors).
    if positional.count == 1, keywords.allSatisfy({ $0.0 == "training" }),
      let items = positional[0].sequenceItems, !items.isEmpty,
      instance.layer is Merge || instance.layer is Dot
    {
      let arrays = items.compactMap { if case .array(let array) = $0 { array } else { nil } }
      if arrays.count == items.count {
        return try EagerTensors.callMergeLayer(
          instance, on: arrays, site: site, interpreter: interpreter)
      }
    }
    // A recurrent layer's `initial_state=`: tensors the call takes after its input.
    var states: [KerasTensor] = []
    if let index = keywords.firstIndex(where: { $0.0 == "initial_state" }),
      instance.layer is any MultiOutputLayer
    {
      let value = keywords.remove(at: index).1
      switch value {
      case .none: break
      case .kerasTensor(let tensor): states = [tensor]
      default:
        guard let (given, _) = kerasTensors(in: value) else {
          throw .unsupported(
            "ConvBook takes initial_state= as a Keras tensor or a list of them (`initial_state=[h, c]`)",
            at: site.range)
        }
        states = given
      }
    }
    // `self.dropout(x, training)` in a subclassed model's `call`: tf-keras' layers whose `call`
    // takes `training` second get it positionally; Keras 3 takes only tensors (or None) so
    // (`NonTensorLayerInputs`), the flag of a step it traces too (`Keras3StepTrace`).
    let stepChecked = Keras3StepTrace.checked(
      positional, site: site, interpreter: interpreter,
      callee: NonTensorLayerInputs.keras3DataLayers.contains(instance.layer.className)
        ? .dataLayer : .layer)
    if interpreter.session.keras3StepTrace != nil,
      let error = NonTensorLayerInputs.error(
        instance, positional: stepChecked, site: site, interpreter: interpreter)
    {
      throw error
    }
    if positional.count == 2, !keywords.contains(where: { $0.0 == "training" }),
      interpreter.kerasVersion == .keras2 || positional[1].isNone,
      instance.layer is Dropout || instance.layer is BatchNormalization
        || ["GaussianNoise", "GaussianDropout", "AlphaDropout"].contains(instance.layer.className)
    {
      keywords.append(("training", positional.removeLast()))
    }
    if let error = NonTensorLayerInputs.error(
      instance, positional: positional, site: site, interpreter: interpreter)
    {
      throw error
    }
    if positional.count == 1,
      let error = noneInputError(instance, positional[0], site: site, interpreter: interpreter)
    {
      throw error
    }
    if positional.count == 1, keywords.isEmpty, let merge = instance.layer as? Merge,
      Self.isEmptyListOrTuple(positional[0])
    {
      throw emptyMergeCall(merge, site: site, interpreter: interpreter)
    }
    guard positional.count == 1, keywords.allSatisfy({ $0.0 == "training" || $0.0 == "mask" }),
      var (tensors, asList) = kerasTensors(in: positional[0])
    else {
      throw .unsupported(
        "ConvBook does not support this call of a layer yet: it calls a layer on Keras tensors (`x = layer(x)`, `layers.Add()([a, b])`), or runs it on data (an array or an eager tensor; a list of them for a merge layer)",
        at: site.range)
    }
    // tf-keras' RNN splits a list `[x, h, c]` into the sequence and its initial states.
    if interpreter.kerasVersion == .keras2, asList, tensors.count > 1, states.isEmpty,
      instance.layer is any MultiOutputLayer
    {
      states = Array(tensors.dropFirst())
      tensors = [tensors[0]]
      asList = false
    }
    if instance.isInputLayer {
      throw .unsupported(
        "calling an input layer is not supported in ConvBook cells; use keras.Input", at: site.range
      )
    }
    if interpreter.kerasVersion == .keras3, asList, tensors.count == 1,
      !(instance.layer is any MultiInputLayer)
    {
      throw oneTensorListError(instance, tensors[0], site: site)
    }
    if instance.model != nil, instance.isBuilt {
      throw .unsupported(
        "calling a model taken from another model's layers is not supported in ConvBook cells; call the model itself",
        at: site.range)
    }
    try ScopeNameChecks.checkSymbolicCall(
      named: instance.name, interpreter: interpreter, range: site.range)
    try LambdaTracing.trace(
      instance, on: tensors.map(\.shape), asList: asList, range: site.range,
      interpreter: interpreter, tensors: tensors)
    if interpreter.kerasVersion == .keras3, !asList, tensors.count == 1, !instance.isBuilt,
      let refusal = Keras3Wording.callRefusal(instance, input: tensors[0].shape, modelName: nil)
    {
      throw keras(refusal, at: site.range)
    }
    if interpreter.kerasVersion == .keras3,
      let failure = Keras3Wording.concatenateAxisFailure(instance, tensors: tensors)
    {
      throw keras(failure, at: interpreter.blame(instance, fallback: site.range))
    }
    if interpreter.kerasVersion == .keras3, let merge = instance.layer as? Merge {
      // Keras 3's `compute_mask` of a merge records operations on the masks (`Concatenate`:
      // `ones_like`/`expand_dims`/`logical_or` per input, then `concatenate` and `any`, which take
      // session names; the others `logical_or` when every input has one), graph nodes ConvBook
      // does not make yet.
      let masked = tensors.filter { $0.keras3Mask != nil }.count
      if masked > 0, merge.kind == .concatenate || masked == tensors.count {
        throw .unsupported(
          "ConvBook does not support Keras 3 masks (of Embedding(mask_zero=True) or Masking) going into the merge layer \"\(instance.name)\" (\(merge.className)) yet",
          at: site.range)
      }
    }
    do {
      // Keras 3 passes a tensor's mask to the layers whose `call` takes one.
      let keras3 = interpreter.kerasVersion == .keras3 && tensors.count == 1
      let mask = keras3 && KerasMask.takesMask(instance.layer) ? tensors[0].keras3Mask : nil
      let names = interpreter.kerasNames
      // Inside a custom layer's traced `call`, Keras 3 runs the layer on graph tensors, which
      // take no `keras_tensor` names.
      let tracing = interpreter.session.lambdaTracingDepth > 0
      let wasBuilt = instance.isBuilt
      let outputs = try KerasTensor.call(
        instance, on: tensors, asList: asList, states: states, mask: mask,
        names: tracing ? nil : names,
        namesBefore: Keras3TensorNames.madeBefore(instance, on: tensors.map(\.shape)),
        training: fixedTraining(keywords))
      if !wasBuilt { interpreter.session.noteFirstBuild(of: instance) }
      interpreter.session.noteKerasNode(of: instance, outputs: outputs)
      // A layer called on a list (`Attention`) may record operations on its first tensor's
      // mask for its output's.
      if keras3
        || (interpreter.kerasVersion == .keras3 && !tensors.isEmpty
          && !instance.layer.symbolicMasking.convertsFirstMask.isEmpty)
      {
        try KerasTensor.propagateKeras3Mask(
          from: tensors[0], through: instance, to: outputs, names: names)
      }
      return Self.value(of: outputs)
    } catch {
      let failure = keras(error, at: interpreter.blame(instance, fallback: site.range))
      guard interpreter.kerasVersion == .keras3, interpreter.session.lambdaTracingDepth == 0,
        !KerasMask.takesMask(instance.layer)
      else { throw failure }
      throw Keras3Wording.symbolicCallArguments(failure, tensors: tensors, asList: asList)
    }
  }

  /// Keras' error for a layer called on None, or a merge called on a list of Keras tensors that
  /// holds a None (a block function that forgot its `return`); nil for other arguments, and
  /// where ConvBook does not have Keras' words.
  private static func noneInputError(
    _ instance: LayerInstance, _ argument: Value, site: CallSite, interpreter: Interpreter
  ) -> CellError? {
    let keras3 = interpreter.kerasVersion == .keras3
    guard let merge = instance.layer as? Merge, let items = argument.sequenceItems,
      items.contains(where: \.isNone),
      items.allSatisfy({ if case .kerasTensor = $0 { true } else { $0.isNone } }),
      items.contains(where: { !$0.isNone })
    else { return nil }
    if !keras3 {
      // tf-keras converts the list's shapes to `TensorShape`s, None's is unknown.
      return CellError(
        type: "ValueError", message: "as_list() is not defined on an unknown TensorShape.",
        range: site.range)
    }
    let shapes = items.map { item -> String in
      if case .kerasTensor(let tensor) = item { return tensor.shape.description }
      return "None"
    }
    if merge.kind != .concatenate, items[0].isNone {
      // Keras 3's `Merge.build` checks that the first shape is a tuple.
      return CellError(
        type: "ValueError",
        message:
          "A merge layer should be called on a list of inputs. Received: input_shape=[\(shapes.joined(separator: ", "))] (not a list of shapes)",
        range: site.range)
    }
    guard merge.kind == .concatenate else {
      // Keras 3's element-wise merges read each input's `.shape` in `call`.
      let arguments = items.map { item -> String in
        if case .kerasTensor(let tensor) = item {
          return PythonFormat.quoted(tensor.reprDescription)
        }
        return "'None'"
      }
      let className = merge.className
      return CellError(
        type: "AttributeError",
        message:
          "Exception encountered when calling \(className).call().\n\n\u{1B}[1m'NoneType' object has no attribute 'shape'\u{1B}[0m\n\nArguments received by \(className).call():\n  • args=([\(arguments.joined(separator: ", "))],)\n  • kwargs=<class 'inspect._empty'>",
        range: site.range)
    }
    // Keras 3's `Concatenate.build` checks that the first shape is a tuple, then iterates over
    // each shape after it.
    if items[0].isNone {
      return CellError(
        type: "ValueError",
        message:
          "A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=[\(shapes.joined(separator: ", "))]",
        range: site.range)
    }
    return CellError(
      type: "TypeError", message: "'NoneType' object is not iterable", range: site.range)
  }

  /// Keeps the `training=` a layer or model was called with on Keras tensors, for its node.
  private static func noteCallKeywords(
    _ keywords: [(String, Value)], of result: Value, session: KerasSession
  ) {
    let kept = keywords.filter { $0.0 == "training" }
    guard !kept.isEmpty else { return }
    let tensors: [Value] =
      if case .kerasTensor = result { [result] } else { result.sequenceItems ?? [] }
    for case .kerasTensor(let tensor) in tensors {
      session.callKeywords[ObjectIdentifier(tensor.node)] = (tensor.node, kept)
    }
  }

  /// What a layer call returns to Python: its one tensor, or its tensors as the list or tuple the
  /// layer returns (`[output, h, c]`, `(output, scores)`).
  static func value(of outputs: [KerasTensor]) -> Value {
    let values = outputs.map { Value.kerasTensor($0) }
    switch outputs[0].node.structure {
    case .single: return values[0]
    case .list: return .list(PythonList(values))
    case .tuple: return .tuple(values)
    }
  }

  /// The Keras tensors of a call's argument: one tensor, or a list or tuple of them (`asList`).
  private static func kerasTensors(in value: Value) -> (tensors: [KerasTensor], asList: Bool)? {
    switch value {
    case .kerasTensor(let tensor): return ([tensor], false)
    case .list, .tuple:
      var tensors: [KerasTensor] = []
      for item in value.sequenceItems! {
        guard case .kerasTensor(let tensor) = item else { return nil }
        tensors.append(tensor)
      }
      return tensors.isEmpty ? nil : (tensors, true)
    default: return nil
    }
  }

  /// The `training=` of a layer call on Keras tensors when it is Python's True or False, which
  /// Keras keeps with the node (`LayerNode.training`).
  static func fixedTraining(_ keywords: [(String, Value)]) -> Bool? {
    guard case .bool(let value) = keywords.first(where: { $0.0 == "training" })?.1 else {
      return nil
    }
    return value
  }

  /// `model(x)` / `model(x, training=False)`: a model used as one layer of another model. A
  /// functional model with several inputs takes a list of tensors; one with several outputs
  /// returns them in the structure it was given (`outputs=[...]`, `{"a": ...}`).
  private static func callModel(
    _ model: KerasModel, on argument: Value, keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch argument {
    case .array(let array):
      try EagerCalls.addDeferred(
        to: model, input: TensorShape([nil] + array.shape.dropFirst().map { Optional($0) }),
        batch: array.shape.first, site: site, interpreter: interpreter)
      // `model(x, training=True)`: Keras' call context for the layers (dropout, statistics).
      let session = interpreter.session
      let outer = session.callContextTraining
      if let training = keywords.first(where: { $0.0 == "training" })?.1, !training.isNone {
        session.callContextTraining = training
      }
      defer { session.callContextTraining = outer }
      return try EagerTensors.callModel(model, on: array, site: site, interpreter: interpreter)
    case .kerasTensor(let tensor):
      EagerCalls.noteBuildInTrace(model, session: interpreter.session)
      try EagerCalls.addDeferred(
        to: model, input: tensor.shape, batch: interpreter.session.eagerTraceBatch, site: site,
        interpreter: interpreter)
    default: break
    }
    do {
      try model.requireKeras3Layers()
    } catch {
      throw keras(error, at: site.range)
    }
    let several = model.graph.map { $0.inputs.count > 1 || $0.outputs.count > 1 } ?? false
    var tensors: [KerasTensor]? = nil
    if case .kerasTensor(let tensor) = argument {
      tensors = [tensor]
    } else if several, let (given, _) = kerasTensors(in: argument) {
      tensors = given
    }
    guard let tensors else {
      throw .unsupported(
        "calling the model \(model.name) runs it on data, which ConvBook cells do not do; use `convbook predict` for a forward pass",
        at: site.range)
    }
    try ScopeNameChecks.checkSymbolicCall(
      named: model.name, interpreter: interpreter, range: site.range)
    try ScopeNameChecks.checkNestedLayers(of: model, interpreter: interpreter, range: site.range)
    if interpreter.kerasVersion == .keras2,
      let error = ModelInputCount.tfKerasError(
        model, given: tensors, asList: argument.sequenceItems != nil,
        training: keywords.first(where: { $0.0 == "training" })?.1, range: site.range)
    {
      throw error
    }
    let instance = model.calledInstance
    let wasBuilt = model.isBuilt
    if tensors.count == 1 {
      EagerCalls.relaxBuildBatch(
        of: model, forBatch: tensors[0].shape.dimensions.first ?? nil, interpreter: interpreter)
    }
    do {
      // A Sequential built by its first call is built as by `build()` (`LayerInstance.call(on:)`):
      // in Keras 3 that makes its hidden functional model, which takes a `functional` name, and
      // its tensors before the call's outputs. Inside a custom layer's traced `call`, Keras 3
      // runs the model on graph tensors, which take no `keras_tensor` names.
      let tracing = interpreter.session.lambdaTracingDepth > 0
      let outputs = try KerasTensor.call(
        instance, on: tensors, asList: tensors.count > 1,
        names: tracing ? nil : interpreter.kerasNames,
        namesBefore: wasBuilt
          ? Keras3TensorNames.madeBefore(instance, on: tensors.map(\.shape)) : 0,
        training: fixedTraining(keywords))
      interpreter.session.noteKerasNode(of: instance, outputs: outputs)
      // The structure the model was given, its tensors replaced by this call's. Keras 3 packs a
      // symbolic call's outputs into it even for one tensor (`outputs=[x]` gives a one-element
      // list; only `call` on data unpacks it); tf-keras returns that one tensor.
      let given = interpreter.session.modelStructures[ObjectIdentifier(model)]?.outputs
      var packsOne = false
      if interpreter.kerasVersion == .keras3, let given {
        switch given {
        case .list, .tuple, .dictionary: packsOne = true
        default: break
        }
      }
      guard outputs.count > 1 || packsOne else { return .kerasTensor(outputs[0]) }
      guard let graph = model.graph else {
        // A chain model: its one output tensor stands wherever the structure holds a tensor.
        return restructured(
          given ?? .kerasTensor(outputs[0]), replacingTensorsWith: .kerasTensor(outputs[0]))
      }
      return restructured(
        given ?? .list(PythonList(graph.outputs.map { .kerasTensor($0) })),
        modelOutputs: graph.outputs, callOutputs: outputs.map { .kerasTensor($0) })
    } catch {
      throw keras(error, at: site.range)
    }
  }

  /// `structure` (a model's `outputs=`) with each of the model's output tensors replaced by the
  /// value a call gave in its place (a tensor of the call, or data).
  static func restructured(
    _ structure: Value, modelOutputs: [KerasTensor], callOutputs: [Value]
  ) -> Value {
    func replace(_ value: Value) -> Value {
      switch value {
      case .kerasTensor(let tensor):
        guard let index = modelOutputs.firstIndex(where: { $0 === tensor }) else { return value }
        return callOutputs[index]
      case .list(let list): return .list(PythonList(list.items.map(replace)))
      case .tuple(let items): return .tuple(items.map(replace))
      case .dictionary(let dict):
        return .dictionary(PythonDict(dict.pairs.map { ($0.0, replace($0.1)) }))
      default: return value
      }
    }
    return replace(structure)
  }

  /// `structure` with every tensor in it replaced by `value` (the one output of a chain model's
  /// call).
  static func restructured(_ structure: Value, replacingTensorsWith value: Value) -> Value {
    switch structure {
    case .kerasTensor: return value
    case .list(let list):
      return .list(PythonList(list.items.map { restructured($0, replacingTensorsWith: value) }))
    case .tuple(let items):
      return .tuple(items.map { restructured($0, replacingTensorsWith: value) })
    case .dictionary(let dict):
      return .dictionary(
        PythonDict(dict.pairs.map { ($0.0, restructured($0.1, replacingTensorsWith: value)) }))
    default: return structure
    }
  }

  /// Keras' function forms of the merge layers, `layers.add(inputs, **kwargs)` and
  /// `layers.concatenate(inputs, axis=-1, **kwargs)`: they create the layer, then call it on `inputs`.
  private static func callMergeFunction(
    _ className: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let function = className.lowercased()
    var inputs = positional.first
    var layerKeywords: [(String, Value)] = []
    for (label, value) in keywords {
      if label == "inputs" {
        if inputs != nil {
          throw CellError(
            type: "TypeError", message: "\(function)() got multiple values for argument 'inputs'",
            range: site.range)
        }
        inputs = value
      } else {
        layerKeywords.append((label, value))
      }
    }
    guard let inputs else {
      throw CellError(
        type: "TypeError",
        message: "\(function)() missing 1 required positional argument: 'inputs'", range: site.range
      )
    }
    let layerPositional = Array(positional.dropFirst())
    // `concatenate(inputs, axis=-1)`, `dot(inputs, axes, normalize=False)`, `add(inputs)`, ...
    let maximum = className == "Concatenate" ? 2 : className == "Dot" ? 3 : 1
    if positional.count > maximum {
      throw CellError(
        type: "TypeError",
        message:
          "\(function)() takes \(maximum) positional argument\(maximum == 1 ? "" : "s") but \(positional.count) were given",
        range: site.range)
    }
    let ranges = argumentRanges(site).positional
    let arguments = try ArgumentConversion.arguments(
      layerPositional, ranges: Array(ranges.dropFirst()) + [site.range])
    let keywordArguments = try convert(layerKeywords, site: site)
    let instance: LayerInstance
    do {
      let layer = try LayerCatalog.make(
        className: className, positional: arguments, keywords: keywordArguments,
        names: interpreter.kerasNames)
      instance = LayerInstance(layer)
    } catch {
      throw keras(error, at: site.range)
    }
    interpreter.recordOrigin(of: instance, at: site.range)
    interpreter.kerasNames.recordLayer(named: instance.name, className: className)
    return try callLayer(
      instance, positional: [inputs], keywords: [], site: site, interpreter: interpreter)
  }

  /// An empty list, tuple or dict (or one holding only such).
  private static func isEmptyStructure(_ value: Value) -> Bool {
    switch value {
    case .list(let list): return list.items.allSatisfy(isEmptyStructure)
    case .tuple(let items): return items.allSatisfy(isEmptyStructure)
    case .dictionary(let dictionary): return dictionary.pairs.allSatisfy { isEmptyStructure($0.1) }
    default: return false
    }
  }

  /// Whether `keras.Model(...)` makes a functional model, in both Keras versions: given inputs and
  /// outputs as `(inputs, outputs)`, `(inputs, outputs=...)` or `(inputs=..., outputs=...)`.
  static func makesFunctionalModel(positional: [Value], keywords: [(String, Value)]) -> Bool {
    let labels = Set(keywords.map(\.0))
    return positional.count == 2 || (positional.count == 1 && labels.contains("outputs"))
      || (labels.contains("inputs") && labels.contains("outputs"))
  }

  /// `keras.Model(inputs, outputs, name=None, trainable=True)` over one chain of layers. The model
  /// takes its name (`model`, `model_1`, ...) before Keras checks the graph, as in Keras.
  private static func makeFunctional(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let parameters = ["inputs", "outputs", "name", "trainable"]
    var keywords = keywords
    if interpreter.kerasVersion == .keras3 {
      keywords = try Keras3Wording.functionalKeywords(
        positional: positional, keywords: keywords, site: site)
    } else if !makesFunctionalModel(positional: positional, keywords: keywords) {
      // tf-keras' `Model.__init__` makes a plain, subclass-style model of any other call (its
      // positional arguments unused) once the keywords it takes are checked.
      let taken: Set<String> = [
        "trainable", "dtype", "dynamic", "name", "autocast", "inputs", "outputs",
      ]
      if let unknown = keywords.first(where: { !taken.contains($0.0) }) {
        throw CellError(
          type: "TypeError",
          message: "('Keyword argument not understood:', \(PythonFormat.quoted(unknown.0)))",
          range: site.range)
      }
      throw .unsupported(
        "keras.Model without inputs and outputs is model subclassing, which ConvBook does not run; write keras.Model(inputs=..., outputs=...) or use keras.Sequential",
        at: site.range)
    }
    var values: [String: Value] = [:]
    for (parameter, value) in zip(parameters, positional) { values[parameter] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw CellError(
          type: "TypeError",
          message: "('Keyword argument not understood:', \(PythonFormat.quoted(label)))",
          range: site.range)
      }
      if values[label] != nil {
        throw CellError(
          type: "TypeError",
          message: "Functional.__init__() got multiple values for argument '\(label)'",
          range: site.range)
      }
      values[label] = value
    }
    guard let inputsValue = values["inputs"], let outputsValue = values["outputs"] else {
      throw .unsupported(
        "keras.Model without inputs and outputs is model subclassing, which ConvBook does not run; write keras.Model(inputs=..., outputs=...) or use keras.Sequential",
        at: site.range)
    }
    if interpreter.kerasVersion == .keras3, isEmptyStructure(inputsValue) {
      // Keras 3's `Function`; an input layer's `.input` is `[]` there (`layers[0].input`).
      throw CellError(
        type: "ValueError",
        message:
          "`inputs` argument cannot be empty. Received:\ninputs=\(PythonText.str(inputsValue))\noutputs=\(PythonText.str(outputsValue))",
        range: site.range)
    }
    let inputs = try tensors(
      inputsValue, role: "inputs", site: site, version: interpreter.kerasVersion)
    try KerasPackages.checkModelInputs(
      inputs, given: inputsValue, interpreter: interpreter, site: site)
    let outputs = try tensors(
      outputsValue, role: "outputs", site: site, version: interpreter.kerasVersion)
    let cloned = !inputs.allSatisfy(\.isInput)
    if cloned, interpreter.kerasVersion == .keras3 {
      if let refusal = Keras3Wording.disconnectedOutput(
        inputs: inputs, outputs: outputs, paths: outputPaths(outputsValue))
      {
        throw keras(refusal, at: site.range)
      }
    }
    try Keras3Wording.checkModelName(values["name"] ?? .none, site: site, interpreter: interpreter)
    let name: String
    switch values["name"] ?? .none {
    case .none: name = interpreter.kerasNames.functionalModelName()
    case .string("") where interpreter.kerasVersion == .keras2:
      name = interpreter.kerasNames.functionalModelName()
    case .string(let given): name = given
    case let other: name = PythonText.str(other)
    }
    let model: KerasModel
    var inputsStructure = inputsValue
    var outputsStructure = outputsValue
    do {
      var inputs = inputs
      var outputs = outputs
      if cloned {
        // Both Keras make an input layer for each tensor made by a layer, and call the layers
        // between inputs and outputs again on it (`clone_graph_nodes`); Keras 3 names it after
        // the tensor (`keras_tensor_7CLONE`).
        let clone = try KerasTensor.cloneGraph(
          inputs: inputs, outputs: outputs, names: interpreter.kerasNames)
        inputsStructure = restructured(
          inputsValue, modelOutputs: inputs, callOutputs: clone.inputs.map { .kerasTensor($0) })
        outputsStructure = restructured(
          outputsValue, modelOutputs: outputs,
          callOutputs: clone.outputs.map { .kerasTensor($0) })
        (inputs, outputs) = clone
      }
      model = try KerasModel.functional(
        name: name, inputs: inputs, outputs: outputs,
        walkLimit: KerasRecursionLimit.walkLimit(.functional, interpreter: interpreter))
    } catch {
      if interpreter.kerasVersion == .keras3, error.message.hasPrefix("Graph disconnected"),
        let refusal = Keras3Wording.disconnectedOutput(
          inputs: inputs, outputs: outputs, paths: outputPaths(outputsValue))
      {
        throw keras(refusal, at: site.range)
      }
      let layerNames = " All layer names should be unique."
      if interpreter.kerasVersion == .keras3, error.message.hasPrefix("The name \""),
        error.message.hasSuffix(layerNames)
      {
        // Keras 3's Function checks the names of its operations.
        let message =
          error.message.dropLast(layerNames.count) + " All operation names should be unique."
        throw CellError(type: error.type, message: String(message), range: site.range)
      }
      if error.type == "RecursionError" {
        throw KerasRecursionLimit.tooDeep(site: site, interpreter: interpreter)
      }
      throw keras(error, at: site.range)
    }
    model.madeByKeras3 = interpreter.kerasVersion == .keras3
    interpreter.session.modelStructures[ObjectIdentifier(model)] = (
      model, inputsStructure, outputsStructure
    )
    EagerCalls.inheritBuildBatch(of: model, session: interpreter.session)
    if case .dictionary(let dict) = outputsValue {
      let keys = dict.pairs.compactMap { key, _ -> String? in
        if case .string(let name) = key { return name }
        return nil
      }
      if keys.count == dict.pairs.count { model.outputKeys = keys }
    }
    return .model(model)
  }

  /// Keras' path of each output in `outputs=` (`tree.flatten_with_path`): empty for one tensor,
  /// the index in a list or tuple, the key in a dict (in sorted order, as the tensors are).
  private static func outputPaths(_ value: Value) -> [String] {
    switch value {
    case .list(let list): return list.items.indices.map(String.init)
    case .tuple(let items): return items.indices.map(String.init)
    case .dictionary(let pairs):
      return pairs.compactMap { key, _ -> String? in
        if case .string(let name) = key { return name }
        return nil
      }.sorted()
    default: return [""]
    }
  }

  /// The tensors of `inputs=` / `outputs=`: one tensor, or a list or tuple of them.
  private static func tensors(
    _ value: Value, role: String, site: CallSite, version: KerasVersion
  ) throws(CellError) -> [KerasTensor] {
    if let (tensors, _) = kerasTensors(in: value) { return tensors }
    // Nested lists and tuples of tensors (`inputs=[base.inputs]`, `outputs=[decoder(z)]` of a
    // model built with `outputs=[x]`): Keras flattens them in order.
    func flattened(_ value: Value) -> [KerasTensor]? {
      if case .kerasTensor(let tensor) = value { return [tensor] }
      guard case .list = value, let items = value.sequenceItems else {
        guard case .tuple(let items) = value else { return nil }
        return flattenedItems(items)
      }
      return flattenedItems(items)
    }
    func flattenedItems(_ items: [Value]) -> [KerasTensor]? {
      var tensors: [KerasTensor] = []
      for item in items {
        guard let inner = flattened(item) else { return nil }
        tensors += inner
      }
      return tensors
    }
    if let tensors = flattened(value), !tensors.isEmpty { return tensors }
    // A dict of tensors: Keras flattens it in the order of its sorted string keys.
    if case .dictionary(let pairs) = value, !pairs.isEmpty {
      var named: [(String, KerasTensor)] = []
      for (key, item) in pairs {
        guard case .string(let name) = key, case .kerasTensor(let tensor) = item else {
          named = []
          break
        }
        named.append((name, tensor))
      }
      if !named.isEmpty { return named.sorted { $0.0 < $1.0 }.map(\.1) }
    }
    // tf-keras fails elsewhere first for a layer given as an input.
    if let layer = firstLayer(in: value), version == .keras3 || role == "outputs" {
      throw notTensorError(value, layer: layer, role: role, site: site, version: version)
    }
    throw .unsupported(
      "keras.Model(\(role)=...) takes Keras tensors (from keras.Input and layer calls), alone or in a list, in ConvBook cells; got a value of type '\(value.typeName)'",
      at: site.range)
  }

  /// The first value of `inputs=` / `outputs=` in Keras' flattened order (lists and tuples in
  /// order) when it is a layer where a tensor belongs (`outputs=Dense(37, activation="softmax")`,
  /// the layer never called), and nothing before it is another kind of value.
  private static func firstLayer(in value: Value) -> Value? {
    switch value {
    case .layer: return value
    case .kerasTensor: return nil
    case .list, .tuple:
      for item in value.sequenceItems ?? [] {
        if case .kerasTensor = item { continue }
        return firstLayer(in: item)
      }
      return nil
    default: return nil
    }
  }

  /// What Keras raises for a layer given as a model's input or output: Keras 3 names the value and
  /// its class; tf-keras shows the object with its memory address, which a script refuses to print
  /// (`KerasSession`).
  private static func notTensorError(
    _ value: Value, layer: Value, role: String, site: CallSite, version: KerasVersion
  ) -> CellError {
    let className = KerasPackages.className(of: layer) ?? layer.typeName
    switch version {
    case .keras3:
      return CellError(
        type: "ValueError",
        message:
          "All `\(role)` values must be KerasTensors. Received: \(role)=\(PythonText.str(value)) including invalid value \(PythonText.str(layer)) of type <class '\(KerasPackages.qualifiedClass(className, in: .keras3))'>",
        range: site.range)
    case .keras2:
      return CellError(
        type: "ValueError",
        message:
          "Output tensors of a Functional model must be the output of a TensorFlow `Layer` (thus holding past layer metadata). Found: <\(KerasPackages.qualifiedClass(className, in: .keras2)) object>",
        range: site.range)
    }
  }
}

extension Calls {
  /// A merge layer called on an empty list (`layers.Add()([])`) fails in Keras' own code before
  /// any shape check: tf-keras' `build` indexes the empty shape tuple (Concatenate checks the
  /// count first), Keras 3's gets None for the shapes (hostile batch7 h03, script 1091).
  static func isEmptyListOrTuple(_ value: Value) -> Bool {
    switch value {
    case .list(let list): list.isEmpty
    case .tuple(let items): items.isEmpty
    default: false
    }
  }

  static func emptyMergeCall(_ merge: Merge, site: CallSite, interpreter: Interpreter)
    -> CellError
  {
    let concatenate = merge.kind == .concatenate
    switch interpreter.kerasVersion {
    case .keras2:
      return concatenate
        ? CellError(
          type: "ValueError",
          message:
            "A `Concatenate` layer should be called on a list of at least 1 input. Received: input_shape=()",
          range: site.range)
        : CellError(type: "IndexError", message: "tuple index out of range", range: site.range)
    case .keras3:
      return CellError(
        type: "TypeError",
        message: concatenate
          ? "object of type 'NoneType' has no len()" : "'NoneType' object is not subscriptable",
        range: site.range)
    }
  }
}
