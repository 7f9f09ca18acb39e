import CNNKernels

/// What one layer's output held in a real forward pass: the numbers a trace shows next to shapes.
public struct ActivationStatistics: Sendable, Equatable {
  public var minimum: Float
  public var mean: Float
  public var maximum: Float
  /// The share of values that are exactly zero (dead ReLUs show up here).
  public var zeroFraction: Float

  public init(minimum: Float, mean: Float, maximum: Float, zeroFraction: Float) {
    self.minimum = minimum
    self.mean = mean
    self.maximum = maximum
    self.zeroFraction = zeroFraction
  }
}

/// One layer's part of a measured forward pass.
public struct LayerMeasurement: Sendable, Equatable {
  public var layerName: String
  public var statistics: ActivationStatistics
  /// Wall-clock seconds of this layer's kernels; only terminal output shows it, so that pages stay
  /// byte-identical from build to build.
  public var seconds: Double

  /// How many values the statistics summarise (every output of the call, all samples).
  public var values: Int

  public init(
    layerName: String, statistics: ActivationStatistics, seconds: Double, values: Int = 0
  ) {
    self.layerName = layerName
    self.statistics = statistics
    self.seconds = seconds
    self.values = values
  }
}

extension ActivationStatistics {
  /// Values per partial sum: the chunking is fixed, never derived from the thread count, so the
  /// mean has the same bits whichever threads computed the chunks.
  static let chunkSize = 1 << 16

  /// The statistics of every value of several parts (each with how many values it summarises),
  /// as one: a call with several outputs, a nested model's outputs. Combined in the parts' order.
  public static func combining(_ parts: [(statistics: ActivationStatistics, values: Int)])
    -> ActivationStatistics?
  {
    guard let first = parts.first else { return nil }
    guard parts.count > 1 else { return first.statistics }
    let total = parts.reduce(0) { $0 + $1.values }
    guard total > 0 else { return first.statistics }
    var sum = 0.0
    var zeros = 0.0
    for part in parts {
      sum += Double(part.statistics.mean) * Double(part.values)
      zeros += Double(part.statistics.zeroFraction) * Double(part.values)
    }
    return ActivationStatistics(
      minimum: parts.map(\.statistics.minimum).min()!, mean: Float(sum / Double(total)),
      maximum: parts.map(\.statistics.maximum).max()!,
      zeroFraction: Float(zeros / Double(total)))
  }

  /// The statistics of every value of `tensors` together (a call with several outputs).
  static func summarizing(_ tensors: [Tensor], threads: Int) -> ActivationStatistics {
    let parts = tensors.map { (statistics: summarizing($0, threads: threads), values: $0.count) }
    return combining(parts) ?? summarizing(tensors[0], threads: threads)
  }

  /// The statistics of every value of `tensor` (all samples of the batch). Chunks are reduced in
  /// parallel (sums in Double) and combined in chunk order.
  /// tensor (any shape) -> statistics
  static func summarizing(_ tensor: Tensor, threads: Int) -> ActivationStatistics {
    let count = tensor.count
    guard count > 0 else {
      return ActivationStatistics(minimum: 0, mean: 0, maximum: 0, zeroFraction: 0)
    }
    let chunks = (count + chunkSize - 1) / chunkSize
    var minima = [Float](repeating: .infinity, count: chunks)
    var maxima = [Float](repeating: -.infinity, count: chunks)
    var sums = [Double](repeating: 0, count: chunks)
    var zeros = [Int](repeating: 0, count: chunks)
    tensor.withUnsafeBufferPointer { values in
      minima.withUnsafeMutableBufferPointer { minima in
        maxima.withUnsafeMutableBufferPointer { maxima in
          sums.withUnsafeMutableBufferPointer { sums in
            zeros.withUnsafeMutableBufferPointer { zeros in
              let (minima, maxima, sums, zeros) = (
                minima.baseAddress!, maxima.baseAddress!, sums.baseAddress!, zeros.baseAddress!
              )
              let values = values.baseAddress!
              KernelParallelism.forEachSlice(count: chunks, threads: threads, minimumPerThread: 4) {
                range in
                for chunk in range {
                  var low = Float.infinity
                  var high = -Float.infinity
                  var sum = 0.0
                  var zeroCount = 0
                  for index in chunk * chunkSize..<min(count, (chunk + 1) * chunkSize) {
                    let value = values[index]
                    low = min(low, value)
                    high = max(high, value)
                    sum += Double(value)
                    zeroCount += value == 0 ? 1 : 0
                  }
                  minima[chunk] = low
                  maxima[chunk] = high
                  sums[chunk] = sum
                  zeros[chunk] = zeroCount
                }
              }
            }
          }
        }
      }
    }
    var sum = 0.0
    for partial in sums { sum += partial }
    return ActivationStatistics(
      minimum: minima.min() ?? 0, mean: Float(sum / Double(count)), maximum: maxima.max() ?? 0,
      zeroFraction: Float(Double(zeros.reduce(0, +)) / Double(count)))
  }
}
