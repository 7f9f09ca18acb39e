import CNNKernels

/// What both Kerases do with data handed to a built model before its layers run (`predict`,
/// `fit`, `evaluate`, the model called on an array):
/// - the model's own input spec, `InputSpec(shape=..., allow_last_axis_squeeze=True)`: a last axis
///   of size 1 is dropped from the data's shape and from the declared one, then only the axes both
///   still have are compared, where both sizes are known (`inputSpecMismatch`);
/// - then the data's rank is made the input's (tf-keras' `Functional._conform_to_reference_input`,
///   Keras 3's `Functional._adjust_input_rank`): a last axis of size 1 is added where the input
///   declares one and the data lacks it (grayscale images stored as (N, H, W) for an Input of
///   (H, W, 1)), or dropped where the data has one beyond the input's rank. Data of another rank
///   is left as it is (tf-keras' layers then raise; Keras 3 raises "Invalid input shape").
/// Adding or dropping an axis of size 1 moves no value, so only the shape changes.
extension KerasModel {
  /// The declared shape of each input (with the batch axis), or nil while the model is not built.
  public var declaredInputShapes: [TensorShape]? {
    guard isBuilt else { return nil }
    return inputShapeList ?? inputShape.map { [$0] }
  }

  /// `shapes` (one per input) made the ranks of the model's inputs where a last axis of size 1 is
  /// all that differs; the others as given. As given while the model is not built, or where the
  /// model's input spec fails on them (Keras raises before it conforms).
  public func conformedInputShapes(_ shapes: [[Int]]) -> [[Int]] {
    guard let declared = declaredInputShapes, declared.count == shapes.count,
      shapes.indices.allSatisfy({ inputSpecMismatch(shapes[$0], input: $0) == nil })
    else { return shapes }
    return zip(shapes, declared).map { Self.conformed($0, to: $1) }
  }

  /// `tensors` (one per input) with the shapes `conformedInputShapes` gives them.
  public func conformedInputs(_ tensors: [Tensor]) -> [Tensor] {
    let shapes = conformedInputShapes(tensors.map(\.shape))
    // The same values under a shape of the same count: `reshaped` cannot fail.
    return zip(tensors, shapes).map { tensor, shape in (try? tensor.reshaped(shape)) ?? tensor }
  }

  /// One input's data shape made `declared`'s rank where a last axis of size 1 differs.
  public static func conformed(_ shape: [Int], to declared: TensorShape) -> [Int] {
    if shape.count + 1 == declared.rank, declared.dimensions.last == .some(1) {
      return shape + [1]
    }
    if shape.count == declared.rank + 1, shape.last == 1 {
      return Array(shape.dropLast())
    }
    return shape
  }

  /// The model's input spec against data of `shape` for input `index`, before any conformance:
  /// nil where it passes, else the shape Keras prints as found (tf-keras the data's own, Keras 3
  /// the data's without a last axis of size 1) and the expected one (without the batch size).
  /// Keras 3's Sequential model checks no spec of its own on data: it hands the data to its
  /// functional model's `call`, whose layers then check theirs.
  public func inputSpecMismatch(_ shape: [Int], input index: Int) -> (
    expected: TensorShape, found: [Int]
  )? {
    guard !(kerasVersion == .keras3 && kind == .sequential),
      let declared = declaredInputShapes, declared.indices.contains(index)
    else { return nil }
    let spec = TensorShape([nil] + declared[index].dimensions.dropFirst())
    var given = shape
    var expected = spec.dimensions
    if given.last == 1 { given.removeLast() }
    if expected.last == .some(1) { expected.removeLast() }
    let differs = zip(expected, given).contains { want, got in want != nil && want != got }
    guard differs else { return nil }
    return (spec, kerasVersion == .keras3 ? given : shape)
  }

  /// tf-keras' error for the model called on data of `shape` (already conformed) that its
  /// input's sizes do not fit although its own spec passed (three channels into an Input of one,
  /// data two axes short): its layers run on the data and the first whose input spec fails
  /// raises, in the model's "Exception encountered when calling layer" text
  /// (`incompatibleCall`), or ConvBook's limitation where they would run. Nil where the data fits
  /// or for Keras 3 (whose texts for this are `keras3SequentialBatchError`'s).
  public func tfKerasDataCallError(on shape: [Int]) -> KerasError? {
    guard kerasVersion == .keras2, let declared = inputShape,
      declared.rank != shape.count
        || zip(declared.dimensions.dropFirst(), shape.dropFirst()).contains(where: {
          $0 != nil && $0 != $1
        })
    else { return nil }
    do {
      _ = try incompatibleCall(on: [TensorShape(shape.map { Optional($0) })], onData: true)
      return nil
    } catch {
      return error
    }
  }

  /// After conformance, data of `shape` for input `index` against its declared shape exactly (the
  /// same rank, every size the input fixes; the batch too where it is fixed): nil where it fits,
  /// else tf-keras' message, which shows the data as `found` (the data's shape, or a traced one
  /// with an open batch). The forward pass, training and `convbook predict` check their inputs
  /// with it before anything runs.
  public func inputMismatch(_ shape: [Int], input index: Int, found: TensorShape? = nil)
    -> String?
  {
    guard let declared = declaredInputShapes, declared.indices.contains(index) else { return nil }
    let expected = declared[index]
    let fits =
      shape.allSatisfy { $0 >= 0 } && expected.rank == shape.count
      && zip(expected.dimensions, shape).allSatisfy { $0 == nil || $0 == $1 }
    guard !fits else { return nil }
    return
      "Input \(index) of layer \"\(name)\" is incompatible with the layer: expected shape=\(expected), found shape=\(found?.description ?? TensorShape.tuple(shape))"
  }
}
