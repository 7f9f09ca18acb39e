import CNNEngine

/// A Keras tensor given to a layer's constructor where its call was meant
/// (`x = GlobalAveragePooling2D(x)`): `Flatten` and the global pooling layers take their first
/// argument as `data_format`, which tf-keras lower-cases (Python's AttributeError, a tensor has no
/// `lower`) and Keras 3 checks against its two formats, quoting the tensor lower-cased.
enum KerasTensorDataFormat {
  /// The layers whose first parameter is `data_format` (aliases by their class's name).
  static let dataFormatFirst: Set<String> = [
    "Flatten", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
  ]

  /// The error making layer `className` raises when its `data_format` is a Keras tensor; nil for
  /// other arguments.
  static func error(
    className: String, positional: [Value], keywords: [(String, Value)], keras3: Bool,
    range: SourceRange
  ) -> CellError? {
    guard dataFormatFirst.contains(LayerCatalog.aliases[className] ?? className) else {
      return nil
    }
    let given = keywords.first(where: { $0.0 == "data_format" })?.1 ?? positional.first
    guard case .kerasTensor(let tensor)? = given else { return nil }
    guard keras3 else {
      return CellError(
        type: "AttributeError", message: "'KerasTensor' object has no attribute 'lower'",
        range: range)
    }
    return CellError(
      type: "ValueError",
      message:
        "The `data_format` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=\(tensor.reprDescription.lowercased())",
      range: range)
  }
}
