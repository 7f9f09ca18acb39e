/// Where the channel axis sits; Keras' default is `channels_last`.
public enum DataFormat: String, Sendable, Hashable {
  case channelsLast = "channels_last"
  case channelsFirst = "channels_first"

  /// The index of the channel axis in a shape that includes the batch dimension.
  public func channelAxis(rank: Int) -> Int { self == .channelsLast ? rank - 1 : 1 }

  /// Indices of the spatial axes in a shape that includes the batch dimension.
  public func spatialAxes(rank: Int) -> [Int] {
    self == .channelsLast ? Array(1..<(rank - 1)) : Array(2..<rank)
  }
}
