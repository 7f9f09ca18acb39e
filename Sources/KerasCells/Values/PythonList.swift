import CNNEngine

/// A Python list: one object that every name bound to it shares, so `b = a; b.append(x)` changes
/// `a` too, as in Python. Reads go through `Collection` (`items.count`, `items.map`, `for item in
/// items`); changes go through ``items`` and the methods below, which the interpreter calls only
/// after charging the budget and refusing a list that would contain itself.
public final class PythonList: RandomAccessCollection {
  public var items: [Value]
  /// Set for a `collections.deque` (with its `maxlen`, nil for none): a list with the deque's own
  /// methods, name and text (`StandardCollections`).
  var deque: Deque?
  /// Set for what `dict.keys()`, `values()` and `items()` return: a list (a snapshot, not a live
  /// view) that prints and names itself as the view (`dict_keys(['loss'])`) and refuses indexing
  /// and list methods as the view does.
  var dictionaryView: DictionaryView?

  struct Deque {
    var maximumLength: Int?
  }

  enum DictionaryView: String {
    case keys = "dict_keys"
    case values = "dict_values"
    case items = "dict_items"
  }

  /// A snapshot of a dictionary view.
  static func view(_ kind: DictionaryView, _ items: [Value]) -> PythonList {
    let list = PythonList(items)
    list.dictionaryView = kind
    return list
  }

  public init(_ items: [Value] = []) { self.items = items }

  deinit {
    var taken = items
    items = []
    DeferredRelease.release(&taken, empty: [])
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { items.count }
  public subscript(position: Int) -> Value { items[position] }

  /// Whether `value` is this list or holds it somewhere inside: storing it here would make a cycle.
  func isReachable(from value: Value) -> Bool {
    var pending = [value]
    var seen = Set<ObjectIdentifier>()
    while let next = pending.popLast() {
      switch next {
      case .list(let list):
        if list === self { return true }
        if seen.insert(ObjectIdentifier(list)).inserted { pending += list.items }
      case .tuple(let items): pending += items
      case .standard(let object): pending += object.tupleItems ?? []
      case .dictionary(let dictionary):
        if seen.insert(ObjectIdentifier(dictionary)).inserted {
          for (key, item) in dictionary.pairs { pending += [key, item] }
        }
      default: break
      }
    }
    return false
  }
}

/// A Python dict: shared like ``PythonList``, keys in insertion order, looked up by Python's `==`.
public final class PythonDict: RandomAccessCollection {
  public var pairs: [(Value, Value)]
  /// Which dict class of `collections` this is, if any: its name, text and missing-key rule
  /// (`StandardCollections`).
  var flavor: Flavor = .plain

  enum Flavor {
    case plain
    case ordered
    /// `defaultdict(factory)`: a missing key gets `factory()` (nil: `defaultdict()`, a KeyError).
    case defaultDict(Value?)
    /// `Counter`: a missing key counts 0.
    case counter
  }

  public init(_ pairs: [(Value, Value)] = []) { self.pairs = pairs }

  deinit {
    var taken = pairs
    pairs = []
    DeferredRelease.release(&taken, empty: [])
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { pairs.count }
  public subscript(position: Int) -> (Value, Value) { pairs[position] }

  /// The position of `key`, by Python's `==`.
  func index(of key: Value) -> Int? { pairs.firstIndex { Operators.equal($0.0, key) } }

  /// The value stored under `key`.
  func value(for key: Value) -> Value? { index(of: key).map { pairs[$0].1 } }

  /// `d[key] = value`: replaces the value of an existing key in place, else appends the pair.
  func set(_ key: Value, _ value: Value) {
    if let index = index(of: key) {
      pairs[index].1 = value
    } else {
      pairs.append((key, value))
    }
  }

  /// Whether `value` is this dict or holds it somewhere inside.
  func isReachable(from value: Value) -> Bool {
    var pending = [value]
    var seen = Set<ObjectIdentifier>()
    while let next = pending.popLast() {
      switch next {
      case .dictionary(let dictionary):
        if dictionary === self { return true }
        if seen.insert(ObjectIdentifier(dictionary)).inserted {
          for (key, item) in dictionary.pairs { pending += [key, item] }
        }
      case .tuple(let items): pending += items
      case .standard(let object): pending += object.tupleItems ?? []
      case .list(let list):
        if seen.insert(ObjectIdentifier(list)).inserted { pending += list.items }
      default: break
      }
    }
    return false
  }
}

extension Value {
  /// A new list holding `items`.
  public static func list(_ items: [Value]) -> Value { .list(PythonList(items)) }
  /// A new dict holding `pairs` (already free of duplicate keys).
  public static func dictionary(_ pairs: [(Value, Value)]) -> Value {
    .dictionary(PythonDict(pairs))
  }
}

extension Value {
  /// The items of a list or a tuple (a snapshot of a list's current items).
  public var sequenceItems: [Value]? {
    switch self {
    case .list(let list): return list.items
    case .tuple(let items): return items
    case .standard(let object): return object.tupleItems
    default: return nil
    }
  }
}
