import Foundation
import Testing

@testable import CNNEngine
@testable import CNNKernels

@Suite("Kernel benchmark")
struct KernelBenchmarkTests {
  @Test("measures a small convolution and reports consistent figures")
  func smallRun() throws {
    let result = try KernelBenchmark.convolution2D(
      name: "tiny", batch: 1, height: 10, width: 12, inputChannels: 3, filters: 8, threads: 1,
      warmup: 0,
      repetitions: 3)
    #expect(result.samples.count == 3)
    #expect(result.flops == 2 * 8 * 10 * 8 * 27)
    #expect(result.medianSeconds > 0 && result.gflops > 0)
    #expect(result.description.contains("GFLOP/s"))
    let suite = try KernelBenchmark.memoryBound(batch: 1, threads: 1, repetitions: 1, scale: 8)
    #expect(suite.count == 4)
  }

  /// The real measurement, for `CNNENGINE_BENCHMARK=1 swift test -c release --filter KernelBenchmark`:
  /// prints the seed model's convolutions at batch 1 and 8 on 1 and 2 threads.
  @Test("seed model benchmark (opt-in with CNNENGINE_BENCHMARK=1)")
  func seedModel() throws {
    guard ProcessInfo.processInfo.environment["CNNENGINE_BENCHMARK"] == "1" else { return }
    print(SIMDBuildCheck.report())
    print(try KernelBenchmark.report(batches: [1, 8], threadCounts: [1, 2]))
  }
}
