import CNNEngine

/// Runs the statements of one cell against a `KerasSession`.
final class Interpreter {
  let session: KerasSession
  let cellIndex: Int
  private(set) var outputs: [CellOutput] = []
  /// Names visible before the globals (comprehension variables, exercise helpers).
  var locals: [String: Value] = [:]
  /// True while running a cell (notebook code); false for ConvBook's own expressions (inline
  /// values, exercise answers, figure arguments), which keep conveniences such as a Keras 3
  /// layer's `output_shape`.
  var runsCell = false
  private var steps = 0
  /// The innermost statement running, which is what Python's traceback names for an error.
  private(set) var statementRange: SourceRange?

  init(session: KerasSession, cellIndex: Int) {
    self.session = session
    self.cellIndex = cellIndex
  }

  func write(_ text: String) {
    if case .text(let previous)? = outputs.last {
      outputs[outputs.count - 1] = .text(previous + text)
    } else {
      outputs.append(.text(text))
    }
  }

  func emit(_ output: CellOutput) { outputs.append(output) }

  /// Records that `instance` was created by the call at `range` in this cell.
  func recordOrigin(of instance: LayerInstance, at range: SourceRange) {
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

  func step(at range: SourceRange) throws(CellError) {
    steps += 1
    if steps > session.stepLimit {
      throw .unsupported(
        "this cell ran more than \(session.stepLimit) steps; ConvBook stops cells that loop this long",
        at: range)
    }
  }

  // MARK: Statements

  func execute(_ statements: [Statement]) throws(CellError) {
    for statement in statements { try execute(statement) }
  }

  func execute(_ statement: Statement) throws(CellError) {
    try step(at: statement.range)
    let enclosing = statementRange
    statementRange = statement.range
    defer { statementRange = enclosing }
    switch statement.kind {
    case .expression(let expression):
      _ = try evaluate(expression)
    case .assignment(let targets, let valueExpression):
      let value = try evaluate(valueExpression)
      for target in targets { try assign(value, to: target, statement: statement) }
    case .augmentedAssignment(let target, let operation, let valueExpression):
      let current = try evaluate(target)
      let operand = try evaluate(valueExpression)
      let result = try Operators.binary(operation, current, operand, range: statement.range)
      try assign(result, to: target, statement: statement)
    case .importModules(let modules):
      for imported in modules {
        guard let module = KerasModule.resolve(path: imported.module.components),
          !removedInKeras3(module)
        else {
          throw moduleNotFound(imported.module)
        }
        if let alias = imported.alias {
          session.globals[alias] = .module(module)
        } else {
          // `import tensorflow.keras` binds `tensorflow`, as Python does.
          guard let root = KerasModule.resolve(path: [imported.module.components[0]]) else {
            throw moduleNotFound(imported.module)
          }
          session.globals[imported.boundName] = .module(root)
        }
      }
    case .importNames(let modulePath, let names):
      guard let module = KerasModule.resolve(path: modulePath.components),
        !removedInKeras3(module)
      else {
        throw moduleNotFound(modulePath)
      }
      for imported in names {
        if imported.name == "*" {
          throw .unsupported(
            "`from \(modulePath) import *` is not supported: import the names you use",
            at: imported.range)
        }
        if let value = module.attribute(imported.name) {
          session.globals[imported.boundName] = value
        } else if KerasModule.resolve(path: modulePath.components + [imported.name]) != nil,
          let submodule = KerasModule.resolve(path: modulePath.components + [imported.name])
        {
          session.globals[imported.boundName] = .module(submodule)
        } else {
          throw CellError(
            type: "ImportError",
            message: "cannot import name '\(imported.name)' from '\(modulePath)'",
            range: imported.nameRange)
        }
      }
    case .forLoop(let target, let iterable, let body):
      let sequence = try iterate(try evaluate(iterable), range: iterable.range)
      for item in sequence {
        try step(at: statement.range)
        try assign(item, to: target, statement: statement)
        try execute(body)
      }
    case .ifStatement(let branches, let elseBody):
      for branch in branches where try evaluate(branch.condition).isTruthy {
        try execute(branch.body)
        return
      }
      if let elseBody { try execute(elseBody) }
    case .pass:
      break
    }
  }

  private func removedInKeras3(_ module: KerasModule) -> Bool {
    session.kerasVersion == .keras3 && Keras3Wording.isRemoved(module)
  }

  private func moduleNotFound(_ path: DottedName) -> CellError {
    let root = path.components.first ?? ""
    if ["tensorflow", "keras", "tf_keras"].contains(root) {
      return CellError(
        type: "ModuleNotFoundError", message: "No module named '\(path)'", range: path.range)
    }
    return .unsupported(
      "ConvBook cells can import tensorflow and keras (and tf_keras); '\(path)' is not available here",
      at: path.range)
  }

  func assign(_ value: Value, to target: Expression, statement: Statement) throws(CellError) {
    switch target.kind {
    case .name(let name):
      session.globals[name] = value
      if case .model(let model) = value,
        !session.definedModels.contains(where: { $0.model === model && $0.variable == name })
      {
        session.definedModels.append(
          DefinedModel(variable: name, model: model, cellIndex: cellIndex, range: statement.range))
      }
    case .tuple(let targets), .list(let targets):
      let items = try iterate(value, range: target.range)
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
      try Attributes.set(name, of: base, to: value, range: nameRange)
    case .subscript(let baseExpression, let indexExpression):
      guard case .name(let variable) = baseExpression.kind,
        case .list(var items)? = session.globals[variable]
      else {
        throw .unsupported(
          "only items of list variables can be assigned in ConvBook cells", at: target.range)
      }
      let index = try evaluate(indexExpression)
      guard case .int(let position) = index,
        let resolved = Operators.resolveIndex(position, count: items.count)
      else {
        throw CellError(
          type: "IndexError", message: "list assignment index out of range", range: target.range)
      }
      items[resolved] = value
      session.globals[variable] = .list(items)
    default:
      throw CellError(
        type: "SyntaxError", message: "cannot assign to expression", range: target.range)
    }
  }

  func iterate(_ value: Value, range: SourceRange) throws(CellError) -> [Value] {
    switch value {
    case .list(let items), .tuple(let items): return items
    case .string(let text): return text.map { .string(String($0)) }
    case .dictionary(let pairs): return pairs.map(\.0)
    case .range(let start, let stop, let step):
      guard Value.rangeCount(start, stop, step) <= session.stepLimit else {
        throw .unsupported(
          "this range has more than \(session.stepLimit) items; ConvBook stops cells that loop this long",
          at: range)
      }
      return stride(from: start, to: stop, by: step).map { .int($0) }
    case .model(let model): return model.layers.map(Attributes.layerValue)
    default:
      throw CellError(
        type: "TypeError", message: "'\(value.typeName)' object is not iterable", range: range)
    }
  }

  // MARK: Expressions

  func evaluate(_ expression: Expression) throws(CellError) -> Value {
    let range = expression.range
    switch expression.kind {
    case .name(let name):
      if let value = locals[name] ?? session.globals[name] ?? Builtins.value(named: name) {
        return value
      }
      throw CellError(type: "NameError", message: "name '\(name)' is not defined", range: range)
    case .integer(let value): return .int(value)
    case .float(let value): return .float(value)
    case .string(let value): return .string(value)
    case .boolean(let value): return .bool(value)
    case .noneLiteral: return .none
    case .formattedString(let parts): return .string(try format(parts))
    case .tuple(let elements): return .tuple(try evaluateAll(elements))
    case .list(let elements): return .list(try evaluateAll(elements))
    case .dictionary(let entries):
      var pairs: [(Value, Value)] = []
      for entry in entries {
        guard case .pair(let keyExpression, let valueExpression) = entry else {
          throw .unsupported(
            "`**` unpacking in dictionaries is not supported in ConvBook cells", at: range)
        }
        pairs.append((try evaluate(keyExpression), try evaluate(valueExpression)))
      }
      return .dictionary(pairs)
    case .comprehension(let kind, let element, let clauses):
      guard kind == .list || kind == .generator else {
        throw .unsupported("only list comprehensions are supported in ConvBook cells", at: range)
      }
      var results: [Value] = []
      try runComprehension(clauses[...], range: range) { () throws(CellError) in
        results.append(try self.evaluate(element))
      }
      return .list(results)
    case .attribute(let baseExpression, let name, let nameRange):
      let base = try evaluate(baseExpression)
      return try Attributes.get(name, of: base, range: nameRange, interpreter: self)
    case .subscript(let baseExpression, let indexExpression):
      let base = try evaluate(baseExpression)
      let index = try evaluate(indexExpression)
      return try Operators.subscriptValue(base, index, range: range)
    case .slice(let lower, let upper, let stepExpression):
      func bound(_ expression: Expression?) throws(CellError) -> Int? {
        guard let expression else { return nil }
        let value = try evaluate(expression)
        switch value {
        case .none: return nil
        case .int(let number): return number
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
      var positional: [Value] = []
      var keywords: [(String, Value)] = []
      for argument in argumentExpressions {
        switch argument.kind {
        case .positional: positional.append(try evaluate(argument.value))
        case .keyword(let label):
          if keywords.contains(where: { $0.0 == label }) {
            throw CellError(
              type: "SyntaxError", message: "keyword argument repeated: \(label)",
              range: argument.labelRange ?? argument.range)
          }
          keywords.append((label, try evaluate(argument.value)))
        case .unpackedIterable:
          positional += try iterate(try evaluate(argument.value), range: argument.range)
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
            keywords.append((label, value))
          }
        }
      }
      let call = CallSite(
        range: range, calleeRange: calleeExpression.range, arguments: argumentExpressions,
        calleeText: Interpreter.describe(calleeExpression))
      return try Calls.call(
        callee, positional: positional, keywords: keywords, site: call, interpreter: self)
    case .unary(let operation, let operandExpression):
      let operand = try evaluate(operandExpression)
      return try Operators.unary(operation, operand, range: range)
    case .binary(let operation, let left, let right):
      return try Operators.binary(operation, try evaluate(left), try evaluate(right), range: range)
    case .comparison(let first, let links):
      var left = try evaluate(first)
      for link in links {
        let right = try evaluate(link.operand)
        if !(try Operators.compare(link.operation, left, right, range: range)) {
          return .bool(false)
        }
        left = right
      }
      return .bool(true)
    case .logical(let operation, let leftExpression, let rightExpression):
      let left = try evaluate(leftExpression)
      switch operation {
      case .and: return left.isTruthy ? try evaluate(rightExpression) : left
      case .or: return left.isTruthy ? left : try evaluate(rightExpression)
      }
    case .conditional(let condition, let ifTrue, let ifFalse):
      return try evaluate(condition).isTruthy ? try evaluate(ifTrue) : try evaluate(ifFalse)
    case .bytes, .ellipsis, .set, .dictionaryComprehension, .starred, .lambda:
      throw .unsupported(
        "\(Interpreter.constructName(expression)) is not supported in ConvBook cells", at: range)
    }
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

  private func runComprehension(
    _ clauses: ArraySlice<ComprehensionClause>, range: SourceRange,
    body: () throws(CellError) -> Void
  ) throws(CellError) {
    guard let clause = clauses.first else {
      try body()
      return
    }
    let items = try iterate(try evaluate(clause.iterable), range: clause.iterable.range)
    let saved = locals
    defer { locals = saved }
    for item in items {
      try step(at: range)
      try bindLocal(item, to: clause.target)
      var passes = true
      for condition in clause.conditions where !(try evaluate(condition).isTruthy) {
        passes = false
        break
      }
      if passes { try runComprehension(clauses.dropFirst(), range: range, body: body) }
    }
  }

  private func bindLocal(_ value: Value, to target: Expression) throws(CellError) {
    switch target.kind {
    case .name(let name): locals[name] = value
    case .tuple(let targets), .list(let targets):
      let items = try iterate(value, range: target.range)
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
        let spec = try format(replacement.formatSpec)
        switch replacement.conversion {
        case .repr?, .ascii?:
          try PythonText.requireKnownText(value, asString: false, range: replacement.range)
          text += try PythonText.format(
            .string(PythonText.repr(value)), spec: spec, range: replacement.range)
        case .str?:
          try PythonText.requireKnownText(value, range: replacement.range)
          text += try PythonText.format(
            .string(PythonText.str(value)), spec: spec, range: replacement.range)
        case nil:
          text += try PythonText.format(value, spec: spec, range: replacement.range)
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
    case .set: return "set literals"
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
