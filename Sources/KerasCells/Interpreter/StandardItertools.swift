/// An iterator: what `itertools` functions return, and `iter(x)`. It gives its items one at a
/// time and once, as Python's iterators do; `count()` and `cycle()` never end by themselves (a loop
/// over them ends at `break`, or at the session's time budget).
final class PythonIterator: StandardObject {
  typealias Source = (Interpreter, SourceRange) throws(CellError) -> Value?

  let name: String
  private let source: Source
  private let text: (() -> String)?
  private var exhausted = false

  /// `name` is the class (`product`, `list_iterator`); `text` its repr where that shows state
  /// (`count(3)`), else `<itertools.NAME object>`.
  init(name: String, text: (() -> String)? = nil, _ source: @escaping Source) {
    self.name = name
    self.source = source
    self.text = text
  }

  override var typeName: String { name }
  override var isIterator: Bool { true }

  override func repr(_ item: (Value) -> String) -> String {
    if let text { return text() }
    // CPython adds the address (`at 0x7f...`), which would make pages differ run to run.
    return name.hasSuffix("_iterator") ? "<\(name) object>" : "<itertools.\(name) object>"
  }

  override func next(interpreter: Interpreter, range: SourceRange) throws(CellError) -> Value? {
    guard !exhausted else { return nil }
    guard let item = try source(interpreter, range) else {
      exhausted = true
      return nil
    }
    return item
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    name == "__next__" ? .method(receiver: .standard(self), name: name) : nil
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "__next__" else { return nil }
    guard let item = try next(interpreter: interpreter, range: site.range) else {
      throw CellError(type: "StopIteration", message: "", range: site.range)
    }
    return item
  }

  /// The items of `value` one at a time: an iterator's own, or a snapshot of an iterable's.
  static func source(of value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Source
  {
    if case .standard(let iterable) = value,
      let object = iterable.isIterator
        ? iterable : try iterable.makeIterator(interpreter: interpreter, range: range)
    {
      return { interpreter, range throws(CellError) in
        try object.next(interpreter: interpreter, range: range)
      }
    }
    if case .list(let list) = value {
      // A list's iterator reads the list as it is at each step, as CPython's does: items
      // appended while it runs are reached.
      var position = 0
      return { _, _ in
        guard position < list.count else { return nil }
        position += 1
        return list[position - 1]
      }
    }
    if case .range(let start, let stop, let step) = value {
      // A range is walked without building its list (`map(f, range(10**9))` stays lazy).
      var next = start
      return { _, _ in
        guard step > 0 ? next < stop : next > stop else { return nil }
        defer { next = next.addingReportingOverflow(step).overflow ? stop : next + step }
        return .int(next)
      }
    }
    let items = try interpreter.iterate(value, range: range)
    var position = 0
    return { _, _ in
      guard position < items.count else { return nil }
      position += 1
      return items[position - 1]
    }
  }

  /// `iter(value)`: an iterator is its own; anything iterable gets one over its items.
  static func over(_ value: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value
  {
    if case .standard(let object) = value, object.isIterator { return value }
    if case .standard(let iterable) = value,
      let object = try iterable.makeIterator(interpreter: interpreter, range: range)
    {
      return .standard(object)
    }
    let name: String
    switch value {
    case .list: name = "list_iterator"
    case .tuple: name = "tuple_iterator"
    case .string: name = "str_ascii_iterator"
    case .dictionary: name = "dict_keyiterator"
    case .set: name = "set_iterator"
    case .range: name = "range_iterator"
    default: name = "iterator"
    }
    return .standard(
      PythonIterator(
        name: name, try source(of: value, interpreter: interpreter, range: range)))
  }
}

/// Python's `itertools`.
enum StandardItertools {
  static let functions: Set<String> = [
    "product", "chain", "combinations", "combinations_with_replacement", "permutations", "count",
    "islice", "accumulate", "zip_longest", "repeat", "cycle", "starmap", "takewhile", "dropwhile",
    "pairwise", "compress", "filterfalse", "groupby",
  ]

  static func attribute(_ name: String) -> Value? {
    functions.contains(name) ? StandardLibrary.function("itertools", name) : nil
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let interpreter = arguments.interpreter
    let range = arguments.range
    func iterator(_ source: @escaping PythonIterator.Source) -> Value {
      .standard(PythonIterator(name: name, source))
    }
    func source(_ value: Value) throws(CellError) -> PythonIterator.Source {
      try PythonIterator.source(of: value, interpreter: interpreter, range: range)
    }
    func pool(_ value: Value) throws(CellError) -> [Value] {
      try interpreter.iterate(value, range: range)
    }
    switch name {
    case "product":
      let (values, iterables) = try arguments.bind(
        [], keywordOnly: [("repeat", .int(1))], rest: true)
      let repeats = try arguments.integer(values["repeat"]!, "repeat")
      guard repeats >= 0 else {
        throw CellError(
          type: "ValueError", message: "repeat argument cannot be negative", range: range)
      }
      var pools: [[Value]] = []
      for iterable in iterables { pools.append(try pool(iterable)) }
      pools = Array(repeating: pools, count: repeats).flatMap { $0 }
      // An odometer over the pools' positions, rightmost fastest.
      var positions: [Int]? =
        pools.contains(where: \.isEmpty) ? nil : Array(repeating: 0, count: pools.count)
      return iterator { _, _ in
        guard let current = positions else { return nil }
        let item = Value.tuple(zip(pools, current).map { $0[$1] })
        var next = current
        var wheel = pools.count - 1
        while wheel >= 0 {
          next[wheel] += 1
          if next[wheel] < pools[wheel].count { break }
          next[wheel] = 0
          wheel -= 1
        }
        positions = wheel < 0 ? nil : next
        return item
      }
    case "chain", "chain.from_iterable":
      var pending: PythonIterator.Source
      if name == "chain" {
        guard arguments.keywords.isEmpty else {
          throw arguments.typeError("chain() takes no keyword arguments")
        }
        var iterables = arguments.positional[...]
        pending = { _, _ in iterables.popFirst() }
      } else {
        let (values, _) = try arguments.bind([("iterable", nil)])
        pending = try source(values["iterable"]!)
      }
      var current: PythonIterator.Source?
      return .standard(
        PythonIterator(name: "chain") { interpreter, range throws(CellError) in
          while true {
            if let current, let item = try current(interpreter, range) { return item }
            guard let next = try pending(interpreter, range) else { return nil }
            current = try PythonIterator.source(of: next, interpreter: interpreter, range: range)
          }
        })
    case "combinations", "combinations_with_replacement", "permutations":
      let permutations = name == "permutations"
      let (values, _) = try arguments.bind([
        ("iterable", nil), ("r", permutations ? Value.none : nil),
      ])
      let items = try pool(values["iterable"]!)
      let size: Int
      if case .none = values["r"]! {
        size = items.count
      } else {
        size = try arguments.integer(values["r"]!, "r")
      }
      guard size >= 0 else {
        throw CellError(type: "ValueError", message: "r must be non-negative", range: range)
      }
      let replacement = name == "combinations_with_replacement"
      var indices: [Int]? = nil
      var started = false
      return iterator { _, _ in
        // Each next index list in lexicographic order, or nil at the end.
        if !started {
          started = true
          let first = Array(replacement ? Array(repeating: 0, count: size) : Array(0..<size))
          guard replacement ? (size == 0 || !items.isEmpty) : size <= items.count else {
            return nil
          }
          indices = first
        } else if var current = indices {
          indices =
            StandardItertools.advance(
              &current, count: items.count, permutations: permutations, replacement: replacement)
            ? current : nil
        }
        guard let current = indices else { return nil }
        return .tuple(current.map { items[$0] })
      }
    case "count":
      let (values, _) = try arguments.bind([("start", .int(0)), ("step", .int(1))])
      var next = values["start"]!
      let step = values["step"]!
      for value in [next, step] where Operators.Number(value) == nil {
        throw arguments.typeError("a number is required")
      }
      let stepText: String
      if case .int(1) = step { stepText = "" } else { stepText = ", " + PythonText.repr(step) }
      let text = { "count(\(PythonText.repr(next))\(stepText))" }
      let counter = PythonIterator(name: "count", text: text) {
        interpreter, range throws(CellError) in
        let item = next
        next = try Operators.binary(.add, next, step, range: range, budget: interpreter.budget)
        return item
      }
      return .standard(counter)
    case "islice":
      guard arguments.keywords.isEmpty else {
        throw arguments.typeError("islice() takes no keyword arguments")
      }
      guard (2...4).contains(arguments.positional.count) else {
        throw arguments.typeError(
          arguments.positional.count < 2
            ? "islice expected at least 2 arguments, got \(arguments.positional.count)"
            : "islice expected at most 4 arguments, got \(arguments.positional.count)")
      }
      func bound(_ value: Value, _ what: String) throws(CellError) -> Int? {
        if case .none = value { return nil }
        guard case .int(let number) = value, number >= 0 else {
          throw CellError(
            type: "ValueError",
            message: what == "stop"
              ? "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
              : "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
            range: range)
        }
        return number
      }
      let bounds = Array(arguments.positional.dropFirst())
      let start = bounds.count > 1 ? try bound(bounds[0], "start") ?? 0 : 0
      let stop = try bound(bounds.count > 1 ? bounds[1] : bounds[0], "stop")
      let step = bounds.count > 2 ? try bound(bounds[2], "step") ?? 1 : 1
      guard step > 0 else {
        throw CellError(
          type: "ValueError",
          message: "Step for islice() must be a positive integer or None.", range: range)
      }
      let items = try source(arguments.positional[0])
      var position = 0
      var wanted = start
      return iterator { interpreter, range throws(CellError) in
        if let stop, wanted >= stop { return nil }
        while let item = try items(interpreter, range) {
          defer { position += 1 }
          if position == wanted {
            wanted += step
            return item
          }
        }
        return nil
      }
    case "accumulate":
      let (values, _) = try arguments.bind(
        [("iterable", nil), ("func", Value.none)], keywordOnly: [("initial", .none)])
      let items = try source(values["iterable"]!)
      let function = values["func"]!
      var total: Value? = nil
      var initial: Value? = values["initial"].flatMap { if case .none = $0 { nil } else { $0 } }
      return iterator { interpreter, range throws(CellError) in
        if let first = initial {
          initial = nil
          total = first
          return first
        }
        guard let item = try items(interpreter, range) else { return nil }
        if let previous = total {
          if case .none = function {
            total = try Operators.binary(
              .add, previous, item, range: range, budget: interpreter.budget)
          } else {
            total = try arguments.call(function, [previous, item])
          }
        } else {
          total = item
        }
        return total
      }
    case "zip_longest":
      var fill = Value.none
      for (label, value) in arguments.keywords {
        guard label == "fillvalue" else {
          throw arguments.typeError("zip_longest() got an unexpected keyword argument '\(label)'")
        }
        fill = value
      }
      var sources: [PythonIterator.Source?] = []
      for value in arguments.positional { sources.append(try source(value)) }
      return iterator { interpreter, range throws(CellError) in
        var items: [Value] = []
        var live = false
        for index in sources.indices {
          if let next = sources[index], let item = try next(interpreter, range) {
            items.append(item)
            live = true
          } else {
            sources[index] = nil
            items.append(fill)
          }
        }
        return live ? .tuple(items) : nil
      }
    case "repeat":
      let (values, _) = try arguments.bind([("object", nil), ("times", Value.none)])
      let item = values["object"]!
      var remaining: Int? = nil
      if case .none = values["times"]! {
      } else {
        remaining = max(0, try arguments.integer(values["times"]!, "times"))
      }
      return iterator { _, _ in
        if let left = remaining {
          guard left > 0 else { return nil }
          remaining = left - 1
        }
        return item
      }
    case "cycle":
      let (values, _) = try arguments.bind([("iterable", nil)])
      let items = try source(values["iterable"]!)
      var saved: [Value] = []
      var position: Int? = nil
      return iterator { interpreter, range throws(CellError) in
        if position == nil, let item = try items(interpreter, range) {
          try interpreter.budget.allocate(slots: 1, at: range)
          saved.append(item)
          return item
        }
        guard !saved.isEmpty else { return nil }
        let index = (position ?? 0) % saved.count
        position = index + 1
        return saved[index]
      }
    case "starmap":
      let (values, _) = try arguments.bind([("function", nil), ("iterable", nil)])
      let items = try source(values["iterable"]!)
      let function = values["function"]!
      return iterator { interpreter, range throws(CellError) in
        guard let item = try items(interpreter, range) else { return nil }
        return try arguments.call(function, try interpreter.iterate(item, range: range))
      }
    case "takewhile", "dropwhile", "filterfalse":
      let (values, _) = try arguments.bind([("predicate", nil), ("iterable", nil)])
      let items = try source(values["iterable"]!)
      let predicate = values["predicate"]!
      var done = false
      return iterator { interpreter, range throws(CellError) in
        while let item = try items(interpreter, range) {
          try interpreter.step(at: range)
          let holds: Bool
          if name == "filterfalse", case .none = predicate {
            holds = item.isTruthy
          } else {
            holds = try arguments.call(predicate, [item]).isTruthy
          }
          switch name {
          case "takewhile":
            if done || !holds {
              done = true
              return nil
            }
            return item
          case "dropwhile":
            if done || !holds {
              done = true
              return item
            }
          default:
            if !holds { return item }
          }
        }
        return nil
      }
    case "pairwise":
      let (values, _) = try arguments.bind([("iterable", nil)])
      let items = try source(values["iterable"]!)
      var previous: Value? = nil
      return iterator { interpreter, range throws(CellError) in
        if previous == nil { previous = try items(interpreter, range) }
        guard let first = previous, let second = try items(interpreter, range) else { return nil }
        previous = second
        return .tuple([first, second])
      }
    case "compress":
      let (values, _) = try arguments.bind([("data", nil), ("selectors", nil)])
      let data = try source(values["data"]!)
      let selectors = try source(values["selectors"]!)
      return iterator { interpreter, range throws(CellError) in
        while let item = try data(interpreter, range),
          let selector = try selectors(interpreter, range)
        {
          if selector.isTruthy { return item }
        }
        return nil
      }
    case "groupby":
      let (values, _) = try arguments.bind([("iterable", nil), ("key", Value.none)])
      let items = try pool(values["iterable"]!)
      let keyFunction = values["key"]!
      var keys: [Value] = []
      for item in items {
        if case .none = keyFunction {
          keys.append(item)
        } else {
          keys.append(try arguments.call(keyFunction, [item]))
        }
      }
      var position = 0
      return iterator { _, _ in
        guard position < items.count else { return nil }
        let key = keys[position]
        var group: [Value] = []
        while position < items.count, Operators.equal(keys[position], key) {
          group.append(items[position])
          position += 1
        }
        var index = 0
        let members = PythonIterator(name: "_grouper") { _, _ in
          guard index < group.count else { return nil }
          index += 1
          return group[index - 1]
        }
        return .tuple([key, .standard(members)])
      }
    default: return nil
    }
  }

  /// Moves `indices` to the next combination or permutation in lexicographic order of positions;
  /// false when `indices` was the last.
  static func advance(_ indices: inout [Int], count: Int, permutations: Bool, replacement: Bool)
    -> Bool
  {
    let size = indices.count
    if permutations {
      // The next arrangement of `size` distinct positions out of `count`.
      var slot = size - 1
      while slot >= 0 {
        let used = Set(indices[..<slot])
        var candidate = indices[slot] + 1
        while candidate < count && used.contains(candidate) { candidate += 1 }
        if candidate < count {
          indices[slot] = candidate
          var taken = used.union([candidate])
          var fill = 0
          for later in (slot + 1)..<max(slot + 1, size) {
            while taken.contains(fill) { fill += 1 }
            indices[later] = fill
            taken.insert(fill)
          }
          return true
        }
        slot -= 1
      }
      return false
    }
    // Combinations: the rightmost index that can still grow.
    var slot = size - 1
    while slot >= 0 {
      let limit = replacement ? count - 1 : count - size + slot
      if indices[slot] < limit { break }
      slot -= 1
    }
    guard slot >= 0 else { return false }
    indices[slot] += 1
    for later in (slot + 1)..<max(slot + 1, size) {
      indices[later] = replacement ? indices[slot] : indices[later - 1] + 1
    }
    return true
  }
}
