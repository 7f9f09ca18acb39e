import CNNEngine

/// Runs the statements of one cell against a `KerasSession`.
final class Interpreter {
  let session: KerasSession
  let cellIndex: Int
  private(set) var outputs: [CellOutput] = []
  /// The warnings this cell issued.
  private(set) var warnings: [KerasWarning] = []
  /// Names visible before the globals (comprehension variables, exercise helpers).
  var locals: [String: Value] = [:]
  /// The comprehension variables a lambda made inside a comprehension closes over (Python's
  /// cells of the comprehension's frame): made with the first such lambda, then kept up to date
  /// as the comprehension binds its variables, so a lambda called later sees their last values.
  var comprehensionScope: Scope?
  /// True while running a cell (notebook code); false for ConvBook's own expressions (inline
  /// values, exercise answers, figure arguments), which keep conveniences such as a Keras 3
  /// layer's `output_shape`.
  var runsCell = false
  /// The Keras package of the call running now when it is not the session's (`KerasPackages`).
  var package: KerasVersion?
  /// The local names of the running function, if one is running.
  var scope: Scope?
  /// Calls of cell-defined functions in progress, for CPython's recursion limit.
  var callDepth = 0
  /// The generator whose body is running (its channel), for `yield` (`PythonGenerator`).
  var currentGenerator: PythonGenerator.Channel?
  /// The cell's generators that started and have not ended; closed when the cell ends.
  var generatorChannels: [PythonGenerator.Channel] = []
  /// Generators dropped before their end, closed at the next statement.
  var pendingGeneratorCloses: [PythonGenerator.Channel] = []
  /// The name of the cell-defined function running (nil at the top level), for tracebacks.
  var functionName: String?
  /// The cell-defined function running, for `super()`.
  var currentFunction: UserFunction?
  /// The calls of the script's functions made while a Keras 3 custom layer's `call` is traced,
  /// outermost first (each one's call expression and the function it was made in): where
  /// `Keras3StepTrace` finds that `call` hands the flag on, Python's traceback would list them.
  var traceFrames: [TracebackFrame] = []
  /// The instances whose `__repr__` (`preparingRepr`) or `__str__` (`preparingStr`) is running
  /// (`prepareText`): asking for one of them again from inside it is a recursion.
  var preparingRepr: Set<ObjectIdentifier> = []
  /// How many `tf.function` calls are running (their Python runs eagerly here, where TensorFlow
  /// traces it: Python's `print` inside one is refused).
  var tfFunctionDepth = 0
  /// A `Dataset.map` / `filter` function running (`TFDataset.traced`): TensorFlow runs its Python
  /// once, tracing a graph when the stage is made, and only that graph for each element.
  var datasetFunction: TFDataset.FunctionRun?
  var preparingStr: Set<ObjectIdentifier> = []
  /// CPython's default recursion limit allows 999 nested calls from a script's top level.
  static let maximumCallDepth = 999

  /// What a statement asks of the statements around it.
  enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
  }
  /// Issues a warning unless the session showed one from the same place in Keras' code already
  /// (Python's default filter shows a warning once per location and process).
  func warnOnce(location: String, _ warning: KerasWarning) {
    guard runsCell, session.shownWarningLocations.insert(location).inserted else { return }
    warnings.append(warning)
  }

  /// The warnings, each that names the cell's line with that line (stripped, as Python shows it).
  func warnings(showing source: String) -> [KerasWarning] {
    guard warnings.contains(where: \.namesCallerLine) else { return warnings }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    return warnings.map { warning in
      let line = warning.range.start.line
      guard warning.namesCallerLine, line >= 1, line <= lines.count else { return warning }
      var shown = warning
      shown.sourceLine = String(
        lines[line - 1].drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace)
          .reversed())
      return shown
    }
  }

  /// The exceptions whose `except` bodies are running, innermost last: what a bare `raise` raises.
  var handledErrors: [CellError] = []
  /// How many exceptions this cell's `except` clauses have seen (`CellError.identity`).
  private var caughtCount = 0
  /// The innermost statement running, which is what Python's traceback names for an error.
  private(set) var statementRange: SourceRange?

  init(session: KerasSession, cellIndex: Int) {
    self.session = session
    self.cellIndex = cellIndex
  }

  /// How many times this cell has written to standard output (to see whether code printed).
  private(set) var writeCount = 0

  /// Where standard output goes: the real one, standard error, or a buffer.
  enum StandardOutputTarget {
    case standardOutput
    case standardError
    case buffer(StringBuffer)
  }

  /// Where `contextlib.redirect_stdout` blocks send standard output, innermost last.
  var standardOutputRedirects: [StandardOutputTarget] = []

  func write(_ text: String) {
    switch standardOutputRedirects.last {
    case .buffer(let buffer)?:
      buffer.write(text)
      return
    case .standardError?:
      writeError(text)
      return
    case .standardOutput?, nil: break
    }
    writeCount += 1
    if case .text(var previous)? = outputs.last {
      // The array lets go of the text before it grows: appended in place, `print` in a loop
      // costs the line it adds, not a copy of everything printed before it.
      outputs[outputs.count - 1] = .text("")
      previous += text
      outputs[outputs.count - 1] = .text(previous)
    } else {
      outputs.append(.text(text))
    }
  }

  func emit(_ output: CellOutput) {
    // Redirected, a summary is text in a file that is no terminal (Keras 3's rich console
    // renders it at the console's width, without styles).
    if let redirect = standardOutputRedirects.last, case .standardOutput = redirect {
    } else if !standardOutputRedirects.isEmpty {
      switch output {
      case .text(let text): write(text)
      case .summary(let summary):
        let console = SummaryConsole(columns: session.printFunctionConsole.columns)
        write(
          SummaryFormat(kerasVersion: summary.kerasVersion ?? kerasVersion, console: console)
            .render(summary))
      case .standardError: outputs.append(output)
      }
      return
    }
    outputs.append(output)
  }

  /// Where the cell's output stands: the number of outputs, the length of the last one when it is
  /// text (a later `print` extends it), and the number of writes.
  struct OutputMark {
    let count: Int
    let lastTextLength: Int?
    let writes: Int
  }

  var outputMark: OutputMark {
    var length: Int?
    if case .text(let text)? = outputs.last { length = text.utf8.count }
    return OutputMark(count: outputs.count, lastTextLength: length, writes: writeCount)
  }

  /// Takes back what was written since `mark` (code ConvBook ran to learn what it computes, where
  /// Keras would not run it: `CustomActivations`, a Keras 3 layer that declares its output shape).
  func takeBackOutputs(to mark: OutputMark) {
    guard mark.count <= outputs.count else { return }
    outputs.removeSubrange(mark.count...)
    if let length = mark.lastTextLength, case .text(let text)? = outputs.last,
      text.utf8.count > length
    {
      outputs[outputs.count - 1] = .text(String(decoding: text.utf8.prefix(length), as: UTF8.self))
    }
    writeCount = mark.writes
  }

  /// Everything the cell has written so far, to run code again without a trace (`OwnDraws`).
  var writtenSoFar: (outputs: [CellOutput], writes: Int) { (outputs, writeCount) }

  /// Takes back everything written since `written` (`writtenSoFar`).
  func restoreWritten(_ written: (outputs: [CellOutput], writes: Int)) {
    (outputs, writeCount) = written
  }

  /// Text for standard error (`print(..., file=sys.stderr)`, `logging`), in order with the rest.
  func writeError(_ text: String) {
    if case .standardError(var previous)? = outputs.last {
      // In place, as `write` appends.
      outputs[outputs.count - 1] = .standardError("")
      previous += text
      outputs[outputs.count - 1] = .standardError(previous)
    } else {
      outputs.append(.standardError(text))
    }
  }

  /// Records that `instance` was created by the call at `range` in this cell.
  func recordOrigin(of instance: LayerInstance, at range: SourceRange) {
    session.layersCreatedWhileTracing?.append(instance)
    session.layerOrigins[ObjectIdentifier(instance)] = range
    session.layerOriginCells[ObjectIdentifier(instance)] = cellIndex
  }

  /// Where to point an error Keras raised for `instance`: the call that created the layer when it is
  /// part of the running statement (a layer listed in `keras.Sequential([...])`), else `fallback`.
  func blame(_ instance: LayerInstance, fallback: SourceRange) -> SourceRange {
    let identifier = ObjectIdentifier(instance)
    guard let origin = session.layerOrigins[identifier],
      session.layerOriginCells[identifier] == cellIndex,
      let statementRange, statementRange.start <= origin.start, origin.end <= statementRange.end
    else { return fallback }
    return origin
  }

  /// Counts a statement, a call or a loop iteration against the session's time budget.
  @inline(__always)
  func step(at range: SourceRange) throws(CellError) {
    try session.budget.tick(at: range)
  }

  var budget: EvaluationBudget { session.budget }

  // MARK: Statements

  @discardableResult
  func execute(_ statements: [Statement]) throws(CellError) -> Flow {
    for statement in statements {
      let flow = try execute(statement)
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  func execute(_ statement: Statement) throws(CellError) -> Flow {
    if !pendingGeneratorCloses.isEmpty { closeDroppedGenerators(at: statement.range) }
    try step(at: statement.range)
    let enclosing = statementRange
    statementRange = statement.range
    defer { statementRange = enclosing }
    switch statement.kind {
    case .expression(let expression):
      if isDiscardedGarbageCollection(expression) { break }
      _ = try evaluate(expression)
    case .assignment(let targets, let valueExpression):
      let value = try evaluate(valueExpression)
      for target in targets { try assign(value, to: target, statement: statement) }
      Keras3StepTrace.noteAssignment(targets, valueExpression, interpreter: self)
    case .augmentedAssignment(let target, let operation, let valueExpression):
      var current = try evaluate(target)
      let operand = try evaluate(valueExpression)
      if operation == .add, case .list(let list) = current {
        // `items += more` extends the list in place: every name bound to it sees the new items.
        try extend(list, with: operand, range: statement.range)
        try assign(current, to: target, statement: statement)
        return .normal
      }
      if case .set(let a) = current, case .set(let b) = operand,
        let result = try SetOperations.inPlace(
          operation, a, b, range: statement.range, interpreter: self)
      {
        // `s |= t` changes the set itself: every name bound to it sees the change.
        try assign(result, to: target, statement: statement)
        return .normal
      }
      if let result = try instanceInPlace(operation, current, operand, range: statement.range) {
        try assign(result, to: target, statement: statement)
        return .normal
      }
      if !TensorArithmetic.involvesTensor(current, operand),
        ArrayOperations.involvesArray(current, operand)
      {
        // `x[:, 1] += 0.5` computes on the selection and writes it back into the array; the
        // selection (a view of the array) is let go first, or the array would look shared.
        let result =
          if case .array(let array) = current {
            try ArrayInPlace.apply(
              operation, array, operand, engine: session.engine, range: statement.range,
              budget: budget)
          } else {
            try ArrayOperations.binary(
              operation, current, operand, engine: session.engine, range: statement.range,
              budget: budget)
          }
        var isView = false
        if case .array(let array) = current { isView = array.viewBase != nil }
        current = .none
        switch target.kind {
        case .name where isView, .attribute where isView:
          // `pair += 100` on a view (`pair = row[::-1][:2]`) changes the array it was made
          // from, as `pair[...] = pair + 100` does.
          if try assignIntoArray(target, .ellipsis, result, range: statement.range) {
            return .normal
          }
        default: break
        }
        try assign(result, to: target, statement: statement)
        return .normal
      }
      let result =
        TensorArithmetic.involvesTensor(current, operand)
        ? try TensorArithmetic.binary(
          operation, current, operand, range: statement.range, interpreter: self)
        : try Operators.binary(
          operation, current, operand, range: statement.range, budget: budget)
      try assign(result, to: target, statement: statement)
    case .importModules(let modules):
      for imported in modules {
        // A module of the script's own folder, found first as Python's `sys.path` has it.
        if let own = try scriptModule(
          imported.module.components, range: imported.module.range, statement: statement.range)
        {
          session.globals[imported.boundName] = .standard(
            imported.alias == nil
              ? session.scriptModules[imported.module.components[0]] ?? own : own)
          continue
        }
        try checkKerasBackend(imported.module.components, range: imported.module.range)
        noteTensorFlowKerasImport(imported.module.components)
        // Under tf-keras, `import keras` is the tf-keras package itself, which has a
        // `__version__` (`tf.keras`, its `keras` API module, has none); its modules are named
        // after the package (`KerasModuleNames`).
        guard
          var module = KerasModule.resolve(path: imported.module.components).map({
            imported.module.components.first == "keras"
              ? .reached($0, throughKerasIn: kerasVersion) : $0
          }),
          !removedInKeras3(module), !missingInPackage(imported.module.components)
        else {
          throw moduleNotFound(imported.module, statement: statement.range)
        }
        try refuseLegacyKeras(module, range: imported.module.range, importsPackage: true)
        if imported.module.components == ["keras", "backend"], kerasVersion == .keras3 {
          module = .keras3Backend
        }
        if let alias = imported.alias {
          // `import tensorflow.keras.layers as L`: the module TensorFlow registered under that
          // path, named by it (`tensorflow.keras.layers`).
          if imported.module.components.starts(with: ["tensorflow", "keras"]),
            module.kerasSubpath != nil
          {
            module = .tensorflowKerasImported(module)
          }
          session.globals[alias] = .module(module)
        } else {
          // `import tensorflow.keras` binds `tensorflow`, as Python does.
          guard var root = KerasModule.resolve(path: [imported.module.components[0]]) else {
            throw moduleNotFound(imported.module, statement: statement.range)
          }
          if imported.module.components[0] == "keras" {
            root = .reached(root, throughKerasIn: kerasVersion)
          }
          session.globals[imported.boundName] =
            .module(imported.module.components == ["keras"] ? module : root)
        }
      }
    case .relativeImport(let level, let module, let names):
      // In a module of a package beside the script: that package's modules.
      if let package = try scriptPackage(level: level, statement: statement.range) {
        try importRelative(
          module, from: package, names: names, range: module?.range ?? statement.range,
          statement: statement.range)
        return .normal
      }
      var error = CellError(
        type: "ImportError", message: "attempted relative import with no known parent package",
        range: statement.range)
      error.tracebackRange = statement.range
      throw error
    case .importNames(let modulePath, let names):
      if let own = try scriptModule(
        modulePath.components, range: modulePath.range, statement: statement.range)
      {
        try importNames(names, from: own, path: modulePath, statement: statement.range)
        return .normal
      }
      // `from tensorflow import keras` imports Keras 3's package under Keras 3.
      try checkKerasBackend(
        modulePath.components == ["tensorflow"] && names.contains { $0.name == "keras" }
          ? ["tensorflow", "keras"] : modulePath.components, range: modulePath.range)
      noteTensorFlowKerasImport(modulePath.components)
      // TensorFlow's own copy of Keras where ConvBook does not run the module (`LegacyKeras`).
      if kerasVersion == .keras3 || KerasModule.resolve(path: modulePath.components) == nil,
        try importFromLegacyKeras(modulePath, names, statement: statement.range)
      {
        return .normal
      }
      guard
        let module = KerasModule.resolve(path: modulePath.components).map({
          modulePath.components.first == "keras" ? .reached($0, throughKerasIn: kerasVersion) : $0
        }),
        !removedInKeras3(module), !missingInPackage(modulePath.components)
      else {
        throw moduleNotFound(modulePath, statement: statement.range)
      }
      try refuseLegacyKeras(
        module, range: modulePath.range,
        importsPackage: modulePath.components == ["tensorflow", "python"]
          && names.allSatisfy { $0.name == "keras" })
      // Python imports the names in order: one the copy lacks fails before ConvBook would
      // refuse an earlier one it has.
      if case .legacyKeras(let name) = module,
        let known = LegacyKeras.publicNames[name],
        let missing = names.first(where: { $0.name != "*" && !known.contains($0.name) })
      {
        // Named by the module's file below site-packages, as other modules are.
        var error = CellError(
          type: "ImportError",
          message:
            "cannot import name '\(missing.name)' from '\(name)' (\(name.replacingOccurrences(of: ".", with: "/"))/__init__.py)",
          range: missing.nameRange)
        error.tracebackRange = statement.range
        throw error
      }
      // `from __future__ import print_function`: every feature is already on in Python 3, but for
      // postponed annotations, which `def`s then leave unevaluated.
      if case .inert("__future__") = module {
        if names.contains(where: { $0.name == "annotations" }) {
          session.postponesAnnotations = true
        }
        return .normal
      }
      if case .kerasSource = module {
        for imported in names {
          guard imported.name != "*" else {
            throw .unsupported(
              "ConvBook does not support `from \(module.pythonName) import *` yet",
              at: imported.range)
          }
          session.globals[imported.boundName] = try Attributes.get(
            imported.name, of: .module(module), range: imported.nameRange, interpreter: self)
        }
        return .normal
      }
      for imported in names {
        if imported.name == "*" {
          try importAll(from: module, path: modulePath, range: imported.range)
          continue
        }
        if let refusal = TensorFunctions.missingImport(
          imported.name, from: module, path: modulePath.components, kerasVersion: kerasVersion,
          range: imported.nameRange)
        {
          if refusal.type == nil, isUnusedImport(imported.boundName, statement: statement.range) {
            continue
          }
          throw refusal
        }
        if case .inert(SklearnDatasets.module) = module, imported.name == "load_boston" {
          // scikit-learn's module `__getattr__` raises its own ImportError for it; CPython's
          // traceback shows the whole statement.
          var error = CellError(
            type: "ImportError", message: SklearnDatasets.loadBostonMessage,
            range: imported.nameRange)
          error.tracebackRange = statement.range
          throw error
        }
        if modulePath.components == ["keras"], imported.name == "backend",
          kerasVersion == .keras3
        {
          // Keras 3's package `keras.backend`, not `tf.keras.backend`'s legacy functions.
          session.globals[imported.boundName] = .module(.keras3Backend)
        } else if module.lacks(imported.name, in: kerasVersion) {
          throw cannotImport(
            imported.name, from: module, path: modulePath, range: imported.nameRange,
            statement: statement.range)
        } else if modulePath.components.starts(with: ["tensorflow", "keras"]),
          let renamed = KerasModule.importedByPath(
            imported.name, of: .tensorflowKerasImported(module),
            paths: session.importedTensorFlowKerasPaths)
        {
          // `from tensorflow.keras import losses` after an import named `tensorflow.keras.losses`.
          session.globals[imported.boundName] = .module(renamed)
        } else if let value = session.attribute(imported.name, of: module) {
          // Under tf-keras, `keras` is the tf_keras package: its modules are the package's own.
          session.globals[imported.boundName] =
            modulePath.components.first == "keras" && kerasVersion == .keras2
            ? KerasPackages.inTFKeras(value) : value
        } else if module != .numpy || NumPyFunctions.submoduleNames.contains(imported.name),
          let submodule = KerasModule.resolve(path: modulePath.components + [imported.name])
        {
          session.globals[imported.boundName] = .module(
            modulePath.components.first == "keras"
              ? .reached(submodule, throughKerasIn: kerasVersion) : submodule)
        } else if let refusal =
          module.unresolvedName(imported.name, in: kerasVersion, at: imported.nameRange)
          ?? module.unsupportedName(imported.name, at: imported.nameRange)
        {
          // A name the real module has: harmless where the script never uses it.
          if isUnusedImport(imported.boundName, statement: statement.range) { continue }
          throw refusal
        } else {
          throw cannotImport(
            imported.name, from: module, path: modulePath, range: imported.nameRange,
            statement: statement.range)
        }
      }
    case .forLoop(let target, let iterable, let body, let elseBody):
      var result: Flow?
      try forEach(try evaluate(iterable), range: iterable.range, statement: statement.range) {
        item throws(CellError) in
        try step(at: statement.range)
        try assign(item, to: target, statement: statement)
        switch try execute(body) {
        case .normal, .continueLoop: return true
        case .breakLoop:
          result = .normal
          return false
        case .returned(let value):
          result = .returned(value)
          return false
        }
      }
      // The `else:` block runs when the loop ran out of items rather than breaking.
      if let result { return result }
      if let elseBody { return try execute(elseBody) }
    case .whileLoop(let condition, let body, let elseBody):
      while true {
        try step(at: statement.range)
        guard try self.condition(try evaluate(condition), range: condition.range) else { break }
        switch try execute(body) {
        case .normal, .continueLoop: continue
        case .breakLoop: return .normal
        case .returned(let value): return .returned(value)
        }
      }
      if let elseBody { return try execute(elseBody) }
    case .ifStatement(let branches, let elseBody):
      for branch in branches
      where try condition(try evaluate(branch.condition), range: branch.condition.range) {
        return try execute(branch.body)
      }
      if let elseBody { return try execute(elseBody) }
    case .pass:
      break
    case .functionDefinition(let definition):
      try defineFunction(definition, statement: statement)
    case .classDefinition(let definition):
      try defineClass(definition, statement: statement)
    case .withStatement(let items, let body):
      return try executeWith(items[...], body: body, statement: statement)
    case .matchStatement(let subject, let cases):
      return try executeMatch(subject, cases, statement: statement)
    case .returnStatement(let value):
      return .returned(
        try value.map { expression throws(CellError) in try evaluate(expression) } ?? .none)
    case .breakStatement:
      return .breakLoop
    case .continueStatement:
      return .continueLoop
    case .tryStatement(let body, let handlers, let elseBody, let finallyBody):
      var flow = Flow.normal
      var pending: CellError?
      var completed = false
      do throws(CellError) {
        flow = try execute(body)
        completed = true
      } catch {
        pending = error
        // ConvBook's own stops (budgets, unsupported constructs) are not Python exceptions.
        if let type = error.type {
          // What Python's `except` sees: the traceback from this frame down, the context of an
          // exception raised while another one was handled, Keras 3's wording.
          var caught = kerasVersion == .keras3 ? Keras3Wording.translate(error) : error
          if caught.function == nil && caught.callers.isEmpty { caught.function = functionName }
          if caught.identity == nil {
            caughtCount += 1
            caught.identity = cellIndex << 32 | caughtCount
          }
          if let outer = handledErrors.last { caught.noteRaised(whileHandling: outer) }
          handledErrors.append(caught)
          defer { handledErrors.removeLast() }
          do throws(CellError) {
            for handler in handlers where try handles(handler, type) {
              // The exception's traceback keeps the frames it left alive while it is handled,
              // so generators they dropped are closed after the handler, as CPython does.
              let held = pendingGeneratorCloses
              pendingGeneratorCloses = []
              defer { pendingGeneratorCloses += held }
              pending = nil
              if let name = handler.name {
                let target = Expression(.name(name), range: handler.range)
                try assign(.exception(PythonException(caught)), to: target, statement: statement)
                // CPython deletes the name when the handler ends (`finally: del name`).
                do throws(CellError) {
                  flow = try execute(handler.body)
                } catch {
                  try? delete(target)
                  throw error
                }
                try? delete(target)
              } else {
                flow = try execute(handler.body)
              }
              break
            }
          } catch {
            var raised = error
            raised.noteRaised(whileHandling: caught)
            pending = raised
          }
        }
      }
      // `else` runs when the body finished without an exception, a return or a break; its own
      // exceptions are not the `except` clauses' to catch.
      if completed, case .normal = flow, let elseBody {
        do throws(CellError) {
          flow = try execute(elseBody)
        } catch {
          pending = error
        }
      }
      if let finallyBody {
        let finalFlow: Flow
        do throws(CellError) {
          finalFlow = try execute(finallyBody)
        } catch {
          // An exception in `finally` while another one is on its way out has it as context.
          guard var context = pending else { throw error }
          if context.function == nil && context.callers.isEmpty { context.function = functionName }
          var raised = error
          raised.noteRaised(whileHandling: context)
          throw raised
        }
        if case .normal = finalFlow {} else { return finalFlow }
      }
      if let pending { throw pending }
      return flow
    case .delete(let targets):
      for target in targets { try delete(target) }
    case .raiseStatement(let exceptionExpression, let cause):
      try raise(exceptionExpression, cause: cause, range: statement.range)
    case .scopeDeclaration(let isNonlocal, let names):
      try declare(names, nonlocal: isNonlocal, range: statement.range)
    case .assertStatement(let condition, let messageExpression):
      guard try self.condition(try evaluate(condition), range: condition.range) else {
        var message = ""
        if let messageExpression {
          let value = try evaluate(messageExpression)
          try PythonText.requireKnownText(value, range: messageExpression.range)
          message = PythonText.str(value)
        }
        var failed = CellError(type: "AssertionError", message: message, range: statement.range)
        // CPython 3.11's traceback marks the test (the last operand of an `and`/`or` chain).
        var test = condition
        while case .logical(_, _, let right) = test.kind { test = right }
        failed.tracebackRange = test.range
        throw failed
      }
    }
    return .normal
  }

  /// Whether an `except` clause catches Python's exception `type` (by class, or a base class).
  private func handles(_ handler: ExceptHandler, _ type: String) throws(CellError) -> Bool {
    guard let typeExpression = handler.type else { return true }
    var classes: [String] = []
    func collect(_ value: Value) throws(CellError) {
      switch value {
      case .function(let callable)
      where Builtins.exceptionBases[callable.path] != nil
        && callable.kind == .builtin(callable.path):
        classes.append(callable.path)
      case .tuple(let items):
        for item in items { try collect(item) }
      default:
        throw CellError(
          type: "TypeError",
          message: "catching classes that do not inherit from BaseException is not allowed",
          range: typeExpression.range)
      }
    }
    try collect(try evaluate(typeExpression))
    var current: String? = type
    while let name = current, !name.isEmpty {
      if classes.contains(name) { return true }
      // Keras raises Python's own classes; any other is an Exception.
      current = Builtins.exceptionBases[name] ?? "Exception"
    }
    return false
  }

  /// Python's recursion limit before a new frame (a cell-defined function's call, a comprehension):
  /// RecursionError at the limit; ConvBook's refusal beyond the depth it runs.
  func checkCallDepth(at range: SourceRange) throws(CellError) {
    try checkNativeStack(at: range)
    guard callDepth < min(Self.maximumCallDepth, session.recursionLimit - 1) else {
      if session.recursionLimit - 1 > Self.maximumCallDepth {
        throw .unsupported(
          "ConvBook does not support calls nested more than \(Self.maximumCallDepth) deep yet (the script raised Python's recursion limit to \(session.recursionLimit))",
          at: range)
      }
      throw CellError(
        type: "RecursionError", message: "maximum recursion depth exceeded", range: range)
    }
  }

  /// ConvBook's refusal where the running thread's own stack is nearly used up (`NativeStack`):
  /// a generator's body runs on a smaller stack than the cell's, so calls and expressions that
  /// CPython nests there can go deeper than the body's thread holds, which would crash.
  func checkNativeStack(at range: SourceRange) throws(CellError) {
    guard NativeStack.isLow else { return }
    throw .unsupported(
      currentGenerator != nil
        ? "ConvBook does not support calls and expressions nested this deep inside a generator's body yet (at a call depth of \(callDepth): the body runs on a stack of its own, smaller than CPython's recursion limit needs)"
        : "ConvBook does not support calls and expressions nested this deep on this thread yet (at a call depth of \(callDepth): its stack is used up)",
      at: range)
  }

  /// Calls a function defined in a cell: binds the arguments, runs the body in a scope of its own.
  /// Generators its frame held and dropped when it returned are closed then, before the caller
  /// goes on, as CPython closes them when the frame goes (their `finally` prints first).
  func call(
    _ function: UserFunction, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    let value = try callBody(function, positional: positional, keywords: keywords, site: site)
    if !pendingGeneratorCloses.isEmpty { closeDroppedGenerators(at: site.range) }
    return value
  }

  private func callBody(
    _ function: UserFunction, positional: [Value], keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value {
    try checkCallDepth(at: site.range)
    let names = try function.bind(positional: positional, keywords: keywords, range: site.range)
    if function.isGenerator {
      // The body runs at the first `next` (`PythonGenerator`).
      try budget.allocate(bytes: EvaluationBudget.objectBytes, at: site.range)
      return .standard(
        PythonGenerator(
          function: function,
          scope: {
            let scope = Scope(
              names: names, parent: function.closure, qualifiedName: function.qualifiedName)
            scope.localNames = function.localNames
            return scope
          }(),
          interpreter: self))
    }
    let saved = (scope, locals, functionName, currentFunction)
    let flagNames = Keras3StepTrace.flagNames(
      of: function, positionalCount: positional.count, site: site, interpreter: self)
    scope = Scope(names: names, parent: function.closure, qualifiedName: function.qualifiedName)
    scope?.localNames = function.localNames
    if let flagNames { scope?.trainingFlagNames = flagNames }
    let tracedFrame = kerasVersion == .keras3 && session.lambdaTracingDepth > 0
    if tracedFrame {
      traceFrames.append(TracebackFrame(range: site.range, function: saved.2 ?? "<module>"))
    }
    defer { if tracedFrame { traceFrames.removeLast() } }
    locals = [:]
    functionName = function.name
    currentFunction = function
    callDepth += 1
    defer {
      (scope, locals, functionName, currentFunction) = saved
      callDepth -= 1
    }
    do {
      // A function of the script's own module reads that module's globals.
      return try withGlobals(of: function.module) { () throws(CellError) -> Value in
        switch function.body {
        case .expression(let expression):
          return try evaluate(expression)
        case .statements(let body):
          if case .returned(let value) = try execute(body) { return value }
          return .none
        }
      }
    } catch {
      guard function.cellIndex != cellIndex else {
        // Python's traceback lists this call, made where the caller is running.
        var traced = error
        if traced.function == nil && traced.callers.isEmpty { traced.function = function.name }
        traced.callers.insert(
          TracebackFrame(range: site.range, function: saved.2 ?? "<module>"), at: 0)
        throw traced
      }
      var relocated = error
      relocated.range = site.range
      throw relocated
    }
  }

  /// Whether `expression` is the statement `gc.collect()` (however `gc` was imported): scripts call
  /// it between models to free memory, which ConvBook frees as it goes, so it does nothing here.
  /// The count it returns is CPython's own (how many cycles its collector found), so a
  /// `gc.collect()` whose result is used stays ConvBook's limitation.
  private func isDiscardedGarbageCollection(_ expression: Expression) -> Bool {
    guard case .call(let callee, let arguments) = expression.kind, arguments.isEmpty,
      case .attribute(let base, "collect", _) = callee.kind, case .name = base.kind,
      case .module(.standard("gc"))? = try? evaluate(base)
    else { return false }
    return true
  }

  /// Whether `expression` is `os.environ` (however `os` was imported).
  private func isEnvironment(_ expression: Expression) -> Bool {
    guard case .attribute(let base, "environ", _) = expression.kind,
      case .module(.os)? = try? evaluate(base)
    else { return false }
    return true
  }

  /// A variable's value: comprehension and helper names, then the running functions' scopes,
  /// then the globals.
  func variable(_ name: String) -> Value? {
    locals[name] ?? scope?.lookup(name) ?? session.globals[name]
  }

  /// Python's ImportError of `from MODULE import NAME` for a name the module lacks, naming the
  /// module and its file as Python does (`KerasModuleNames`).
  /// CPython's traceback shows the whole import statement for it, without carets.
  private func cannotImport(
    _ name: String, from module: KerasModule, path: DottedName, range: SourceRange,
    statement: SourceRange
  ) -> CellError {
    let version = KerasPackages.unwrap(module, in: kerasVersion).1
    let file = module.initFile(in: version, path: path.components).map { " (\($0))" } ?? ""
    var error = CellError(
      type: "ImportError",
      message:
        "cannot import name '\(name)' from '\(module.importedName(in: version, path: path.components))'\(file)",
      range: range)
    error.tracebackRange = statement
    return error
  }

  /// Records the `tensorflow.keras...` modules an import statement imports by that path (the
  /// path and its parents).
  private func noteTensorFlowKerasImport(_ components: [String]) {
    // Either Keras loads TensorFlow, which then reads `TF_ENABLE_ONEDNN_OPTS` once.
    if ["tensorflow", "keras", "tf_keras"].contains(components.first) {
      session.tensorFlowLoaded = true
    }
    guard components.count >= 2, components[0] == "tensorflow", components[1] == "keras" else {
      return
    }
    for length in 2...components.count {
      session.importedTensorFlowKerasPaths.insert(components.prefix(length).joined(separator: "."))
    }
  }

  /// TensorFlow's own copy of Keras runs in tf-keras sessions only (`LegacyKeras`). Under Keras 3
  /// the package itself imports (`from tensorflow.python import keras`, `import
  /// tensorflow.python.keras`, as Python does), and what is used of it is refused (`Attributes`).
  private func refuseLegacyKeras(_ module: KerasModule, range: SourceRange, importsPackage: Bool)
    throws(CellError)
  {
    guard LegacyKeras.isLegacy(module), kerasVersion == .keras3 else { return }
    if importsPackage, case .legacyKeras(let name) = module,
      ["tensorflow.python", "tensorflow.python.keras"].contains(name)
    {
      return
    }
    throw .unsupported("ConvBook does not support `tensorflow.python.keras` yet", at: range)
  }

  /// A module of one Keras that the session's package lacks, by the recorded names of the
  /// packages on its path: Keras 3's `keras.ops` or `keras.random` imported where `keras` is
  /// tf-keras (`No module named 'keras.ops'`).
  private func missingInPackage(_ components: [String]) -> Bool {
    guard case .missing? = KerasImportPaths.outcome(of: components, in: kerasVersion) else {
      return false
    }
    return true
  }

  private func removedInKeras3(_ module: KerasModule) -> Bool {
    kerasVersion == .keras3 && Keras3Wording.isRemoved(module)
  }

  /// The error of an import that finds no module; CPython's traceback marks the whole import
  /// statement (no carets), ConvBook's message the module path.
  private func moduleNotFound(_ path: DottedName, statement: SourceRange) -> CellError {
    var error = moduleNotFound(path)
    error.tracebackRange = statement
    return error
  }

  private func moduleNotFound(_ path: DottedName) -> CellError {
    let root = path.components.first ?? ""
    if ["keras", "tf_keras"].contains(root), path.components.count >= 2,
      path.components[1] == "api"
    {
      // tf-keras' `api` package holds its API trees (`_v1`, `_v2`); Keras 3 has none.
      let missing = kerasVersion == .keras2 || root == "tf_keras" ? 3 : 2
      return CellError(
        type: "ModuleNotFoundError",
        message: "No module named '\(path.components.prefix(missing).joined(separator: "."))'",
        range: path.range)
    }
    // Python names the first module of the path that is missing: one Keras 3 removed
    // (`keras.layers.experimental` of `keras.layers.experimental.preprocessing`).
    for length in 2..<max(path.components.count + 1, 2) {
      let prefix = Array(path.components.prefix(length))
      if let found = KerasModule.resolve(path: prefix).map({
        root == "keras" ? .reached($0, throughKerasIn: kerasVersion) : $0
      }), removedInKeras3(found) {
        return CellError(
          type: "ModuleNotFoundError",
          message: "No module named '\(prefix.joined(separator: "."))'", range: path.range)
      }
    }
    switch KerasImportPaths.outcome(of: path.components, in: kerasVersion) {
    case .missing(let prefix)?:
      return CellError(
        type: "ModuleNotFoundError", message: "No module named '\(prefix.joined(separator: "."))'",
        range: path.range)
    case .unmodelled(let prefix)?:
      return .unsupported(
        "ConvBook does not support `\(prefix.joined(separator: "."))` yet", at: path.range)
    case nil: break
    }
    // TensorFlow's internals (`tensorflow.python.keras`, the Keras copy older scripts import)
    // exist, but ConvBook models only the public API.
    // So are the packages' own sources (`keras.src.layers.input_spec`, Keras 3's `src` tree that
    // library code imports from) and TensorFlow's compiler (`tensorflow.compiler.tf2xla`).
    if path.components.count >= 3, ["keras", "tf_keras"].contains(root),
      path.components[1] == "src"
    {
      return .unsupported(
        "ConvBook does not support `\(path.components.joined(separator: "."))` yet", at: path.range)
    }
    if root == "tensorflow", path.components.count >= 2,
      ["python", "compiler"].contains(path.components[1])
    {
      // A module of TensorFlow's copy of Keras that ConvBook lacks (`tensorflow.python.keras.models`).
      let shown = path.components.count > 3 && path.components[2] == "keras" ? 4 : 3
      return .unsupported(
        "ConvBook does not support `\(path.components.prefix(shown).joined(separator: "."))` yet",
        at: path.range)
    }
    // The longest prefix ConvBook has, then the first component it lacks: a real Keras module
    // (`tensorflow.keras.applications`) is ConvBook's limitation, not a missing module.
    for length in stride(from: path.components.count - 1, through: 1, by: -1) {
      // A module Keras 3 removed (`layers.experimental`) is missing there, as Keras 3 says; a
      // module ConvBook has (`keras.layers`) whose submodule is missing
      // (`keras.layers.convolutional`, gone since Keras 2.6) is missing in Keras too.
      if let found = KerasModule.resolve(path: Array(path.components.prefix(length + 1))),
        removedInKeras3(found) || length < path.components.count - 1
      {
        break
      }
      if let module = KerasModule.resolve(path: Array(path.components.prefix(length))),
        module.unsupportedName(path.components[length], at: path.range) != nil
      {
        return .unsupported(
          "ConvBook does not support `\(path.components.prefix(length + 1).joined(separator: "."))` yet",
          at: path.range)
      }
    }
    if ["tensorflow", "keras", "tf_keras"].contains(root) {
      // Python names the first module of the path it cannot import (`tensorflow.contrib` of
      // `tensorflow.contrib.keras`).
      let missing =
        (2...max(path.components.count, 2)).lazy.map { Array(path.components.prefix($0)) }
        .first { KerasModule.resolve(path: $0) == nil }?.joined(separator: ".")
        ?? "\(path)"
      return CellError(
        type: "ModuleNotFoundError", message: "No module named '\(missing)'", range: path.range)
    }
    // A script may guard an optional import (`try: import tensorflow_addons as tfa` / `except
    // ImportError: tfa = None`): the module is missing here, as in a fresh TensorFlow install, so
    // the guard takes its fallback. Uncaught, it is ConvBook's limitation, not a broken install.
    var missing = CellError(
      type: "ModuleNotFoundError", message: "No module named '\(root)'", range: path.range)
    // Python 2's own modules are missing from every Python 3 (`cPickle`, `StringIO`): Python's
    // error, whatever is installed.
    if !Self.python2Modules.contains(root), !Self.renamedKerasPackages.contains(root) {
      missing.limitation =
        "ConvBook cells can import tensorflow and keras (and tf_keras); '\(path)' is not available here"
    }
    return missing
  }

  /// Keras 3's name before its release (`keras_core`, now `keras` itself): not installed beside
  /// Keras 3, so Python's error whatever the script does with it.
  static let renamedKerasPackages: Set<String> = ["keras_core"]

  /// The standard-library modules of Python 2 that Python 3 renamed or removed.
  static let python2Modules: Set<String> = [
    "ConfigParser", "Queue", "SocketServer", "StringIO", "Tkinter", "__builtin__", "cPickle",
    "cStringIO", "commands", "cookielib", "copy_reg", "httplib", "HTMLParser", "thread",
    "tkMessageBox", "urllib2", "urlparse", "xmlrpclib",
  ]

  func assign(_ value: Value, to target: Expression, statement: Statement) throws(CellError) {
    switch target.kind {
    case .name(let name) where scope.map { !$0.globalNames.contains(name) } ?? false:
      scope?.bind(name, to: value)
    case .name(let name):
      session.globals[name] = value
      if case .model(let model) = value,
        !session.definedModels.contains(where: { $0.model === model && $0.variable == name })
      {
        session.definedModels.append(
          DefinedModel(
            variable: name, model: model, cellIndex: cellIndex, range: statement.range,
            kerasVersion: session.kerasVersion(of: model) == session.kerasVersion
              ? nil : session.kerasVersion(of: model)))
      }
    case .tuple(let targets), .list(let targets):
      let items = try iterate(value, range: target.range)
      if try unpackStarred(
        items, into: targets, range: target.range,
        { item, element throws(CellError) in try assign(item, to: element, statement: statement) })
      {
        return
      }
      guard items.count == targets.count else {
        let message =
          items.count > targets.count
          ? "too many values to unpack (expected \(targets.count))"
          : "not enough values to unpack (expected \(targets.count), got \(items.count))"
        throw CellError(type: "ValueError", message: message, range: target.range)
      }
      for (item, element) in zip(items, targets) {
        try assign(item, to: element, statement: statement)
      }
    case .attribute(let baseExpression, let name, let nameRange):
      let base = try evaluate(baseExpression)
      do {
        if try setClassAttribute(name, of: base, to: value, range: nameRange) { return }
        try Attributes.set(name, of: base, to: value, range: nameRange, interpreter: self)
      } catch {
        // ConvBook points at the name; Python's traceback at the whole target `base.name`.
        var traced = error
        if traced.tracebackRange == nil {
          traced.tracebackRange = Self.attributeTracebackRange(target.range, name: nameRange)
        }
        throw traced
      }
    case .subscript(let baseExpression, let indexExpression)
    where isEnvironment(baseExpression):
      // `os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"` changes the session's copy only.
      let key = try evaluate(indexExpression)
      guard case .string(let name) = key, case .string(let text) = value else {
        throw CellError(
          type: "TypeError", message: "str expected, not \(value.typeName)", range: target.range)
      }
      session.environment.set(key, value)
      if name == "TF_ENABLE_ONEDNN_OPTS", !session.tensorFlowLoaded {
        // Set before TensorFlow is imported, it decides TensorFlow's kernels as the process's
        // environment would (`TensorFlowEngine.resolve`); afterwards TensorFlow has read it.
        session.engine = TensorFlowEngine.resolve(
          environmentValue: text, onByDefault: session.engine == .oneDNN)
      }
    case .subscript(let baseExpression, let indexExpression)
    where try kerasInstanceOfVars(baseExpression) != nil:
      // `vars(self)[f'conv2D_{i}'] = layer`: into the layer's `__dict__`, past Keras' tracking.
      try setUntrackedVarsItem(
        of: try kerasInstanceOfVars(baseExpression)!, try evaluate(indexExpression), to: value,
        range: target.range)
    case .subscript(let baseExpression, let indexExpression):
      var base = try evaluate(baseExpression)
      let index = try evaluate(indexExpression)
      if case .array = base {
        // Written in place where it lives (`Interpreter+ArrayAssignment`); this copy would make
        // the array look shared.
        base = .none
        if try assignIntoArray(baseExpression, index, value, range: target.range) { return }
        base = try evaluate(baseExpression)
      }
      try setItem(of: base, index, to: value, range: target.range)
    default:
      throw CellError(
        type: "SyntaxError", message: "cannot assign to expression", range: target.range)
    }
  }

  /// Where CPython 3.11's traceback marks an error of `base.name` (loaded or assigned): the whole
  /// expression, unless it spans lines, when the compiler moves its start to the name
  /// (`update_start_location_to_match_attr`).
  static func attributeTracebackRange(_ range: SourceRange, name: SourceRange) -> SourceRange {
    range.start.line == range.end.line ? range : name
  }

  func iterate(_ value: Value, range: SourceRange) throws(CellError) -> [Value] {
    switch value {
    case .list(let list): return list.items
    case .tuple(let items): return items
    case .tensorShape(let dimensions): return TensorShapeValue.items(dimensions)
    case .string(let text):
      try budget.allocate(slots: text.utf8.count, at: range)
      return PythonCodePoints.items(text).map(Value.string)
    case .dictionary(let pairs): return pairs.map(\.0)
    case .set(let set): return set.items
    case .range(let start, let stop, let step):
      try budget.allocate(slots: Value.rangeCount(start, stop, step), at: range)
      return stride(from: start, to: stop, by: step).map { .int($0) }
    case .model(let model): return model.layers.map(Attributes.layerValue)
    case _ where EagerTensors.isEager(value):
      return try EagerTensors.rows(EagerTensors.operand(value)!, range: range)
    case .array(let array):
      guard array.rank > 0 else {
        throw CellError(
          type: "TypeError", message: "iteration over a 0-d array", range: range)
      }
      try budget.allocate(slots: array.shape[0], at: range)
      return NumPyFunctions.rows(array).sequenceItems ?? []
    case .standard(let object) where object.tupleItems != nil: return object.tupleItems ?? []
    case .standard(let iterable):
      guard
        let object = iterable.isIterator
          ? iterable : try iterable.makeIterator(interpreter: self, range: range)
      else {
        throw CellError(
          type: "TypeError", message: "'\(value.typeName)' object is not iterable", range: range)
      }
      var items: [Value] = []
      while let item = try object.next(interpreter: self, range: range) {
        try step(at: range)
        try budget.allocate(slots: 1, at: range)
        items.append(item)
      }
      return items
    default:
      if let items = try instanceItems(value, range: range) { return items }
      throw CellError(
        type: "TypeError", message: "'\(value.typeName)' object is not iterable", range: range)
    }
  }

  /// Runs `body` for each item of an iterable; a range is walked without building its list, so a
  /// loop over `range(10**12)` runs until its body or the time budget stops it.
  /// `body` returns false to stop (`break`).
  /// `statement`: the `for` statement walking `value`, where CPython reports a dict or set that
  /// changed size (its whole first line, no carets).
  func forEach(
    _ value: Value, range: SourceRange, statement: SourceRange? = nil,
    _ body: (Value) throws(CellError) -> Bool
  ) throws(CellError) {
    if case .range(let start, let stop, let step) = value {
      for number in stride(from: start, to: stop, by: step) {
        guard try body(.int(number)) else { return }
      }
      return
    }
    if case .standard(let iterable) = value,
      let object = iterable.isIterator
        ? iterable : try iterable.makeIterator(interpreter: self, range: range)
    {
      // An iterator is walked item by item: `itertools.count()` ends when the body breaks.
      while let item = try object.next(interpreter: self, range: range) {
        guard try body(item) else { return }
      }
      return
    }
    // CPython's dict and set iterators check the size at each step: a body that adds or
    // removes an item fails at the next one (after the last item too).
    let sized: (count: () -> Int, what: String)? =
      switch value {
      case .dictionary(let dictionary): ({ dictionary.count }, "dictionary")
      case .set(let set): ({ set.count }, "Set")
      default: nil
      }
    let size = sized?.count()
    for item in try iterate(value, range: range) {
      guard try body(item) else { return }
      if let sized, sized.count() != size {
        throw CellError(
          type: "RuntimeError", message: "\(sized.what) changed size during iteration",
          range: statement ?? range)
      }
    }
  }

  // MARK: Expressions

  func evaluate(_ expression: Expression) throws(CellError) -> Value {
    let range = expression.range
    try checkNativeStack(at: range)
    switch expression.kind {
    case .yield(let value): return try evaluateYield(value, range: range)
    case .yieldFrom(let source): return try evaluateYieldFrom(source, range: range)
    case .name(let name):
      if let scope, scope.localNames.contains(name), scope.names[name] == nil,
        locals[name] == nil, !scope.globalNames.contains(name)
      {
        throw CellError(
          type: "UnboundLocalError",
          message: "cannot access local variable '\(name)' where it is not associated with a value",
          range: range)
      }
      if let value = variable(name) ?? Builtins.value(named: name) {
        if session.lambdaFreeReads != nil { LambdaRebinding.noteRead(name, value, in: self) }
        return value
      }
      // A script's `__file__`: its absolute path (Python 3.9+), in the folder `os.getcwd()`
      // names; a lesson's cells, like a notebook's, have none.
      if name == "__file__", let script = session.scriptName {
        return .string(PosixPath.workingDirectory + "/" + script)
      }
      throw undefinedName(name, range: range)
    case .integer(let value): return .int(value)
    case .bigInteger(let value): return .bigInt(value)
    case .float(let value): return .float(value)
    case .string(let value): return .string(value)
    case .boolean(let value): return .bool(value)
    case .noneLiteral: return .none
    case .formattedString(let parts): return .string(try format(parts))
    case .tuple(let elements): return .tuple(try evaluateAll(elements))
    case .list(let elements): return .list(try evaluateAll(elements))
    case .dictionary(let entries):
      // A repeated key keeps its first position and its last value, as in Python.
      let fresh = PythonDict()
      let dictionary = Value.dictionary(fresh)
      for entry in entries {
        switch entry {
        case .pair(let keyExpression, let valueExpression):
          let key = try evaluate(keyExpression)
          let value = try evaluate(valueExpression)
          // No cycle check (`setItem`'s walks the whole value): no name is bound to the dict
          // being built, so it cannot be inside its values, and the walk made a chain of n
          // nested literals (`x = {"a": x}` in a loop) take n² steps.
          try requireHashable(key, range: range)
          if fresh.index(of: key) == nil { try budget.allocate(slots: 2, at: range) }
          fresh.set(key, value)
        case .unpacking(let expression):
          guard case .dictionary(let other) = try evaluate(expression) else {
            throw CellError(
              type: "TypeError",
              message: "'\(try evaluate(expression).typeName)' object is not a mapping",
              range: expression.range)
          }
          for (key, value) in other.pairs {
            try setItem(of: dictionary, key, to: value, range: range)
          }
        }
      }
      return dictionary
    case .set(let elements):
      return try SetOperations.literal(
        try evaluateAll(elements), allConstant: elements.allSatisfy(\.isConstant), range: range,
        interpreter: self)
    case .comprehension(.set, let element, let clauses):
      let set = PythonSet()
      try runComprehension(clauses[...], range: range, frame: "<setcomp>") {
        () throws(CellError) in
        try SetOperations.add(try self.evaluate(element), to: set, range: range, interpreter: self)
      }
      return .set(set)
    case .comprehension(.generator, let element, let clauses):
      return try GeneratorExpression.make(
        element: element, clauses: clauses, range: range, interpreter: self)
    case .comprehension(let kind, let element, let clauses):
      guard kind == .list || kind == .generator else {
        throw .unsupported("only list comprehensions are supported in ConvBook cells", at: range)
      }
      var results: [Value] = []
      // A generator runs where it is consumed, which ConvBook does not follow: no frame of its own.
      try runComprehension(clauses[...], range: range, frame: kind == .list ? "<listcomp>" : nil) {
        () throws(CellError) in
        try self.budget.allocate(slots: 1, at: range)
        results.append(try self.evaluate(element))
      }
      return .list(results)
    case .attribute(let baseExpression, let name, let nameRange):
      let base = try evaluate(baseExpression)
      do {
        let value = try Attributes.get(name, of: base, range: nameRange, interpreter: self)
        // `a.T`, `a.flat`, `scalar.real` carry the mark; `a.shape`, `a.dtype` are no values.
        switch value {
        case .array, .standard(is NumPyScalar):
          return try followingOwnDraws(value, operands: [base], range: range)
        default: return value
        }
      } catch {
        // ConvBook points at the name; Python's traceback at the whole `base.name`.
        var traced = error
        if traced.tracebackRange == nil {
          traced.tracebackRange = Self.attributeTracebackRange(range, name: nameRange)
        }
        throw traced
      }
    case .subscript(let baseExpression, let indexExpression)
    where try kerasInstanceOfVars(baseExpression) != nil:
      return try varsItem(
        of: try kerasInstanceOfVars(baseExpression)!, try evaluate(indexExpression),
        range: expression.range)
    case .subscript(let baseExpression, let indexExpression):
      let base = try evaluate(baseExpression)
      // A NumPy integer indexes as its Python int (`__index__`).
      let given = try evaluate(indexExpression)
      let index = NumPyScalar.number(given)
      func item() throws(CellError) -> Value {
        if case .array(let array) = base, array.tensorFlowDType != nil {
          if let masked = try EagerBooleanMask.subscripted(
            array, index, interpreter: self, range: range)
          {
            return masked
          }
          return try EagerGradients.indexed(array, index, range: range, interpreter: self)
        }
        do {
          return try subscriptValue(base, index, range: range)
        } catch {
          var traced = error
          if traced.tracebackRange == nil {
            traced.tracebackRange = range
            traced.tracebackAnchor = .subscript(
              baseEnd: baseExpression.range.end, indexEnd: indexExpression.range.end)
          }
          throw traced
        }
      }
      return try followingOwnDraws(try item(), operands: [base], index: given, range: range)
    case .slice(let lower, let upper, let stepExpression):
      func bound(_ expression: Expression?) throws(CellError) -> Int? {
        guard let expression else { return nil }
        let value = try evaluate(expression)
        switch value {
        case .none: return nil
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        // Python clamps slice bounds of any size to the sequence.
        case .bigInt(let number): return number.sign == .minus ? Int.min + 1 : Int.max
        case .kerasTensor:
          // `self.pe[:, :tf.shape(x)[1], :]` in a layer's call: TensorFlow slices a tensor with a
          // bound known only when the model runs (a list would be CPython's TypeError).
          throw .unsupported(
            "ConvBook does not support a slice bound that is a symbolic tensor (`t[:tf.shape(x)[1]]`) yet",
            at: expression.range)
        default:
          throw CellError(
            type: "TypeError",
            message: "slice indices must be integers or None or have an __index__ method",
            range: expression.range)
        }
      }
      return .slice(
        start: try bound(lower), stop: try bound(upper), step: try bound(stepExpression))
    case .call(let calleeExpression, let argumentExpressions):
      try step(at: range)
      let callee = try evaluate(calleeExpression)
      if let shuffled = try shuffleInPlace(callee, argumentExpressions, range: range) {
        return shuffled
      }
      if let processed = try preprocessInPlace(callee, argumentExpressions, range: range) {
        return processed
      }
      if let placed = try placeInPlace(callee, argumentExpressions, range: range) {
        return placed
      }
      var positional: [Value] = []
      var keywords: [(String, Value)] = []
      for (index, argument) in argumentExpressions.enumerated() {
        switch argument.kind {
        case .positional: positional.append(try evaluate(argument.value))
        case .keyword(let label):
          if argumentExpressions[..<index].contains(where: {
            if case .keyword(label) = $0.kind { true } else { false }
          }) {
            throw CellError(
              type: "SyntaxError", message: "keyword argument repeated: \(label)",
              range: argument.labelRange ?? argument.range)
          }
          let value = try evaluate(argument.value)
          if keywords.contains(where: { $0.0 == label }) {
            throw try repeatedKeyword(label, callee: callee, range: range)
          }
          keywords.append((label, value))
        case .unpackedIterable:
          let iterable = try evaluate(argument.value)
          // An iterator runs its code as the call unpacks it: CPython's frame marks the call.
          var isIterator = false
          if case .standard(let object) = iterable { isIterator = object.isIterator }
          positional += try iterate(iterable, range: isIterator ? range : argument.range)
        case .unpackedMapping:
          guard case .dictionary(let pairs) = try evaluate(argument.value) else {
            throw CellError(
              type: "TypeError", message: "argument after ** must be a mapping",
              range: argument.range)
          }
          for (key, value) in pairs {
            guard case .string(let label) = key else {
              throw CellError(
                type: "TypeError", message: "keywords must be strings", range: argument.range)
            }
            if keywords.contains(where: { $0.0 == label }) {
              throw try repeatedKeyword(label, callee: callee, range: range)
            }
            keywords.append((label, value))
          }
        }
      }
      let call = CallSite(
        range: range, calleeRange: calleeExpression.range, arguments: argumentExpressions,
        calleeText: Interpreter.describe(calleeExpression))
      do {
        return try followingOwnDraws(
          callee, positional: positional, keywords: keywords, site: call
        ) { () throws(CellError) in
          try Calls.call(
            callee, positional: positional, keywords: keywords, site: call, interpreter: self)
        }
      } catch {
        // Python's frame points at the call that raised (a call of a cell function that failed
        // inside lists its own frames instead).
        guard error.tracebackRange == nil, error.callers.isEmpty, error.function == nil else {
          throw error
        }
        var traced = error
        traced.tracebackRange = range
        throw traced
      }
    case .unary(let operation, let operandExpression):
      let operand = try evaluate(operandExpression)
      return try followingOwnDraws(
        try unary(operation, operand, range: range), operands: [operand], range: range)
    case .binary(let operation, let left, let right):
      let (leftValue, rightValue) = (try evaluate(left), try evaluate(right))
      do {
        return try binary(operation, leftValue, rightValue, range: range)
      } catch {
        var traced = error
        if traced.tracebackRange == nil {
          traced.tracebackRange = range
          traced.tracebackAnchor = .binary(leftEnd: left.range.end, rightStart: right.range.start)
        }
        throw traced
      }
    case .comparison(let first, let links):
      var operands: [Value] = []
      let result = try comparison(first, links, range: range, operands: &operands)
      // `x is None` tests no values.
      guard links.contains(where: { ![.identical, .notIdentical].contains($0.operation) }) else {
        return result
      }
      let equality = links.allSatisfy { [.equal, .notEqual].contains($0.operation) }
      return try followingOwnDraws(
        result, operands: operands, equality: equality, range: range)
    case .logical(let operation, let leftExpression, let rightExpression):
      let left = try evaluate(leftExpression)
      switch operation {
      case .and:
        return try condition(left, range: leftExpression.range)
          ? try evaluate(rightExpression) : left
      case .or:
        return try condition(left, range: leftExpression.range)
          ? left : try evaluate(rightExpression)
      }
    case .conditional(let test, let ifTrue, let ifFalse):
      return try condition(try evaluate(test), range: test.range)
        ? try evaluate(ifTrue) : try evaluate(ifFalse)
    case .namedExpression(let name, let value):
      // Binds where an assignment statement would, past any comprehension's own names (PEP 572).
      let result = try evaluate(value)
      try assign(
        result, to: Expression(.name(name), range: range),
        statement: Statement(.expression(expression), range: range))
      return result
    case .lambda(let parameters, let body):
      var defaults: [String: Value] = [:]
      for parameter in parameters {
        if let expression = parameter.defaultValue {
          defaults[parameter.name] = try evaluate(expression)
        }
      }
      try budget.allocate(bytes: EvaluationBudget.objectBytes, at: range)
      let function = UserFunction(
        name: "<lambda>",
        qualifiedName: scope.map { $0.qualifiedName + ".<locals>.<lambda>" } ?? "<lambda>",
        parameters: parameters.map {
          FunctionParameter(
            name: $0.name, kind: $0.kind, defaultValue: $0.defaultValue, range: $0.range)
        }, defaults: defaults, body: .expression(body), closure: closureOfLambda(),
        cellIndex: cellIndex)
      function.module = session.currentScriptModule
      return .function(Callable(.user(function), path: "<lambda>"))
    case .ellipsis: return .ellipsis
    case .dictionaryComprehension(let keyExpression, let valueExpression, let clauses):
      let dictionary = PythonDict()
      try runComprehension(clauses[...], range: range, frame: "<dictcomp>") {
        () throws(CellError) in
        let key = try self.evaluate(keyExpression)
        let value = try self.evaluate(valueExpression)
        try self.setItem(of: .dictionary(dictionary), key, to: value, range: range)
      }
      return .dictionary(dictionary)
    case .bytes(let bytes):
      try budget.allocate(bytes: bytes.count, at: range)
      return .standard(PythonBytes(bytes))
    case .starred:
      throw .unsupported(
        "\(Interpreter.constructName(expression)) is not supported in ConvBook cells", at: range)
    }
  }

  /// A chain of comparisons (`a < b <= c`), keeping the values it compared in `operands`.
  private func comparison(
    _ first: Expression, _ links: [ComparisonLink], range: SourceRange, operands: inout [Value]
  ) throws(CellError) -> Value {
    var left = try evaluate(first)
    operands.append(left)
    for (index, link) in links.enumerated() {
      if links.count == 1, link.operation == .memberOf || link.operation == .notMemberOf,
        let found = try AddressedText.contains(
          left, in: link.operand, interpreter: self, range: range)
      {
        return .bool(found == (link.operation == .memberOf))
      }
      let right = try evaluate(link.operand)
      // `"loss" in history.history` tests the keys.
      if link.operation != .memberOf && link.operation != .notMemberOf { operands.append(right) }
      if links.count == 1, TensorArithmetic.involvesTensor(left, right),
        [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(link.operation)
      {
        return try TensorFunctions.compare(
          link.operation, left, right, interpreter: self, range: range)
      }
      if EagerTensors.isEager(left) || EagerTensors.isEager(right),
        link.operation != .identical, link.operation != .notIdentical
      {
        guard link.operation != .memberOf, link.operation != .notMemberOf else {
          throw EagerTensors.refusal("`in` comparisons", range: range)
        }
        let result = try EagerArithmetic.compare(
          link.operation, left, right, range: range, budget: budget)
        // A chain (`0.26 <= sigmoid(x) <= 0.28`) is `and` of its links: a link that is false
        // (by the tensor's truth value) ends it with that tensor, the last link gives the rest.
        if index == links.count - 1 { return result }
        if !(try condition(result, range: range)) { return result }
        left = right
        continue
      }
      if links.count == 1, ArrayOperations.involvesArray(left, right),
        link.operation != .identical, link.operation != .notIdentical
      {
        // NumPy compares element by element.
        return try ArrayOperations.compare(
          link.operation, left, right, range: range, budget: budget)
      }
      if let result = try instanceComparison(link.operation, left, right, range: range) {
        if !result { return .bool(false) }
      } else if !(try Operators.compare(link.operation, left, right, range: range)) {
        return .bool(false)
      }
      left = right
    }
    return .bool(true)
  }

  /// A unary operation on a value.
  private func unary(_ operation: UnaryOperator, _ operand: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    if operation == .negate, case .kerasTensor(let tensor) = operand {
      return try TensorArithmetic.negate(tensor, range: range, interpreter: self)
    }
    if EagerTensors.isEager(operand) {
      guard operation == .negate else {
        throw EagerTensors.refusal("unary `\(operation.rawValue)`", range: range)
      }
      return try EagerGradients.negate(operand, interpreter: self, range: range)
    }
    if operation == .negate, case .array(let array) = operand {
      return try ArrayOperations.negate(array, range: range, budget: budget)
    }
    if operation == .negate, case .standard(let scalar as NumPyScalar) = operand {
      // `-np.float32(x)` is a float32 scalar again.
      let negated = try ArrayOperations.negate(scalar.array, range: range, budget: budget)
      if case .array(let array) = negated { return .standard(NumPyScalar(array)) }
      return try ArrayOperations.elementwise(
        .multiply, operand, .int(-1), range: range, budget: budget)
    }
    return try Operators.unary(operation, operand, range: range)
  }

  /// `base[index]` of a value other than an eager tensor.
  func subscriptValue(_ base: Value, _ index: Value, range: SourceRange)
    throws(CellError) -> Value
  {
    if case .array(let array) = base {
      return try ArrayOperations.subscriptValue(array, index, range: range, budget: budget)
    }
    if case .kerasTensor(let tensor) = base {
      return try TensorFunctions.subscriptTensor(tensor, index, interpreter: self, range: range)
    }
    if case .standard(let object) = base,
      let item = try object.item(at: index, interpreter: self, range: range)
    {
      return item
    }
    if case .dictionary(let dictionary) = base,
      let missing = try StandardCollections.missingKey(
        dictionary, index, interpreter: self, range: range)
    {
      return missing
    }
    if let item = try instanceItem(base, index, range: range) { return item }
    // `Trainer[keras.Model]` of a class that extends `typing.Generic`.
    if case .function(let callable) = base, case .userClass(let type) = callable.kind,
      type.extendsGeneric
    {
      return .standard(GenericClassAlias(origin: type))
    }
    return try Operators.subscriptValue(base, index, range: range)
  }

  /// A binary operation on two values: tensors, arrays, sets, then Python's numbers and sequences;
  /// the result is marked when an operand derives from ConvBook's own draws (`OwnDraws`).
  func binary(
    _ operation: BinaryOperator, _ leftValue: Value, _ rightValue: Value, range: SourceRange
  ) throws(CellError) -> Value {
    if operation == .modulo, case .string = leftValue, session.training.ownDrawsSeen,
      OwnDraws.derives(rightValue, training: session.training)
    {
      throw .unsupported(PythonText.ownDrawMessage, at: range)
    }
    return try followingOwnDraws(
      try unmarkedBinary(operation, leftValue, rightValue, range: range),
      operands: [leftValue, rightValue], range: range)
  }

  private func unmarkedBinary(
    _ operation: BinaryOperator, _ leftValue: Value, _ rightValue: Value, range: SourceRange
  ) throws(CellError) -> Value {
    // An optimizer's learning rate computes as its value, a float32 eager tensor.
    if case .standard(let variable as LearningRateVariable) = leftValue {
      return try binary(operation, variable.tensor(range: range), rightValue, range: range)
    }
    if case .standard(let variable as LearningRateVariable) = rightValue {
      return try binary(operation, leftValue, variable.tensor(range: range), range: range)
    }
    // `"%s" % obj` shows an instance through its own `__str__` / `__repr__`.
    if let result = try instanceBinary(operation, leftValue, rightValue, range: range) {
      return result
    }
    if let result = try viewSetOperation(operation, leftValue, rightValue, range: range) {
      return result
    }
    if let result = flagOperation(operation, leftValue, rightValue) { return result }
    if operation == .modulo, case .string(let template) = leftValue {
      // The values are formatted one by one, each as its field's conversion asks.
      let fields = PythonText.Shown.percentFields(template)
      switch (rightValue, fields) {
      case (.tuple(let items), let fields?) where fields.count == items.count:
        for (item, shown) in zip(items, fields) { try prepareText(item, range: range, as: shown) }
      case (.tuple, _), (.dictionary, _), (_, nil):
        try prepareText(rightValue, range: range, showsWhole: false)
      case (_, let fields?):
        try prepareText(rightValue, range: range, as: fields.first ?? .str)
      }
    }
    if TensorArithmetic.involvesTensor(leftValue, rightValue) {
      return try TensorArithmetic.binary(
        operation, leftValue, rightValue, range: range, interpreter: self)
    }
    if operation == .modulo, case .string = leftValue {
      // `"%.3f" % np.float32(x)` formats; it is no array operation.
      return try Operators.binary(operation, leftValue, rightValue, range: range, budget: budget)
    }
    if EagerTensors.isEager(leftValue) || EagerTensors.isEager(rightValue) {
      return try EagerGradients.binary(
        operation, leftValue, rightValue, interpreter: self, range: range)
    }
    if ArrayOperations.involvesArray(leftValue, rightValue) {
      let result = try ArrayOperations.binary(
        operation, leftValue, rightValue, engine: session.engine, range: range, budget: budget)
      NumPyScalarOverflow.check(
        operation, leftValue, rightValue, result: result, range: range, interpreter: self)
      return result
    }
    if case .dictionary(let a) = leftValue, case .dictionary(let b) = rightValue,
      let result = try StandardCollections.counterArithmetic(
        operation, a, b, range: range, interpreter: self)
    {
      return result
    }
    if case .set(let a) = leftValue, case .set(let b) = rightValue,
      let result = try SetOperations.binary(operation, a, b, range: range, interpreter: self)
    {
      return result
    }
    return try Operators.binary(operation, leftValue, rightValue, range: range, budget: budget)
  }

  func evaluateAll(_ expressions: [Expression]) throws(CellError) -> [Value] {
    var values: [Value] = []
    for expression in expressions {
      if case .starred(let inner) = expression.kind {
        values += try iterate(try evaluate(inner), range: expression.range)
      } else {
        values.append(try evaluate(expression))
      }
    }
    return values
  }

  /// The scope a lambda closes over: inside a comprehension, one that holds the comprehension's
  /// variables (`[Lambda(lambda x: x[..., i]) for i in range(n)]`), else the running function's.
  private func closureOfLambda() -> Scope? {
    // A lambda in a class body, like a method, does not see the class body's names.
    guard !locals.isEmpty else { return scope?.isClassBody == true ? scope?.parent : scope }
    if let comprehensionScope { return comprehensionScope }
    let made = Scope(names: locals, parent: scope, qualifiedName: scope?.qualifiedName ?? "")
    comprehensionScope = made
    return made
  }

  /// Runs a comprehension's clauses. CPython 3.11 runs a list, set or dict comprehension as a
  /// function of its own (`frame`: `<listcomp>`) called on the first iterable, which the
  /// enclosing frame evaluates: an error inside gets that call in its traceback.
  private func runComprehension(
    _ clauses: ArraySlice<ComprehensionClause>, range: SourceRange, frame: String? = nil,
    body: () throws(CellError) -> Void
  ) throws(CellError) {
    guard let clause = clauses.first else {
      try body()
      return
    }
    let iterable = try evaluate(clause.iterable)
    let saved = locals
    let savedScope = comprehensionScope
    defer {
      locals = saved
      comprehensionScope = savedScope
    }
    guard let frame else {
      try runClause(clause, iterable, clauses, range: range, body: body)
      return
    }
    // The comprehension's frame counts toward Python's recursion limit as a call's does (a
    // recursion through `[f(n - 1) for ...]` stops at half the depth).
    try checkCallDepth(at: range)
    let enclosing = functionName
    functionName = frame
    callDepth += 1
    defer {
      functionName = enclosing
      callDepth -= 1
    }
    do {
      try runClause(clause, iterable, clauses, range: range, body: body)
    } catch {
      var traced = error
      if traced.function == nil && traced.callers.isEmpty { traced.function = frame }
      traced.callers.insert(TracebackFrame(range: range, function: enclosing ?? "<module>"), at: 0)
      throw traced
    }
  }

  private func runClause(
    _ clause: ComprehensionClause, _ iterable: Value, _ clauses: ArraySlice<ComprehensionClause>,
    range: SourceRange, body: () throws(CellError) -> Void
  ) throws(CellError) {
    try forEach(iterable, range: clause.iterable.range) { item throws(CellError) in
      try step(at: range)
      try bindLocal(item, to: clause.target)
      var passes = true
      for condition in clause.conditions
      where !(try self.condition(try evaluate(condition), range: condition.range)) {
        passes = false
        break
      }
      if passes { try runComprehension(clauses.dropFirst(), range: range, body: body) }
      return true
    }
  }

  /// `first, *rest = items`: the starred target takes a list of what the others leave. False
  /// when no target is starred.
  func unpackStarred(
    _ items: [Value], into targets: [Expression], range: SourceRange,
    _ bind: (Value, Expression) throws(CellError) -> Void
  ) throws(CellError) -> Bool {
    guard
      let star = targets.firstIndex(where: { if case .starred = $0.kind { true } else { false } }),
      case .starred(let inner) = targets[star].kind
    else { return false }
    let fixed = targets.count - 1
    guard items.count >= fixed else {
      throw CellError(
        type: "ValueError",
        message: "not enough values to unpack (expected at least \(fixed), got \(items.count))",
        range: range)
    }
    let after = targets.count - star - 1
    for (item, element) in zip(items.prefix(star), targets.prefix(star)) { try bind(item, element) }
    try budget.allocate(slots: items.count - fixed, at: range)
    try bind(.list(Array(items[star..<(items.count - after)])), inner)
    for (item, element) in zip(items.suffix(after), targets.suffix(after)) {
      try bind(item, element)
    }
    return true
  }

  func bindLocal(_ value: Value, to target: Expression) throws(CellError) {
    switch target.kind {
    case .name(let name):
      locals[name] = value
      comprehensionScope?.names[name] = value
    case .tuple(let targets), .list(let targets):
      let items = try iterate(value, range: target.range)
      if try unpackStarred(
        items, into: targets, range: target.range,
        { item, element throws(CellError) in try bindLocal(item, to: element) })
      {
        return
      }
      guard items.count == targets.count else {
        throw CellError(
          type: "ValueError", message: "cannot unpack \(items.count) values into \(targets.count)",
          range: target.range)
      }
      for (item, element) in zip(items, targets) { try bindLocal(item, to: element) }
    default:
      throw CellError(
        type: "SyntaxError", message: "cannot assign to expression", range: target.range)
    }
  }

  private func format(_ parts: [FormattedStringPart]) throws(CellError) -> String {
    var text = ""
    for part in parts {
      switch part {
      case .literal(let literal): text += literal
      case .replacement(let replacement):
        let value = try evaluate(replacement.expression)
        let shown: PythonText.Shown =
          replacement.conversion == nil || replacement.conversion == .str ? .str : .repr
        try prepareText(value, range: replacement.range, as: shown)
        let spec = try format(replacement.formatSpec)
        switch replacement.conversion {
        case .repr?, .ascii?:
          try PythonText.requireKnownText(value, asString: false, range: replacement.range)
          text += try PythonText.format(
            .string(PythonText.repr(value)), spec: spec, range: replacement.range, budget: budget)
        case .str?:
          try PythonText.requireKnownText(value, range: replacement.range)
          text += try PythonText.format(
            .string(PythonText.str(value)), spec: spec, range: replacement.range, budget: budget)
        case nil:
          text += try PythonText.format(value, spec: spec, range: replacement.range, budget: budget)
        }
      }
    }
    return text
  }

  /// The dotted text of a callee such as `model.fit` or `keras.layers.Conv2D`, for messages.
  static func describe(_ expression: Expression) -> String {
    switch expression.kind {
    case .name(let name): return name
    case .attribute(let base, let name, _): return describe(base) + "." + name
    case .call(let callee, _): return describe(callee) + "(...)"
    case .subscript(let base, _): return describe(base) + "[...]"
    default: return "expression"
    }
  }

  static func constructName(_ expression: Expression) -> String {
    switch expression.kind {
    case .bytes: return "bytes literals"
    case .ellipsis: return "`...`"
    case .dictionaryComprehension: return "dictionary comprehensions"
    case .starred: return "`*` unpacking here"
    case .lambda: return "lambda functions"
    default: return "this expression"
    }
  }
}

/// Where a call happens, for errors that point at it or at one of its arguments.
struct CallSite {
  var range: SourceRange
  var calleeRange: SourceRange
  var arguments: [Argument]
  var calleeText: String
}

extension Interpreter {
  /// Keras 3 picks its backend when its package is first imported (`import keras`, or
  /// `tensorflow.keras` under Keras 3), from `os.environ["KERAS_BACKEND"]`: a name it does not
  /// know is its ValueError; JAX, PyTorch, NumPy or OpenVINO is ConvBook's limitation (it runs
  /// Keras 3 on TensorFlow). Later changes of the variable change nothing, as in Python.
  func checkKerasBackend(_ components: [String], range: SourceRange) throws(CellError) {
    guard kerasVersion == .keras3, !session.importedKeras3,
      components.first == "keras" || components.starts(with: ["tensorflow", "keras"])
    else { return }
    let chosen = session.environment.first { Operators.equal($0.0, .string("KERAS_BACKEND")) }?.1
    guard case .string(let backend)? = chosen, !backend.isEmpty, backend != "tensorflow" else {
      session.importedKeras3 = true
      return
    }
    if ["jax", "torch", "numpy", "openvino"].contains(backend) {
      throw .unsupported(
        "ConvBook runs Keras 3 on TensorFlow only; this script chooses the \(backend) backend (KERAS_BACKEND)",
        at: range)
    }
    throw CellError(
      type: "ValueError", message: "Unable to import backend : \(backend)", range: range)
  }
}

extension Interpreter {
  /// A keyword given twice through `**` (`Conv2D(8, kernel_size=5, **settings)` where the dict
  /// holds `kernel_size` too): CPython's TypeError at the call, naming the callee as
  /// `_PyObject_FunctionStr` does (`module.qualname()`, or `qualname()` for a built-in); a
  /// callee whose name and module ConvBook does not have is its limitation.
  fileprivate func repeatedKeyword(_ label: String, callee: Value, range: SourceRange)
    throws(CellError) -> CellError
  {
    var text: String?
    // A bound method of a script's class names its function (`__main__.Block.call()`).
    if case .method(.instance(let instance), let name) = callee,
      let (_, owner) = instance.type.lookup(name)
    {
      text = "\(owner.module).\(owner.qualifiedName).\(name)()"
    } else if case .function(let callable) = callee, case .builtin(let name) = callable.kind {
      text = name + "()"
    } else if case .string(let qualified)? = try? Attributes.get(
      "__qualname__", of: callee, range: range, interpreter: self),
      case .string(let module)? = try? Attributes.get(
        "__module__", of: callee, range: range, interpreter: self)
    {
      text = module == "builtins" ? "\(qualified)()" : "\(module).\(qualified)()"
    }
    guard let text else {
      return .unsupported(
        "ConvBook does not support the keyword argument '\(label)' given twice to \(Self.describeCallee(callee)) yet (Python's TypeError names the callee in words ConvBook does not have)",
        at: range)
    }
    return CellError(
      type: "TypeError", message: "\(text) got multiple values for keyword argument '\(label)'",
      range: range)
  }

  private static func describeCallee(_ callee: Value) -> String {
    if case .function(let callable) = callee { return "`\(callable.path)`" }
    return "a \(callee.typeName)"
  }
}
