import CNNEngine

/// What `model.fit` returns in a cell: `history.history` (per name, one value per epoch, in the
/// order the session's Keras lists them) and `history.epoch`.
public struct FitHistory: Sendable, Equatable {
  public var names: [String]
  public var values: [[Float]]
  /// The epoch numbers `fit` ran (`initial_epoch` ..< `epochs`).
  public var epochs: [Int]

  public init(names: [String], values: [[Float]], epochs: [Int]) {
    self.names = names
    self.values = values
    self.epochs = epochs
  }

  public subscript(name: String) -> [Float]? {
    names.firstIndex(of: name).map { values[$0] }
  }

  /// `history.history`: the float32 values as the Python floats Keras stores.
  var dictionary: Value {
    .dictionary(zip(names, values).map { (.string($0), .list($1.map { .float(Double($0)) })) })
  }
}
