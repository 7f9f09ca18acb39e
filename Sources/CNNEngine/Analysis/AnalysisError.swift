/// Why a figure's numbers cannot be computed for a model. Messages name the model and the tensor
/// involved, so that a lesson author knows what to change.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The model has no input shape, so no layer has a shape yet.
  case notBuilt(model: String)
  /// An adjacency figure asked for a model that never flattens.
  case noFlatten(model: String, pooling: String?)
  /// The tensor entering Flatten is not a 2D feature map with channels.
  case notAnImageMap(layer: String, shape: TensorShape)
  /// Scaling needs spatial axes to resize.
  case noSpatialInput(model: String, shape: TensorShape)

  public var description: String {
    switch self {
    case .notBuilt(let model):
      return
        "model '\(model)' has no input shape yet, so its layers have no shapes; give it an Input or input_shape="
    case .noFlatten(let model, let pooling):
      let tail = pooling.map { "; " + $0 } ?? ""
      return "model '\(model)' has no Flatten layer, so there is no flattening to illustrate\(tail)"
    case .notAnImageMap(let layer, let shape):
      return
        "the tensor entering '\(layer)' has shape \(shape); the adjacency figure needs a 2D feature map (batch, H, W, C) with known sizes of at least 1"
    case .noSpatialInput(let model, let shape):
      return "model '\(model)' takes input \(shape), which has no spatial axes to resize"
    }
  }
}
