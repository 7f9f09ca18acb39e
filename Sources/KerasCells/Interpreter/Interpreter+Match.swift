import CNNEngine

/// `match` statements (PEP 634): the subject is tried against each `case` in order; the first
/// whose pattern matches binds its names, and runs its body when its guard holds.
extension Interpreter {
  func executeMatch(_ subjectExpression: Expression, _ cases: [MatchCase], statement: Statement)
    throws(CellError) -> Flow
  {
    let subject = try evaluate(subjectExpression)
    for matchCase in cases {
      try step(at: matchCase.range)
      var bindings: [(String, Value)] = []
      guard try matches(subject, matchCase.pattern, bindings: &bindings, range: matchCase.range)
      else { continue }
      for (name, value) in bindings {
        try assign(value, to: Expression(.name(name), range: matchCase.range), statement: statement)
      }
      if let guardCondition = matchCase.guardCondition,
        !(try condition(try evaluate(guardCondition), range: guardCondition.range))
      {
        continue
      }
      return try execute(matchCase.body)
    }
    return .normal
  }

  private func matches(
    _ subject: Value, _ pattern: MatchPattern, bindings: inout [(String, Value)],
    range: SourceRange
  ) throws(CellError) -> Bool {
    switch pattern {
    case .wildcard:
      return true
    case .capture(let name):
      bindings.append((name, subject))
      return true
    case .value(let expression):
      let value = try evaluate(expression)
      switch (expression.kind, value, subject) {
      // `None`, `True` and `False` match by identity.
      case (.noneLiteral, _, .none): return true
      case (.noneLiteral, _, _): return false
      case (.boolean, .bool(let wanted), .bool(let given)): return wanted == given
      case (.boolean, _, _): return false
      default: return try patternEquals(subject, value, range: expression.range)
      }
    case .alternatives(let patterns):
      for alternative in patterns {
        var trial = bindings
        if try matches(subject, alternative, bindings: &trial, range: range) {
          bindings = trial
          return true
        }
      }
      return false
    case .binding(let inner, let name):
      guard try matches(subject, inner, bindings: &bindings, range: range) else { return false }
      bindings.append((name, subject))
      return true
    case .sequence(let patterns, let star, let starName):
      guard let items = try sequenceItems(subject, range: range) else { return false }
      guard let star else {
        guard items.count == patterns.count else { return false }
        for (item, itemPattern) in zip(items, patterns) {
          guard try matches(item, itemPattern, bindings: &bindings, range: range) else {
            return false
          }
        }
        return true
      }
      guard items.count >= patterns.count else { return false }
      let after = patterns.count - star
      for (item, itemPattern) in zip(items.prefix(star), patterns.prefix(star)) {
        guard try matches(item, itemPattern, bindings: &bindings, range: range) else {
          return false
        }
      }
      let middle = Array(items[star..<(items.count - after)])
      for (item, itemPattern) in zip(items.suffix(after), patterns.suffix(after)) {
        guard try matches(item, itemPattern, bindings: &bindings, range: range) else {
          return false
        }
      }
      if let starName { bindings.append((starName, .list(PythonList(middle)))) }
      return true
    case .mapping(let keys, let values, let rest):
      guard case .dictionary(let dictionary) = subject else { return false }
      var used: [Int] = []
      for (keyExpression, valuePattern) in zip(keys, values) {
        let key = try evaluate(keyExpression)
        guard let index = dictionary.index(of: key) else { return false }
        used.append(index)
        guard
          try matches(dictionary.pairs[index].1, valuePattern, bindings: &bindings, range: range)
        else { return false }
      }
      if let rest {
        let remaining = dictionary.pairs.indices.filter { !used.contains($0) }.map {
          dictionary.pairs[$0]
        }
        bindings.append((rest, .dictionary(PythonDict(remaining))))
      }
      return true
    case .classPattern(let callee, let positional, let keywords, let keywordPatterns):
      return try matchesClass(
        subject, callee, positional, keywords, keywordPatterns, bindings: &bindings, range: range)
    }
  }

  private func matchesClass(
    _ subject: Value, _ callee: Expression, _ positional: [MatchPattern], _ keywords: [String],
    _ keywordPatterns: [MatchPattern], bindings: inout [(String, Value)], range: SourceRange
  ) throws(CellError) -> Bool {
    let type = try evaluate(callee)
    let site = CallSite(
      range: callee.range, calleeRange: callee.range, arguments: [], calleeText: "isinstance")
    let isInstance = try Calls.call(
      .function(Callable(.builtin("isinstance"), path: "isinstance")),
      positional: [subject, type], keywords: [], site: site, interpreter: self)
    guard isInstance.isTruthy else { return false }
    let className =
      (try? Attributes.get("__name__", of: type, range: range, interpreter: self))
      .flatMap { value -> String? in if case .string(let text) = value { text } else { nil } }
      ?? callee.canonicalSource
    func accepts(_ count: Int) -> CellError {
      CellError(
        type: "TypeError",
        message:
          "\(className)() accepts \(count) positional sub-pattern\(count == 1 ? "" : "s") (\(positional.count) given)",
        range: range)
    }
    var attributes: [(Value, MatchPattern)] = []
    if !positional.isEmpty {
      if case .function(let callable) = type, case .builtin(let name) = callable.kind,
        Self.selfMatchingClasses.contains(name)
      {
        // `int(x)`, `str(x)`: the one positional sub-pattern matches the subject itself.
        guard positional.count == 1 else { throw accepts(1) }
        attributes.append((subject, positional[0]))
      } else {
        let matchArguments: Value
        do {
          matchArguments = try Attributes.get(
            "__match_args__", of: type, range: range, interpreter: self)
        } catch  where error.type == "AttributeError" {
          throw accepts(0)
        }
        guard case .tuple(let names) = matchArguments else {
          throw .unsupported(
            "ConvBook does not support a `__match_args__` that is not a tuple yet", at: range)
        }
        guard names.count >= positional.count else { throw accepts(names.count) }
        for (name, itemPattern) in zip(names, positional) {
          guard case .string(let attribute) = name else {
            throw CellError(
              type: "TypeError",
              message: "__match_args__ elements must be strings (got \(name.typeName))",
              range: range)
          }
          guard let value = try patternAttribute(attribute, of: subject, range: range) else {
            return false
          }
          attributes.append((value, itemPattern))
        }
      }
    }
    for (keyword, itemPattern) in zip(keywords, keywordPatterns) {
      guard let value = try patternAttribute(keyword, of: subject, range: range) else {
        return false
      }
      attributes.append((value, itemPattern))
    }
    for (value, itemPattern) in attributes {
      guard try matches(value, itemPattern, bindings: &bindings, range: range) else {
        return false
      }
    }
    return true
  }

  /// The classes whose one positional sub-pattern is matched against the subject itself.
  private static let selfMatchingClasses: Set<String> = [
    "bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str",
    "tuple",
  ]

  /// `getattr(subject, name)`, nil when the subject has no such attribute (no match).
  private func patternAttribute(_ name: String, of subject: Value, range: SourceRange)
    throws(CellError) -> Value?
  {
    do {
      return try Attributes.get(name, of: subject, range: range, interpreter: self)
    } catch  where error.type == "AttributeError" {
      return nil
    }
  }

  /// The items of a subject that a sequence pattern can match: lists, tuples, ranges, deques and
  /// namedtuples; nil for anything else (strings, mappings, arrays, tensors, ...).
  private func sequenceItems(_ subject: Value, range: SourceRange) throws(CellError) -> [Value]? {
    switch subject {
    case .list(let list) where list.dictionaryView == nil: return list.items
    case .tuple(let items): return items
    case .range: return try iterate(subject, range: range)
    case .standard(let object): return object.tupleItems
    default: return nil
    }
  }

  /// `subject == value` as a value pattern tests it.
  private func patternEquals(_ subject: Value, _ value: Value, range: SourceRange)
    throws(CellError) -> Bool
  {
    if EagerTensors.isEager(subject) || ArrayOperations.involvesArray(subject, value)
      || TensorArithmetic.involvesTensor(subject, value)
    {
      throw .unsupported(
        "ConvBook does not support matching a tensor or an array against a value pattern yet",
        at: range)
    }
    if let result = try instanceComparison(.equal, subject, value, range: range) { return result }
    return try Operators.compare(.equal, subject, value, range: range)
  }
}
