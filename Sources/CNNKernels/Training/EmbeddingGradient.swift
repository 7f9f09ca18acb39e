/// The backward pass of `Embedding` (its forward pass is `PreprocessingKernels.embed`).
///
/// Keras hands the optimizer an `IndexedSlices`: one output-gradient row per looked-up id; a
/// token repeated in the batch adds its rows up (a scatter-add). tf-keras 2.21's optimizers apply
/// it as the dense gradient with zero rows for the ids not looked up (`tableGradient`). Keras
/// 3.15.1's Adam, AdamW and RMSprop square the slices before they add up, so their second moment
/// takes the sum of each occurrence's square (`rowSquares`) where a dense gradient would give the
/// square of the sum (measured: DEVELOPERS.md, "Training through Embedding").
package enum EmbeddingGradient {
  /// ids (N, seq...) as floats (whole numbers in [0, vocabulary), as the forward pass checked),
  /// outputGradient (N, seq..., depth) -> the table's gradient (vocabulary, depth). One pass in
  /// the ids' order, whatever the thread count, so the sums are the same on every run.
  package static func tableGradient(
    ids: [Float], outputGradient: [Float], vocabulary: Int, depth: Int
  ) throws(KernelError) -> [Float] {
    guard outputGradient.count == ids.count * depth else {
      throw KernelError(
        "an embedding output gradient of \(outputGradient.count) values does not match \(ids.count) ids of \(depth) values"
      )
    }
    var gradient = [Float](repeating: 0, count: vocabulary * depth)
    for position in ids.indices {
      let value = ids[position]
      guard value.isFinite, let id = Int(exactly: value.rounded(.towardZero)), id >= 0,
        id < vocabulary
      else {
        throw KernelError("an embedding id \(value) is not in [0, \(vocabulary))")
      }
      let target = id * depth
      let source = position * depth
      for channel in 0..<depth { gradient[target + channel] += outputGradient[source + channel] }
    }
    return gradient
  }

  /// The sum over each id's occurrences of its output-gradient row squared, (vocabulary, depth):
  /// Keras 3's `square(IndexedSlices)` scattered into the table's shape.
  package static func rowSquares(
    ids: [Float], outputGradient: [Float], vocabulary: Int, depth: Int
  ) throws(KernelError) -> [Float] {
    var squares = outputGradient
    for i in squares.indices { squares[i] *= squares[i] }
    return try tableGradient(
      ids: ids, outputGradient: squares, vocabulary: vocabulary, depth: depth)
  }
}
