import CNNEngine

/// One notebook kernel: the cells of a lesson run in order in one namespace and one Keras naming
/// session, so `conv2d_1` in the third cell counts the `conv2d` of the first.
public final class KerasSession {
  /// Python's global namespace.
  public internal(set) var globals: [String: Value] = [:]
  /// Keras' object-name counters; `keras.backend.clear_session()` replaces them.
  public internal(set) var names: NameScope
  /// Models bound to variables, in definition order.
  public internal(set) var definedModels: [DefinedModel] = []
  /// How many cells have run (the index of the next one).
  public private(set) var cellCount = 0
  /// Where each layer object was created, so errors can point at the layer Keras blamed.
  var layerOrigins: [ObjectIdentifier: SourceRange] = [:]
  /// The cell each layer object was created in: an origin only locates an error in that cell.
  var layerOriginCells: [ObjectIdentifier: Int] = [:]

  /// `os.environ` as cells see it: starts empty and never touches the process's environment.
  var environment: [(Value, Value)] = []

  /// Trained weights, trainers, the seed and the lesson folder's files (`CellTraining`).
  public let training = CellTraining()

  /// Which Keras the session imitates: names, refusals and the summary text follow it.
  public let kerasVersion: KerasVersion

  /// The time and memory all of this session's evaluations may use together.
  public var limits: EvaluationLimits {
    get { budget.limits }
    set { budget.limits = newValue }
  }
  let budget: EvaluationBudget

  public init(kerasVersion: KerasVersion = .default, limits: EvaluationLimits = EvaluationLimits())
  {
    self.kerasVersion = kerasVersion
    names = NameScope(kerasVersion: kerasVersion)
    budget = EvaluationBudget(limits: limits)
  }

  /// Takes nested values apart one level at a time: a list nested a million deep (`a = [a]` in a
  /// loop) would otherwise be released recursively, on whatever stack the caller has.
  deinit {
    var pending = Array(globals.values)
    globals = [:]
    while let value = pending.popLast() {
      switch value {
      case .list(let items), .tuple(let items): pending += items
      case .dictionary(let pairs):
        for (key, item) in pairs { pending += [key, item] }
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
      let statements: [Statement]
      do throws(PythonSyntaxError) {
        statements = try PythonParser.parse(source)
      } catch {
        return CellResult(outputs: [], error: Self.cellError(from: error))
      }
      let interpreter = Interpreter(session: self, cellIndex: cellIndex)
      interpreter.runsCell = true
      do throws(CellError) {
        _ = try budget.measure { () throws(CellError) in try interpreter.execute(statements) }
        return CellResult(outputs: interpreter.outputs, error: nil)
      } catch {
        let worded = kerasVersion == .keras3 ? Keras3Wording.translate(error) : error
        return CellResult(outputs: interpreter.outputs, error: worded)
      }
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
      do throws(CellError) {
        return .success(
          try budget.measure { () throws(CellError) in try interpreter.evaluate(expression) })
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  /// The model a figure, an exercise or `--model` names: a variable of the namespace, or a Keras
  /// model name among the defined models.
  public func model(named name: String) -> SequentialModel? {
    if case .model(let model)? = globals[name] { return model }
    return definedModels.last { $0.model.name == name }?.model
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
