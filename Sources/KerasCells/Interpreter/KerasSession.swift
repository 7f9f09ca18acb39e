import CNNEngine

/// One notebook kernel: the cells of a lesson run in order in one namespace and one Keras naming
/// session, so `conv2d_1` in the third cell counts the `conv2d` of the first.
public final class KerasSession {
  /// Python's global namespace.
  public internal(set) var globals: [String: Value] = [:]
  /// Keras' object-name counters; `keras.backend.clear_session()` replaces them.
  public internal(set) var names: NameScope
  /// tf-keras' own counters in a Keras 3 session, for what `tf_keras` makes (`KerasPackages`);
  /// made at its first use.
  var tfKerasNames: NameScope?
  /// The objects (layers, models, tensors) that tf-keras made in a Keras 3 session, kept alive so
  /// that their identities stay theirs: what a mixing of packages is checked against.
  var tfKerasObjects: [ObjectIdentifier: AnyObject] = [:]
  /// What `keras.Model(inputs=, outputs=)` was given (a tensor, a list, a dict), which Keras'
  /// `model.input` / `model.output` return; the model is kept so that its identifier stays valid.
  var modelStructures: [ObjectIdentifier: (model: KerasModel, inputs: Value, outputs: Value)] =
    [:]
  /// Models bound to variables, in definition order.
  public internal(set) var definedModels: [DefinedModel] = []
  /// How many cells have run (the index of the next one).
  public private(set) var cellCount = 0
  /// Where each layer object was created, so errors can point at the layer Keras blamed.
  var layerOrigins: [ObjectIdentifier: SourceRange] = [:]
  /// The function of each `Lambda` layer, until its first call traces it (`LambdaTracing`).
  var lambdaFunctions: [ObjectIdentifier: Value] = [:]
  /// The cell objects an `RNN` (`cell`) or a `StackedRNNCells` (`cells`) was made of, by
  /// attribute name, which those attributes give back.
  var recurrentCells: [ObjectIdentifier: [String: Value]] = [:]
  /// The cells (and stacks) an `RNN` or a `StackedRNNCells` already runs (kept, so that their
  /// identities stay theirs).
  var usedRecurrentCells: [ObjectIdentifier: LayerInstance] = [:]
  /// Attributes a script added to a module (`tf.model = tf.keras.Sequential()`), by the module
  /// (`ModuleAttributes`).
  var moduleAttributes: [String: [String: Value]] = [:]
  /// A layer's activation given as a function of the script (`activation=relu6`), which
  /// `layer.activation` gives back.
  var activationFunctions: [ObjectIdentifier: Value] = [:]
  /// tf-keras layers whose `activation=` name found a layer registered as a custom object (an
  /// `Activation` subclass): the layer object is their activation, which their config serializes.
  var registeredLayerActivations: [ObjectIdentifier: String] = [:]
  /// Layers made with the script's own initializers, until they are built (`ScriptInitializers`).
  var pendingInitializers: [ScriptInitializers.Pending] = []
  /// The instances of the script's initializer, regularizer and constraint classes each layer was
  /// made with, by keyword (`ScriptInitializers.note`).
  var scriptLayerArguments: [ObjectIdentifier: [(String, Value)]] = [:]
  /// The custom layers whose `call` printed while it was traced, with their class names: Keras
  /// traces `call` again in `fit`, `evaluate` and `predict` and prints again (`TracedPrints`).
  var printingCalls: [ObjectIdentifier: String] = [:]
  /// `keras.utils.get_custom_objects()`, and the `custom_object_scope`s entered, innermost last.
  lazy var customObjects = CustomObjects.initial(kerasVersion)
  /// `abc.ABC`, the class the script's abstract classes extend (`StandardABC`).
  lazy var abcClass = StandardABC.makeClass()
  var customObjectScopes: [CustomObjects.Scope] = []
  /// The keyword arguments a layer or model was called with on Keras tensors (`training=False`),
  /// by the call's node, which functional configs write.
  var callKeywords: [ObjectIdentifier: (node: LayerNode, keywords: [(String, Value)])] = [:]
  /// What `register_keras_serializable` registered each object as (`get_registered_name`).
  var customNames: [(Value, String)] = []
  /// The symbolic input of each custom layer's `call` being traced, innermost last: a constant a
  /// layer is called on there (`self.pos_emb(tf.range(n))`) becomes a value of the graph on it.
  var traceInputs: [KerasTensor] = []
  /// The keyword arguments a `Lambda`'s `arguments=` dict passes to its function at every call.
  var lambdaArguments: [ObjectIdentifier: [(String, Value)]] = [:]
  /// Above 0 while a `Lambda`'s function runs on symbolic tensors: its arithmetic then belongs to
  /// the Lambda and takes no session names.
  var lambdaTracingDepth = 0
  /// What each traced `Lambda` was traced on and the names from outside its function it read
  /// there (`LambdaRebinding`).
  var lambdaTraceRecords: [ObjectIdentifier: LambdaRebinding.Record] = [:]
  /// The names from outside the running function read while a Lambda's function is traced.
  var lambdaFreeReads: [LambdaRebinding.FreeRead]?
  /// How many random tensor operations (`tf.random.normal` on a shape with Keras tensors) cells
  /// have made: the seed of the next one that names none, so that each draws its own deviates.
  var randomOperationCount = 0
  /// TensorFlow's global seed and stateful kernels of eager `tf.random.*` calls.
  let eagerRandom = EagerRandom()
  /// The `tf.GradientTape`s recording and the identities of eager tensors they follow.
  let eagerTapes = EagerTapes()
  /// NumPy's legacy global generator (`np.random.rand`, ...), reseeded by `np.random.seed`.
  var numpyRandom = NumPyRandomState(seed: 0, seeded: false)
  /// Calls of the methods of NumPy's random generator objects (`RandomState`, `default_rng()`):
  /// a Python generator Keras reads ahead must not draw from one (`GeneratorFeed`).
  var randomObjectCalls = 0
  /// NumPy's print options (`np.set_printoptions`), bound while the session's cells run.
  let numpyPrintOptions = NumPyPrintOptions()
  /// Python's `random` module's shared generator (`StandardRandom`), reseeded by `random.seed`.
  let pythonRandom = PythonRandom()
  /// tf-keras' own generator of initializer seeds (`backend._SEED_GENERATOR.generator`), which
  /// `keras.utils.set_random_seed(n)` makes as `random.Random(n)` (`TensorFlowSeeds`).
  var kerasSeedGenerator: PythonRandom?
  /// Set once a layer whose seed draws ConvBook does not follow was made: later layers cannot
  /// know their seeds, and draw from ConvBook's own streams (`TensorFlowSeeds`).
  var tensorflowSeedsLost = false
  /// The Python object of each custom layer (a subclass of `keras.layers.Layer`), by the layer
  /// its traced `call` is (`KerasSubclassing`).
  var customLayers: [ObjectIdentifier: PythonInstance] = [:]
  /// Layers added to a Sequential model from the first custom layer added before the model's
  /// input shape was known, by model: added when its first call or `build` gives the shape
  /// (`EagerCalls+DeferredLayers`).
  var deferredLayers: [ObjectIdentifier: [(value: Value, range: SourceRange)]] = [:]
  /// While a custom layer called on data is traced: the data's batch size (`EagerCalls`).
  var eagerTraceBatch: Int?
  /// While Keras 3's `fit`, `evaluate` or `predict` traces a subclassed model's `call`: the
  /// step's `training` flag and batch (`Keras3StepTrace`).
  var keras3StepTrace: Keras3StepTrace?
  /// The batch size of the call on data that built a Sequential model, by model, while its
  /// summary shows it (`EagerCalls.build(_:onData:site:interpreter:)`).
  var eagerBuildBatches: [ObjectIdentifier: Int] = [:]
  /// The model whose call on data made each node of its chain, by node: the node's tensors show
  /// that call's batch size while the model's summary does (`EagerCalls.shownShape(of:session:)`).
  var eagerBuildNodes: [ObjectIdentifier: ObjectIdentifier] = [:]
  /// The shape each adapted `Normalization` layer was built with by `adapt` (its data's), which
  /// fixes the rank of its `mean` / `variance` tensors (`NormalizationAdapt`).
  var adaptedShapes: [ObjectIdentifier: [Int?]] = [:]
  /// The `training` value of the custom layer whose `call` is being traced, when not None: Keras'
  /// call context, passed on to the layers it calls without one (`EagerCalls.inCallContext`).
  var callContextTraining: Value?
  /// How many tensor operations of each name traces recorded (`tracedOperationName`).
  var tracedOperationCounts: [String: Int] = [:]
  /// The names of the custom layers whose `build` and `call` are being traced, outermost first:
  /// Keras' name scopes, under which the weights made there are named (`noteFirstBuild`).
  var variableScopes: [String] = []
  /// The console Keras 3's `print_fn` text is rendered for while cells run (rich captures the table
  /// at the width it sees: `COLUMNS`, else the terminal's); a page or a test has no terminal.
  public var printFunctionConsole = SummaryConsole.notATerminal
  /// The layers made while a custom layer's `call` is traced (nil when none is).
  var layersCreatedWhileTracing: [LayerInstance]?
  /// The tensor operations recorded while a custom layer's `call` is traced, in order: the
  /// operation's name and the one it took (`tracedOperationName`; nil when no call is traced).
  var operationsWhileTracing: [(base: String, name: String)]?
  /// The first TensorFlow function the current trace recorded (`Keras3TracedTensors`).
  var firstTracedFunction: LayerInstance?
  /// Keras 3's global dtype policy, every layer's made without `dtype=` (`LayerDTypePolicy`).
  var globalDTypePolicy: LayerDTypePolicy?
  /// The dtype policies layers and models were given, by the object (kept alive with it).
  var dtypePolicies: [ObjectIdentifier: (AnyObject, LayerDTypePolicy)] = [:]
  /// The cell each layer object was created in: an origin only locates an error in that cell.
  var layerOriginCells: [ObjectIdentifier: Int] = [:]

  /// The places in Keras' code whose warning the session has shown (`Interpreter.warnOnce`).
  var shownWarningLocations: Set<String> = []
  /// The script's `warnings.filterwarnings` / `simplefilter` calls (`StandardWarnings`).
  var warningFilters = StandardWarnings.Filters()

  /// The Keras modules a `from ... import *` bound the names of: a name they define that ConvBook
  /// lacks is ConvBook's limitation, not a NameError.
  var starImports: [KerasModule] = []
  /// The modules an import statement named by a `tensorflow.keras...` path (with their parents):
  /// TensorFlow then registers them under that name; `tf.keras` read afterwards is the module
  /// named `tensorflow.keras` (`KerasModule.tensorflowKerasImported`).
  var importedTensorFlowKerasPaths: Set<String> = []

  /// The seed `tf.random.set_seed`, `np.random.seed` or `keras.utils.set_random_seed` chose, if any: models' initial weights (traces,
  /// forward passes) are drawn with it.
  public internal(set) var randomSeed: UInt64?
  /// TensorFlow's global seed (`tf.random.set_seed`, `keras.utils.set_random_seed`), which the
  /// random ops without a seed of their own (`fit`'s shuffle) take.
  var tensorflowGlobalSeed: UInt64?

  /// For each name a failed cell meant to bind but did not, that cell (`FailedCell`).
  var failedDefinitions: [String: FailedCell] = [:]

  /// What cells set on Keras models and layers beyond Keras' own attributes (`model.n_classes = 3`).
  let objectAttributes = KerasObjectAttributes()

  /// `os.environ` as cells see it: starts empty and never touches the process's environment.
  let environment = PythonDict()
  /// Keras 3's package was imported: its backend was chosen then, from `KERAS_BACKEND`
  /// (`Interpreter.checkKerasBackend`).
  var importedKeras3 = false

  /// Trained weights, trainers, the seed and the lesson folder's files (`CellTraining`).
  public let training = CellTraining()

  /// Which Keras the session imitates: names, refusals and the summary text follow it.
  public let kerasVersion: KerasVersion

  /// Whose CPU kernels TensorFlow runs where their last digits differ (`TensorFlowEngine`): the
  /// command line gives the machine's (`TensorFlowEngine.machine`), tests pin one; a script that
  /// sets `os.environ["TF_ENABLE_ONEDNN_OPTS"]` before importing TensorFlow changes it.
  public internal(set) var engine: TensorFlowEngine
  /// Whether the script has imported TensorFlow (or a Keras, which imports it): TensorFlow has
  /// read `TF_ENABLE_ONEDNN_OPTS` then.
  var tensorFlowLoaded = false

  /// The time and memory all of this session's evaluations may use together.
  public var limits: EvaluationLimits {
    get { budget.limits }
    set { budget.limits = newValue }
  }
  let budget: EvaluationBudget
  /// Whether an evaluation of this session was stopped by the time budget: its outputs from there
  /// on depend on the machine's speed, so a lesson is not built from them (`LessonRunner`).
  public var ranOutOfTime: Bool { budget.ranOutOfTime }

  /// The script's file name as `python FILE.py` was given it (`sys.argv[0]`, argparse's `prog`);
  /// nil in a lesson.
  public var scriptName: String?
  /// The script's own arguments (`sys.argv[1:]`, argparse's default), as `python FILE.py
  /// ARGUMENTS...` was given them; empty in a lesson.
  public var scriptArguments: [String] = []
  /// Whether a path is there, for a script run as `python FILE.py` runs (relative paths from the
  /// current folder); nil in a lesson, whose cells have no file access. ConvBook reads no data
  /// files: a missing one is Python's own error (`MissingFiles`), one that is there its limitation.
  public var pathExists: (@Sendable (String) -> Bool)?
  /// Whether a path that is there is a folder (`os.path.isdir`), beside `pathExists`.
  public var pathIsDirectory: (@Sendable (String) -> Bool)?
  /// The module a script imports from its own folder, by its dotted path (`ScriptModules`); nil
  /// in a lesson, whose cells import no files.
  public var scriptModuleSource: (([String]) -> ScriptModuleSource?)?
  /// The script's own modules imported so far, by name (their part of `sys.modules`).
  var scriptModules: [String: ScriptModule] = [:]
  /// The script's own module whose code or function is running (its globals are `globals`);
  /// nil while the script itself runs.
  var currentScriptModule: ScriptModule?
  /// The script's globals while one of its modules runs.
  var parkedScriptGlobals: [String: Value] = [:]
  /// The folders the script made (`MadeFolders`), which ConvBook does not write.
  var madeFolders: Set<String> = []
  /// A layer holds a layer set through `vars(self)[...]`, which Keras does not track
  /// (`Interpreter.untrackedLayerRefusal`).
  var holdsUntrackedLayers = false
  /// Python's recursion limit (`sys.setrecursionlimit`; CPython's default, 1000): functions
  /// nest one less deep than it, as the module's own frame counts.
  var recursionLimit = 1000
  /// `from __future__ import annotations` ran: `def`s do not evaluate their annotations.
  var postponesAnnotations = false
  /// termcolor's `can_colorize` answers (`functools.cache`d by its keyword arguments' reprs).
  var termcolorAnswers: [String: Bool] = [:]
  /// Each cell's source by its index: the lines tf-keras quotes from a layer's `call`
  /// (`EagerCalls.symbolicCallError`).
  var cellSources: [Int: String] = [:]
  /// What `logging` has been told in this run (`StandardLogging`).
  var logging = LoggingState()
  /// `sys.argv`: one list for the run, made at its first use.
  var systemArguments: PythonList?
  /// True while Keras 3 would run the `Lambda` function being traced itself (no `output_shape=`
  /// given): `keras.backend` then lacks tf-keras' legacy functions there too.
  var keras3LambdaInference = false
  /// The calls of each layer that Keras records as its nodes (`KerasNodeCalls`), by layer.
  var kerasNodeCalls: [ObjectIdentifier: KerasNodeCalls] = [:]
  /// While tf-keras' `Model.build(input_shape)` runs a subclassed model's `call` on placeholders:
  /// not converted by AutoGraph, so an exception raised there is not in its "in user code:" text.
  var placeholderBuildDepth = 0
  /// Keras 3's name-scope stack after a traced step failed to enter a model's scope
  /// (`ScopeNameChecks.checkTraining`): the model whose scope stays on top, and the steps
  /// (model, "train"/"test"/"predict") TensorFlow keeps traced.
  var keras3ScopeState = Keras3ScopeState()

  public init(
    kerasVersion: KerasVersion = .default, limits: EvaluationLimits = EvaluationLimits(),
    engine: TensorFlowEngine = .eigen
  ) {
    self.kerasVersion = kerasVersion
    self.engine = engine
    names = NameScope(kerasVersion: kerasVersion)
    budget = EvaluationBudget(limits: limits)
  }

  /// Takes nested values apart one level at a time: a tuple nested a million deep (`a = (a,)` in
  /// a loop) would otherwise be released recursively, on whatever stack the caller has (lists,
  /// dicts and other objects defer their own contents, `DeferredRelease`; a tuple is an array in
  /// an enum, with no deinit). Each container is taken apart once however often it is shared: a
  /// list of 1,000 references to one list of a million items took 10⁹ steps (a hang after the
  /// script's output, `Tests/Fixtures/fuzz/interpreter/shared-list-teardown.py`).
  ///
  /// All of it runs on a `DeepStack` thread, whatever thread drops the session: what is not a
  /// container taken apart here (closures, instances, Keras tensors) is freed through
  /// `DeferredRelease`, up to 64 nested frees deep, and 64 of those frames overflowed the 8 MB
  /// main thread of a build with Address Sanitizer (the `interpreter` fuzzer's seeds
  /// `closure-chain-100000.py` and `instance-chain-30000.py`) and a thread of 64 KiB in a debug
  /// build (`CellFuzzRegressionTests.longChainsAreFreedOnASmallStack`).
  deinit {
    var values = Array(globals.values)
    globals = [:]
    DeepStack.run {
      var pending = values
      values = []
      Self.takeApart(&pending)
    }
  }

  /// Empties `pending`, freeing the lists, tuples and dicts it reaches one level at a time.
  private static func takeApart(_ pending: inout [Value]) {
    var seenObjects = Set<ObjectIdentifier>()
    // A tuple's identity is its array's storage (all alive when this starts, so never reused).
    var seenTuples = Set<UnsafeRawPointer>()
    while let value = pending.popLast() {
      switch value {
      case .list(let list):
        if seenObjects.insert(ObjectIdentifier(list)).inserted { pending += list.items }
      case .tuple(let items):
        let storage = items.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        if let storage, seenTuples.insert(storage).inserted { pending += items }
      case .dictionary(let pairs):
        if seenObjects.insert(ObjectIdentifier(pairs)).inserted {
          for (key, item) in pairs { pending += [key, item] }
        }
      default: break
      }
    }
  }

  /// Runs one cell. Everything printed before an error is kept; the namespace keeps what the cell
  /// assigned before it stopped, as in a notebook.
  @discardableResult
  public func run(_ source: String) -> CellResult {
    let cellIndex = cellCount
    cellCount += 1
    return DeepStack.run { () -> CellResult in
      NumPyPrintOptions.$current.withValue(numpyPrintOptions) {
        KerasObjectText.$sessionVersion.withValue(kerasVersion) {
          WeightText.$source.withValue(WeightText.Source(self)) { runParsing(source, cellIndex) }
        }
      }
    }
  }

  /// One cell, parsed and run, with the session's NumPy print options bound.
  private func runParsing(_ source: String, _ cellIndex: Int) -> CellResult {
    cellSources[cellIndex] = source
    let statements: [Statement]
    do throws(PythonSyntaxError) {
      statements = try PythonParser.parse(source)
    } catch {
      var compileError = Self.cellError(from: error)
      compileError.isCompileError = compileError.type != nil
      return CellResult(outputs: [], error: compileError)
    }
    let interpreter = Interpreter(session: self, cellIndex: cellIndex)
    interpreter.runsCell = true
    do throws(CellError) {
      _ = try budget.measure { () throws(CellError) in
        // Generators the cell left paused are closed as it ends (`PythonGenerator`).
        defer {
          if let last = statements.last { interpreter.closeGenerators(at: last.range) }
        }
        try interpreter.execute(statements)
      }
      return CellResult(
        outputs: interpreter.outputs, error: nil, warnings: interpreter.warnings(showing: source))
    } catch {
      var uncaught = error
      if error.type == "SystemExit" {
        // `sys.exit()` / `raise SystemExit(0)`: the script ends here, as Python's does; a failure
        // status ends a script with it (`convbook run` exits with it), which a lesson's cell cannot.
        do throws(CellError) {
          guard let exit = try StandardSys.scriptExit(error) else {
            return CellResult(
              outputs: interpreter.outputs, error: nil,
              warnings: interpreter.warnings(showing: source))
          }
          if scriptName != nil {
            return CellResult(
              outputs: interpreter.outputs, error: nil,
              warnings: interpreter.warnings(showing: source), exit: exit)
          }
          uncaught = .unsupported(
            "ConvBook does not support ending a script with a failure status yet (SystemExit: \(error.message))",
            at: error.range)
        } catch let limitation {
          uncaught = limitation
        }
      }
      if let limitation = error.limitation {
        uncaught = .unsupported(limitation, at: error.range)
      }
      var worded =
        (uncaught.kerasVersion ?? kerasVersion) == .keras3
        ? Keras3Wording.translate(uncaught) : uncaught
      // `convbook run` prints what Python prints, which it cannot for an error whose message
      // quotes an object with its memory address (a lesson shows it without the address).
      if scriptName != nil, let type = worded.type,
        let object = PythonText.addressedObject(inMessage: worded.message)
      {
        worded = .unsupported(
          "ConvBook does not print this \(type): its message shows `\(object)`, a memory address, which changes from run to run",
          at: worded.range)
      }
      let failed = FailedCell(index: cellIndex, headline: worded.description)
      for name in FailedCell.boundNames(statements) where globals[name] == nil {
        failedDefinitions[name] = failed
      }
      return CellResult(
        outputs: interpreter.outputs, error: worded,
        warnings: interpreter.warnings(showing: source))
    }
  }

  /// Evaluates one expression in the session's namespace (exercise answers, inline values, figure
  /// arguments) without counting as a cell. Printing inside it is discarded.
  public func evaluate(_ source: String) throws(CellError) -> Value {
    let expression = try Self.parseExpression(source)
    return try evaluate(expression)
  }

  /// Evaluates an already parsed expression (callers that parse once and evaluate with extra names).
  public func evaluate(_ expression: Expression, extraNames: [String: Value] = [:])
    throws(CellError)
    -> Value
  {
    let interpreter = Interpreter(session: self, cellIndex: cellCount)
    interpreter.locals = extraNames
    let outcome = DeepStack.run { () -> Result<Value, CellError> in
      NumPyPrintOptions.$current.withValue(numpyPrintOptions) { () -> Result<Value, CellError> in
        KerasObjectText.$sessionVersion.withValue(kerasVersion) { () -> Result<Value, CellError> in
          WeightText.$source.withValue(WeightText.Source(self)) { () -> Result<Value, CellError> in
            do throws(CellError) {
              return .success(
                try budget.measure { () throws(CellError) in try interpreter.evaluate(expression) })
            } catch {
              return .failure(error)
            }
          }
        }
      }
    }
    return try outcome.get()
  }

  /// The model a figure, an exercise or `--model` names: a variable of the namespace, or a Keras
  /// model name among the defined models.
  public func model(named name: String) -> KerasModel? {
    if case .model(let model)? = globals[name] { return model }
    return definedModels.last { $0.model.name == name }?.model
  }

  /// Why `name` is not defined when an earlier cell that meant to define it failed: "`model` would
  /// have been defined by cell 2, which stopped earlier with ValueError: ...". For messages about a
  /// missing name outside cells (figures, exercises).
  public func failureNote(forMissing name: String) -> String? {
    guard globals[name] == nil, let failed = failedDefinitions[name] else { return nil }
    return failed.note(about: name)
  }

  /// Binds a name in the global namespace from outside a cell (e.g. a student's model).
  public func bind(_ name: String, to value: Value) { globals[name] = value }

  /// Where the cell created `layer`, when it came from a cell.
  public func origin(of layer: LayerInstance) -> SourceRange? {
    layerOrigins[ObjectIdentifier(layer)]
  }

  /// Parses text that must be exactly one expression, such as an exercise answer.
  public static func parseExpression(_ source: String) throws(CellError) -> Expression {
    let parsed = DeepStack.run { () -> Result<[Statement], PythonSyntaxError> in
      do throws(PythonSyntaxError) {
        return .success(try PythonParser.parse(source))
      } catch { return .failure(error) }
    }
    let statements: [Statement]
    switch parsed {
    case .success(let parsedStatements): statements = parsedStatements
    case .failure(let error): throw cellError(from: error)
    }
    guard statements.count == 1, case .expression(let expression) = statements[0].kind else {
      let range =
        statements.first?.range
        ?? SourceRange(at: SourceLocation(line: 1, column: 1, utf8Offset: 0))
      throw CellError(type: "SyntaxError", message: "expected a single expression", range: range)
    }
    return expression
  }

  static func cellError(from error: PythonSyntaxError) -> CellError {
    CellError(
      type: error.unsupportedConstruct == nil ? error.pythonExceptionName : nil,
      message: error.message,
      range: error.range)
  }
}
