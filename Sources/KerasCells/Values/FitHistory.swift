import CNNEngine

/// What `model.fit` returns in a cell: `history.history` (per name, one value per epoch, in the
/// order the session's Keras lists them) and `history.epoch`.
public struct FitHistory: Sendable, Equatable {
  public var names: [String]
  public var values: [[Float]]
  /// The epoch numbers `fit` ran (`initial_epoch` ..< `epochs`).
  public var epochs: [Int]
  /// `history.params`: the `fit` settings Keras hands its callbacks (`verbose` after "auto" is
  /// resolved, the `epochs` asked for, the batches per epoch); nil where a loop does not record them.
  public var params: Parameters?
  /// The model `fit` trained (`history.model`), kept by the session's training states; nil for
  /// a loop that does not record it.
  public var model: ObjectIdentifier?
  /// Whether the losses and metrics derive from ConvBook's own random draws (`OwnDraws`): then
  /// `history.history` holds marked NumPy scalars in place of Python floats, which are refused
  /// when printed.
  public var derivesFromOwnDraw = false

  /// The three entries of Keras' `History.params`, in Keras' order.
  public struct Parameters: Sendable, Equatable {
    public var verbose: Int
    public var epochs: Int
    public var steps: Int
    /// Whether `verbose=` and `epochs=` were Python bools: both Kerases keep the value given,
    /// so `fit(epochs=True, verbose=False)` runs one epoch and its params print
    /// `{'verbose': False, 'epochs': True, ...}` (script 1087).
    public var verboseIsBool = false
    public var epochsIsBool = false

    public init(verbose: Int, epochs: Int, steps: Int) {
      self.verbose = verbose
      self.epochs = epochs
      self.steps = steps
    }

    /// The parameters of a `fit` call whose `verbose=` and `epochs=` arguments were `given`.
    init(verbose: Int, epochs: Int, steps: Int, given: (verbose: Value?, epochs: Value?)) {
      self.init(verbose: verbose, epochs: epochs, steps: steps)
      if case .bool? = given.verbose { verboseIsBool = true }
      if case .bool? = given.epochs { epochsIsBool = true }
    }
  }

  public init(names: [String], values: [[Float]], epochs: [Int], params: Parameters? = nil) {
    self.names = names
    self.values = values
    self.epochs = epochs
    self.params = params
  }

  public subscript(name: String) -> [Float]? {
    names.firstIndex(of: name).map { values[$0] }
  }

  /// `history.history`: the float32 values as the Python floats Keras stores.
  var dictionary: Value {
    .dictionary(
      zip(names, values).map {
        (.string($0), .list($1.map(value)))
      })
  }

  /// A loss or metric value as Keras keeps it, a Python float; one of ConvBook's own draw is a
  /// float64 NumPy scalar carrying the mark.
  func value(_ value: Float) -> Value { Self.value(value, own: derivesFromOwnDraw) }

  static func value(_ value: Float, own: Bool) -> Value {
    guard own else { return .float(Double(value)) }
    var array = NDArray(dtype: .float64, shape: [], doubles: [Double(value)])
    array.derivesFromOwnDraw = true
    array.holdsOwnRandomValues = true
    return .standard(NumPyScalar(array))
  }

  /// `history.params`: `{'verbose': 0, 'epochs': 3, 'steps': 3}` as both Kerases print it.
  var paramsDictionary: Value? {
    params.map {
      .dictionary([
        (.string("verbose"), $0.verboseIsBool ? .bool($0.verbose != 0) : .int($0.verbose)),
        (.string("epochs"), $0.epochsIsBool ? .bool($0.epochs != 0) : .int($0.epochs)),
        (.string("steps"), .int($0.steps)),
      ])
    }
  }
}
