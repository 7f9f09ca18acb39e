/// Which layout a layer reads its input in. The analyses use it to tell whether a rank-4 tensor
/// is (H, W, C) or (C, H, W): the shape alone cannot say.
enum LayerDataFormat {
  static func of(_ layer: any Layer) -> DataFormat? { (layer as? any LayoutLayer)?.dataFormat }

  /// The layout of the tensor that enters `layers[index]`: the nearest earlier layer that states a
  /// data format decides; with none, `fallback` (the reading layer's own format, or Keras' default).
  static func layoutEntering(_ index: Int, of layers: [LayerInstance], fallback: DataFormat)
    -> DataFormat
  {
    for earlier in layers[..<index].reversed() {
      if let format = of(earlier.layer) { return format }
    }
    return fallback
  }

  /// The layout a model's input is read in: the first layer that states a data format decides.
  static func inputLayout(of layers: [LayerInstance]) -> DataFormat {
    layers.lazy.compactMap { of($0.layer) }.first ?? .channelsLast
  }
}
