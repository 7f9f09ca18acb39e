/// The values of a NumPy array in cells, row-major: float64 arrays in `Double`s, every other
/// dtype in `Float`s (exact for float32, bool, uint8, and integers up to 2^24, the range the cell
/// language lets into int64 arrays).
///
/// The element loops over these values live here, in `NumPyKernel`, compiled with optimisation,
/// so that the cell language around them can be compiled for build speed.
public enum NumPyStorage: Sendable, Equatable {
  case float([Float])
  case double([Double])

  public var count: Int {
    switch self {
    case .float(let values): return values.count
    case .double(let values): return values.count
    }
  }

  public var isDouble: Bool {
    if case .double = self { return true } else { return false }
  }

  /// One value, exactly.
  public func double(at offset: Int) -> Double {
    switch self {
    case .float(let values): return Double(values[offset])
    case .double(let values): return values[offset]
    }
  }

  /// The values as float32 (a float64 value rounded to nearest), what a Keras model receives.
  public var floats: [Float] {
    switch self {
    case .float(let values): return values
    case .double(let values): return NumPyKernel.floats(values)
    }
  }

  /// The values as float64, exactly.
  public var doubles: [Double] {
    switch self {
    case .float(let values): return NumPyKernel.doubles(values)
    case .double(let values): return values
    }
  }

  /// The same kind of storage holding `values` (float32 storage rounds them).
  public func sameKind(_ values: [Double]) -> NumPyStorage {
    isDouble ? .double(values) : .float(NumPyKernel.floats(values))
  }
}
