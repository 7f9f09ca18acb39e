import CNNEngine

/// A NumPy array as cells use one between loading data and training: a shape, a dtype and the
/// values in row-major order (`NumPyStorage`).
///
/// float64, int64 and int32 arrays hold `Double`s (`DType.storesDoubles`): float64 computes and
/// prints as NumPy's does, and integers are exact up to 2^53 (int32's whole range; int64 results
/// beyond 2^53 are refused where NumPy would still be exact, and where NumPy would wrap
/// int32 / uint8 values around they wrap here too, computed exactly). `uint8` holds bytes and
/// `bool` / `float32` hold `Float`s, so float32 data costs 4 bytes a value and runs the float32
/// kernels. Arrays become float32 only where Keras converts them: on their way into a model
/// (`tensor`, `scalars`).
public struct NDArray: Sendable, Equatable {
  public enum DType: String, Sendable, CaseIterable {
    case bool
    case uint8
    case int32
    case int64
    case float32
    case float64

    public var isInteger: Bool { self == .uint8 || self == .int32 || self == .int64 }
    public var isFloat: Bool { self == .float32 || self == .float64 }

    /// NumPy's names and the Python types `astype` accepts for each dtype.
    public init?(name: String) {
      switch name {
      case "bool", "bool_", "bool8": self = .bool
      case "uint8", "u1": self = .uint8
      case "int64", "int", "int_", "i8", "intp": self = .int64
      case "int32", "i4", "intc": self = .int32
      case "float32", "f4", "single": self = .float32
      case "float64", "float", "f8", "double", "float_": self = .float64
      default: return nil
      }
    }

    /// The range of values the dtype holds exactly here: NumPy's for bool, uint8 and int32;
    /// int64's values are exact in `Double` storage up to 2^53.
    var bounds: ClosedRange<Double>? {
      switch self {
      case .bool: return 0...1
      case .uint8: return 0...255
      case .int32: return -2_147_483_648...2_147_483_647
      case .int64: return -NDArray.exactIntegerLimit...NDArray.exactIntegerLimit
      default: return nil
      }
    }

    /// Whether the values are kept as `Double`s (float64 and the 32- and 64-bit integers).
    public var storesDoubles: Bool { self == .float64 || self == .int32 || self == .int64 }

    /// NumPy's `itemsize`: bytes per value in NumPy.
    var itemSize: Int {
      switch self {
      case .bool, .uint8: return 1
      case .int32, .float32: return 4
      case .int64, .float64: return 8
      }
    }

    /// Bytes per value as ConvBook stores it (what the evaluation budget is charged).
    var storedSize: Int { storesDoubles ? 8 : self == .uint8 ? 1 : 4 }
  }

  /// 2^53: the largest integers `Double` storage holds exactly (int64 arrays refuse larger ones).
  public static let exactIntegerLimit: Double = 9_007_199_254_740_992

  public var dtype: DType
  public var shape: [Int]
  /// Set for a TensorFlow eager tensor (`tf.random.uniform(...)`, a layer run on constant data):
  /// its TensorFlow dtype name (`float32`); it prints as `tf.Tensor(...)` (`EagerTensors`).
  public var tensorFlowDType: String?
  /// The values: `.double` exactly when `dtype.storesDoubles`, `.bytes` when it is uint8.
  public private(set) var storage: NumPyStorage
  /// An eager tensor's identity for `tf.GradientTape` (`EagerGradients`); not part of its value.
  public var traceID: Int?
  /// An eager tensor's `_keras_mask` (`KerasMaskValues`), set by the layer call that made it.
  public var kerasMask: KerasMaskValues?
  /// Values ConvBook drew itself where TensorFlow draws its own: unseeded random weights
  /// (`get_weights()`, `w.numpy()`, `CellTraining.knownValues`) and the eager `tf.random` draws
  /// ConvBook does not reproduce (unseeded, or a dtype other than float32). Printing the array is
  /// refused (`PythonText.requireKnownText`). Not part of its value.
  public var holdsOwnRandomValues = false
  /// Values that derive from ConvBook's own random draws where Keras draws anew on every run
  /// (`OwnDraws`): unseeded weights, what a model holding them computes, unseeded eager draws,
  /// and everything computed from those. Results computed from the array carry it (and
  /// `holdsOwnRandomValues`). Not part of its value.
  public var derivesFromOwnDraw = false
  /// The positions of a `np.empty` array that nothing has written yet (NumPy leaves their values
  /// as its memory held them): the array carries the own-draw marks until every position is
  /// written (`ArrayOperations.setItem`). Not part of its value.
  var unwritten: UnwrittenElements?

  /// Who holds this array's values. NumPy arrays are shared objects and ConvBook's are values, so
  /// item assignment (`x[i] = v`) writes in place only where no other value could see the change
  /// in NumPy: every copy of this struct (another name, a list item) shares the identity, and a
  /// view made by basic indexing (`x[0]`, `x[:, 1:]`) keeps its base's in `viewBase`.
  var identity = ArrayIdentity()
  var viewBase: ArrayIdentity?
  /// Where a view's values sit in its base's storage, for writing through the view into a base
  /// that a name still holds (`Interpreter.assignThroughView`); nil where that is not known.
  var viewWindow: ViewWindow?

  /// An array of `values` (for float64 and the wide integers, widened to double precision; for
  /// uint8, whole values in 0...255, which callers check).
  public init(dtype: DType, shape: [Int], scalars: [Float]) {
    self.init(dtype: dtype, shape: shape, storage: .float(scalars))
  }

  /// An array of float64 `values` (for another dtype, rounded to float32).
  public init(dtype: DType, shape: [Int], doubles: [Double]) {
    self.init(dtype: dtype, shape: shape, storage: .double(doubles))
  }

  /// An array of `storage`'s values, converted to the kind `dtype` keeps.
  public init(dtype: DType, shape: [Int], storage: NumPyStorage) {
    self.dtype = dtype
    self.shape = shape
    switch (dtype, storage) {
    case (.float64, .double), (.int64, .double), (.int32, .double), (.uint8, .bytes):
      self.storage = storage
    case (.float64, _), (.int64, _), (.int32, _): self.storage = .double(storage.doubles)
    case (.uint8, _): self.storage = .bytes(NumPyKernel.bytes(storage.floats))
    case (_, .float): self.storage = storage
    case (_, _): self.storage = .float(storage.floats)
    }
  }

  public init(tensor: Tensor, dtype: DType = .float32) {
    self.init(dtype: dtype, shape: tensor.shape, scalars: tensor.scalars)
  }

  public var count: Int { storage.count }
  public var rank: Int { shape.count }

  /// The values as float32, as Keras converts them for a model.
  public var scalars: [Float] { storage.floats }

  /// One value, exactly.
  public func value(at offset: Int) -> Double { storage.double(at: offset) }

  /// The values as a float32 tensor, what a model receives.
  public var tensor: Tensor { Tensor(validShape: shape, scalars: scalars) }

  /// Writes `values` at `offsets` (item assignment); the caller has checked that no other value
  /// shares this array (`identity`).
  mutating func scatter(_ offsets: [Int], _ values: [Double]) {
    storage.scatter(offsets, values)
  }

  /// The same values as a new array, sharing nothing (`copy()`).
  var detached: NDArray {
    var copy = self
    copy.identity = ArrayIdentity()
    copy.viewBase = nil
    copy.viewWindow = nil
    return copy
  }

  /// Equal shape, dtype and values (identities and the gradient-trace identity are who holds the
  /// array, not what it is).
  public static func == (a: NDArray, b: NDArray) -> Bool {
    a.dtype == b.dtype && a.shape == b.shape && a.tensorFlowDType == b.tensorFlowDType
      && a.storage == b.storage
  }

  /// Row-major strides of `shape`.
  var strides: [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in shape.indices.reversed() {
      strides[axis] = step
      step *= shape[axis]
    }
    return strides
  }
}

/// The identity of an array's values (`NDArray.identity`): an object whose reference count says
/// how many values share them.
final class ArrayIdentity: Sendable {}
