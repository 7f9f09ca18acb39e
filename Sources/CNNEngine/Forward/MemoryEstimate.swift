import Foundation

/// What a forward pass will hold at its peak, computed from shapes before anything is allocated:
/// the weights as given, their packed copies, and the activations (the input, the two ping-pong
/// buffers sized for the largest layer output, and one transient buffer for kernels or layout
/// changes that write a fresh tensor).
public struct MemoryEstimate: Sendable, Equatable, CustomStringConvertible {
  public var weightBytes: Int
  public var packedWeightBytes: Int
  public var activationBytes: Int

  public var totalBytes: Int { weightBytes + packedWeightBytes + activationBytes }

  public var description: String {
    "weights \(Self.format(weightBytes)) + packed weights \(Self.format(packedWeightBytes)) + activations \(Self.format(activationBytes)) = \(Self.format(totalBytes))"
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
