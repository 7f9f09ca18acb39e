import Foundation

/// What a forward pass will hold at its peak, computed from shapes before anything is allocated:
/// the weights as given, their packed copies, and the activations (the input, the two ping-pong
/// buffers sized for the largest layer output, and one transient buffer for kernels or layout
/// changes that write a fresh tensor).
///
/// Whoever keeps the weights as given (a cell's session, for `get_weights` and training) holds
/// them beside the packed copies: the total is the sum. A pass given the only copy
/// (`convbook predict`, `bench`: `weightsReleased`) frees each layer's weights once packed, so it
/// holds at most `packingPeakBytes` while packing and the packed copies and activations after.
/// Measured (`Benchmarks/forward_memory.md`): ResNet50 at batch 1, 121.6 MB estimated, 122-123 MB
/// above the process' own 40 MB peak; d2l's VGG-11 in a cell, 912.9 MB estimated, ~1 GB peak.
public struct MemoryEstimate: Sendable, Equatable, CustomStringConvertible {
  public var weightBytes: Int
  public var packedWeightBytes: Int
  public var activationBytes: Int
  /// The most raw and packed weights alive at once when each layer's raw weights are freed right
  /// after it is packed: the unpacked weights of the layer being packed and the ones after it,
  /// and the packed copies made so far, with the input.
  public var packingPeakBytes: Int
  /// Whether the pass frees the weights as it packs them (nobody else holds them).
  public var weightsReleased = false

  public init(
    weightBytes: Int, packedWeightBytes: Int, activationBytes: Int, packingPeakBytes: Int? = nil
  ) {
    self.weightBytes = weightBytes
    self.packedWeightBytes = packedWeightBytes
    self.activationBytes = activationBytes
    self.packingPeakBytes = packingPeakBytes ?? weightBytes + packedWeightBytes
  }

  /// Never more than the sum of the three, which the estimate checked against overflow.
  public var totalBytes: Int {
    weightsReleased
      ? max(packingPeakBytes, packedWeightBytes + activationBytes)
      : weightBytes + packedWeightBytes + activationBytes
  }

  public var description: String {
    let weights =
      weightsReleased
      ? "weights \(Self.format(weightBytes)), freed as they are packed (at most \(Self.format(packingPeakBytes)) of them, their packed copies and the input at once); then packed weights \(Self.format(packedWeightBytes)) + activations \(Self.format(activationBytes))"
      : "weights \(Self.format(weightBytes)) + packed weights \(Self.format(packedWeightBytes)) + activations \(Self.format(activationBytes))"
    return "\(weights) = \(Self.format(totalBytes))"
  }

  /// 1024-based units with two decimals, like Keras' summary footer (`44.15 MB`).
  public static func format(_ bytes: Int) -> String {
    let units = ["Byte", "KB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return String(format: "%.2f %@", value, units[unit])
  }
}
