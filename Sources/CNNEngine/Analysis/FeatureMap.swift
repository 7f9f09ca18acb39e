/// A 2D feature map of one sample: H x W positions with C channels each, and the layout its
/// shape is written in.
public struct FeatureMap: Sendable, Equatable {
  /// The shape as Keras reports it, batch first.
  public var shape: TensorShape
  /// `channelsLast`: (H, W, C); `channelsFirst`: (C, H, W).
  public var layout: DataFormat
  public var height: Int
  public var width: Int
  public var channels: Int
  /// The layer that outputs the map (the input layer's name for a model's input).
  public var producer: String

  /// Reads a rank-4 shape with known sizes; nil for anything else.
  public init?(shape: TensorShape, layout: DataFormat, producer: String) {
    // A map with an empty axis has no positions or channels to draw (hostile batch8: a (4, 4, 0)
    // map gave "channel c = 0 of each" and neighbours 0 entries apart).
    guard shape.rank == 4, let first = shape[1], let second = shape[2], let third = shape[3],
      first > 0, second > 0, third > 0
    else {
      return nil
    }
    self.shape = shape
    self.layout = layout
    self.producer = producer
    switch layout {
    case .channelsLast: (height, width, channels) = (first, second, third)
    case .channelsFirst: (channels, height, width) = (first, second, third)
    }
  }

  public var values: Int { height * width * channels }
}
