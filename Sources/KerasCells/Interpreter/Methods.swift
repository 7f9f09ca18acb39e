import CNNEngine
import Foundation

/// Methods of models, layers and Python's own types.
enum Methods {
  static func call(
    _ name: String, on receiver: Value, positional: [Value], keywords: [(String, Value)],
    site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    switch receiver {
    case .model(let model):
      return try modelMethod(name, model, positional, keywords, site, interpreter)
    case .layer(let instance):
      switch name {
      case "count_params":
        do { return .int(try instance.countParams()) } catch {
          throw Calls.keras(error, at: site.range)
        }
      case "get_weights":
        try noArguments(name, positional, keywords, site)
        return try WeightValues.layerWeights(instance, interpreter: interpreter, range: site.range)
      case "set_weights":
        try WeightValues.set(
          receiver, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
        return .none
      case "get_config":
        try noArguments(name, positional, keywords, site)
        return try LayerConfig.config(of: instance, interpreter: interpreter, range: site.range)
      case "compute_mask" where !KerasMask.operations(of: instance.layer).isEmpty:
        return try EagerTensors.computeMask(
          instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      case "adapt" where NormalizationAdapt.isNormalization(instance):
        return try NormalizationAdapt.adapt(
          instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      case "build":
        let wasBuilt = instance.isBuilt
        try LayerBuildCalls.build(
          instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
        if !wasBuilt {
          interpreter.session.noteFirstBuild(of: instance)
          if interpreter.kerasVersion == .keras2, let scope = instance.weightScope {
            instance.builtInScope = scope
          }
        }
        return .none
      case "compute_output_shape":
        return try LayerBuildCalls.computeOutputShape(
          instance, positional: positional, keywords: keywords, site: site,
          interpreter: interpreter)
      case "call":
        throw .unsupported(
          "layer.\(name)() is not supported in ConvBook cells; read a layer's settings through its attributes",
          at: site.range)
      case _ where NodeAttributes.names.contains(name):
        return try NodeAttributes.call(
          name, layerName: instance.name, instance: instance, positional: positional,
          keywords: keywords, site: site)
      default: break
      }
    case .variable(let variable):
      return try WeightValues.variableMethod(
        name, variable, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .array(let array) where array.tensorFlowDType != nil:
      return try EagerMethods.call(
        name, on: array, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case .array(let array):
      return try NumPyFunctions.method(
        name, of: array, positional: positional, keywords: keywords, site: site,
        budget: interpreter.budget)
    case .kerasTensor(let tensor) where name == "get_shape":
      // TensorFlow's `TensorShape`, under both versions.
      try noArguments(name, positional, keywords, site)
      return .tensorShape(tensor.shape.dimensions)
    case .int(let number) where name == "bit_length":
      // The number of bits of `abs(n)` (0 for 0).
      try builtinWithoutArguments("int.bit_length", positional, keywords, site)
      return .int(Int.bitWidth - number.magnitude.leadingZeroBitCount)
    case .bool(let flag) where name == "bit_length":
      try builtinWithoutArguments("int.bit_length", positional, keywords, site)
      return .int(flag ? 1 : 0)
    case .float(let number) where name == "is_integer":
      // `(x / 2).is_integer()` (channel splits in hand-written ShuffleNets); inf and nan are not.
      try builtinWithoutArguments("float.is_integer", positional, keywords, site)
      return .bool(number.isFinite && number.rounded(.towardZero) == number)
    case .string(let text) where name == "format":
      return .string(
        try formatMethod(
          text, positional, keywords, site, interpreter.budget, interpreter: interpreter))
    case .string(let text) where name == "join" && positional.count == 1:
      // Any iterable joins (a generator, a dict's keys, a set): its items, drawn once.
      let items: [Value]
      switch positional[0] {
      case .list, .tuple: items = positional[0].sequenceItems ?? []
      case let iterable where StandardFunctools.isIterable(iterable):
        items = try interpreter.iterate(iterable, range: site.range)
      case .standard(let object):
        // An object that makes an iterator of its items (an array of `np.str_`).
        guard let iterator = try object.makeIterator(interpreter: interpreter, range: site.range)
        else {
          throw CellError(
            type: "TypeError", message: "can only join an iterable", range: site.range)
        }
        items = try interpreter.iterate(.standard(iterator), range: site.range)
      default:
        throw CellError(
          type: "TypeError", message: "can only join an iterable", range: site.range)
      }
      return try stringMethod(name, text, [.list(items)], keywords, site, interpreter.budget)
    case .string(let text):
      return try stringMethod(name, text, positional, keywords, site, interpreter.budget)
    case .tuple(let items):
      switch (name, positional.count) {
      case ("index", 1):
        if let found = items.firstIndex(where: { Operators.equal($0, positional[0]) }) {
          return .int(found)
        }
        throw CellError(
          type: "ValueError", message: "tuple.index(x): x not in tuple", range: site.range)
      case ("count", 1): return .int(items.filter { Operators.equal($0, positional[0]) }.count)
      default: break
      }
    case .standard(let object):
      if let result = try object.method(
        name, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      {
        return result
      }
    case .list(let list) where list.dictionaryView != nil:
      // A view has no list methods (only `isdisjoint` and `mapping`, which ConvBook lacks).
      throw BuiltinTypeAttributes.unavailable(
        name, of: receiver, typeName: receiver.typeName, site: site)
    case .list(let list) where list.deque != nil:
      if let result = try StandardCollections.dequeMethod(
        name, list, positional, keywords, site, interpreter)
      {
        return result
      }
    case .dictionary(let dictionary) where StandardCollections.hasMethods(dictionary.flavor):
      if let result = try StandardCollections.dictionaryMethod(
        name, dictionary, positional, keywords, site, interpreter)
      {
        return result
      }
    case .list(let list):
      if let result = try ContainerMethods.list(
        name, list, positional, keywords, site, interpreter)
      {
        return result
      }
    case .tensorShape(let dimensions):
      if let result = try TensorShapeValue.call(
        name, on: dimensions, positional: positional, range: site.range)
      {
        return result
      }
    case .set(let set):
      if let result = try SetOperations.method(name, set, positional, keywords, site, interpreter) {
        return result
      }
    case .dictionary(let dictionary):
      let before = dictionary.namespaceOf == nil ? [] : dictionary.pairs
      if let result = try ContainerMethods.dictionary(
        name, dictionary, positional, keywords, site, interpreter)
      {
        try interpreter.changedNamespace(dictionary, before: before, range: site.range)
        return result
      }
    default: break
    }
    // Python fails at looking the method up, before the call; a method CPython's type has that
    // ConvBook lacks is ConvBook's limitation.
    throw BuiltinTypeAttributes.unavailable(
      name, of: receiver,
      typeName: RuntimeTypeNames.typeName(of: receiver, session: interpreter.session),
      site: site)
  }

  /// A method of a built-in type that takes no arguments (`float.is_integer`), refused with
  /// CPython's TypeErrors otherwise.
  private static func builtinWithoutArguments(
    _ qualifiedName: String, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite
  ) throws(CellError) {
    guard keywords.isEmpty else {
      throw CellError(
        type: "TypeError", message: "\(qualifiedName)() takes no keyword arguments",
        range: site.range)
    }
    guard positional.isEmpty else {
      throw CellError(
        type: "TypeError",
        message: "\(qualifiedName)() takes no arguments (\(positional.count) given)",
        range: site.range)
    }
  }

  /// A method that takes no arguments, refused with Python's TypeError otherwise.
  private static func noArguments(
    _ name: String, _ positional: [Value], _ keywords: [(String, Value)], _ site: CallSite
  ) throws(CellError) {
    if let (label, _) = keywords.first {
      throw CellError(
        type: "TypeError",
        message: "\(name)() got an unexpected keyword argument '\(label)'", range: site.range)
    }
    guard positional.isEmpty else {
      throw CellError(
        type: "TypeError",
        message: "\(name)() takes 1 positional argument but \(positional.count + 1) were given",
        range: site.range)
    }
  }

  /// `model.compile(optimizer="rmsprop", loss=None, metrics=None, loss_weights=None, ...)` kept
  /// as data for training (`loss`, `metrics` and `loss_weights` may be dicts keyed by output
  /// names); the other keywords (`run_eagerly`, ...) do not change it.
  /// `metricObjects`: the script's metric objects given, by the identity of the object kept
  /// for each.
  private static func compileArguments(
    _ positional: [Value], _ keywords: [(String, Value)], _ site: CallSite,
    metricObjects: inout [ObjectIdentifier: PythonInstance]
  ) throws(CellError) -> CompileArguments {
    var arguments = CompileArguments()
    let order = ["optimizer", "loss", "metrics"]
    var given: [(String, Value)] = []
    for (index, value) in positional.enumerated() where index < order.count {
      given.append((order[index], value))
    }
    given += keywords
    for (label, value) in given {
      if case .dictionary(let dictionary) = value,
        ["loss", "metrics", "weighted_metrics", "loss_weights"].contains(label)
      {
        var named: [String: ArgumentValue] = [:]
        for (key, item) in dictionary.pairs {
          guard case .string(let name) = key else {
            throw .unsupported(
              "ConvBook reads \(label)={...} keyed by output names (strings)", at: site.range)
          }
          named[name] = try compileArgument(
            item, range: site.range, metricObjects: &metricObjects)
        }
        switch label {
        case "loss": arguments.lossByOutput = named
        case "metrics": arguments.metricsByOutput = named
        case "weighted_metrics": arguments.weightedMetricsByOutput = named
        default: arguments.lossWeightsByOutput = named
        }
        continue
      }
      guard ["optimizer", "loss", "metrics", "weighted_metrics", "loss_weights"].contains(label)
      else { continue }
      let converted = try compileArgument(
        value, range: site.range, metricObjects: &metricObjects)
      switch label {
      case "optimizer": arguments.optimizer = converted
      case "loss": arguments.loss = converted
      case "metrics": arguments.metrics = converted
      case "weighted_metrics": arguments.weightedMetrics = converted
      default: arguments.lossWeights = converted
      }
    }
    return arguments
  }

  /// A `compile` argument: a function defined in the cell (a contrastive loss, a custom metric)
  /// stays a named object, which training refuses as ConvBook's limitation when it needs it.
  private static func compileArgument(
    _ value: Value, range: SourceRange, metricObjects: inout [ObjectIdentifier: PythonInstance]
  ) throws(CellError) -> ArgumentValue {
    if let name = scriptFunctionName(value) {
      return .object(KerasObject(typeName: name))
    }
    // An instance of a `keras.losses.Loss` or `keras.metrics.Metric` subclass: by its class name.
    if case .instance(let instance) = value,
      let base = instance.type.kerasClassBase, base == .loss || base == .metric
    {
      let object = KerasObject(typeName: instance.type.name)
      if base == .metric { metricObjects[ObjectIdentifier(object.identity)] = instance }
      return .object(object)
    }
    if case .list(let items) = value {
      var converted: [ArgumentValue] = []
      for item in items.items {
        converted.append(try compileArgument(item, range: range, metricObjects: &metricObjects))
      }
      return .list(converted)
    }
    return try ArgumentConversion.argument(value, range: range)
  }

  /// The `__name__` of a function of the script given to `compile`: a `def` or `lambda`, or a
  /// method of an instance of the script's classes (`loss=self.wasserstein_loss` in a GAN class).
  private static func scriptFunctionName(_ value: Value) -> String? {
    switch value {
    case .function(let callable):
      if case .user(let function) = callable.kind { return function.name }
      if let application = callable.boundMethod { return scriptFunctionName(application.callee) }
      // `@tf.function def wasserstein_loss(...)`: the function it wraps.
      if case .descriptor(let descriptor) = callable.kind, descriptor.kind == .tfFunction {
        return scriptFunctionName(descriptor.function)
      }
      return nil
    case .method(receiver: .instance(let instance), let name):
      guard case .function(let callable)? = instance.type.lookup(name)?.0,
        case .user = callable.kind
      else { return nil }
      return name
    // An instance of a plain class of the script with a `__call__` (a focal loss kept as an
    // object): both Kerases name it after its class in snake case (`get_custom_object_name`).
    case .instance(let instance)
    where instance.type.kerasBase == nil
      && instance.type.kerasClassBase == nil:
      guard case .function(let callable)? = instance.type.lookup("__call__")?.0,
        case .user = callable.kind
      else { return nil }
      return NameScope.snakeCase(instance.type.name)
    default: return nil
    }
  }

  /// The functions defined in the cell that a `compile` call passed (as values, in lists or in
  /// dicts), by name.
  private static func userFunctions(
    _ positional: [Value], _ keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> [String: Value] {
    var found: [String: Value] = [:]
    var objects: [String: ObjectIdentifier] = [:]
    var clash: String?
    // Training looks the functions up by name: two objects of one class (`loss=Focal(2.0)`,
    // `metrics=[Focal(1.0)]`) would be taken for one.
    func note(_ name: String, _ instance: PythonInstance) {
      if let seen = objects[name], seen != ObjectIdentifier(instance) { clash = clash ?? name }
      objects[name] = ObjectIdentifier(instance)
    }
    func visit(_ value: Value) {
      if let name = scriptFunctionName(value) {
        if case .instance(let instance) = value { note(name, instance) }
        found[name] = value
      } else if case .instance(let instance) = value, instance.type.kerasClassBase == .loss {
        // A `Loss` subclass trains as its `call` (reduced as a loss function is).
        note(instance.type.name, instance)
        found[instance.type.name] = .method(receiver: value, name: "call")
      } else if case .dictionary(let dictionary) = value {
        for (_, item) in dictionary.pairs { visit(item) }
      } else if let items = value.sequenceItems {
        for item in items { visit(item) }
      }
    }
    for value in positional + keywords.map(\.1) { visit(value) }
    if let clash {
      throw .unsupported(
        "ConvBook does not support two objects named \(clash) in one compile() yet", at: site.range)
    }
    return found
  }

  /// Whether a `compile` call passed a function defined in the cell.
  private static func passesUserFunction(_ positional: [Value], _ keywords: [(String, Value)])
    -> Bool
  {
    (positional + keywords.map(\.1)).contains { value in
      let items = value.sequenceItems ?? [value]
      return items.contains {
        if scriptFunctionName($0) != nil { return true }
        if case .instance(let instance) = $0, instance.type.kerasClassBase != nil { return true }
        return false
      }
    }
  }

  /// `Model.summary(line_length=None, positions=None, print_fn=None, expand_nested=False,
  /// show_trainable=False, layer_range=None)`: the arguments ConvBook prints with, and the
  /// `print_fn` given (None: Keras prints) and the `layer_range` given (resolved by
  /// `SummaryLayerRange` once the summary's rows are known).
  private static func summaryOptions(
    _ positional: [Value], _ keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> (
    options: ModelSummary.Options, printFunction: Value?, layerRange: Value?,
    floatPositions: Set<Int>
  ) {
    let names = [
      "line_length", "positions", "print_fn", "expand_nested", "show_trainable", "layer_range",
    ]
    if positional.count > names.count {
      throw CellError(
        type: "TypeError",
        message:
          "Model.summary() takes from 1 to \(names.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var bound: [(String, Value)] = Array(zip(names, positional))
    for (label, value) in keywords {
      guard names.contains(label) else {
        throw CellError(
          type: "TypeError",
          message: "Model.summary() got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      if bound.contains(where: { $0.0 == label }) {
        throw CellError(
          type: "TypeError",
          message: "Model.summary() got multiple values for argument '\(label)'", range: site.range)
      }
      bound.append((label, value))
    }
    var options = ModelSummary.Options()
    var printFunction: Value?
    var layerRange: Value?
    var floatPositions: Set<Int> = []
    for (label, value) in bound {
      switch (label, value) {
      case (_, .none): continue
      case ("print_fn", _): printFunction = value
      case ("layer_range", _): layerRange = value
      case ("expand_nested", _): options.expandNested = value.isTruthy
      case ("show_trainable", _): options.showTrainable = value.isTruthy
      case ("line_length", .int(let length)) where length > 0 && length <= 10_000:
        options.lineLength = length
      // Both Kerases take `line_length or` their default width.
      case ("line_length", .int(0)): continue
      case ("positions", .list(_)), ("positions", .tuple(_)):
        let items: [Value]
        switch value {
        case .list(let list): items = list.items
        case .tuple(let tuple): items = tuple
        default: items = []
        }
        var positions: [Double] = []
        for item in items {
          switch item {
          case .int(let number) where number >= 0 && number <= 10_000:
            positions.append(Double(number))
          case .float(let number) where number >= 0 && number <= 10_000:
            // Past 1, tf-keras fails slicing with them and Keras 3 takes them as fractions.
            floatPositions.insert(positions.count)
            positions.append(number)
          default:
            throw .unsupported(
              "model.summary(positions=...) takes numbers between 0 and 1, or whole columns up to 10,000, in ConvBook",
              at: site.range)
          }
        }
        // Both Keras take their default positions for an empty list (`positions or [...]`).
        if !positions.isEmpty { options.positions = positions }
      default:
        throw .unsupported(
          "model.summary(\(label)=\(PythonText.repr(value))) is not supported in ConvBook",
          at: site.range)
      }
    }
    return (options, printFunction, layerRange, floatPositions)
  }

  /// The summary with `layer_range=` resolved against its rows' names (`SummaryLayerRange`).
  private static func applying(
    _ layerRange: Value?, to summary: inout ModelSummary, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) {
    guard let layerRange else { return }
    summary.options.rowRange = try SummaryLayerRange.rows(
      layerRange, names: summary.rows.map(\.name), range: site.range, interpreter: interpreter)
  }

  /// Shows `summary` as `model.summary()` does: Keras prints it, or hands its text to the cell's
  /// `print_fn` — tf-keras one line at a time (`layer_utils.print_summary` calls it per line,
  /// without the newline), Keras 3 once with the whole text that rich captured (newline-ended), as
  /// rich renders it at the session's `printFunctionConsole` width, without styles.
  private static func show(
    _ summary: ModelSummary, printFunction: Value?, site: CallSite, interpreter: Interpreter
  ) throws(CellError) {
    guard let printFunction else {
      interpreter.emit(.summary(summary))
      return
    }
    let version = summary.kerasVersion ?? interpreter.kerasVersion
    let console = SummaryConsole(columns: interpreter.session.printFunctionConsole.columns)
    let text = SummaryFormat(kerasVersion: version, console: console).render(summary)
    var pieces = [text]
    if version == .keras2 {
      pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      if pieces.last == "" { pieces.removeLast() }
    }
    for piece in pieces {
      _ = try Calls.call(
        printFunction, positional: [.string(piece)], keywords: [], site: site,
        interpreter: interpreter)
    }
  }

  /// The `fit` / `evaluate` / `predict` call tf-keras' `fit_generator` / `evaluate_generator` /
  /// `predict_generator` make: the generator first, the other arguments by name, and the last two
  /// quiet unless told (their `verbose` defaults to 0).
  private static func generatorCall(
    _ name: String, _ positional: [Value], _ keywords: [(String, Value)], _ site: CallSite
  ) throws(CellError) -> (String, [Value], [(String, Value)]) {
    let parameters =
      name == "fit_generator"
      ? [
        "generator", "steps_per_epoch", "epochs", "verbose", "callbacks", "validation_data",
        "validation_steps", "validation_freq", "class_weight", "max_queue_size", "workers",
        "use_multiprocessing", "shuffle", "initial_epoch",
      ]
      : [
        "generator", "steps", "callbacks", "max_queue_size", "workers", "use_multiprocessing",
        "verbose",
      ]
    let bound = try EagerFunctions.bind(
      positional, keywords, parameters: parameters, function: "Model.\(name)", required: 1,
      isMethod: true, range: site.range)
    var passed = parameters.dropFirst().compactMap { name in bound[name].map { (name, $0) } }
    if name != "fit_generator", bound["verbose"] == nil { passed.append(("verbose", .int(0))) }
    return (String(name.dropLast("_generator".count)), [bound["generator"]!], passed)
  }

  private static func modelMethod(
    _ name: String, _ model: KerasModel, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value {
    if ["fit", "evaluate", "predict", "count_params"].contains(name) {
      try EagerCalls.checkNoDeferred(model, method: name, site: site, interpreter: interpreter)
    }
    if ["fit", "evaluate", "predict"].contains(name),
      let dense = model.flattenedLayers.first(where: {
        $0.layer is Dense && $0.inputShape?.dimensions.last == 0
      })
    {
      // Eagerly the layer gives its bias (`model(x)`); inside TensorFlow's compiled step the
      // fused MatMul + BiasAdd over an empty inner dimension gives zeros for several units and the
      // bias for one, which ConvBook does not follow.
      throw .unsupported(
        "ConvBook does not support `model.\(name)()` through the Dense layer \"\(dense.name)\", whose inputs have no features, yet (TensorFlow's compiled step leaves out its bias there); call the model on the data instead",
        at: site.range)
    }
    switch name {
    case _ where NodeAttributes.names.contains(name):
      return try NodeAttributes.call(
        name, layerName: model.name, instance: model.calledAsLayer, positional: positional,
        keywords: keywords, site: site)
    case "summary":
      let (options, printFunction, layerRange, floatPositions) = try summaryOptions(
        positional, keywords, site: site)
      if !model.isBuilt && interpreter.kerasVersion == .keras3 {
        // Keras 3 lists an unbuilt model's layers instead of refusing.
        var summary = model.unbuiltSummary()
        summary.options = options
        try applying(layerRange, to: &summary, site: site, interpreter: interpreter)
        try show(
          interpreter.packaged(summary), printFunction: printFunction, site: site,
          interpreter: interpreter)
        return .none
      }
      var summary: ModelSummary
      do {
        summary = EagerCalls.showingBuildBatch(
          try model.summary(), of: model, session: interpreter.session)
      } catch {
        throw Calls.keras(error, at: site.range)
      }
      summary.options = options
      if interpreter.kerasVersion == .keras3 {
        summary.optimizerParameters =
          interpreter.session.training.keras3OptimizerParameters(of: model)
          ?? interpreter.session.customLayers[ObjectIdentifier(model)].flatMap {
            interpreter.session.eagerTapes.compiledSteps[ObjectIdentifier($0)]?
              .keras3OptimizerVariables
          }
      }
      try applying(layerRange, to: &summary, site: site, interpreter: interpreter)
      // tf-keras' `print_row` fails at the header row, after the title and the top rule, when its
      // positions are no columns: floats kept as they are (the last past 1, so not multiplied by
      // the width) are no slice indices; with fewer positions than columns Keras reads past them
      // (Keras 3 then fails before printing, computing its column widths).
      let given = options.positions ?? []
      let fields = (summary.showsConnections ? 4 : 3) + (options.showTrainable ? 1 : 0)
      let floatColumns =
        (given.last ?? 0) > 1 && floatPositions.contains { $0 < fields }
      let missingColumns = !given.isEmpty && given.count < (summary.showsConnections ? 4 : 3)
      if missingColumns && interpreter.kerasVersion == .keras3 {
        throw CellError(type: "IndexError", message: "list index out of range", range: site.range)
      }
      if interpreter.kerasVersion == .keras2 && (floatColumns || missingColumns) {
        let lineLength = KerasSummaryText.layout(summary).lineLength
        let opening = ["Model: \"\(summary.name)\"", String(repeating: "_", count: lineLength)]
        for line in opening {
          if let printFunction {
            _ = try Calls.call(
              printFunction, positional: [.string(line)], keywords: [], site: site,
              interpreter: interpreter)
          } else {
            interpreter.emit(.text(line + "\n"))
          }
        }
        if floatColumns {
          throw CellError(
            type: "TypeError",
            message: "slice indices must be integers or None or have an __index__ method",
            range: site.range)
        }
        throw CellError(type: "IndexError", message: "list index out of range", range: site.range)
      }
      // Keras prints each field by slices of its column's width, forever when that is zero.
      if interpreter.kerasVersion == .keras2,
        let column = KerasSummaryText.unprintableColumn(summary)
      {
        throw .unsupported(
          "ConvBook does not print a summary whose column \(column + 1) has no room for text (Keras would print it forever); widen line_length or positions",
          at: site.range)
      }
      if interpreter.kerasVersion == .keras3
        && Keras3SummaryText.hasInsufficientWidth(summary)
      {
        throw CellError(
          type: "ValueError", message: "Insufficient console width to print summary.",
          range: site.range)
      }
      if interpreter.kerasVersion == .keras3 && Keras3SummaryText.lacksPositions(summary) {
        throw CellError(type: "IndexError", message: "list index out of range", range: site.range)
      }
      if interpreter.kerasVersion == .keras3 && Keras3SummaryText.hasControlCharacters(summary) {
        throw .unsupported(
          "ConvBook does not lay out a Keras 3 summary that holds control characters (tabs, newlines) yet: rich expands or splits them",
          at: site.range)
      }
      try show(
        interpreter.packaged(summary), printFunction: printFunction, site: site,
        interpreter: interpreter)
      return .none
    case "count_params":
      do { return .int(try model.countParams()) } catch { throw Calls.keras(error, at: site.range) }
    case "add_loss":
      return try ModelAddLoss.call(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "compile":
      try TrainingCalls.checkCompileKeywords(
        keywords, site: site, version: interpreter.kerasVersion)
      var metricObjects: [ObjectIdentifier: PythonInstance] = [:]
      let arguments = try compileArguments(
        positional, keywords, site, metricObjects: &metricObjects)
      try TrainingCalls.checkKeras3CompileContainers(
        positional, keywords, site: site, interpreter: interpreter)
      model.compileArguments = arguments
      interpreter.session.training.metricObjects[ObjectIdentifier(model)] = metricObjects
      interpreter.session.training.namedOptimizers[ObjectIdentifier(model)] = nil
      interpreter.session.training.compiledFunctions[ObjectIdentifier(model)] =
        try userFunctions(positional, keywords, site: site)
      // Keras accepts any function as a loss or metric; ConvBook refuses one when training needs it.
      try TrainingCalls.compiled(
        model, session: interpreter.session, site: site, version: interpreter.kerasVersion,
        validate: !passesUserFunction(positional, keywords))
      TrainStepModels.compiled(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
      return .none
    case "add":
      guard positional.count + keywords.count == 1,
        let layer = positional.first ?? keywords.first?.1
      else {
        throw CellError(
          type: "TypeError",
          message:
            "Sequential.add() takes 2 positional arguments but \(positional.count + 1) were given",
          range: site.range)
      }
      let range = site.arguments.first?.value.range ?? site.range
      if interpreter.kerasVersion == .keras3 {
        // Keras 3 rebuilds the model, calling every layer again.
        try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      }
      try Calls.add(layer, to: model, range: range, interpreter: interpreter)
      if let limitation = model.keras3MultipleOutputsLimitation {
        throw .unsupported(limitation, at: site.range)
      }
      try KerasRecursionLimit.checkSequential(model, site: site, interpreter: interpreter)
      model.noteRebuilt()
      return .none
    case "pop":
      if interpreter.kerasVersion == .keras3 {
        try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      }
      do { try model.pop() } catch { throw Calls.keras(error, at: site.range) }
      // Keras 3 rebuilds the model after `pop` as after `add`.
      model.noteRebuilt()
      return .none
    case "get_layer":
      // Keras' own steps (both versions): a name and an index together are refused; an index is
      // checked with `len(self.layers) <= index`, then used as a Python list index (negative
      // ones count from the end); a name is compared with each layer's.
      var nameArgument: Value = positional.first ?? .none
      var indexArgument: Value = positional.count > 1 ? positional[1] : .none
      for (label, value) in keywords {
        if label == "name" {
          nameArgument = value
        } else if label == "index" {
          indexArgument = value
        }
      }
      let layers = model.layers
      func refusal(_ message: String) -> CellError {
        Calls.keras(KerasError.value(message), at: site.range)
      }
      if !indexArgument.isNone, !nameArgument.isNone {
        throw refusal(
          "Provide only a layer name or a layer index. Received: index=\(PythonText.str(indexArgument)), name=\(PythonText.str(nameArgument))."
        )
      }
      if !indexArgument.isNone {
        if try Operators.compare(.lessOrEqual, .int(layers.count), indexArgument, range: site.range)
        {
          throw refusal(
            "Was asked to retrieve layer at index \(PythonText.str(indexArgument)) but model only has \(layers.count) layers."
          )
        }
        let values = Value.list(PythonList(layers.map(Attributes.layerValue)))
        return try Operators.subscriptValue(values, indexArgument, range: site.range)
      }
      guard !nameArgument.isNone else {
        throw refusal("Provide either a layer name or layer index at `get_layer`.")
      }
      if case .string(let layerName) = nameArgument,
        let found = layers.first(where: { $0.name == layerName })
      {
        return Attributes.layerValue(found)
      }
      let existing = layers.map { PythonText.repr(.string($0.name)) }.joined(separator: ", ")
      throw refusal(
        "No such layer: \(PythonText.str(nameArgument)). Existing layers are: [\(existing)].")
    case "compute_output_shape":
      return try ModelShapes.computeOutputShape(
        model, positional: positional, keywords: keywords, site: site,
        kerasVersion: interpreter.kerasVersion)
    case "build":
      guard let shapeValue = positional.first ?? keywords.first(where: { $0.0 == "input_shape" })?.1
      else {
        // `model.build()` without a shape: a model built already (a Sequential model whose first
        // layer is a functional model built from its `Input`) stays as it is; tf-keras'
        // Sequential model refuses to build without one.
        if model.isBuilt { return .none }
        if interpreter.kerasVersion == .keras2, model.kind == .sequential {
          throw CellError(
            type: "ValueError", message: "You must provide an `input_shape` argument.",
            range: site.range)
        }
        throw .unsupported(
          "model.build() needs an input shape in ConvBook cells, e.g. model.build((None, 28, 28, 1))",
          at: site.range)
      }
      try NumPyShapeRefusals.checkBuildShape(
        shapeValue, interpreter: interpreter, range: site.range)
      let shape: [Int?]
      let shapeArgument = try ArgumentConversion.argument(shapeValue, range: site.range)
      do {
        shape = try InputLayer.shapeDimensions(shapeArgument, argument: "input_shape")
      } catch {
        throw Calls.keras(error, at: site.range)
      }
      // Keras 3's `Sequential.build` compares the shape with its input layer's (from
      // `input_shape=`, `keras.Input` or an earlier build) before anything else; tf-keras
      // builds again.
      if interpreter.kerasVersion == .keras3, model.kind == .sequential,
        let declared = model.inputLayer?.batchInputShape, declared != TensorShape(shape)
      {
        throw Calls.keras(
          KerasError.value(
            "Sequential model '\(model.name)' has already been configured to use input shape \(declared). You cannot build it with input_shape \(TensorShape(shape))"
          ), at: site.range)
      }
      try KerasRecursionLimit.checkDeferredBuild(model, site: site, interpreter: interpreter)
      try EagerCalls.addDeferred(
        to: model, input: TensorShape(shape), site: site, interpreter: interpreter)
      // A Lambda of a Sequential made without an input shape runs on symbolic tensors when the
      // model is built, as when it is added to a model that has one.
      var running = TensorShape(shape)
      for instance in model.layers where !instance.isInputLayer && model.graph == nil {
        try LambdaTracing.trace(
          instance, on: [running], asList: false, range: site.range, interpreter: interpreter)
        guard let next = try? instance.layer.outputShape(for: running) else { break }
        running = next
      }
      try ScopeNameChecks.checkBuild(
        model, shape: TensorShape(shape), interpreter: interpreter, range: site.range)
      do {
        try model.build(batchInputShape: TensorShape(shape))
        model.noteRebuilt()
      } catch {
        let blamed = error.layerIndex.flatMap { index in
          index < model.layers.count
            ? interpreter.blame(model.layers[index], fallback: site.range) : nil
        }
        throw Calls.keras(error, at: blamed ?? site.range)
      }
      return .none
    case "fit":
      try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      if let result = try TrainStepLoop.run(
        "fit", of: model, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      {
        return result
      }
      try ClassFunctionalModels.checkOwnSteps(
        model, method: "fit", site: site, interpreter: interpreter)
      return try TrainingCalls.fit(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "evaluate":
      try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      if let result = try TrainStepLoop.run(
        "evaluate", of: model, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      {
        return result
      }
      try ClassFunctionalModels.checkOwnSteps(
        model, method: "evaluate", site: site, interpreter: interpreter)
      return try TrainingCalls.evaluate(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "predict":
      try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      if let result = try TrainStepLoop.run(
        "predict", of: model, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      {
        return result
      }
      try ClassFunctionalModels.checkOwnSteps(
        model, method: "predict", site: site, interpreter: interpreter)
      return try TrainingCalls.predict(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "save_weights":
      return try TrainingCalls.saveWeights(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "load_weights":
      return try TrainingCalls.loadWeights(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "train_on_batch", "test_on_batch":
      try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      return try TrainingCalls.onBatch(
        name, of: model, positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
    case "predict_on_batch":
      try TracedPrints.check(model, method: name, site: site, interpreter: interpreter)
      return try TrainingCalls.predictOnBatch(
        model, positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    case "fit_generator", "evaluate_generator", "predict_generator":
      // tf-keras' deprecated generator methods hand their arguments to fit / evaluate / predict
      // (Keras 3 has none of them).
      let (method, positional, keywords) = try generatorCall(name, positional, keywords, site)
      return try modelMethod(method, model, positional, keywords, site, interpreter)
    case "get_weights":
      try noArguments(name, positional, keywords, site)
      return try WeightValues.modelWeights(model, interpreter: interpreter, range: site.range)
    case "set_weights":
      try WeightValues.set(
        .model(model), positional: positional, keywords: keywords, site: site,
        interpreter: interpreter)
      return .none
    case "get_config":
      try noArguments(name, positional, keywords, site)
      return try ModelConfig.config(of: model, interpreter: interpreter, range: site.range)
    case "to_json":
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message:
            "\(interpreter.kerasVersion == .keras3 ? "Model" : "Model").to_json() takes 1 positional argument but \(positional.count + 1) were given",
          range: site.range)
      }
      return try ModelConfig.json(
        of: model, keywords: keywords, site: site, interpreter: interpreter)
    case "to_yaml":
      throw CellError(
        type: "RuntimeError",
        message:
          "Method `model.to_yaml()` has been removed due to security risk of arbitrary code execution. Please use `model.to_json()` instead.",
        range: site.range)
    case "save":
      try ModelSaving.save(
        positional: positional, keywords: keywords, site: site, interpreter: interpreter)
    default:
      throw Attributes.missingModelAttribute(
        name, of: model, range: site.calleeRange, interpreter: interpreter)
    }
  }

  private static func stringMethod(
    _ name: String, _ text: String, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ budget: EvaluationBudget
  ) throws(CellError) -> Value {
    func stringArgument(_ index: Int) -> String? {
      guard index < positional.count else { return nil }
      return NumPyStringArray.text(positional[index])
    }
    if let result = try StringMethods.call(
      name, text, positional, keywords, range: site.range, budget: budget)
    {
      return result
    }
    switch name {
    case "upper": return .string(text.uppercased())
    case "lower": return .string(text.lowercased())
    case "title":
      // Python's rule: a cased character after an uncased one starts a word (`world's` is
      // `World'S`), unlike Foundation's `capitalized`.
      var result = ""
      var previousCased = false
      for scalar in text.unicodeScalars {
        let properties = scalar.properties
        let cased = properties.isCased
        if cased {
          result += previousCased ? properties.lowercaseMapping : properties.titlecaseMapping
        } else {
          result.unicodeScalars.append(scalar)
        }
        previousCased = cased
      }
      return .string(result)
    case "replace":
      guard (2...3).contains(positional.count), keywords.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: !keywords.isEmpty
            ? "str.replace() takes no keyword arguments"
            : "replace expected at \(positional.count < 2 ? "least 2" : "most 3") arguments, got \(positional.count)",
          range: site.range)
      }
      for index in 0..<2 where stringArgument(index) == nil {
        throw CellError(
          type: "TypeError",
          message: "replace() argument \(index + 1) must be str, not \(positional[index].typeName)",
          range: site.range)
      }
      guard let old = stringArgument(0), let new = stringArgument(1) else { break }
      // At most one occurrence per `old.count` bytes (Python inserts `new` between every
      // character when `old` is empty): charged before the string is built.
      let occurrences =
        old.isEmpty ? text.utf8.count + 1 : text.utf8.count / old.utf8.count
      try budget.allocate(
        count: occurrences, size: max(new.utf8.count, 1), at: site.range)
      try budget.allocate(bytes: text.utf8.count, at: site.range)
      var count = -1
      if positional.count > 2 {
        switch NumPyScalar.number(positional[2]) {
        case .int(let number): count = number
        case .bool(let flag): count = flag ? 1 : 0
        default:
          throw CellError(
            type: "TypeError",
            message: "'\(positional[2].typeName)' object cannot be interpreted as an integer",
            range: site.range)
        }
      }
      return .string(replaceAll(text, old, new, count: count))
    case "join":
      guard let items = positional.first else { break }
      var parts: [String] = []
      let sequence: [Value]
      switch items {
      case .list, .tuple: sequence = items.sequenceItems!
      default: sequence = []
      }
      for item in sequence {
        guard let part = NumPyStringArray.text(item) else {
          throw CellError(
            type: "TypeError",
            message: "sequence item \(parts.count): expected str instance, \(item.typeName) found",
            range: site.range)
        }
        parts.append(part)
      }
      try budget.allocate(count: parts.count, size: text.utf8.count, at: site.range)
      try budget.allocate(bytes: parts.reduce(0) { $0 + $1.utf8.count }, at: site.range)
      return .string(parts.joined(separator: text))
    case "format":
      return .string(try formatMethod(text, positional, keywords, site, budget))
    default: break
    }
    throw BuiltinTypeAttributes.unavailable(name, of: .string(text), typeName: "str", site: site)
  }

  /// Python's `str.replace`: matches code points (bytes of valid UTF-8 match only at character
  /// boundaries), left to right, without overlaps; an empty `old` matches between characters.
  /// `text.replace(old, new, count)`: at most `count` replacements from the left (every one when
  /// `count` is negative, as Python's -1 default).
  static func replaceAll(_ text: String, _ old: String, _ new: String, count: Int = -1) -> String {
    let source = Array(text.utf8)
    let needle = Array(old.utf8)
    let replacement = Array(new.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(source.count)
    var left = count < 0 ? Int.max : count
    if needle.isEmpty {
      if left > 0 {
        result += replacement
        left -= 1
      }
      for scalar in text.unicodeScalars {
        result += Array(String(scalar).utf8)
        if left > 0 {
          result += replacement
          left -= 1
        }
      }
      return String(decoding: result, as: UTF8.self)
    }
    var index = 0
    while index < source.count {
      if left > 0, source[index] == needle[0], index + needle.count <= source.count,
        source[index..<index + needle.count].elementsEqual(needle)
      {
        result += replacement
        left -= 1
        index += needle.count
      } else {
        result.append(source[index])
        index += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// `{0.filters}`, `{config[units]}`, `{0[1]}` in a `str.format` template: `.name` reads an
  /// attribute, `[key]` an item (an integer key when it is digits, else a string).
  private static func formatField(
    _ value: Value, _ accessors: String, site: CallSite, interpreter: Interpreter?
  ) throws(CellError) -> Value {
    var current = value
    var rest = Substring(accessors)
    while let first = rest.first {
      rest = rest.dropFirst()
      if first == "." {
        let name = rest.prefix(while: { $0 != "." && $0 != "[" })
        rest = rest.dropFirst(name.count)
        guard let interpreter else {
          throw .unsupported(
            "ConvBook does not support attributes in this format field", at: site.range)
        }
        current = try Attributes.get(
          String(name), of: current, range: site.range, interpreter: interpreter)
      } else if first == "[" {
        let key = rest.prefix(while: { $0 != "]" })
        rest = rest.dropFirst(key.count + 1)
        let index: Value = Int(key).map(Value.int) ?? .string(String(key))
        current = try Operators.subscriptValue(current, index, range: site.range)
      } else {
        throw CellError(
          type: "ValueError", message: "Only '.' or '[' may follow ']' in format field specifier",
          range: site.range)
      }
    }
    return current
  }

  /// `"{} has {:,} parameters".format(name, count)`.
  static func formatMethod(
    _ template: String, _ positional: [Value], _ keywords: [(String, Value)], _ site: CallSite,
    _ budget: EvaluationBudget, interpreter: Interpreter? = nil
  ) throws(CellError) -> String {
    var automatic = 0
    return try formatTemplate(
      Array(template)[...], positional, keywords, site, budget, interpreter: interpreter,
      automatic: &automatic, recursionDepth: 2)
  }

  /// A template, or the format spec of one of its fields (`"{:>{width}}"`: CPython formats a
  /// spec's own fields first, numbering them after the field's, at most one level deep).
  private static func formatTemplate(
    _ template: ArraySlice<Character>, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ budget: EvaluationBudget, interpreter: Interpreter?,
    automatic: inout Int, recursionDepth: Int
  ) throws(CellError) -> String {
    guard recursionDepth > 0 else {
      throw CellError(
        type: "ValueError", message: "Max string recursion exceeded", range: site.range)
    }
    var result = ""
    var characters = template
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: site.range)
    }
    while let character = characters.popFirst() {
      if character == "{" {
        if characters.first == "{" {
          characters.removeFirst()
          result.append("{")
          continue
        }
        guard !characters.isEmpty else {
          throw valueError("Single '{' encountered in format string")
        }
        // The field ends at its matching `}`: its spec may hold fields of its own.
        var field = ""
        var depth = 1
        var hasSpec = false
        while let next = characters.popFirst() {
          if next == ":" { hasSpec = true }
          if next == "{" { depth += 1 }
          if next == "}" {
            depth -= 1
            if depth == 0 { break }
          }
          field.append(next)
        }
        guard depth == 0 else {
          throw valueError(
            hasSpec ? "unmatched '{' in format spec" : "expected '}' before end of string")
        }
        let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        var key = parts.first.map(String.init) ?? ""
        var spec = parts.count > 1 ? String(parts[1]) : ""
        // `{0!r}`: the conversion; `{0.filters}` / `{0[1]}`: attributes and items of the argument.
        var conversion: Character?
        if let bang = key.firstIndex(of: "!") {
          conversion = key[key.index(after: bang)...].first
          key = String(key[..<bang])
        }
        var accessors = ""
        if let start = key.firstIndex(where: { $0 == "." || $0 == "[" }) {
          accessors = String(key[start...])
          key = String(key[..<start])
        }
        var value: Value
        if key.isEmpty {
          guard automatic < positional.count else {
            throw CellError(
              type: "IndexError",
              message: "Replacement index \(automatic) out of range for positional args tuple",
              range: site.range)
          }
          value = positional[automatic]
          automatic += 1
        } else if let index = Int(key) {
          guard index < positional.count else {
            throw CellError(
              type: "IndexError",
              message: "Replacement index \(index) out of range for positional args tuple",
              range: site.range)
          }
          value = positional[index]
        } else if let found = keywords.first(where: { $0.0 == key }) {
          value = found.1
        } else {
          throw CellError(type: "KeyError", message: PythonFormat.quoted(key), range: site.range)
        }
        if !accessors.isEmpty {
          value = try formatField(value, accessors, site: site, interpreter: interpreter)
        }
        if spec.contains("{") {
          spec = try formatTemplate(
            Array(spec)[...], positional, keywords, site, budget, interpreter: interpreter,
            automatic: &automatic, recursionDepth: recursionDepth - 1)
        }
        switch conversion {
        case "r"?, "a"?:
          try PythonText.requireKnownText(value, asString: false, range: site.range)
          value = .string(PythonText.repr(value))
        case "s"?:
          try PythonText.requireKnownText(value, range: site.range)
          value = .string(PythonText.str(value))
        case nil: break
        default:
          throw CellError(
            type: "ValueError",
            message: "Unknown conversion specifier \(conversion.map(String.init) ?? "")",
            range: site.range)
        }
        result += try PythonText.format(value, spec: spec, range: site.range, budget: budget)
      } else if character == "}" {
        guard characters.first == "}" else {
          throw valueError("Single '}' encountered in format string")
        }
        characters.removeFirst()
        result.append("}")
      } else {
        result.append(character)
      }
    }
    return result
  }
}
