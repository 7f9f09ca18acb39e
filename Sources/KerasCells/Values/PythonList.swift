import CNNEngine

/// A Python list: one object that every name bound to it shares, so `b = a; b.append(x)` changes
/// `a` too, as in Python. Reads go through `Collection` (`items.count`, `items.map`, `for item in
/// items`); changes go through ``items`` and the methods below, which the interpreter calls only
/// after charging the budget and refusing a list that would contain itself.
public final class PythonList: RandomAccessCollection {
  private var storage: [Value]
  /// The items; a dictionary view's are its dictionary's as they are now.
  public var items: [Value] {
    get {
      guard let viewed else { return storage }
      return viewed.dictionary.pairs.map { viewed.kind.item(of: $0) }
    }
    _modify { yield &storage }
  }
  /// Set for a `collections.deque` (with its `maxlen`, nil for none): a list with the deque's own
  /// methods, name and text (`StandardCollections`).
  var deque: Deque?
  /// Set for a list assigned to an attribute of a Keras layer or model, which Keras tracks
  /// (tf-keras' `ListWrapper`, Keras 3's `TrackedList`): `KerasSubclassing.trackedListAttribute`.
  var heldByKerasLayer = false
  /// Keras 3: the layer or model whose attribute holds this list (a `TrackedList`), which tracks
  /// the layers added to it (`Keras3LayerTracking`).
  weak var layerTracker: PythonInstance?
  /// Set for a list a tf-keras layer's config hands out (the tracked attribute itself,
  /// `BatchNormalization`'s built `axis`): it prints as `ListWrapper([3])` (`LayerConfig`).
  var isListWrapper = false
  /// Set for what `dict.keys()`, `values()` and `items()` return: a live view of the dictionary
  /// (a key added later is in it, as in Python), read-only, that prints and names itself as the
  /// view (`dict_keys(['loss'])`) and refuses indexing and list methods as the view does.
  private var viewed: (kind: DictionaryView, dictionary: PythonDict)?
  var dictionaryView: DictionaryView? { viewed?.kind }

  struct Deque {
    var maximumLength: Int?
  }

  enum DictionaryView: String {
    case keys = "dict_keys"
    case values = "dict_values"
    case items = "dict_items"

    func item(of pair: (Value, Value)) -> Value {
      switch self {
      case .keys: return pair.0
      case .values: return pair.1
      case .items: return .tuple([pair.0, pair.1])
      }
    }
  }

  /// What this list holds for a cycle check: a view holds its dictionary.
  var reachableValues: [Value] {
    if let viewed { return [.dictionary(viewed.dictionary)] }
    return storage
  }

  /// A live view of a dictionary.
  static func view(_ kind: DictionaryView, of dictionary: PythonDict) -> PythonList {
    let list = PythonList()
    list.viewed = (kind, dictionary)
    return list
  }

  public init(_ items: [Value] = []) { self.storage = items }

  deinit {
    var taken = storage
    storage = []
    DeferredRelease.release(&taken, empty: [])
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { viewed?.dictionary.pairs.count ?? storage.count }
  public subscript(position: Int) -> Value {
    guard let viewed else { return storage[position] }
    return viewed.kind.item(of: viewed.dictionary.pairs[position])
  }

  /// Whether `value` is this list or holds it somewhere inside: storing it here would make a cycle.
  func isReachable(from value: Value) -> Bool {
    var pending = [value]
    var seen = Set<ObjectIdentifier>()
    while let next = pending.popLast() {
      switch next {
      case .list(let list):
        if list === self { return true }
        if seen.insert(ObjectIdentifier(list)).inserted { pending += list.reachableValues }
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
  /// The instance whose `__dict__` (or `vars()`) this is: changes made through the dict reach
  /// its attributes (`self.__dict__.update(kwargs)`), as CPython's namespace is that dict.
  weak var namespaceOf: PythonInstance?
  /// Keras 3: the layer or model whose attribute holds this dict (a `TrackedDict`), which tracks
  /// the layers set in it (`Keras3LayerTracking`).
  weak var layerTracker: PythonInstance?

  enum Flavor {
    case plain
    case ordered
    /// `defaultdict(factory)`: a missing key gets `factory()` (nil: `defaultdict()`, a KeyError).
    case defaultDict(Value?)
    /// `Counter`: a missing key counts 0.
    case counter
    /// scikit-learn's `Bunch` (what `load_iris()` returns): its keys are attributes too.
    case bunch
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
        if seen.insert(ObjectIdentifier(list)).inserted { pending += list.reachableValues }
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
