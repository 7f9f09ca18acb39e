import Dispatch
import Foundation

/// Times kernels on synthetic data (warm-up, then the median of several runs) and reports GFLOP/s,
/// counting 2 FLOP per multiply-accumulate as the performance notes do. Meant for a CLI command;
/// numbers are only meaningful in a release build.
public enum KernelBenchmark {
  public struct Result: Sendable, CustomStringConvertible {
    public var name: String
    /// Floating-point operations of one run (2 per multiply-accumulate; 1 per element for
    /// memory-bound kernels, where `gigabytesPerSecond` is the figure to read).
    public var flops: Double
    /// Bytes read plus written by one run.
    public var bytes: Double
    public var threads: Int
    public var medianSeconds: Double
    public var samples: [Double]

    public var gflops: Double { flops / medianSeconds / 1e9 }
    public var gigabytesPerSecond: Double { bytes / medianSeconds / 1e9 }

    public var description: String {
      let milliseconds = medianSeconds * 1e3
      return
        "\(name) [\(threads) thread\(threads == 1 ? "" : "s")]: \(format(milliseconds, 3)) ms, "
        + "\(format(gflops, 1)) GFLOP/s, \(format(gigabytesPerSecond, 1)) GB/s"
    }
  }

  /// Runs `body` `warmup` times untimed, then `repetitions` times, and keeps the median.
  public static func measure(
    name: String, flops: Double, bytes: Double = 0, threads: Int, warmup: Int = 2,
    repetitions: Int = 7,
    _ body: () -> Void
  ) -> Result {
    for _ in 0..<warmup { body() }
    var samples: [Double] = []
    for _ in 0..<max(1, repetitions) {
      let start = DispatchTime.now().uptimeNanoseconds
      body()
      samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let sorted = samples.sorted()
    return Result(
      name: name, flops: flops, bytes: bytes, threads: threads,
      medianSeconds: sorted[sorted.count / 2],
      samples: samples)
  }

  /// One 'valid' stride-1 convolution on random data:
  /// input (batch, height, width, inputChannels), kernel (k, k, inputChannels, filters).
  public static func convolution2D(
    name: String, batch: Int, height: Int, width: Int, inputChannels: Int, filters: Int,
    kernelSize: Int = 3,
    activation: FusedActivation = .relu, threads: Int, warmup: Int = 2, repetitions: Int = 7
  ) throws(KernelError) -> Result {
    let input = try randomTensor([batch, height, width, inputChannels], seed: 1)
    let kernel = try randomTensor(
      [kernelSize, kernelSize, inputChannels, filters], seed: 2, scale: 0.1)
    let bias = try randomTensor([filters], seed: 3)
    let weights = try PackedConvolutionWeights(kernel: kernel, bias: bias)
    let outputShape = [batch, height - kernelSize + 1, width - kernelSize + 1, filters]
    let macs = ConvolutionKernel.multiplyAccumulates(outputShape: outputShape, weights: weights)
    var failure: KernelError?
    // The output buffer is reused across runs, as a forward pass with a buffer pool would do; a fresh
    // 50 MB allocation per call would mostly time the kernel's page faults.
    var output = Tensor.empty
    let result = measure(
      name: name, flops: 2 * Double(macs),
      bytes: 4 * Double(input.count + outputShape.reduce(1, *) + weights.packed.count),
      threads: threads,
      warmup: warmup, repetitions: repetitions
    ) {
      do throws(KernelError) {
        try ConvolutionKernel.convolve(
          input, weights: weights, strides: [1, 1], dilations: [1, 1], padding: .valid(rank: 2),
          activation: activation, threads: threads, into: &output)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
    return result
  }

  /// The four convolutions of the seed article's models at 224x224x3 (3x3, 'valid', ReLU):
  /// 224 -> 222 (3->32), 222 -> 220 (32->32), max-pool to 110 -> 108 (32->64), 108 -> 106 (64->64).
  public static func seedModelConvolutions(batch: Int, threads: Int, repetitions: Int = 7)
    throws(KernelError)
    -> [Result]
  {
    let layers: [(String, Int, Int, Int)] = [
      ("conv2d   224x224  3->32", 224, 3, 32),
      ("conv2d_1 222x222 32->32", 222, 32, 32),
      ("conv2d_2 110x110 32->64", 110, 32, 64),
      ("conv2d_3 108x108 64->64", 108, 64, 64),
    ]
    var results: [Result] = []
    for (name, size, channels, filters) in layers {
      results.append(
        try convolution2D(
          name: "\(name) batch \(batch)", batch: batch, height: size, width: size,
          inputChannels: channels,
          filters: filters, threads: threads, repetitions: repetitions))
    }
    return results
  }

  /// The seed model's memory-bound steps: MaxPooling2D 2x2 on (222... -> 220, 32), BatchNormalization
  /// on (110, 110, 32), the Flatten head's Dense(64) on 179,776 inputs (a GEMV reading 46 MB of
  /// weights) and GlobalAveragePooling2D on (53, 53, 64). `scale` shrinks the spatial sizes (tests).
  public static func memoryBound(batch: Int, threads: Int, repetitions: Int = 7, scale: Int = 1)
    throws(KernelError) -> [Result]
  {
    let side = max(2, 220 / scale)
    let half = max(1, side / 2)
    var results: [Result] = []
    var failure: KernelError?

    // Outputs go into reused buffers (pooling `into:`, batch normalization in place), as a
    // forward pass with a buffer pool would run them.
    let pre = try randomTensor([batch, side, side, 32], seed: 4)
    var pooledOutput = Tensor.empty
    results.append(
      measure(
        name: "max_pooling2d \(side)x\(side)x32 batch \(batch)", flops: Double(pre.count),
        bytes: 4 * Double(pre.count + pre.count / 4), threads: threads, repetitions: repetitions
      ) {
        do throws(KernelError) {
          try PoolingKernel.pool(
            pre, mode: .max, poolSize: [2, 2], threads: threads, into: &pooledOutput)
        } catch { failure = error }
      })

    // gamma 1, beta 0, mean 0, variance 1 - epsilon: an exact identity, so repeating it in place
    // keeps the data (and its timing) unchanged.
    var pooled = try randomTensor([batch, half, half, 32], seed: 5)
    let ones = Tensor([Float](repeating: 1, count: 32))
    let zeros = Tensor([Float](repeating: 0, count: 32))
    let variance = Tensor([Float](repeating: 1 - 1e-3, count: 32))
    results.append(
      measure(
        name: "batch_normalization \(half)x\(half)x32 batch \(batch)",
        flops: 2 * Double(pooled.count),
        bytes: 8 * Double(pooled.count), threads: threads, repetitions: repetitions
      ) {
        do throws(KernelError) {
          try BatchNormalizationKernel.normalizeInPlace(
            &pooled, gamma: ones, beta: zeros, movingMean: zeros, movingVariance: variance,
            threads: threads)
        } catch { failure = error }
      })

    let features = max(64, 179_776 / (scale * scale))
    let flat = try randomTensor([batch, features], seed: 7)
    let dense = try PackedDenseWeights(kernel: randomTensor([features, 64], seed: 8, scale: 0.01))
    var denseOutput = Tensor.empty
    results.append(
      measure(
        name: "dense \(features)->64 batch \(batch)", flops: 2 * Double(batch * features * 64),
        bytes: 4 * Double(features * 64 + flat.count), threads: threads, repetitions: repetitions
      ) {
        do throws(KernelError) {
          try DenseKernel.apply(
            flat, weights: dense, activation: .relu, threads: threads, into: &denseOutput)
        } catch { failure = error }
      })

    let map = try randomTensor([batch, max(1, 53 / scale), max(1, 53 / scale), 64], seed: 9)
    results.append(
      measure(
        name: "global_average_pooling2d \(map.shape[1])x\(map.shape[2])x64 batch \(batch)",
        flops: Double(map.count), bytes: 4 * Double(map.count), threads: threads,
        repetitions: repetitions
      ) {
        do throws(KernelError) {
          _ = try GlobalPoolingKernel.pool(map, mode: .average, threads: threads)
        } catch { failure = error }
      })
    if let failure { throw failure }
    return results
  }

  /// Everything above as text: the build check, then per batch size and thread count the seed
  /// convolutions (with their combined GFLOP/s) and the memory-bound kernels.
  public static func report(
    batches: [Int] = [1, 8], threadCounts: [Int] = [1, 2], repetitions: Int = 7
  )
    throws(KernelError) -> String
  {
    var lines = [SIMDBuildCheck.report().description]
    for batch in batches {
      for threads in threadCounts {
        let convolutions = try seedModelConvolutions(
          batch: batch, threads: threads, repetitions: repetitions)
        lines += convolutions.map(\.description)
        let flops = convolutions.reduce(0) { $0 + $1.flops }
        let seconds = convolutions.reduce(0) { $0 + $1.medianSeconds }
        lines.append(
          "  all four convolutions, batch \(batch), \(threads) thread(s): \(format(seconds * 1e3, 2)) ms, "
            + "\(format(flops / seconds / 1e9, 1)) GFLOP/s")
        lines += try memoryBound(batch: batch, threads: threads, repetitions: repetitions).map(
          \.description)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Deterministic pseudo-random values in [-scale, scale) (a 64-bit LCG; no global RNG state).
  public static func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1)
    throws(KernelError) -> Tensor
  {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
    let count = try Tensor.elementCount(of: shape)
    var values = [Float](repeating: 0, count: count)
    for index in 0..<count {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      values[index] = (Float(state >> 40) / Float(1 << 24) * 2 - 1) * scale
    }
    return Tensor(validShape: shape, scalars: values)
  }

  private static func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }
}
