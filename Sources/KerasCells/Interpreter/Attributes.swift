import CNNEngine

/// Attribute access (`model.layers`, `layer.output_shape`, `keras.layers`) and assignment
/// (`layer.trainable = False`).
enum Attributes {
  /// `error.args` and the chain Python printed with it (`__cause__`,
  /// `__context__`, `__suppress_context__`).
  static func exceptionAttribute(_ name: String, _ exception: PythonException) -> Value? {
    let chained = exception.raised?.chained
    func value(_ link: ChainedError?) -> Value {
      link.map { .exception(PythonException($0.error)) } ?? .none
    }
    switch name {
    case "args": return .tuple(exception.arguments)
    // `SystemExit.code`: None without arguments, the one argument, or the tuple of several.
    case "code" where exception.type == "SystemExit":
      switch exception.arguments.count {
      case 0: return Value.none
      case 1: return exception.arguments[0]
      default: return .tuple(exception.arguments)
      }
    // `StopIteration.value`: what the generator returned (its first argument), else None.
    case "value" where exception.type == "StopIteration":
      return exception.arguments.first ?? Value.none
    case "__cause__": return value(chained?.isCause == true ? chained : nil)
    case "__context__":
      return value(chained?.isCause == false ? chained : exception.raised?.suppressedContext)
    case "__suppress_context__": return .bool(exception.raised?.suppressesContext ?? false)
    default: return nil
    }
  }

  static func shapeValue(_ shape: TensorShape) -> Value {
    .tuple(shape.dimensions.map { $0.map(Value.int) ?? .none })
  }

  static func get(_ name: String, of base: Value, range: SourceRange, interpreter: Interpreter)
    throws(CellError) -> Value
  {
    // An attribute of a tf-keras object in a Keras 3 session is tf-keras'.
    if let package = interpreter.session.package(of: base), package != interpreter.kerasVersion {
      return try interpreter.inPackage(package) { () throws(CellError) in
        try get(name, of: base, range: range, interpreter: interpreter)
      }
    }
    if let value = try interpreter.classAttribute(name, of: base, range: range) { return value }
    try Keras3SeedStates.check(name, of: base, interpreter: interpreter, range: range)
    // `layer.__class__.__name__`: an object's class is what `type(object)` gives; a Keras
    // object's is its own package's class.
    if name == "__class__" {
      if let type = RuntimeTypeNames.typeValue(of: base, session: interpreter.session) {
        return type
      }
      if let type = KerasPackages.classValue(of: base, interpreter: interpreter) { return type }
      if case .module = base {} else { return Builtins.typeValue(of: base) }
    }
    switch base {
    case .module(.kerasSource(let module)):
      return try KerasSourceModules.attribute(
        name, of: module, range: range, interpreter: interpreter)
    case .module(let module):
      if let value = ModuleAttributes.added(name, of: module, session: interpreter.session) {
        return value
      }
      if module == .os && name == "environ" { return .dictionary(interpreter.session.environment) }
      // tf-keras' `tf.compat.v1.keras` is its TensorFlow 1 API (`tf_keras.api._v1.keras`), a
      // module of its own that ConvBook does not have (Keras 3's is `tf.keras`).
      if module == .tensorFunctions("tensorflow.compat.v1"), name == "keras",
        interpreter.kerasVersion == .keras2
      {
        throw .unsupported(
          "ConvBook does not support `tf.compat.v1.keras` (tf-keras' TensorFlow 1 API) yet; use `tf.keras`",
          at: range)
      }
      // A `tf_keras` module is tf-keras' whatever the session's Keras.
      let (unwrapped, moduleVersion) = KerasPackages.unwrap(module, in: interpreter.kerasVersion)
      let moduleName = module.pythonName(in: moduleVersion)
      if let renamed = KerasModule.importedByPath(
        name, of: module, paths: interpreter.session.importedTensorFlowKerasPaths)
      {
        return .module(renamed)
      }
      if unwrapped == .keras && name == "__version__" {
        // Keras 3 answers its version; tf-keras 2.21's `tf.keras` has no `__version__` (only the
        // `tf_keras` package itself has one: `KerasModule.tfKeras`).
        if case .tfKeras = module { return .string(KerasModule.version) }
        if moduleVersion == .keras3 { return .string(KerasModule.keras3Version) }
        throw CellError(
          type: "AttributeError",
          message: "module '\(module.pythonName)' has no attribute '__version__'", range: range)
      }
      // Every module's own name, as its errors print it (`numpy`, `tf_keras.api._v2.keras`).
      if name == "__name__" { return .string(moduleName) }
      // TensorFlow's copy of Keras imports under Keras 3 too, but what it has does not work with
      // Keras 3's tensors: refused (a name it lacks is Python's AttributeError, as in tf-keras).
      if case .legacyKeras(let legacy) = module, interpreter.kerasVersion == .keras3,
        LegacyKeras.publicNames[legacy]?.contains(name) ?? true
      {
        throw .unsupported("ConvBook does not support `tensorflow.python.keras` yet", at: range)
      }
      // tf-keras keeps `model_from_yaml` only to refuse it when called (Keras 3 has none).
      if unwrapped == .models, name == "model_from_yaml" {
        guard moduleVersion == .keras2 else {
          throw CellError(
            type: "AttributeError",
            message: "module '\(moduleName)' has no attribute '\(name)'", range: range)
        }
        return .function(Callable(.unsupportedModelClass(name), path: "keras.models." + name))
      }
      if let missing = TensorFunctions.missingAttribute(
        name, of: unwrapped, named: moduleName,
        kerasVersion: moduleVersion, range: range)
      {
        throw missing
      }
      if moduleVersion == .keras3, unwrapped == .activations,
        !KerasModule.activationNames.contains(name),
        ActivationFunction(kerasName: name, keras3: true) != nil
          || ActivationFunction.keras3Unsupported.contains(name)
      {
        // Keras 3's own activations (`keras.activations.celu`), resolved when a layer uses one.
        return .function(Callable(.activation(name), path: "keras.activations." + name))
      }
      if module == .keras3Backend, !KerasModule.keras3BackendNames.contains(name),
        interpreter.session.lambdaTracingDepth == 0 || interpreter.session.keras3LambdaInference
      {
        throw CellError(
          type: "AttributeError", message: "module 'keras.backend' has no attribute '\(name)'",
          range: range)
      }
      var removedInKeras3 = false
      if module.lacks(name, in: interpreter.kerasVersion) {
        // With CPython's suggestion of the closest name of the module (`rmsprop`: 'RMSprop').
        let known = module.recordedNames(in: interpreter.kerasVersion)?.sorted() ?? []
        throw CellError(
          type: "AttributeError",
          message: "module '\(moduleName)' has no attribute '\(name)'",
          range: range, suggestion: NameSuggestion.closest(to: name, among: known))
      } else if let value = interpreter.session.attribute(name, of: module) {
        if case .module(let found) = value {
          removedInKeras3 =
            moduleVersion == .keras3 && Keras3Wording.isRemoved(found)
        }
        if !removedInKeras3 { return value }
      }
      if case .inert(let moduleName) = module,
        moduleName.hasPrefix("tensorflow.data") || moduleName == "keras.config"
          || moduleName == "keras.mixed_precision"
      {
        // `tf.data.Dataset` and Keras 3's settings are modelled (`TFDataModule`,
        // `KerasModule.kerasConfigAttribute`); the rest is ConvBook's limitation.
        throw .unsupported("ConvBook does not support `\(moduleName).\(name)` yet", at: range)
      }
      if case .inert("sklearn") = module, name == "__version__" {
        // Books check it before anything else (`assert version.parse(sklearn.__version__) >=
        // version.parse("1.0.1")` opens each chapter of Géron's); ConvBook models none of
        // scikit-learn, whose reference release it reports.
        return .string(KerasModule.scikitLearnVersion)
      }
      if case .inert(let moduleName) = module, name == "rc",
        moduleName == "matplotlib" || moduleName == "matplotlib.pyplot"
      {
        // Settings of figures ConvBook does not draw, checked as matplotlib checks them.
        return .function(Callable(.builtin("matplotlib.rc"), path: moduleName + ".rc"))
      }
      if case .inert("matplotlib") = module, name == "use" {
        // A backend for figures ConvBook does not draw (`MatplotlibSettings.useBackend`).
        return .function(Callable(.builtin("matplotlib.use"), path: "matplotlib.use"))
      }
      if case .inert("matplotlib.pyplot") = module,
        let function = MatplotlibDrawing.pyplotFunction(name)
      {
        // Drawing that prints nothing under a script's non-interactive backend (`MatplotlibDrawing`).
        return function
      }
      if case .inert(let moduleName) = module, name == "cm",
        moduleName == "matplotlib" || moduleName == "matplotlib.pyplot"
      {
        return .module(.inert("matplotlib.cm"))
      }
      if case .inert("matplotlib.cm") = module {
        return try MatplotlibDrawing.colormap(name, range: range)
      }
      if case .inert(let moduleName) = module, name == "style",
        moduleName == "matplotlib" || moduleName == "matplotlib.pyplot"
      {
        // `plt.style.use("ggplot")`: a look for figures ConvBook does not draw (`MatplotlibSettings`).
        return .module(.inert("matplotlib.style"))
      }
      if case .inert("importlib") = module, name == "import_module" {
        // The script's own modules (`ScriptModules`).
        return .function(
          Callable(.builtin("importlib.import_module"), path: "importlib.import_module"))
      }
      if case .inert("matplotlib.style") = module, name == "use" {
        return .function(Callable(.builtin("matplotlib.style.use"), path: "matplotlib.style.use"))
      }
      if case .inert("pandas") = module, name == "set_option" {
        // Display options, checked as pandas checks them (`PandasOptions`).
        return .function(Callable(.builtin("pandas.set_option"), path: "pandas.set_option"))
      }
      if case .inert("ssl") = module, ModuleAttributes.sslContextFactories.contains(name) {
        // The certificate workaround scripts run before downloading weights
        // (`ssl._create_default_https_context = ssl._create_unverified_context`): the functions
        // are there to pass around; calling one is refused.
        return .module(.inert("ssl." + name))
      }
      if case .inert(let moduleName) = module,
        Self.lazySubmodules[moduleName]?.contains(name) == true
      {
        // `import sklearn.datasets` binds `sklearn`, whose submodules are attributes (and
        // scikit-learn and SciPy load them on first access, so `import scipy` is enough).
        return .module(.inert(moduleName + "." + name))
      }
      if case .inert(SklearnDatasets.module) = module,
        let value = try SklearnDatasets.attribute(name, range: range)
      {
        // scikit-learn's generators ConvBook makes, and its ImportError of `load_boston`.
        return value
      }
      if case .inert("scipy.signal") = module, name == "convolve2d" {
        // Computed as SciPy does (`NumPyConvolve`).
        return .module(.inert(NumPyConvolve.convolve2dPath))
      }
      if case .inert("sklearn.utils") = module, name == "shuffle" {
        // Shuffled as scikit-learn shuffles (`SklearnShuffle`).
        return .module(.inert(SklearnShuffle.path))
      }
      if case .inert(SklearnMetrics.module) = module, let function = SklearnMetrics.attribute(name)
      {
        // Scores computed as scikit-learn computes them (`SklearnMetrics`).
        return function
      }
      if case .inert("sklearn.model_selection") = module, name == "train_test_split" {
        // Split as scikit-learn splits (`TrainTestSplit`).
        return .module(.inert(TrainTestSplit.path))
      }
      if case .inert("sklearn.preprocessing") = module,
        name == "StandardScaler" || name == "MinMaxScaler"
      {
        // Fitted and applied as scikit-learn computes them (`StandardScalerObject`,
        // `MinMaxScalerObject`).
        return .module(.inert("sklearn.preprocessing." + name))
      }
      if case .inert("sklearn.preprocessing") = module, name == "OneHotEncoder" {
        // Fitted and applied as scikit-learn 1.9 computes it (`OneHotEncoderObject`).
        return .module(.inert(OneHotEncoderObject.path))
      }
      if case .inert("sklearn.preprocessing") = module, name == "LabelBinarizer" {
        // Fitted and applied as scikit-learn 1.9 computes it (`LabelBinarizerObject`).
        return .module(.inert(LabelBinarizerObject.path))
      }
      if case .inert("keras.preprocessing") = module, name == "image_dataset_from_directory" {
        // Refused when called, but for a folder that is not there (`MissingFiles`).
        return .module(.inert("keras.preprocessing.image_dataset_from_directory"))
      }
      if case .inert(let moduleName) = module {
        throw .unsupported(
          "\(moduleName).\(name) is not available in ConvBook cells: only Keras model code runs here",
          at: range)
      }
      if case .numpy = module, let message = NumPyFunctions.formerAliasMessage(name) {
        throw CellError(type: "AttributeError", message: message, range: range)
      }
      if let refusal = module.unresolvedName(name, in: interpreter.kerasVersion, at: range) {
        throw refusal
      }
      // A module Keras 3 removed is missing there, not ConvBook's limitation.
      if !removedInKeras3, let refusal = module.unsupportedName(name, at: range) { throw refusal }
      // CPython suggests the closest name of `dir(module)`.
      var known = module.apiKey.flatMap { KerasAPINames.names[$0] }?.sorted() ?? []
      if case .tensorFunctions(let namespace) = module,
        let names = TensorFlowNamespaceNames.names[namespace]
      {
        known = names.sorted()
      }
      throw CellError(
        type: "AttributeError",
        message: "module '\(moduleName)' has no attribute '\(name)'",
        range: range, suggestion: NameSuggestion.closest(to: name, among: known))
    case .exception(let exception):
      if let value = exceptionAttribute(name, exception) { return value }
    case .kerasObject where name == "name" && TensorFlowDType.name(of: base) != nil:
      return .string(TensorFlowDType.name(of: base) ?? "")
    case .kerasObject(let object):
      if let value = ContextManagers.attribute(name, of: object) { return value }
      if TapeOptimizers.methodNames.contains(name), TapeOptimizers.isOptimizer(object) {
        // Keras 3's optimizers have no `minimize` (tf-keras' compute the loss's gradients).
        guard name != "minimize" || interpreter.kerasVersion == .keras2 else {
          throw CellError(
            type: "AttributeError",
            message: "'\(object.typeName)' object has no attribute 'minimize'", range: range)
        }
        return .method(receiver: base, name: name)
      }
      if name == "apply", TapeOptimizers.isOptimizer(object) {
        // Keras 3's `optimizer.apply(grads, trainable_variables)`; tf-keras' optimizers have none.
        guard interpreter.kerasVersion == .keras3 else {
          throw CellError(
            type: "AttributeError",
            message: "'\(object.typeName)' object has no attribute 'apply'", range: range)
        }
        return .method(receiver: base, name: name)
      }
      if name == "get_config",
        ScheduleObjects.isSchedule(object)
          || OptimizerConfig.isOptimizer(object, keras3: interpreter.kerasVersion == .keras3)
          || LayerConfig.objectConfig(object, keras3: interpreter.kerasVersion == .keras3) != nil
      {
        return .method(receiver: base, name: name)
      }
      if let variable = try CompiledModelAttributes.learningRate(
        name, of: object, range: range, interpreter: interpreter)
      {
        return variable
      }
      if name == "name",
        let optimizer = CompiledModelAttributes.optimizerName(
          object, keras3: interpreter.kerasVersion == .keras3)
      {
        return .string(optimizer)
      }
      // A Keras object keeps what it was made with (`keras.metrics.Mean(name="loss").name`);
      // its other attributes are ConvBook's limitation, not a Python error.
      if let (_, given) = object.arguments.first(where: { $0.0 == name }) {
        switch given {
        case .none: return Value.none
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .float(number)
        case .string(let text): return .string(text)
        default: break
        }
      }
      // What a fit left in a callback (`EarlyStopping.stopped_epoch`), or its state before any.
      if let value = interpreter.session.objectAttributes.value(name, of: object.identity) {
        return value
      }
      if object.typeName == "EarlyStopping", name == "stopped_epoch" || name == "wait" {
        return .int(0)
      }
      if object.layer == nil, !name.hasPrefix("_"), object.typeName.first?.isUppercase == true {
        throw .unsupported("ConvBook does not support `\(object.typeName).\(name)` yet", at: range)
      }
    case .function(let callable)
    where ["__self__", "__func__", "__name__", "__qualname__"].contains(name)
      && callable.boundMethod != nil:
      // A bound method made by `types.MethodType`: its instance and function.
      let application = callable.boundMethod!
      switch name {
      case "__self__": return application.positional.first ?? Value.none
      case "__func__": return application.callee
      default: return try get(name, of: application.callee, range: range, interpreter: interpreter)
      }
    case .function(let callable) where callable.kind == .sequentialClass && name == "from_config":
      return .function(
        Callable(.builtin("keras.Sequential.from_config"), path: callable.path + ".from_config"))
    case .function(let callable)
    where name == "from_config" && KerasObjectText.layerClassName(of: callable) != nil:
      // `keras.layers.Dense.from_config(config)`: the layer made again from its config.
      let className = KerasObjectText.layerClassName(of: callable) ?? ""
      return .function(
        Callable(
          .partial(
            Callable.PartialApplication(
              callee: .function(
                Callable(.builtin("keras.layers.from_config"), path: callable.path + ".from_config")
              ),
              positional: [.string(className)], keywords: [])),
          path: callable.path + ".from_config"))
    case .function(let callable)
    where name == "from_config" && callable.path.contains(".optimizers.")
      && CompiledModelAttributes.optimizerClasses.values.contains(
        String(callable.path.split(separator: ".").last ?? "")):
      // `keras.optimizers.Adam.from_config(config)`.
      let className = String(callable.path.split(separator: ".").last ?? "")
      return .function(
        Callable(
          .builtin("keras.optimizers.from_config." + className),
          path: callable.path + ".from_config"))
    case .function(let callable) where callable.kind == .modelClass && name == "from_config":
      return .function(
        Callable(.builtin("keras.Model.from_config"), path: callable.path + ".from_config"))
    case .method(receiver: .instance, let method) where name == "__name__":
      // A bound method of the script's class (`self.wasserstein_loss.__name__`).
      return .string(method)
    case .function(let callable) where ["func", "args", "keywords"].contains(name):
      // `functools.partial`'s attributes: what it calls, and the arguments it adds.
      guard case .partial(let application) = callable.kind, !application.isBoundMethod else {
        break
      }
      switch name {
      case "func": return application.callee
      case "args": return .tuple(application.positional)
      default: return .dictionary(application.keywords.map { (.string($0.0), $0.1) })
      }
    case .function(let callable)
    where callable.kind == .builtin(callable.path) && !name.hasPrefix("__")
      && BuiltinTypeAttributes.names(ofClass: callable.path).map({ !$0.contains(name) }) == true:
      // `str.nothing`: CPython's error for a class attribute, with its suggestion (the class's
      // own dunders, `__name__`, are the type's).
      throw CellError(
        type: "AttributeError",
        message: "type object '\(callable.path)' has no attribute '\(name)'", range: range,
        suggestion: NameSuggestion.closest(
          to: name, among: BuiltinTypeAttributes.names(ofClass: callable.path)?.sorted() ?? []))
    case .function(let callable)
    where ["int", "float"].contains(callable.path) && callable.kind == .builtin(callable.path)
      && ["from_bytes", "fromhex"].contains(name):
      // Class methods that make numbers from bytes or hexadecimal text.
      throw .unsupported("ConvBook does not support `\(callable.path).\(name)` yet", at: range)
    case .function(let callable)
    where ["str", "list", "dict", "tuple", "set", "int", "float"].contains(callable.path)
      && callable.kind == .builtin(callable.path) && name.first != "_":
      // `str.lower` as a key function: the method of the class, called with its receiver first.
      return .standard(UnboundMethod(typeName: callable.path, name: name))
    case .function(let callable)
    where callable.kind == .builtin(callable.path) && callable.path.hasPrefix("numpy.")
      && NumPyUfunc.numpyUfuncNames.contains(String(callable.path.dropFirst(6)))
      && NumPyUfunc.ufuncMethods.contains(name):
      // `np.maximum.accumulate(x)`: a ufunc's method of a function ConvBook models plainly.
      throw .unsupported("ConvBook does not support `\(callable.path).\(name)` yet", at: range)
    case .function(let callable)
    where callable.kind == .classSupport("super") && name == "__init__":
      return .standard(SuperInitSlot())
    case .function(let callable)
    where callable.kind == .classSupport("object") && name == "__new__":
      return .function(Callable(.classSupport("object.__new__"), path: "object.__new__"))
    case .function(let callable)
    where (name == "__mro__" || name == "__bases__") && callable.isClass
      && callable.kind == .builtin(callable.path):
      // `type(error).__mro__`: a built-in class and its bases, `object` last.
      let chain = Builtins.classChain(callable.path)
      let classes = chain.map { Value.function(Callable(.builtin($0), path: $0)) }
      let object = Value.function(Callable(.classSupport("object"), path: "object"))
      return name == "__mro__"
        ? .tuple(classes + [object]) : .tuple([classes.dropFirst().first ?? object])
    case .function(let callable):
      if case .user(let function) = callable.kind {
        if let refusal = function.refusedAttributes[name], function.attributes[name] == nil {
          throw .unsupported(refusal, at: range)
        }
        if let value = function.attribute(name) { return value }
        if UserFunction.unmodelledAttributes.contains(name) {
          // CPython's function objects have them; ConvBook's do not carry them.
          throw .unsupported("ConvBook does not support a function's `\(name)` yet", at: range)
        }
      }
      if case .descriptor(let descriptor) = callable.kind, descriptor.kind == .tfFunction,
        !name.hasPrefix("__")
      {
        // TensorFlow's `Function` objects (`get_concrete_function`, `python_function`, ...).
        throw .unsupported("ConvBook does not support `\(name)` of a `tf.function` yet", at: range)
      }
      if name == "__module__",
        let module = KerasObjectText.module(of: callable, version: interpreter.kerasVersion)
      {
        return .string(module)
      }
      if name == "__name__" || name == "__qualname__",
        let className = KerasObjectText.className(of: callable)
      {
        return .string(className)
      }
      if name == "__module__", let path = TensorFlowClasses.classPath(of: callable) {
        return .string(path.split(separator: ".").dropLast().joined(separator: "."))
      }
      if name == "__doc__" || name == "__module__", callable.userFunction == nil {
        // Keras' and Python's docstrings and module paths are texts ConvBook does not carry.
        throw .unsupported(
          "ConvBook does not have the `\(name)` of `\(callable.path)`", at: range)
      }
      guard name == "__name__" || name == "__qualname__" else { break }
      // TensorFlow's functions carry the name of the Python function behind them.
      if let tensorFlowName =
        name == "__name__"
        ? TensorFlowFunctionNames.name(of: callable)
        : TensorFlowFunctionNames.qualifiedName(of: callable)
      {
        return .string(tensorFlowName)
      }
      switch callable.kind {
      case .partial: break
      default: return .string(String(callable.path.split(separator: ".").last ?? ""))
      }
    case .model(let model):
      if let value = interpreter.session.objectAttributes.value(name, of: model) { return value }
      if name == "trainable",
        let given = interpreter.session.objectAttributes.value(
          KerasObjectAttributes.givenTrainable, of: model)
      {
        return given
      }
      if let value = try modelAttribute(name, model, range: range, interpreter: interpreter) {
        return value
      }
    case .layer(let instance):
      if let value = interpreter.session.objectAttributes.value(name, of: instance) {
        return value
      }
      if name == "trainable",
        let given = interpreter.session.objectAttributes.value(
          KerasObjectAttributes.givenTrainable, of: instance)
      {
        return given
      }
      if name == "activation",
        let function = interpreter.session.activationFunctions[ObjectIdentifier(instance)]
      {
        return function
      }
      // Keras 3 layers have no `input_shape` / `output_shape` (models still do); ConvBook's own
      // expressions (inline values, exercise answers) keep them under both versions.
      let removedInKeras3 = name == "input_shape" || name == "output_shape"
      if interpreter.kerasVersion == .keras3 && removedInKeras3 && interpreter.runsCell {
        break
      }
      if interpreter.kerasVersion == .keras3, !instance.isBuilt,
        let refusal = Keras3Wording.unbuiltWeight(name, of: instance.layer)
      {
        throw CellError(type: "AttributeError", message: refusal, range: range)
      }
      if name == "input" || name == "output" {
        return try LayerConnections.layerTensor(
          name, of: instance, range: range, interpreter: interpreter)
      }
      if NormalizationAdapt.isNormalization(instance) {
        if name == "adapt" { return .method(receiver: base, name: name) }
        if let value = try NormalizationAdapt.statistic(
          name, of: instance, interpreter: interpreter, range: range)
        {
          return value
        }
      }
      if NodeAttributes.names.contains(name), interpreter.kerasVersion == .keras2 {
        return .method(receiver: .layer(instance), name: name)
      }
      if let value = try LayerDTypePolicy.attribute(
        name, dtype: instance.layer.common.arguments["dtype"], of: instance, owner: instance.name,
        session: interpreter.session, range: range)
      {
        return value
      }
      if name == "built", interpreter.kerasVersion == .keras3,
        KerasModel.builtAtConstruction.contains(instance.className)
      {
        return .bool(true)
      }
      if name == "output_shape" || name == "input_shape",
        interpreter.session.kerasHasNoNode(for: instance)
      {
        // tf-keras: a sublayer called only inside a custom layer's traced `call` has no node.
        throw CellError(
          type: "AttributeError",
          message:
            "The layer \"\(instance.name)\" has never been called and thus has no defined \(name == "output_shape" ? "output" : "input") shape.",
          range: range)
      }
      if name == "_name", interpreter.kerasVersion == .keras2, instance.model == nil {
        // tf-keras' `name` property reads `_name` (a layer's own attribute in Keras 3, see `set`).
        return .string(instance.name)
      }
      if let value = LayerInitializerAttributes.attribute(
        name, of: instance, interpreter: interpreter)
      {
        return value
      }
      if let value = try layerAttribute(name, instance, range: range) {
        guard name == "output_shape" || name == "input_shape" else { return value }
        return EagerCalls.shownShapeValue(
          value,
          of: name == "output_shape"
            ? instance.outputTensor(node: 0)
            : instance.inputTensors(node: 0)?.first,
          session: interpreter.session)
      }
      // `rnn.cell`, `stacked.cells`: the cell objects the layer was made of.
      if let value = interpreter.session.recurrentCells[ObjectIdentifier(instance)]?[name] {
        return value
      }
      if name == "cell" && instance.className == "RNN"
        || name == "cells" && instance.className == "StackedRNNCells"
      {
        throw .unsupported("ConvBook does not support `layer.\(name)` here yet", at: range)
      }
    case .array(let array):
      if let dtype = array.tensorFlowDType {
        return try EagerTensors.attribute(name, of: array, dtype: dtype, range: range)
      }
      if let value = NumPyFunctions.attribute(name, of: array) { return value }
      if NumPyFunctions.arrayAttributeNames.contains(name) {
        throw .unsupported("ConvBook does not support `ndarray.\(name)` yet", at: range)
      }
      throw CellError(
        type: "AttributeError", message: "'numpy.ndarray' object has no attribute '\(name)'",
        range: range)
    case .history(let history):
      switch name {
      case "history": return history.dictionary
      case "epoch": return .list(history.epochs.map(Value.int))
      case "params":
        if let params = history.paramsDictionary { return params }
        throw .unsupported(
          "ConvBook does not support `History.params` after this kind of fit yet", at: range)
      case "model":
        if let key = history.model,
          let model = interpreter.session.training.states[key]?.model
        {
          return ClassCallbacks.modelValue(model, session: interpreter.session)
        }
        throw .unsupported(
          "ConvBook does not support `History.model` yet; use the model you called fit on",
          at: range)
      default: break
      }
    case .kerasTensor(let tensor):
      switch name {
      case "shape":
        // Keras 3 on TensorFlow runs a custom layer's `call` and a Lambda's function on
        // TensorFlow's symbolic tensors (`backend.compute_output_spec`), whose shape is a
        // `TensorShape` as in tf-keras.
        if interpreter.session.lambdaTracingDepth > 0 {
          return .tensorShape(tensor.shape.dimensions)
        }
        return TensorShapeValue.make(
          EagerCalls.shownShape(of: tensor, session: interpreter.session).dimensions,
          interpreter: interpreter)
      case _
      where ["assign", "assign_add", "assign_sub"].contains(name)
        && tensor.producer.layer is CustomWeight:
        // A custom layer's weight stands for its variable while `call` is traced, as a node of
        // the graph; updating it is state the graph does not hold.
        throw .unsupported(
          "ConvBook does not support `\(name)` on a custom layer's weight inside its call() yet",
          at: range)
      case "name":
        if let weight = tensor.producer.layer as? CustomWeight {
          // A custom layer's weight (`self.kernel` after build): the variable's name.
          if interpreter.kerasVersion == .keras3 { return .string(weight.spec.name) }
          let variable = WeightVariable(
            layerName: tensor.producer.weightsName, spec: weight.spec, scope: weight.scope)
          return .string(variable.kerasName)
        }
        if let keras3Name = tensor.keras3Name { return .string(keras3Name) }
        if interpreter.kerasVersion == .keras3, interpreter.session.lambdaTracingDepth > 0 {
          guard let name = Keras3TracedTensors.name(of: tensor, session: interpreter.session)
          else {
            throw .unsupported(
              "the name of a tensor inside a layer's call under Keras 3 is the op of TensorFlow's graph that computes it, which ConvBook does not model",
              at: range)
          }
          return .string(name)
        }
        if let name = TFKerasTensorNames.name(of: tensor) { return .string(name) }
        guard tensor.isInput else {
          throw .unsupported(
            "the name of a tensor made by a layer is the TensorFlow op that computes it, which ConvBook does not model; use the layer's name (\(tensor.producer.name))",
            at: range)
        }
        return .string(tensor.producer.name)
      case "dtype":
        // TensorFlow's symbolic tensors in a traced call have a `tf.DType` (Keras 3 too).
        let dtype = tensor.dtypeName
        return interpreter.kerasVersion == .keras3 && interpreter.session.lambdaTracingDepth == 0
          ? .string(dtype) : TensorFlowDType.value(dtype)
      case "get_shape"
      where interpreter.kerasVersion == .keras2 || interpreter.session.lambdaTracingDepth > 0:
        // tf-keras' KerasTensor has it, as have the TensorFlow tensors that a Lambda's function
        // and a custom layer's `call` run on (Keras 3's too); Keras 3's KerasTensor has not.
        return .method(receiver: base, name: name)
      case "get_shape" where interpreter.kerasVersion == .keras3:
        // CPython suggests Keras 3's private `_shape` (measured with Keras 3.15.1).
        throw CellError(
          type: "AttributeError", message: "'KerasTensor' object has no attribute 'get_shape'",
          range: range, suggestion: "_shape")
      case "ndim"
      where interpreter.kerasVersion == .keras3 || interpreter.session.lambdaTracingDepth > 0:
        // Keras 3's KerasTensor has `ndim`, as have the TensorFlow tensors a traced call runs
        // on (tf-keras' too); tf-keras' own KerasTensor has not.
        return .int(tensor.shape.dimensions.count)
      default: break
      }
    case .variable(let variable):
      switch name {
      case "shape":
        // A TensorFlow variable's shape under both versions (Keras 3 on TensorFlow too).
        return .tensorShape(variable.shape.map { Optional($0) })
      case "name":
        // Keras 3 names a variable by its own name (`kernel`); tf-keras by its path (`dense/kernel:0`).
        if interpreter.kerasVersion == .keras3 {
          // A cell's weights (`lstm_cell/kernel`) too: the last part of the path.
          let own = String(variable.spec.name.split(separator: "/").last ?? "")
          guard
            let owner = try? WeightValues.owner(
              of: variable, range: range, interpreter: interpreter)
          else { return .string(own) }
          return .string(WeightText.keras3Name(own, owner: owner))
        }
        return .string(variable.kerasName)
      case "trainable": return .bool(variable.trainable)
      case "numpy", "assign", "assign_add", "assign_sub", "read_value", "value":
        return .method(receiver: base, name: name)
      // TensorFlow's `ResourceVariable.get_shape()` (refused when called: ConvBook's limitation);
      // Keras 3's variables have none.
      case "get_shape" where interpreter.kerasVersion == .keras2:
        return .method(receiver: base, name: name)
      case "dtype":
        return interpreter.kerasVersion == .keras3
          ? .string("float32") : TensorFlowDType.value("float32")
      case "path" where interpreter.kerasVersion == .keras3:
        // The name scopes it was made in: a custom layer's, the Sequential models that built it.
        if let owner = try? WeightValues.owner(
          of: variable, range: range, interpreter: interpreter),
          let path = WeightText.keras3Path(of: variable, owner: owner, session: interpreter.session)
        {
          return .string(path)
        }
        if let scope = variable.scope { return .string("\(scope)/\(variable.spec.name)") }
        throw .unsupported(
          "ConvBook does not support `Variable.path` of a layer held by no model of the script's (or by two Sequential models) yet",
          at: range)
      case "ndim" where interpreter.kerasVersion == .keras3:
        return .int(variable.shape.count)
      case _ where interpreter.kerasVersion == .keras3 && keras3VariableAttributes.contains(name):
        throw .unsupported("ConvBook does not support `Variable.\(name)` yet", at: range)
      case _ where interpreter.kerasVersion == .keras3 && !name.hasPrefix("_"):
        // Keras 3's own `Variable` class; CPython suggests its private `_shape` for `get_shape`
        // (measured with Keras 3.15.1).
        throw CellError(
          type: "AttributeError", message: "'Variable' object has no attribute '\(name)'",
          range: range, suggestion: name == "get_shape" ? "_shape" : nil)
      default: break
      }
    case .standard(let object):
      if let value = try object.attribute(name, interpreter: interpreter, range: range) {
        return value
      }
    case .list(let list) where list.heldByKerasLayer && name == "layers":
      return try KerasSubclassing.trackedListLayers(
        list, range: range, kerasVersion: interpreter.kerasVersion)
    case .list(let list) where list.deque != nil && name == "maxlen":
      return list.deque?.maximumLength.map(Value.int) ?? .none
    case .string, .list, .tuple, .dictionary, .int, .bigInt, .bool, .float:
      if let value = try BuiltinTypeAttributes.attribute(
        name, of: base, typeName: base.typeName, range: range)
      {
        return value
      }
      return .method(receiver: base, name: name)
    case .set(let set) where SetOperations.hasMethod(name, frozen: set.isFrozen):
      return .method(receiver: base, name: name)
    case .tensorShape(let dimensions):
      if let value = TensorShapeValue.attribute(name, of: dimensions, receiver: base) {
        return value
      }
    case .slice(let start, let stop, let step):
      let bound: Int?? =
        switch name {
        case "start": start
        case "stop": stop
        case "step": step
        default: nil
        }
      if let bound { return bound.map(Value.int) ?? Value.none }
    default: break
    }
    if case .layer(let instance) = base,
      let given = interpreter.session.scriptLayerArguments[ObjectIdentifier(instance)]?.first(
        where: { $0.0 == name })
    {
      // An instance of the script's own initializer, regularizer or constraint class: Keras
      // keeps the object itself.
      return given.1
    }
    if case .layer(let instance) = base,
      let value = try argumentAttribute(
        name, of: instance, keras3: interpreter.kerasVersion == .keras3, range: range)
    {
      return value
    }
    if case .layer(let instance) = base,
      let stored = instance.layer.common.arguments.values[name]
    {
      // A constructor argument Keras keeps as an attribute of the same name
      // (`AlphaDropout(0.1).rate`): those both Kerases store as given read back, an unset
      // regularizer or constraint is None, and a set one or an initializer (an object in Keras)
      // is ConvBook's limitation, never a made-up AttributeError.
      let isObjectSetting = ["_initializer", "_regularizer", "_constraint"].contains {
        name.hasSuffix($0)
      }
      if settingsStoredAsGiven.contains(name), let value = LayerConfig.plainValue(stored) {
        return value
      }
      if isObjectSetting, !name.hasSuffix("_initializer"), stored == .none { return Value.none }
      if isObjectSetting || settingsStoredAsGiven.contains(name) {
        throw .unsupported("ConvBook does not support `layer.\(name)` yet", at: range)
      }
    }
    if case .layer(let instance) = base, name == "compute_mask",
      !KerasMask.operations(of: instance.layer).isEmpty
    {
      return .method(receiver: base, name: name)
    }
    // Both Kerases keep a layer's calls as its private `_inbound_nodes` / `_outbound_nodes`
    // (`len(l._inbound_nodes)` in FLOPs helpers), which `dir()` does not list.
    if case .layer = base, name == "_inbound_nodes" || name == "_outbound_nodes" {
      throw .unsupported("ConvBook does not support `layer.\(name)` yet", at: range)
    }
    if name == "losses", case .model(let model) = base {
      return try ModelLosses.value(
        of: model.layers.filter { !$0.isInputLayer }, owner: "model",
        ran: interpreter.session.training.states[ObjectIdentifier(model)] != nil,
        interpreter: interpreter, range: range)
    }
    if name == "losses", case .layer(let instance) = base {
      return try ModelLosses.value(
        of: [instance], owner: "layer", ran: true, interpreter: interpreter, range: range)
    }
    if case .layer(let instance) = base,
      keras2And3LayerAttributes.contains(name) || KerasLayerAttributeNames.shared.contains(name)
        || KerasLayerAttributeNames.byClass[instance.className]?.contains(name) == true
    {
      // Real Keras has it; ConvBook lacks it: its limitation, not a Python error.
      throw .unsupported("ConvBook does not support `layer.\(name)` yet", at: range)
    }
    if case .model = base,
      keras2And3LayerAttributes.contains(name) || KerasLayerAttributeNames.shared.contains(name)
        || keras2And3ModelAttributes.contains(name)
    {
      // `model.losses`: real Keras has it, ConvBook lacks it.
      throw .unsupported("ConvBook does not support `model.\(name)` yet", at: range)
    }
    if case .model(let model) = base {
      throw missingModelAttribute(name, of: model, range: range, interpreter: interpreter)
    }
    if name == "__dict__" {
      switch base {
      case .layer, .model, .kerasObject, .variable, .kerasTensor:
        // Keras objects have their `__dict__` (their Python attributes); ConvBook's are its own.
        throw .unsupported(
          "ConvBook does not support the `__dict__` of a Keras object yet", at: range)
      default: break
      }
    }
    if case .function(let callable) = base, callable.isClass {
      // `object.__init__`, `keras.layers.Layer.__init__`, `int.__add__`: the class has it in
      // Python (its own or `type`'s); ConvBook does not model a class's attributes. Only
      // `object`'s dir is small enough to know that anything else is missing.
      let className = String(callable.path.split(separator: ".").last ?? "")
      if className == "object", !PythonClassDirectory.isClassAttribute(name) {
        throw CellError(
          type: "AttributeError", message: "type object 'object' has no attribute '\(name)'",
          range: range)
      }
      throw .unsupported(
        "ConvBook does not support `\(className).\(name)` of a class yet", at: range)
    }
    let typeName = RuntimeTypeNames.typeName(of: base, session: interpreter.session)
    var suggestion = KerasAttributeSuggestion.suggestion(
      for: name, of: base, interpreter: interpreter)
    if suggestion == nil, case .layer(let instance) = base, interpreter.kerasVersion == .keras3 {
      suggestion = keras3RemovedShapeSuggestion(name, className: instance.className)
    }
    throw CellError(
      type: "AttributeError", message: "'\(typeName)' object has no attribute '\(name)'",
      range: range, suggestion: suggestion)
  }

  /// CPython's suggestion for `layer.input_shape` / `layer.output_shape`, which Keras 3 layers
  /// no longer have: the closest name of `dir(layer)`, measured on Keras 3.15.1's layer classes
  /// (every layer's `input_dtype`; an `output_...` property of the two classes that have one).
  private static func keras3RemovedShapeSuggestion(_ name: String, className: String) -> String? {
    switch (name, className) {
    case ("input_shape", _): return "input_dtype"
    case ("output_shape", "Discretization"): return "output_dtype"
    case ("output_shape", "MultiHeadAttention"): return "output_dense"
    default: return nil
    }
  }

  /// A constructor argument read as the attribute Keras keeps of it
  /// (`BatchNormalization(momentum=0.9).momentum`), from what each Keras was measured to keep
  /// (`KerasLayerArgumentAttributes`): a number, string or bool as given (or its default), None
  /// while a None default is not given; anything Keras converts (an initializer object, a tuple
  /// made from a number) is ConvBook's limitation. nil: Keras keeps no attribute of that name,
  /// or one that the settings above (`configuration`, `settingsStoredAsGiven`) answer.
  private static func argumentAttribute(
    _ name: String, of instance: LayerInstance, keras3: Bool, range: SourceRange
  ) throws(CellError) -> Value? {
    let layer = instance.layer
    guard instance.model == nil,
      let kind = KerasLayerArgumentAttributes.kind(
        name,
        // (tf-keras' `experimental.SyncBatchNormalization` keeps its parent's attributes.)
        of: layer.className == "SyncBatchNormalization" ? "BatchNormalization" : layer.className,
        keras3: keras3)
    else { return nil }
    if kind != .private, settingsStoredAsGiven.contains(name),
      layer.common.arguments.values[name] != nil
    {
      return nil
    }
    let given =
      layer.common.arguments.values[name]
      ?? LayerCatalog.entries[layer.className]?.signature.parameters.first { $0.name == name }?
      .defaultValue
    switch (kind, given) {
    case (.given, .bool(let flag)?): return .bool(flag)
    case (.given, .int(let number)?): return .int(number)
    case (.given, .float(let number)?): return .float(number)
    // (Keras lower-cases a padding, `normalize_padding`, but for Keras 3's pooling layers.)
    case (.given, .string(let text)?):
      let keepsCase = keras3 && layer is Pooling
      return .string(name == "padding" && !keepsCase ? text.lowercased() : text)
    case (.none, ArgumentValue.none?): return Value.none
    // A number given where the default is None (`ReLU(max_value=6.0)`, `seed=`) is kept; an
    // initializer, regularizer, constraint or activation becomes an object.
    case (.none, .int(let number)?) where !isObjectArgument(name): return .int(number)
    case (.none, .float(let number)?) where !isObjectArgument(name): return .float(number)
    case (.private, _):
      throw CellError(
        type: "AttributeError",
        message: "'\(layer.className)' object has no attribute '\(name)'", range: range,
        suggestion: "_" + name)
    default: throw .unsupported("ConvBook does not support `layer.\(name)` yet", at: range)
    }
  }

  private static func isObjectArgument(_ name: String) -> Bool {
    name.hasSuffix("activation")
      || ["_initializer", "_regularizer", "_constraint"].contains { name.hasSuffix($0) }
  }

  /// Constructor arguments that tf-keras and Keras 3 both keep unchanged as a layer attribute of
  /// the same name (`self.rate = rate` in the dropout and noise layers, `self.seed = seed`).
  /// The public attributes of Keras 3's `Variable` (3.15) that ConvBook does not model.
  /// The submodules of scikit-learn 1.9 and SciPy that their packages load when a script first
  /// reaches them as attributes (`sklearn.datasets.make_moons(...)`, `scipy.signal.convolve2d`).
  static let lazySubmodules: [String: Set<String>] = [
    "sklearn": [
      "calibration", "cluster", "compose", "covariance", "datasets", "decomposition",
      "ensemble", "exceptions", "feature_extraction", "feature_selection", "impute",
      "inspection", "linear_model", "manifold", "metrics", "mixture", "model_selection",
      "naive_bayes", "neighbors", "neural_network", "pipeline", "preprocessing", "svm", "tree",
      "utils",
    ],
    "scipy": [
      "cluster", "fft", "integrate", "interpolate", "io", "linalg", "ndimage", "optimize",
      "signal", "sparse", "spatial", "special", "stats",
    ],
  ]

  static let keras3VariableAttributes: Set<String> = [
    "aggregation", "constraint", "handle", "overwrite_with_gradient", "path", "regularizer",
    "synchronization",
  ]

  static let settingsStoredAsGiven: Set<String> = [
    "rate", "stddev", "noise_shape", "seed", "offset",
  ]

  /// `model.name` where ConvBook has no such attribute: ConvBook's limitation where the real
  /// model has it (`dir(model)` of this Keras, `KerasModelAttributeNames`), else CPython's
  /// AttributeError with its "Did you mean" among those names (`predict_classes`:
  /// 'predict_step').
  static func missingModelAttribute(
    _ name: String, of model: KerasModel, range: SourceRange, interpreter: Interpreter
  ) -> CellError {
    let names = modelAttributeNames(of: model, interpreter: interpreter)
    if names.contains(name) {
      return .unsupported("ConvBook does not support `model.\(name)` yet", at: range)
    }
    // The table is `dir()` of a compiled model: Keras 3's `compile` makes
    // `_compiled_trainable_state` and `_compile_config`, which an uncompiled model lacks.
    let candidates =
      interpreter.kerasVersion == .keras3 && model.compileArguments == nil
      ? names.filter { !Self.keras3CompileMadeAttributes.contains($0) } : names
    return CellError(
      type: "AttributeError", message: "'\(model.className)' object has no attribute '\(name)'",
      range: range, suggestion: NameSuggestion.closest(to: name, among: candidates))
  }

  /// `dir(model)` of this Keras for `model`'s class.
  static func modelAttributeNames(of model: KerasModel, interpreter: Interpreter) -> [String] {
    let table =
      interpreter.kerasVersion == .keras3
      ? KerasModelAttributeNames.keras3 : KerasModelAttributeNames.tfKeras
    return table[model.className] ?? table["Functional"] ?? []
  }

  /// The attributes Keras 3's `Trainer.compile` sets on a model (beyond those its `__init__`
  /// sets).
  private static let keras3CompileMadeAttributes: Set<String> = [
    "_compiled_trainable_state", "_compile_config",
  ]

  /// Public attributes that a `Model` (Functional or Sequential; `add` and `pop` are Sequential's
  /// alone) has in tf-keras 2.21 and in Keras 3.15.1 alike, beyond a layer's.
  private static let keras2And3ModelAttributes: Set<String> = [
    "compile", "compile_from_config", "compute_loss", "compute_metrics",
    "distribute_reduction_method", "distribute_strategy", "evaluate", "export", "fit",
    "get_compile_config", "get_layer", "get_metrics_result", "jit_compile", "layers",
    "load_weights", "make_predict_function", "make_test_function", "make_train_function",
    "metrics_names", "predict", "predict_on_batch", "predict_step", "reset_metrics",
    "run_eagerly", "save", "save_weights", "summary", "test_on_batch", "test_step", "to_json",
    "train_on_batch", "train_step",
  ]

  /// Public attributes that a layer has in tf-keras 2.21 and in Keras 3.15.1 alike (reaching the
  /// end of `get` means ConvBook does not compute them).
  private static let keras2And3LayerAttributes: Set<String> = [
    "input_spec", "losses", "metrics", "trainable_variables",
    "non_trainable_variables", "trainable_weights", "non_trainable_weights", "dtype",
    "compute_dtype", "variable_dtype", "dtype_policy", "supports_masking", "activity_regularizer",
  ]

  /// A layer of a model as Python sees it: a nested model is the model itself.
  static func layerValue(_ instance: LayerInstance) -> Value {
    instance.model.map(Value.model) ?? .layer(instance)
  }

  static func variablesValue(_ variables: [WeightVariable]) -> Value {
    .list(variables.map(Value.variable))
  }

  private static func modelAttribute(
    _ name: String, _ model: KerasModel, range: SourceRange, interpreter: Interpreter
  )
    throws(CellError) -> Value?
  {
    if let value = try CompiledModelAttributes.attribute(
      name, of: model, range: range, interpreter: interpreter)
    {
      return value
    }
    if let value = try LayerDTypePolicy.attribute(
      name, dtype: nil, of: model, owner: model.name, session: interpreter.session, range: range)
    {
      return value
    }
    switch name {
    case "name": return .string(model.name)
    // tf-keras' `name` property reads `_name` (`if hasattr(model, "_name"): model._name = ...`).
    case "_name" where interpreter.kerasVersion == .keras2: return .string(model.name)
    case "layers":
      return .list(
        model.layers.map(layerValue)
          + EagerCalls.deferredValues(of: model, session: interpreter.session))
    case "built": return .bool(model.isBuilt)
    case "trainable": return .bool(model.trainable)
    case "inputs", "outputs", "input", "output":
      return try LayerConnections.modelTensors(
        name, of: model, range: range, interpreter: interpreter)
    case "input_names" where interpreter.kerasVersion == .keras3:
      return nil  // Keras 3's models have `output_names` only.
    case "input_names", "output_names":
      return try LayerConnections.modelTensorNames(
        name, of: model, range: range, interpreter: interpreter)
    case "input_shape", "output_shape":
      guard let input = model.inputShape,
        let output = model.outputShape, !model.passesCallsThrough
      else {
        if interpreter.kerasVersion == .keras3 {
          let which = name.hasPrefix("in") ? "input" : "output"
          throw CellError(
            type: "AttributeError",
            message: "Sequential model '\(model.name)' has no defined \(which) shape yet.",
            range: range)
        }
        // What Keras' Functional properties find missing on an unbuilt Sequential model.
        let missing = name.hasPrefix("in") ? "_nested_inputs" : "_nested_outputs"
        throw CellError(
          type: "AttributeError",
          message: "'\(model.className)' object has no attribute '\(missing)'", range: range)
      }
      // tf-keras maps the structure the model was given: a dict of tensors gives a dict of
      // shapes, keys in the given order (Keras 3 flattens it, keys sorted, as `inputs` is).
      if interpreter.kerasVersion == .keras2,
        let given = interpreter.session.modelStructures[ObjectIdentifier(model)],
        case .dictionary(let tensors) = name == "input_shape" ? given.inputs : given.outputs
      {
        var pairs: [(Value, Value)] = []
        for (key, value) in tensors.pairs {
          guard case .kerasTensor(let tensor) = value else { break }
          pairs.append((key, shapeValue(tensor.shape)))
        }
        if pairs.count == tensors.pairs.count { return .dictionary(PythonDict(pairs)) }
      }
      // A Sequential model built by a call on data keeps that batch size, as its summary does.
      let session = interpreter.session
      switch name {
      case "input_shape":
        return model.inputShapeList.map { .list($0.map(shapeValue)) }
          ?? shapeValue(EagerCalls.shownShape(input, of: model, session: session))
      default:
        return model.outputShapeList.map { .list($0.map(shapeValue)) }
          ?? shapeValue(EagerCalls.shownShape(output, of: model, session: session))
      }
    case "weights", "trainable_weights", "non_trainable_weights", "variables",
      "trainable_variables",
      "non_trainable_variables":
      guard model.isBuilt else {
        if try WeightValues.keras3UnbuiltHasNoWeights(
          model, reading: name, interpreter: interpreter, range: range)
        {
          return variablesValue([])
        }
        throw CellError(
          type: "ValueError",
          message:
            "Weights for model '\(model.name)' have not yet been created. Weights are created when the model is first called on inputs or `build()` is called with an `input_shape`.",
          range: range)
      }
      if name.hasPrefix("trainable") { return variablesValue(model.trainableVariables) }
      if name.hasPrefix("non") { return variablesValue(model.nonTrainableVariables) }
      return variablesValue(model.variables)
    case "add" where model.kind == .functional, "pop" where model.kind == .functional:
      return nil
    case "summary", "count_params", "compile", "add", "pop", "get_layer", "build", "fit",
      "evaluate", "predict",
      "save", "save_weights", "load_weights", "to_json", "get_weights", "set_weights", "get_config",
      "train_on_batch", "test_on_batch", "predict_on_batch", "compute_output_shape", "add_loss":
      return .method(receiver: .model(model), name: name)
    // Keras 3's models have no `fit_generator` (nor `predict_generator`/`evaluate_generator`).
    case "fit_generator" where interpreter.kerasVersion == .keras2,
      "evaluate_generator" where interpreter.kerasVersion == .keras2,
      "predict_generator" where interpreter.kerasVersion == .keras2:
      return .method(receiver: .model(model), name: name)
    // tf-keras keeps the method only to refuse it (Keras 3 has none).
    case "to_yaml" where interpreter.kerasVersion == .keras2:
      return .method(receiver: .model(model), name: name)
    case _ where NodeAttributes.names.contains(name) && interpreter.kerasVersion == .keras2:
      return .method(receiver: .model(model), name: name)
    default: return nil
    }
  }

  private static func layerAttribute(_ name: String, _ instance: LayerInstance, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "name": return .string(instance.name)
    case "trainable": return .bool(instance.trainable)
    case "built": return .bool(instance.isBuilt)
    case "output_shape", "input_shape":
      let which = name == "output_shape" ? "output" : "input"
      if name == "output_shape" ? instance.hasMultipleOutputShapes : instance.hasMultipleInputShapes
      {
        throw CellError(
          type: "AttributeError",
          message:
            "The layer \"\(instance.name)\" has multiple inbound nodes, with different \(which) shapes. Hence the notion of \"\(which) shape\" is ill-defined for the layer. Use `get_\(which)_shape_at(node_index)` instead.",
          range: range)
      }
      let shape: TensorShape
      do {
        shape =
          name == "output_shape"
          ? try instance.requireOutputShape() : try instance.requireInputShape()
      } catch {
        throw Calls.keras(error, at: range)
      }
      if name == "input_shape", let shapes = instance.listInputShapes {
        return .list(shapes.map(shapeValue))
      }
      // tf-keras unwraps a one-element shape tuple: the input shape `(4,)` of a function of
      // `tf.shape(x)` is `4`, that of a layer on `Input(shape=())` is `None`.
      if name == "input_shape", !instance.isInputLayer, shape.rank == 1 {
        return shape.dimensions[0].map(Value.int) ?? Value.none
      }
      // A layer whose call returns several tensors reports their shapes as the call returns them.
      if name == "output_shape", let shapes = instance.outputShapeList {
        let values = shapes.map(shapeValue)
        let tuple =
          instance.returnsAttentionScores == true || instance.outputStructure(node: 0) == .tuple
        return tuple ? .tuple(values) : .list(values)
      }
      // An input layer reports the shapes of its node's list of tensors.
      return instance.isInputLayer ? .list([shapeValue(shape)]) : shapeValue(shape)
    case "weights", "variables": return variablesValue(instance.variables)
    case "trainable_weights", "trainable_variables":
      return variablesValue(instance.trainableVariables)
    case "non_trainable_weights", "non_trainable_variables":
      return variablesValue(instance.nonTrainableVariables)
    // The weights a layer class keeps as attributes (`WeightAttributeLayer`).
    case _
    where (instance.layer as? any WeightAttributeLayer)?.weightAttributeNames.contains(name)
      == true:
      guard instance.isBuilt else { return nil }
      return instance.variables.first { $0.spec.name == name }.map(Value.variable) ?? Value.none
    case "count_params", "get_config", "get_weights", "set_weights", "build", "call",
      "compute_output_shape":
      return .method(receiver: .layer(instance), name: name)
    // The variables' dtype: float32 unless the layer was given another (or a policy).
    case "dtype" where instance.model == nil:
      switch instance.layer.common.arguments.baseKeywords["dtype"] {
      case nil, .none?, .string("float32")?: return .string("float32")
      default: return nil
      }
    default:
      return configuration(name, of: instance.layer)
    }
  }

  /// A layer's constructor settings as Keras stores them (`Layer.setting(_:)`: tuples normalized,
  /// `kernel_size=3` reads back as `(3, 3)`).
  static func configuration(_ name: String, of layer: any Layer) -> Value? {
    layer.setting(name).map { value(of: $0, keras3: layer.common.kerasVersion == .keras3) }
  }

  /// The Python value of a layer setting.
  private static func value(of setting: LayerSetting, keras3: Bool) -> Value {
    switch setting {
    case .int(let value): .int(value)
    case .float(let value): .float(value)
    case .bool(let value): .bool(value)
    case .string(let value): .string(value)
    case .none: Value.none
    case .ints(let values): .tuple(values.map(Value.int))
    case .intList(let values): .list(values.map(Value.int))
    case .pairs(let pairs, let single):
      single
        ? pairs.first.map { Value.tuple($0.map(Value.int)) } ?? Value.none
        : .tuple(pairs.map { Value.tuple($0.map(Value.int)) })
    case .activation(let name):
      // Named as the version names it (Keras 3's `swish` is its `silu`, tf-keras' `silu` is `swish`).
      ActivationLookup.function(name == "silu" ? "swish" : name, keras3: keras3)
    }
  }

  static func set(
    _ name: String, of base: Value, to value: Value, range: SourceRange, interpreter: Interpreter
  )
    throws(CellError)
  {
    switch (base, name) {
    case (.layer(let instance), "trainable"):
      instance.trainable = value.isTruthy
      noteGivenTrainable(value, on: instance, interpreter: interpreter)
    case (.model(let model), "trainable"):
      model.setTrainable(value.isTruthy)
      noteGivenTrainable(value, on: model.calledInstance, model: model, interpreter: interpreter)
    case (.model(let model), "name") where interpreter.kerasVersion == .keras3,
      (.model(let model), "_name") where interpreter.kerasVersion == .keras2:
      // Keras 3's name is a plain attribute (tf-keras' a read-only property: below); tf-keras'
      // property reads `_name`, which code sets to rename a model (`base_model._name = ...`).
      guard case .string(let newName) = value, model.rename(newName) else {
        throw .unsupported(
          "ConvBook renames a model only to a string, before it is called as a layer", at: range)
      }
    case (.layer(let instance), "_name")
    where interpreter.kerasVersion == .keras2 && instance.model == nil,
      (.layer(let instance), "name")
    where interpreter.kerasVersion == .keras3 && instance.model == nil:
      // tf-keras' `name` property reads `_name`: code sets it to rename a layer (the siamese
      // tutorial's `siamese_layer._name = 'distance'`, `layer._name = layer.name + "_2"` to keep
      // two copies of an application apart). Keras 3's `name` is a plain attribute, set alike;
      // its `_name` is an attribute of the layer's own.
      guard case .string(let newName) = value else {
        throw .unsupported("ConvBook renames a layer only to a string", at: range)
      }
      instance.rename(newName)
    case (.layer(let instance), "_name") where interpreter.kerasVersion == .keras2:
      guard case .string(let newName) = value, let model = instance.model, model.rename(newName)
      else {
        throw .unsupported(
          "ConvBook renames a model only to a string, before it is called as a layer", at: range)
      }
    case (.function(let callable), _) where callable.userFunction != nil:
      // A function's attributes are its own `__dict__` (`f.calls = 0`, `f.__name__ = "g"`).
      callable.userFunction?.attributes[name] = value
    case (.kerasObject(let object), "learning_rate"), (.kerasObject(let object), "lr"):
      guard
        case .standard(let variable as LearningRateVariable)? =
          try CompiledModelAttributes.learningRate(
            name, of: object, range: range, interpreter: interpreter)
      else {
        throw .unsupported(
          "setting `\(name)` on a \(base.typeName) is not supported in ConvBook cells", at: range)
      }
      try variable.assign(value, range: range)
    case (.standard(let object), _):
      if try object.setAttribute(name, to: value, range: range) { return }
      throw CellError(
        type: "AttributeError",
        message: "'\(base.typeName)' object has no attribute '\(name)'", range: range)
    case (.model(let model), _):
      try setOwnAttribute(name, of: base, object: model, to: value, range: range, interpreter)
    case (.layer(let instance), _):
      try setOwnAttribute(name, of: base, object: instance, to: value, range: range, interpreter)
    case (.module(let module), _):
      try ModuleAttributes.add(
        name, to: module, value: value, range: range, interpreter: interpreter)
    default:
      throw .unsupported(
        "setting `\(name)` on a \(base.typeName) is not supported in ConvBook cells (only `trainable` can be changed)",
        at: range)
    }
  }

  /// tf-keras' `trainable` setter keeps the value it is given, on the layer and (for a model) on
  /// every layer inside it; a bool is what ConvBook's flags hold already. Keras 3 keeps the bool.
  private static func noteGivenTrainable(
    _ value: Value, on instance: LayerInstance, model: KerasModel? = nil,
    interpreter: Interpreter
  ) {
    guard interpreter.kerasVersion == .keras2 else { return }
    let attributes = interpreter.session.objectAttributes
    let key = KerasObjectAttributes.givenTrainable
    func note(_ object: AnyObject) {
      if case .bool = value {
        attributes.remove(key, of: object)
      } else {
        attributes.set(key, of: object, to: value)
      }
    }
    func noteLayers(of model: KerasModel) {
      note(model)
      for layer in model.layers where !layer.isInputLayer {
        note(layer)
        if let nested = layer.model { noteLayers(of: nested) }
      }
    }
    note(instance)
    if let model = model ?? instance.model { noteLayers(of: model) }
  }

  /// `model.n_classes = 3`: a name the Keras object does not have becomes its own attribute (its
  /// `__dict__`), as in Python. A read-only Keras property is refused in each Keras' words; any
  /// other Keras attribute is ConvBook's limitation.
  private static func setOwnAttribute(
    _ name: String, of base: Value, object: AnyObject, to value: Value, range: SourceRange,
    _ interpreter: Interpreter
  ) throws(CellError) {
    let attributes = interpreter.session.objectAttributes
    if attributes.value(name, of: object) == nil {
      let isKerasAttribute: Bool
      do {
        _ = try get(name, of: base, range: range, interpreter: interpreter)
        isKerasAttribute = true
      } catch {
        isKerasAttribute =
          !(error.type == "AttributeError" && error.message.hasSuffix("has no attribute '\(name)'"))
      }
      if isKerasAttribute {
        let isModel: Bool
        if case .model = base { isModel = true } else { isModel = false }
        let keras3 = interpreter.kerasVersion == .keras3
        // A model's read-only properties beyond a layer's (measured with
        // `inspect.getattr_static` on tf-keras 2.21's and Keras 3.15's Functional and Sequential).
        var readOnly = KerasSubclassing.readOnlyProperties(model: isModel, keras3: keras3)
        if case .model(let model) = base {
          readOnly.formUnion(
            keras3
              ? ["input_shape", "output_shape", "inputs", "outputs"]
                + (model.className == "Functional" ? ["operations"] : [])
              : ["distribute_strategy", "metrics_names", "state_updates"])
        }
        if isModel && keras3 && name == "layers" {
          throw CellError(
            type: "AttributeError",
            message:
              "`Model.layers` attribute is reserved and should not be used. Please use another name.",
            range: range)
        }
        if readOnly.contains(name) || (isModel && name == "layers") {
          var propertyError = CellError(
            type: "AttributeError",
            message: "property '\(name)' of '\(base.typeName)' object has no setter",
            range: range)
          if keras3 { throw propertyError }
          // tf-keras' `__setattr__` catches Python's error and raises its own while handling it.
          propertyError.hasNoPlace = true
          var raised = CellError(
            type: "AttributeError",
            message:
              "Can't set the attribute \"\(name)\", likely because it conflicts with an existing read-only @property of the object. Please choose a different name.",
            range: range)
          raised.chained = ChainedError(propertyError, isCause: false)
          throw raised
        }
        throw .unsupported(
          "setting `\(name)` on a \(base.typeName) is not supported in ConvBook cells (it is one of Keras' own attributes; only `trainable` can be changed)",
          at: range)
      }
    }
    try interpreter.budget.allocate(slots: 2, at: range)
    attributes.set(name, of: object, to: value)
  }
}
