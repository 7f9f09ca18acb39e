import CNNEngine
import Dispatch
import Foundation

/// `convbook bench`: times the forward pass of models on a seeded batch with seeded weights:
/// `warmups` untimed runs (they pack the weights and size the buffers), then the median of
/// `runs` timed ones. GFLOP/s counts 2 FLOP per multiply-accumulate of the model summary's rows;
/// peak memory is measured, not estimated (see `PeakMemory.method`).
public struct ForwardBenchmark {
  public var batch: Int
  public var threads: Int
  public var runs: Int
  public var warmups: Int
  public var seed: UInt64
  public var memoryBudget: Int

  /// The most timed or warm-up runs per model: a million passes of even a one-layer model take
  /// minutes, and a larger count (`--runs 9223372036854775807`) would run until killed, so it is
  /// refused before anything runs.
  public static let maximumRuns = 1_000_000

  public init(
    batch: Int = 1, threads: Int = KernelParallelism.defaultThreadCount, runs: Int = 10,
    warmups: Int = 2, seed: UInt64 = 0, memoryBudget: Int = ForwardPass.defaultMemoryBudget
  ) {
    self.batch = batch
    self.threads = threads
    self.runs = runs
    self.warmups = warmups
    self.seed = seed
    self.memoryBudget = memoryBudget
  }

  public struct Measurement: Sendable {
    public var name: String
    public var batch: Int
    public var threads: Int
    /// Seconds of each timed run, in order.
    public var samples: [Double]
    /// Multiply-accumulates of one batch.
    public var multiplyAccumulates: Int
    /// Peak resident bytes while the model's weights were made and its passes ran.
    public var peakBytes: Int?

    public var medianSeconds: Double {
      let sorted = samples.sorted()
      guard !sorted.isEmpty else { return 0 }
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public var gflops: Double {
      medianSeconds > 0 ? 2 * Double(multiplyAccumulates) / medianSeconds / 1e9 : 0
    }
  }

  public func run(_ models: [KerasModel]) throws(ForwardCommandError) -> [Measurement] {
    guard batch >= 1 else { throw .usage("--batch must be at least 1, got \(batch)") }
    guard runs >= 1 else { throw .usage("--runs must be at least 1, got \(runs)") }
    guard runs <= Self.maximumRuns, (0...Self.maximumRuns).contains(warmups) else {
      throw .usage(
        "--runs and --warmups must be at most \(Self.maximumRuns) (and --warmups at least 0), got \(runs) and \(warmups)"
      )
    }
    guard threads >= 1 else { throw .usage("--threads must be at least 1, got \(threads)") }
    var measurements: [Measurement] = []
    for model in models {
      measurements.append(try measure(model))
    }
    return measurements
  }

  private func measure(_ model: KerasModel) throws(ForwardCommandError) -> Measurement {
    do {
      let summary = try model.summary()
      // The weights go straight into the pass, which frees them as it packs them.
      var estimate = try ForwardPass.estimate(model: model, batch: batch)
      estimate.weightsReleased = true
      try ForwardPass.check(estimate, budget: memoryBudget, model: model, batch: batch)
      let (multiplyAccumulates, overflow) = summary.totalMultiplyAccumulates
        .multipliedReportingOverflow(by: batch)
      if overflow {
        throw ForwardCommandError.input(
          "the multiply-accumulates of model \"\(model.name)\" at batch \(batch) overflow 64-bit integers"
        )
      }
      PeakMemory.resetPeak()
      let input = SeededInput.batch(for: model, batch: batch, seed: seed)
      let pass = ForwardPass(
        model: model,
        weights: try ModelWeights.initialized(for: model, seed: seed, memoryBudget: memoryBudget),
        threads: threads, memoryBudget: memoryBudget, releasesWeights: true, engine: .eigen)
      for _ in 0..<warmups { _ = try pass.run(input) }
      var samples: [Double] = []
      for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try pass.run(input)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      }
      return Measurement(
        name: model.name, batch: batch, threads: threads, samples: samples,
        multiplyAccumulates: multiplyAccumulates,
        peakBytes: PeakMemory.peak())
    } catch let error as ForwardCommandError {
      throw error
    } catch let error as ForwardError {
      throw .input(error.message)
    } catch let error as KerasError {
      throw .input(error.message)
    } catch {
      throw .input("\(error)")
    }
  }

  /// A loud warning when the kernels were compiled without their SIMD fast path (or unoptimized),
  /// so that slow numbers are never reported as if they were the engine's.
  public static func buildWarning(_ check: SIMDBuildCheck.Report) -> String? {
    if !check.isVectorized {
      return """
        WARNING: SLOW PATH BUILD. The SIMD kernels were compiled without AVX2/FMA code generation \
        (\(check)). Timings from this binary are ~100x too slow and do not describe ConvBook; \
        build with `swift build -c release` (Package.swift passes -Xcc -march=x86-64-v3).
        """
    }
    if !check.optimizedBuild {
      return """
        WARNING: DEBUG BUILD. Timings from an unoptimized binary are far slower than ConvBook's; \
        benchmark a release build: swift build -c release --product convbook
        """
    }
    return nil
  }

  /// A table for the terminal.
  public static func text(_ measurements: [Measurement], check: SIMDBuildCheck.Report) -> String {
    var lines = [check.description]
    if let warning = buildWarning(check) { lines.append(warning) }
    let header = [
      "model", "batch", "threads", "median ms", "images/s", "GFLOP/s", "peak memory",
    ]
    var rows: [[String]] = [header]
    for m in measurements {
      rows.append([
        m.name, String(m.batch), String(m.threads), String(format: "%.2f", m.medianSeconds * 1e3),
        String(format: "%.1f", Double(m.batch) / max(m.medianSeconds, 1e-12)),
        String(format: "%.1f", m.gflops),
        m.peakBytes.map { MemoryEstimate.format($0) } ?? "unknown",
      ])
    }
    let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
      let cells = row.enumerated().map { column, cell in
        column == 0
          ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[column] - cell.count) + cell
      }
      lines.append(cells.joined(separator: "  "))
    }
    lines.append(
      "median of the timed runs after warm-up; GFLOP/s = 2 x the summary's multiply-accumulates / median (Winograd 3x3 convolutions do fewer FMAs, so this can exceed the FMA peak); peak memory: \(PeakMemory.method)"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"models": [{"name": ..., "batch": N, "median_ms": ..., "gflops": ..., "peak_bytes": ...}]}`
  /// plus the thread count, the timed runs and the SIMD build check.
  public static func json(_ measurements: [Measurement], check: SIMDBuildCheck.Report) -> JSONValue
  {
    .object([
      (
        "models",
        .array(
          measurements.map { m in
            .object([
              ("name", .string(m.name)), ("batch", .int(m.batch)),
              ("median_ms", .double(m.medianSeconds * 1e3)), ("gflops", .double(m.gflops)),
              ("peak_bytes", m.peakBytes.map(JSONValue.int) ?? .null),
              ("threads", .int(m.threads)), ("runs", .int(m.samples.count)),
              ("multiply_accumulates", .int(m.multiplyAccumulates)),
            ])
          })
      ),
      ("simd_fast_path", .bool(check.isVectorized && check.optimizedBuild)),
      ("simd_build_check", .string(check.description)),
      ("peak_memory_method", .string(PeakMemory.method)),
    ])
  }
}
