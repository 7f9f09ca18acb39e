extension NumPyStorage {
  /// Writes `values[i]` at `offsets[i]` in place (item assignment, `x[i, j] = v`): the values
  /// already fit the storage's kind (whole numbers in 0...255 for bytes). The payload is taken out
  /// of the enum while it is written, so that an array held once is not copied.
  public mutating func scatter(_ offsets: [Int], _ values: [Double]) {
    switch self {
    case .float(var stored):
      self = .bytes([])
      for (offset, value) in zip(offsets, values) { stored[offset] = Float(value) }
      self = .float(stored)
    case .double(var stored):
      self = .bytes([])
      for (offset, value) in zip(offsets, values) { stored[offset] = value }
      self = .double(stored)
    case .bytes(var stored):
      self = .bytes([])
      for (offset, value) in zip(offsets, values) { stored[offset] = UInt8(value) }
      self = .bytes(stored)
    }
  }
}
