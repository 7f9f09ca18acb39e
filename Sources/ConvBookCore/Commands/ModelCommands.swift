import CNNEngine
import KerasCells

/// The logic of the commands that read one lesson or script and report on its models (`summary`,
/// `trace`, `adjacency`, `compare`, `scaling`, `bench`): each takes the loaded file and the
/// command's options and returns what to print, or a `CommandError`.
public enum ModelCommands {
  /// The models `names` select in `loaded` (every model when empty). A name that matches nothing in a
  /// file without errors is a usage error; anything else wrong with the file an input error, after
  /// its diagnostics.
  public static func selectModels(_ loaded: ModelFile, names: [String]) throws(CommandError)
    -> [KerasModel]
  {
    do {
      return try FigureModelSelection.select(loaded, names: names)
    } catch {
      if case .unknown = error, loaded.diagnostics.isEmpty {
        throw .usage(error.description, diagnostics: loaded.diagnostics)
      }
      throw .input(error.description, diagnostics: loaded.diagnostics)
    }
  }

  /// `convbook summary`: Keras' `model.summary()` of the models, as text or JSON.
  public static func summary(
    _ loaded: ModelFile, model: String?, json: Bool, footer: SummaryFooterStyle
  ) throws(CommandError) -> CommandReport {
    let version = loaded.session.kerasVersion
    let models = loaded.models(named: model)
    if let model, models.isEmpty, loaded.diagnostics.isEmpty {
      throw .usage(loaded.unknownModelMessage(model))
    }
    if json {
      // The diagnostics are part of the JSON; a script's printed text too (`convbook run`'s).
      var report = SummaryReport.json(
        models, diagnostics: loaded.diagnostics, kerasVersion: version)
      if loaded.isScript, case .object(let fields) = report {
        let format = SummaryFormat(kerasVersion: version, footer: footer)
        report = .object(
          fields + [("output", .string(loaded.outputs.map { $0.text(format: format) }.joined()))])
      }
      return CommandReport(
        output: report.serialized(pretty: true) + "\n",
        diagnostics: [], failed: !loaded.diagnostics.isEmpty)
    }
    let format = SummaryFormat(kerasVersion: version, footer: footer, console: .standardOutput())
    // Names in the text are escaped (`SummaryReport`); the styles are Keras 3's own.
    let (text, errors) = SummaryReport.text(models, format: format)
    return CommandReport(
      output: text, outputIsStyled: true, diagnostics: loaded.diagnostics, failures: errors)
  }

  /// `convbook trace`: every layer's shapes, counts and (unless `statistics` is false) what a
  /// forward pass put there.
  public static func trace(_ loaded: ModelFile, model: String?, json: Bool, statistics: Bool)
    throws(CommandError) -> CommandReport
  {
    let models = try selectModels(loaded, names: model.map { [$0] } ?? [])
    var traces: [ShapeTrace] = []
    var failures: [String] = []
    for model in models {
      do {
        var trace = try ShapeTrace(model: model)
        // A script's `tf.random.set_seed(n)` / `np.random.seed(n)` seeds the weights, as in Keras.
        if statistics {
          trace.measure(
            model, seed: loaded.session.randomSeed ?? TraceMeasurement.defaultSeed)
        }
        traces.append(trace)
      } catch {
        failures.append(error.description)
      }
    }
    let output =
      json
      ? JSONValue.array(traces.map(TraceReport.json))
        .taggedWithKerasVersion(loaded.session.kerasVersion).serialized(pretty: true) + "\n"
      : traces.map(TraceReport.text).joined(separator: "\n")
    return CommandReport(output: output, diagnostics: loaded.diagnostics, failures: failures)
  }

  /// `convbook adjacency`: where neighbouring positions land when Flatten makes a vector.
  public static func adjacency(_ loaded: ModelFile, model: String?, json: Bool)
    throws(CommandError) -> CommandReport
  {
    let models = try selectModels(loaded, names: model.map { [$0] } ?? [])
    var results: [FlatteningAdjacency] = []
    var failures: [String] = []
    for candidate in models {
      do {
        results.append(try FlatteningAdjacency(model: candidate))
      } catch {
        // Without --model, models that never flatten are simply not part of the answer.
        if case .noFlatten = error, model == nil, models.count > 1 { continue }
        failures.append(error.description)
      }
    }
    if results.isEmpty && failures.isEmpty {
      failures.append("no model in \(loaded.path) has a Flatten layer")
    }
    let output =
      json
      ? JSONValue.array(results.map(AdjacencyReport.json))
        .taggedWithKerasVersion(loaded.session.kerasVersion).serialized(pretty: true) + "\n"
      : results.map(AdjacencyReport.text).joined(separator: "\n")
    return CommandReport(output: output, diagnostics: loaded.diagnostics, failures: failures)
  }

  /// `convbook compare`: at least two models side by side.
  public static func compare(_ loaded: ModelFile, models: [String], json: Bool)
    throws(CommandError) -> CommandReport
  {
    let selected = try selectModels(loaded, names: models)
    guard selected.count >= 2 else {
      if !models.isEmpty {
        throw .usage(
          "compare needs at least two models; name two with --model",
          diagnostics: loaded.diagnostics)
      }
      throw .input(
        "compare needs at least two models; \(loaded.path) defines only \(selected[0].name)",
        diagnostics: loaded.diagnostics)
    }
    let comparison: ModelComparison
    do {
      comparison = try ModelComparison(models: selected)
    } catch {
      throw .input(error.description, diagnostics: loaded.diagnostics)
    }
    let output =
      json
      ? ComparisonReport.json(comparison)
        .taggedWithKerasVersion(loaded.session.kerasVersion).serialized(pretty: true) + "\n"
      : ComparisonReport.text(comparison)
    return CommandReport(output: output, diagnostics: loaded.diagnostics)
  }

  /// `convbook scaling`: parameters and MACs of the models on square inputs of `sizes`.
  public static func scaling(_ loaded: ModelFile, models: [String], sizes: [Int], json: Bool)
    throws(CommandError) -> CommandReport
  {
    let selected = try selectModels(loaded, names: models)
    let scaling: ParameterScaling
    do {
      scaling = try ParameterScaling(models: selected, sizes: sizes)
    } catch {
      throw .input(error.description, diagnostics: loaded.diagnostics)
    }
    let output =
      json
      ? ScalingReport.json(scaling)
        .taggedWithKerasVersion(loaded.session.kerasVersion).serialized(pretty: true) + "\n"
      : ScalingReport.text(scaling)
    return CommandReport(output: output, diagnostics: loaded.diagnostics)
  }

  /// The side lengths `convbook scaling` replays by default.
  public static var defaultScalingSizes: [Int] { ParameterScaling.defaultSizes }

  /// The SIMD build check of `convbook bench`, and its warning when the fast path is missing.
  public static func benchmarkBuildCheck() -> (check: SIMDBuildCheck.Report, warning: String?) {
    let check = SIMDBuildCheck.report()
    return (check, ForwardBenchmark.buildWarning(check))
  }

  /// `convbook bench`: the forward pass of the models, timed. A file with errors is refused.
  public static func bench(
    _ loaded: ModelFile, models: [String], benchmark: ForwardBenchmark,
    check: SIMDBuildCheck.Report, json: Bool
  ) throws(CommandError) -> CommandReport {
    if !loaded.diagnostics.isEmpty {
      throw .input(
        "\(loaded.path) has errors; fix them before timing its models",
        diagnostics: loaded.diagnostics)
    }
    let selected = try selectModels(loaded, names: models)
    let measurements: [ForwardBenchmark.Measurement]
    do {
      measurements = try benchmark.run(selected)
    } catch {
      throw CommandError(error.message, isUsageError: error.isUsageError)
    }
    let output =
      json
      ? ForwardBenchmark.json(measurements, check: check)
        .taggedWithKerasVersion(loaded.session.kerasVersion).serialized(pretty: true) + "\n"
      : ForwardBenchmark.text(measurements, check: check)
    return CommandReport(output: output, diagnostics: [])
  }
}
