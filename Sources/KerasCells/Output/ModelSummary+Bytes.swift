import CNNEngine

extension ModelSummary {
  /// The memory the summary's footer reports, by dtype: float32 weights take 4 bytes,
  /// Normalization's int64 `count` 8.
  public var parameterBytes: (total: Int, trainable: Int, nonTrainable: Int) {
    func bytes(_ weights: [WeightSpec]) -> (total: Int, trainable: Int) {
      (
        weights.reduce(0) { $0 + $1.count * $1.bytesPerValue },
        weights.filter(\.trainable).reduce(0) { $0 + $1.count * $1.bytesPerValue }
      )
    }
    // Weights shown by several rows count once (`repeatedWeights`); those no row shows count
    // too (`unlistedWeights`).
    let shown = bytes(rows.flatMap(\.weights))
    let repeated = bytes(repeatedWeights)
    let unlisted = bytes(unlistedWeights)
    let total = shown.total - repeated.total + unlisted.total
    let trainable = shown.trainable - repeated.trainable + unlisted.trainable
    return (total, trainable, total - trainable)
  }
}
