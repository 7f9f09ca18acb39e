import CNNKernels

extension ShapeTrace {
  /// Runs one forward pass of `model` and attaches to every step what its tensor held. The shapes
  /// never depend on it: a pass that cannot run (an input of unknown size, over the memory budget,
  /// a layer the engine cannot compute) leaves them as they are and records why in
  /// `measurement.failure`, so that a figure still shows the shape-only trace with a note.
  ///
  /// `weights` replaces the seeded initialisation (with `source` naming the file it came from),
  /// `input` the seeded uniform batch.
  public mutating func measure(
    _ model: KerasModel, seed: UInt64 = TraceMeasurement.defaultSeed, batch: Int = 1,
    weights: (weights: ModelWeights, source: String)? = nil, input given: Tensor? = nil,
    threads: Int? = nil
  ) {
    var measurement = TraceMeasurement(
      weights: weights.map { .loaded(file: $0.source) } ?? .initialized(seed: seed),
      inputSeed: given == nil ? seed : nil, batch: given?.shape.first ?? batch)
    defer { self.measurement = measurement }
    for index in steps.indices {
      steps[index].statistics = nil
      steps[index].seconds = nil
    }
    guard let first = steps.first, first.values != nil || given != nil else {
      measurement.failure =
        "the input shape \(steps.first.map { AnalysisFormat.sampleShape($0.outputShape) } ?? "?") has an unknown size, so there is nothing to feed a forward pass"
      return
    }
    let layers: [LayerMeasurement]
    let input: Tensor
    /// With several inputs: each input layer's seeded batch, by name.
    var inputBatches: [String: Tensor] = [:]
    let clock = ContinuousClock()
    let elapsed: Duration
    do {
      // Refused from shapes alone, before seeded weights of a model too big to run are drawn; the
      // message is ours because the pass's own advises command-line options a page does not have.
      let estimate = try ForwardPass.estimate(model: model, batch: given?.shape.first ?? batch)
      let budget = ForwardPass.defaultMemoryBudget
      if estimate.totalBytes > budget {
        measurement.failure =
          "a forward pass would need an estimated \(MemoryEstimate.format(estimate.totalBytes)) (\(estimate)), more than the memory budget of \(MemoryEstimate.format(budget))"
        return
      }
      let modelWeights = try weights?.weights ?? ModelWeights.initialized(for: model, seed: seed)
      // Timings and shapes: the engine changes no shape, Eigen's kernels stand for TensorFlow.
      let pass =
        threads.map {
          ForwardPass(model: model, weights: modelWeights, threads: $0, engine: .eigen)
        } ?? ForwardPass(model: model, weights: modelWeights, engine: .eigen)
      input = given ?? SeededInput.batch(for: model, batch: batch, seed: seed)
      let start = clock.now
      if given == nil, (model.inputShapeList?.count ?? 1) > 1 {
        // A graph with several inputs: each gets a seeded batch of its own.
        let batches = SeededInput.batches(for: model, batch: batch, seed: seed)
        for (tensor, batch) in zip(model.graph?.inputs ?? [], batches) {
          inputBatches[tensor.producer.name] = batch
        }
        layers = try pass.measure(inputs: batches).layers
      } else {
        layers = try pass.measure(input).layers
      }
      elapsed = clock.now - start
    } catch {
      measurement.failure = "\(error)"
      return
    }
    measurement.seconds = Self.seconds(elapsed)
    // The input's rows (a functional model's summary lists its InputLayer as a layer too),
    // summarised as the pass summarises every layer's output.
    let inputStatistics = ActivationStatistics.summarizing(
      input, threads: threads ?? KernelParallelism.defaultThreadCount)
    // A layer called several times: every call's outputs, the time of all its calls.
    var byName: [String: LayerMeasurement] = [:]
    for layer in layers {
      guard var earlier = byName[layer.layerName] else {
        byName[layer.layerName] = layer
        continue
      }
      earlier.statistics =
        ActivationStatistics.combining([
          (earlier.statistics, earlier.values), (layer.statistics, layer.values),
        ]) ?? earlier.statistics
      earlier.seconds += layer.seconds
      earlier.values += layer.values
      byName[layer.layerName] = earlier
    }
    for index in steps.indices {
      if steps[index].isInput {
        steps[index].statistics =
          inputBatches[steps[index].name].map {
            ActivationStatistics.summarizing(
              $0, threads: threads ?? KernelParallelism.defaultThreadCount)
          } ?? inputStatistics
        continue
      }
      if let layer = byName[steps[index].name] {
        steps[index].statistics = layer.statistics
        steps[index].seconds = layer.seconds
      } else if let nested = model.layers.first(where: { $0.name == steps[index].name })?.model {
        // A nested model's row: its outputs (all of them), the time of all its layers.
        let inner = nested.flattenedLayers.filter { !$0.isInputLayer }.compactMap {
          byName[$0.name]
        }
        let outputs = Self.outputLayerNames(of: nested).compactMap { byName[$0] }
        steps[index].statistics = ActivationStatistics.combining(
          outputs.map { ($0.statistics, $0.values) })
        steps[index].seconds = inner.isEmpty ? nil : inner.reduce(0) { $0 + $1.seconds }
      }
    }
  }

  /// The names of the layers that compute a model's outputs (inside nested models, the layers
  /// computing theirs), each once, in output order.
  static func outputLayerNames(of model: KerasModel) -> [String] {
    let producers: [LayerInstance]
    if let graph = model.graph {
      producers = graph.outputs.map(\.producer)
    } else {
      producers = model.layers.last(where: { !$0.isInputLayer }).map { [$0] } ?? []
    }
    var names: [String] = []
    for producer in producers where !producer.isInputLayer {
      for name in producer.model.map(outputLayerNames(of:)) ?? [producer.name]
      where !names.contains(name) {
        names.append(name)
      }
    }
    return names
  }

  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// Seconds of the layers in the pass (the input's step takes none).
  public var measuredSeconds: Double? {
    guard isMeasured else { return nil }
    return steps.compactMap(\.seconds).reduce(0, +)
  }
}
