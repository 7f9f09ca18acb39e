import CNNEngine

/// Keras 3's attribute tracking of a layer or model (`keras.src.utils.tracking.Tracker`): a layer
/// assigned to an attribute, directly or inside a list, tuple or dict, joins the owner's
/// `_layers` the first time it is seen (and stays there when the attribute is reassigned); a list
/// or dict assigned is stored as a copy (`TrackedList`, `TrackedDict`) whose `append`, `insert`,
/// `extend` and item assignment track what they add and whose `pop`, `remove`, `clear` and `del`
/// untrack what they drop. `model.layers` and a subclassed model's summary list the layers in that
/// order: layers appended to two lists in one loop alternate, where tf-keras lists the attributes'
/// layers attribute by attribute (`KerasSubclassing.trackedLayers`).
enum Keras3LayerTracking {
  /// The layer a value is, for tracking by identity; nil for any other value. Metrics are
  /// `keras.metrics.Metric` instances (`kerasClassBase`), never tracked as layers.
  static func identity(of value: Value) -> ObjectIdentifier? {
    switch value {
    case .layer(let layer): return ObjectIdentifier(layer)
    case .model(let model): return ObjectIdentifier(model)
    case .instance(let object) where object.type.kerasBase != nil: return ObjectIdentifier(object)
    default: return nil
    }
  }

  /// `Tracker.track(value)`: tracks the layers in `value` for `owner` and returns what the
  /// attribute holds (lists and dicts copied into tracked ones, tuples rebuilt from their items).
  static func track(
    _ value: Value, by owner: PythonInstance, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> Value {
    if let identity = identity(of: value) {
      if !owner.trackedLayers.contains(where: { Self.identity(of: $0) == identity }) {
        owner.trackedLayers.append(value)
      }
      return value
    }
    switch value {
    case .tuple(let items):
      var tracked: [Value] = []
      for item in items {
        tracked.append(try track(item, by: owner, interpreter: interpreter, range: range))
      }
      return .tuple(tracked)
    case .list(let list) where list.deque == nil && list.dictionaryView == nil:
      try interpreter.budget.allocate(slots: list.count, at: range)
      var tracked: [Value] = []
      for item in list.items {
        tracked.append(try track(item, by: owner, interpreter: interpreter, range: range))
      }
      let copy = PythonList(tracked)
      copy.layerTracker = owner
      return .list(copy)
    case .dictionary(let dictionary):
      switch dictionary.flavor {
      case .plain, .ordered: break
      case .defaultDict, .counter, .bunch: return value
      }
      try interpreter.budget.allocate(slots: 2 * dictionary.count, at: range)
      var tracked: [(Value, Value)] = []
      for (key, item) in dictionary.pairs {
        tracked.append((key, try track(item, by: owner, interpreter: interpreter, range: range)))
      }
      let copy = PythonDict(tracked)
      copy.flavor = dictionary.flavor
      copy.layerTracker = owner
      return .dictionary(copy)
    default:
      return value
    }
  }

  /// `TrackedList.append` / `insert` / `TrackedDict.__setitem__` of `value` into a container an
  /// attribute holds: its layers are tracked, and the value itself is stored as given.
  static func trackAdded(
    _ value: Value, by owner: PythonInstance?, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) {
    guard let owner else { return }
    _ = try track(value, by: owner, interpreter: interpreter, range: range)
  }

  /// `TrackedList.extend`: the values stored are the tracked ones.
  static func trackExtended(
    _ values: [Value], by owner: PythonInstance?, interpreter: Interpreter, range: SourceRange
  ) throws(CellError) -> [Value] {
    guard let owner else { return values }
    var tracked: [Value] = []
    for value in values {
      tracked.append(try track(value, by: owner, interpreter: interpreter, range: range))
    }
    return tracked
  }

  /// `Tracker.untrack`: a layer dropped from a tracked container leaves the owner's layers.
  static func untrack(_ values: [Value], by owner: PythonInstance?) {
    guard let owner else { return }
    for value in values {
      guard let identity = identity(of: value) else { continue }
      owner.trackedLayers.removeAll { Self.identity(of: $0) == identity }
    }
  }
}
