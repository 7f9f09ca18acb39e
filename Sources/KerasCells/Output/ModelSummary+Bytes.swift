import CNNEngine

extension ModelSummary {
  /// The memory the summary's footer reports, by dtype: float32 weights take 4 bytes,
  /// Normalization's int64 `count` 8.
  public var parameterBytes: (total: Int, trainable: Int, nonTrainable: Int) {
    let weights = rows.flatMap(\.weights)
    let total = weights.reduce(0) { $0 + $1.count * $1.bytesPerValue }
    let trainable = weights.filter(\.trainable).reduce(0) { $0 + $1.count * $1.bytesPerValue }
    return (total, trainable, total - trainable)
  }
}
