import CNNEngine

/// NumPy's integer overflow on ConvBook's storage (`NDArray.DType.storesDoubles`): every integer
/// result is computed exactly in `Double` while it stays below 2^53, so the rules are applied to
/// exact values. int32 and uint8 results wrap around modulo 2^32 / 2^8 as NumPy's arrays do
/// (silently); int64 results beyond 2^53 - 1 are refused as ConvBook's limitation (NumPy holds them
/// exactly up to 2^63 and wraps beyond; ConvBook could do neither exactly).
enum NumPyIntegers {
  /// The largest magnitude computed exactly: 2^53 - 1 (2^53 itself may be a rounded 2^53 + 1).
  static let exactLimit = NDArray.exactIntegerLimit - 1

  /// `value` wrapped into `dtype` (int32, uint8) as two's complement does; `value` is exact.
  static func wrapped(_ value: Double, _ dtype: NDArray.DType) -> Double {
    let modulus: Double = dtype == .uint8 ? 256 : 4_294_967_296
    var rest = value.truncatingRemainder(dividingBy: modulus)
    if rest < 0 { rest += modulus }
    if dtype == .int32 && rest >= modulus / 2 { rest -= modulus }
    return rest
  }

  /// The values of an integer result (`storage` computed in double precision) as `dtype` holds
  /// them: wrapped for int32 and uint8, refused beyond the exact range (and for NaN or infinity,
  /// which only a float source gives). Non-integer dtypes pass unchanged.
  static func fit(_ dtype: NDArray.DType, _ storage: NumPyStorage, range: SourceRange)
    throws(CellError) -> NumPyStorage
  {
    guard dtype.isInteger else { return storage }
    if let offset = NumPyKernel.firstOutside(storage, lower: -exactLimit, upper: exactLimit) {
      let value = storage.double(at: offset)
      throw .unsupported(
        value.isFinite
          ? "ConvBook's \(dtype.rawValue) arrays compute integers exactly up to 2**53; a result here is \(PythonFormat.float(value)) (NumPy would \(dtype == .int64 ? "hold it up to 2**63 and wrap beyond" : "wrap it around"))"
          : "the value \(PythonFormat.float(value)) has no \(dtype.rawValue) value (NumPy gives an undefined number)",
        at: range)
    }
    guard dtype != .int64, let bounds = dtype.bounds,
      NumPyKernel.firstOutside(storage, lower: bounds.lowerBound, upper: bounds.upperBound) != nil
    else { return storage }
    return .double(storage.doubles.map { wrapped($0, dtype) })
  }

  /// A Python int beside an integer array of `dtype` (NumPy 2's weak scalar): it must fit the
  /// dtype, or NumPy raises OverflowError.
  static func checkWeak(_ number: Int, against dtype: NDArray.DType, range: SourceRange)
    throws(CellError)
  {
    guard dtype == .uint8 || dtype == .int32, let bounds = dtype.bounds,
      !bounds.contains(Double(number))
    else { return }
    throw CellError(
      type: "OverflowError",
      message: "Python integer \(number) out of bounds for \(dtype.rawValue)", range: range)
  }

  /// `astype` to an integer dtype: floats truncate toward zero and must fit (NumPy's cast of a
  /// float outside the range is undefined: refused), integers wrap into a narrower dtype.
  static func convert(_ array: NDArray, to dtype: NDArray.DType, range: SourceRange)
    throws(CellError) -> NDArray
  {
    let truncated = NumPyStorage.double(array.storage.doubles.map { $0.rounded(.towardZero) })
    if array.dtype.isFloat, let bounds = dtype.bounds,
      let offset = NumPyKernel.firstOutside(
        truncated, lower: Swift.max(bounds.lowerBound, -exactLimit),
        upper: Swift.min(bounds.upperBound, exactLimit))
    {
      let value = truncated.double(at: offset)
      // int64's range reaches 2**63; ConvBook's int64 values stop at 2**53.
      if dtype == .int64, value.magnitude < 9_223_372_036_854_775_808.0 {
        throw .unsupported(
          "ConvBook's int64 arrays hold integers exactly up to 2**53; the value \(PythonFormat.float(value)) is larger",
          at: range)
      }
      throw .unsupported(
        "ConvBook does not cast the value \(PythonFormat.float(value)) to \(dtype.rawValue), which cannot hold it (NumPy's cast gives an undefined number); clip the values first",
        at: range)
    }
    return NDArray(
      dtype: dtype, shape: array.shape, storage: try fit(dtype, truncated, range: range))
  }
}
