/// Subclassing Keras' own classes (`keras.layers.Layer`, `keras.Model`, a layer class).
enum KerasSubclassing {
  /// The refusal for a class statement that extends a Keras class; nil when `callable` is not one.
  static func refusal(for callable: Callable, at range: SourceRange) -> CellError? {
    switch callable.kind {
    case .layerClass, .sequentialClass, .modelClass, .unsupportedModelClass:
      return .unsupported(
        "ConvBook does not support subclassing `\(callable.path)` yet (custom layers and subclassed models); build the model with keras.Sequential or the functional API",
        at: range)
    default: return nil
    }
  }
}
