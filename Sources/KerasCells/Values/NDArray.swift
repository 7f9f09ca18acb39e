import CNNEngine

/// A NumPy array as cells use one between loading data and training: a shape, a dtype and the
/// values in row-major order.
///
/// Values are held as `Float`: exact for `bool`, `uint8` and `float32`, and for `int64` up to
/// 2^24 (larger integers are refused where they would enter). A `float64` array keeps its dtype
/// but float32 precision, which is what the arrays become anyway on their way into a model
/// (`x / 255.0` then `astype("float32")` gives NumPy's values bit for bit: the division is done
/// in double precision and rounded once).
public struct NDArray: Sendable, Equatable {
  public enum DType: String, Sendable, CaseIterable {
    case bool
    case uint8
    case int64
    case float32
    case float64

    public var isInteger: Bool { self == .uint8 || self == .int64 }
    public var isFloat: Bool { self == .float32 || self == .float64 }

    /// NumPy's names and the Python types `astype` accepts for each dtype.
    public init?(name: String) {
      switch name {
      case "bool", "bool_", "bool8": self = .bool
      case "uint8", "u1": self = .uint8
      case "int64", "int", "int_", "i8", "intp", "int32": self = .int64
      case "float32", "f4", "single": self = .float32
      case "float64", "float", "f8", "double", "float_": self = .float64
      default: return nil
      }
    }

    /// The range of values the dtype holds exactly here.
    var bounds: ClosedRange<Float>? {
      switch self {
      case .bool: return 0...1
      case .uint8: return 0...255
      case .int64: return -16_777_216...16_777_216
      default: return nil
      }
    }
  }

  public var dtype: DType
  public var shape: [Int]
  public var scalars: [Float]

  public init(dtype: DType, shape: [Int], scalars: [Float]) {
    self.dtype = dtype
    self.shape = shape
    self.scalars = scalars
  }

  public init(tensor: Tensor, dtype: DType = .float32) {
    self.init(dtype: dtype, shape: tensor.shape, scalars: tensor.scalars)
  }

  public var count: Int { scalars.count }
  public var rank: Int { shape.count }

  /// The values as a float32 tensor, what a model receives.
  public var tensor: Tensor { Tensor(validShape: shape, scalars: scalars) }

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
