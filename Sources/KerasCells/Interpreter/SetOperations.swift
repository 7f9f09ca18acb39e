import CNNEngine

/// Python's sets and frozensets in the cell language: literals, `set(...)`/`frozenset(...)`, the
/// operators `|`, `&`, `-`, `^` (and their in-place forms), subset comparisons and the methods,
/// each built the way CPython 3.11 builds it (`Objects/setobject.c`), so that the result iterates in
/// CPython's order (see ``PythonSet``). Every added item is charged to the budget.
enum SetOperations {
  /// The hash of an item, or Python's TypeError for an unhashable one.
  static func hash(_ value: Value, range: SourceRange) throws(CellError) -> Int {
    if case .variable = value { throw unhashableVariable(range: range) }
    guard let hash = PythonHash.hash(value) else {
      let name = value.typeName == "ndarray" ? "numpy.ndarray" : value.typeName
      throw CellError(type: "TypeError", message: "unhashable type: '\(name)'", range: range)
    }
    return hash
  }

  /// A Keras weight as a set item or dict key (`set(model.non_trainable_weights)`): variables
  /// compare element-wise, so neither Keras hashes them. Keras 3 says `unhashable type:
  /// 'Variable'`; tf-keras' message shows the variable's values, which ConvBook does not show.
  static func unhashableVariable(range: SourceRange) -> CellError {
    if KerasObjectText.sessionVersion == .keras3 {
      return CellError(type: "TypeError", message: "unhashable type: 'Variable'", range: range)
    }
    return .unsupported(
      "ConvBook does not support a tf.Variable as a set item or dict key yet (tf-keras raises a TypeError that shows the variable's values; use variable.ref() as the key)",
      at: range)
  }

  static func add(
    _ value: Value, to set: PythonSet, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) {
    let hash = try hash(value, range: range)
    if !set.contains(value, hash: hash) {
      try interpreter.budget.allocate(slots: 1, at: range)
      set.add(value, hash: hash)
    }
  }

  /// A set literal. CPython compiles a literal of three or more constants to a frozenset constant
  /// (built from the items, then rebuilt from that frozenset's order when the compiler merges its
  /// constants) that an empty set is updated with; any other literal adds its items in order.
  static func literal(
    _ items: [Value], allConstant: Bool, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> Value {
    let result = PythonSet()
    if allConstant && items.count > 2 {
      let folded = PythonSet(frozen: true)
      for item in items { try add(item, to: folded, range: range, interpreter: interpreter) }
      let merged = PythonSet(frozen: true)
      for item in folded.items { try add(item, to: merged, range: range, interpreter: interpreter) }
      result.merge(merged)
      return .set(result)
    }
    for item in items { try add(item, to: result, range: range, interpreter: interpreter) }
    return .set(result)
  }

  /// CPython's `set_update_internal`: a set merges its table, a dict is added key by key after one
  /// resize, any other iterable item by item.
  static func update(
    _ set: PythonSet, with iterable: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) {
    switch iterable {
    case .set(let other):
      try interpreter.budget.allocate(slots: other.count, at: range)
      set.merge(other)
    case .dictionary(let dictionary):
      if (set.fill + dictionary.count) * 5 >= set.mask * 3 {
        set.resize(minimumUsed: (set.count + dictionary.count) * 2)
      }
      for (key, _) in dictionary.pairs {
        try add(key, to: set, range: range, interpreter: interpreter)
      }
    default:
      try interpreter.forEach(iterable, range: range) { item throws(CellError) in
        try add(item, to: set, range: range, interpreter: interpreter)
        return true
      }
    }
  }

  /// `set(iterable)` or `frozenset(iterable)`.
  static func make(
    _ name: String, positional: [Value], keywords: [(String, Value)], range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    if !keywords.isEmpty {
      throw CellError(
        type: "TypeError", message: "\(name)() takes no keyword arguments", range: range)
    }
    guard positional.count <= 1 else {
      throw CellError(
        type: "TypeError",
        message: "\(name) expected at most 1 argument, got \(positional.count)", range: range)
    }
    if name == "frozenset", case .set(let other)? = positional.first, other.isFrozen {
      return positional[0]
    }
    let result = PythonSet(frozen: name == "frozenset")
    if let iterable = positional.first {
      try update(result, with: iterable, range: range, interpreter: interpreter)
    }
    return .set(result)
  }

  // MARK: Operators

  /// `a | b`, `a & b`, `a - b`, `a ^ b` on two sets: a new set of the left operand's kind.
  static func binary(
    _ operation: BinaryOperator, _ left: PythonSet, _ right: PythonSet, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    switch operation {
    case .bitwiseOr:
      let result = left.copy()
      try update(result, with: .set(right), range: range, interpreter: interpreter)
      return .set(result)
    case .bitwiseAnd:
      return .set(try intersection(left, right, range: range, interpreter: interpreter))
    case .subtract:
      return .set(try difference(left, right, range: range, interpreter: interpreter))
    case .bitwiseXor:
      // `set_symmetric_difference`: a copy of the right operand, updated with the left.
      let result = right.copy(frozen: left.isFrozen)
      try symmetricDifferenceUpdate(result, with: left, range: range, interpreter: interpreter)
      return .set(result)
    default: return nil
    }
  }

  /// `a |= b`, `a &= b`, `a -= b`, `a ^= b` on a set: changes `a` itself (a frozenset gets a new
  /// frozenset, as in Python).
  static func inPlace(
    _ operation: BinaryOperator, _ left: PythonSet, _ right: PythonSet, range: SourceRange,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    if left.isFrozen {
      return try binary(operation, left, right, range: range, interpreter: interpreter)
    }
    switch operation {
    case .bitwiseOr:
      try update(left, with: .set(right), range: range, interpreter: interpreter)
    case .bitwiseAnd:
      let kept = try intersection(left, right, range: range, interpreter: interpreter)
      replaceContents(of: left, with: kept)
    case .subtract:
      try differenceUpdate(left, with: .set(right), range: range, interpreter: interpreter)
    case .bitwiseXor:
      try symmetricDifferenceUpdate(left, with: right, range: range, interpreter: interpreter)
    default: return nil
    }
    return .set(left)
  }

  /// `set_swap_bodies` as `&=` uses it: `set` takes the table of `other`.
  private static func replaceContents(of set: PythonSet, with other: PythonSet) {
    set.takeContents(of: other)
  }

  /// `set_intersection`: walks the smaller set, adding what the larger holds.
  static func intersection(
    _ base: PythonSet, _ other: PythonSet, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> PythonSet {
    let result = PythonSet(frozen: base.isFrozen)
    let (small, large) = other.count > base.count ? (base, other) : (other, base)
    for entry in small.tableEntries where large.contains(entry.value, hash: entry.hash) {
      try interpreter.budget.allocate(slots: 1, at: range)
      result.add(entry.value, hash: entry.hash)
    }
    return result
  }

  /// `set_difference`: a copy with the other's items taken out when the base is more than four
  /// times larger, else the base's items that the other lacks.
  static func difference(
    _ base: PythonSet, _ other: PythonSet, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) -> PythonSet {
    if base.count >> 2 > other.count {
      let result = base.copy()
      try interpreter.budget.allocate(slots: base.count, at: range)
      try differenceUpdate(result, with: .set(other), range: range, interpreter: interpreter)
      return result
    }
    let result = PythonSet(frozen: base.isFrozen)
    for entry in base.tableEntries where !other.contains(entry.value, hash: entry.hash) {
      try interpreter.budget.allocate(slots: 1, at: range)
      result.add(entry.value, hash: entry.hash)
    }
    return result
  }

  /// `set_difference_update_internal`, with its resize when more than a quarter of the table is
  /// dummies.
  static func differenceUpdate(
    _ set: PythonSet, with iterable: Value, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) {
    if case .set(let other) = iterable {
      if other === set {
        set.removeAll()
        return
      }
      let walked =
        other.count >> 3 > set.count
        ? try intersection(set, other, range: range, interpreter: interpreter) : other
      for entry in walked.tableEntries { set.discard(entry.value, hash: entry.hash) }
    } else {
      try interpreter.forEach(iterable, range: range) { item throws(CellError) in
        set.discard(item, hash: try hash(item, range: range))
        return true
      }
    }
    if set.fill - set.count > set.mask / 4 {
      set.resize(minimumUsed: set.count > 50000 ? set.count * 2 : set.count * 4)
    }
  }

  /// `set_symmetric_difference_update` with a set.
  static func symmetricDifferenceUpdate(
    _ set: PythonSet, with other: PythonSet, range: SourceRange, interpreter: Interpreter
  ) throws(CellError) {
    for entry in other.tableEntries where !set.discard(entry.value, hash: entry.hash) {
      try interpreter.budget.allocate(slots: 1, at: range)
      set.add(entry.value, hash: entry.hash)
    }
  }

  /// Whether every item of `small` is in `large`.
  static func isSubset(_ small: PythonSet, of large: PythonSet) -> Bool {
    small.count <= large.count
      && small.tableEntries.allSatisfy { large.contains($0.value, hash: $0.hash) }
  }

  /// `<`, `<=`, `>`, `>=` between sets: subset and superset tests.
  static func compare(_ operation: ComparisonOperator, _ left: PythonSet, _ right: PythonSet)
    -> Bool
  {
    switch operation {
    case .less: return left.count < right.count && isSubset(left, of: right)
    case .lessOrEqual: return isSubset(left, of: right)
    case .greater: return right.count < left.count && isSubset(right, of: left)
    default: return isSubset(right, of: left)
    }
  }

  static func equal(_ left: PythonSet, _ right: PythonSet) -> Bool {
    left.count == right.count && isSubset(left, of: right)
  }

  /// `x in s`; an unhashable `x` is Python's TypeError.
  static func contains(_ set: PythonSet, _ value: Value, range: SourceRange) throws(CellError)
    -> Bool
  {
    set.contains(value, hash: try hash(value, range: range))
  }

  // MARK: Text

  /// `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`.
  static func repr(_ set: PythonSet, item: (Value) -> String) -> String {
    let body = set.items.map(item).joined(separator: ", ")
    if set.isFrozen { return set.isEmpty ? "frozenset()" : "frozenset({\(body)})" }
    return set.isEmpty ? "set()" : "{\(body)}"
  }

  // MARK: Methods

  /// The methods that change a set (a frozenset lacks them).
  static let changingMethods: Set<String> = [
    "add", "update", "discard", "remove", "pop", "clear", "difference_update",
    "intersection_update", "symmetric_difference_update",
  ]
  static let readingMethods: Set<String> = [
    "copy", "union", "intersection", "difference", "symmetric_difference", "issubset",
    "issuperset", "isdisjoint",
  ]

  static func hasMethod(_ name: String, frozen: Bool) -> Bool {
    readingMethods.contains(name) || (!frozen && changingMethods.contains(name))
  }

  /// The methods of sets and frozensets; nil for a name they do not have.
  static func method(
    _ name: String, _ set: PythonSet, _ positional: [Value], _ keywords: [(String, Value)],
    _ site: CallSite, _ interpreter: Interpreter
  ) throws(CellError) -> Value? {
    let range = site.range
    let kind = set.isFrozen ? "frozenset" : "set"
    guard hasMethod(name, frozen: set.isFrozen) else { return nil }
    if !keywords.isEmpty {
      throw CellError(
        type: "TypeError", message: "\(kind).\(name)() takes no keyword arguments", range: range)
    }
    func exactlyOne() throws(CellError) -> Value {
      guard positional.count == 1 else {
        throw CellError(
          type: "TypeError",
          message: "\(kind).\(name)() takes exactly one argument (\(positional.count) given)",
          range: range)
      }
      return positional[0]
    }
    func noArguments() throws(CellError) {
      guard positional.isEmpty else {
        throw CellError(
          type: "TypeError",
          message: "\(kind).\(name)() takes no arguments (\(positional.count) given)",
          range: range)
      }
    }
    /// An argument as a set (`set_intersection` and friends make one of any iterable).
    func asSet(_ value: Value) throws(CellError) -> PythonSet {
      if case .set(let other) = value { return other }
      let made = PythonSet()
      try update(made, with: value, range: range, interpreter: interpreter)
      return made
    }
    switch name {
    case "add":
      try add(try exactlyOne(), to: set, range: range, interpreter: interpreter)
    case "update":
      for iterable in positional {
        try update(set, with: iterable, range: range, interpreter: interpreter)
      }
    case "discard":
      let item = try exactlyOne()
      set.discard(item, hash: try hash(item, range: range))
    case "remove":
      let item = try exactlyOne()
      if !set.discard(item, hash: try hash(item, range: range)) {
        throw CellError(type: "KeyError", message: PythonText.repr(item), range: range)
      }
    case "pop":
      try noArguments()
      guard let item = set.popFirst() else {
        throw CellError(type: "KeyError", message: "'pop from an empty set'", range: range)
      }
      return item
    case "clear":
      try noArguments()
      set.removeAll()
    case "copy":
      try noArguments()
      if set.isFrozen { return .set(set) }
      try interpreter.budget.allocate(slots: set.count, at: range)
      return .set(set.copy())
    case "union":
      let result = set.copy()
      try interpreter.budget.allocate(slots: set.count, at: range)
      for iterable in positional {
        try update(result, with: iterable, range: range, interpreter: interpreter)
      }
      return .set(result)
    case "intersection", "intersection_update":
      var result = set.copy()
      for iterable in positional {
        result = try intersection(
          result, try asSet(iterable), range: range, interpreter: interpreter)
      }
      if name == "intersection" { return .set(result) }
      replaceContents(of: set, with: result)
    case "difference":
      guard let first = positional.first else { return .set(set.copy()) }
      let result: PythonSet
      if case .set(let other) = first {
        result = try difference(set, other, range: range, interpreter: interpreter)
      } else {
        // `set_copy_and_difference`: any other iterable is taken out of a copy.
        result = set.copy()
        try interpreter.budget.allocate(slots: set.count, at: range)
        try differenceUpdate(result, with: first, range: range, interpreter: interpreter)
      }
      for iterable in positional.dropFirst() {
        try differenceUpdate(result, with: iterable, range: range, interpreter: interpreter)
      }
      return .set(result)
    case "difference_update":
      for iterable in positional {
        try differenceUpdate(set, with: iterable, range: range, interpreter: interpreter)
      }
    case "symmetric_difference":
      let other = try asSet(try exactlyOne())
      let result = other.copy(frozen: set.isFrozen)
      try symmetricDifferenceUpdate(result, with: set, range: range, interpreter: interpreter)
      return .set(result)
    case "symmetric_difference_update":
      try symmetricDifferenceUpdate(
        set, with: try asSet(try exactlyOne()), range: range, interpreter: interpreter)
    case "issubset": return .bool(isSubset(set, of: try asSet(try exactlyOne())))
    case "issuperset": return .bool(isSubset(try asSet(try exactlyOne()), of: set))
    case "isdisjoint":
      let other = try asSet(try exactlyOne())
      return .bool(!set.tableEntries.contains { other.contains($0.value, hash: $0.hash) })
    default: return nil
    }
    return Value.none
  }
}

extension Expression {
  /// Whether CPython's compiler folds the expression to a constant (literals, tuples of constants,
  /// and unary or binary operators on constants): it decides how a set literal is built.
  var isConstant: Bool {
    switch kind {
    case .integer, .bigInteger, .float, .string, .bytes, .boolean, .noneLiteral, .ellipsis:
      return true
    case .tuple(let items): return items.allSatisfy(\.isConstant)
    case .unary(_, let operand): return operand.isConstant
    case .binary(_, let left, let right): return left.isConstant && right.isConstant
    default: return false
    }
  }
}
