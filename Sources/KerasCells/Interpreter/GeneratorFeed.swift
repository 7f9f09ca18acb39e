import CNNEngine

/// A Python generator object given to `fit`, `evaluate` or `predict` (`def gen(): while True:
/// yield x, y` ... `model.fit(gen(), steps_per_epoch=...)`), read as both Keras' generator
/// adapters read one: batches in the order the generator yields them, `steps` of them an epoch,
/// the epochs continuing the same generator (tf-keras' `GeneratorDataAdapter` keeps its iterator,
/// Keras 3's epoch iterator keeps its own when `steps_per_epoch` is given). tf-keras takes a list
/// as a tuple and a lone array as `(x,)`; Keras 3 wants a tuple from the first batch on.
///
/// Both Kerases read the generator through a prefetching `tf.data` pipeline, on a thread of its
/// own: how many batches it reads past the last one used changes from run to run (measured: a fit
/// of 3 steps x 2 epochs read 7 batches, an evaluate of 3 steps 4 or 5). So the generator cannot
/// be read again afterwards (`PythonGenerator.readAheadBy`), a generator that prints while it is
/// read is refused (its lines fall among the progress lines by the thread's timing), and
/// NumPy's and Python's global random generators lose their seeds when the generator drew from
/// them (Keras drew for batches it never used).
final class GeneratorFeed: EpochFeed {
  let generator: PythonGenerator
  let steps: Int
  let function: String
  private var batchesRead = 0
  private var drewNumPy = false
  private var drewPython = false

  init(_ generator: PythonGenerator, steps: Int, function: String) {
    self.generator = generator
    self.steps = steps
    self.function = function
  }

  /// The generator in `value`, or nil when it is none.
  static func generator(_ value: Value?) -> PythonGenerator? {
    if case .standard(let generator as PythonGenerator)? = value { return generator }
    return nil
  }

  func epoch(interpreter: Interpreter, range: SourceRange) throws(CellError) -> DatasetFeed.Epoch {
    let keras3 = interpreter.kerasVersion == .keras3
    if batchesRead == 0, let reader = generator.readAheadBy {
      throw PythonGenerator.readAheadRefusal(reader, range: range)
    }
    // Its own later epochs continue where Keras' iterator stands.
    generator.readAheadBy = nil
    defer { generator.readAheadBy = function }
    let mark = interpreter.outputMark
    let numpyDraws = interpreter.session.numpyRandom.draws
    let pythonDraws = interpreter.session.pythonRandom.draws
    let objectCalls = interpreter.session.randomObjectCalls
    var xs: [Value] = []
    var ys: [Value] = []
    for _ in 0..<steps {
      let item: Value?
      do {
        item = try generator.next(interpreter: interpreter, range: range)
      } catch {
        // ConvBook's own refusals stand, and what the first batches raise reaches the script as
        // it was raised (Keras reads them itself); later ones come out of TensorFlow's pipeline
        // in its words.
        guard let type = error.type, batchesRead >= (keras3 ? 2 : 1) else { throw error }
        throw .unsupported(
          "the generator raised \(type) while Keras' \(function) read it through tf.data, whose error ConvBook does not reproduce",
          at: range)
      }
      guard let item else {
        if batchesRead == 0, keras3 {
          throw CellError(
            type: "ValueError",
            message:
              "When passing a Python generator to a Keras model, the generator must yield at least one batch. Received an empty generator.",
            range: range)
        }
        throw .unsupported(
          "the generator ended after \(batchesRead) batches, before the \(steps) steps of an epoch; Keras would warn and stop here, which ConvBook does not do",
          at: range)
      }
      var batch = item
      if keras3 {
        if batchesRead == 0, case .tuple = item {
        } else if batchesRead == 0 {
          throw CellError(
            type: "ValueError",
            message:
              "When passing a Python generator to a Keras model, the generator must return a tuple, either (input,) or (inputs, targets) or (inputs, targets, sample_weights). Received: \(PythonText.str(item))",
            range: range)
        } else if case .tuple = item {
        } else {
          throw .unsupported(
            "ConvBook takes a generator's batches as tuples (x, y) or (x,), not \(item.typeName)",
            at: range)
        }
      } else if case .list(let items) = item {
        // tf-keras' `unpack_x_y_sample_weight` takes a list as a tuple.
        batch = .tuple(items.items)
      }
      batchesRead += 1
      let (x, y) = try DatasetFeed.split(batch, range: range)
      xs.append(try SequenceFeed.arrays(x, range: range, interpreter: interpreter))
      if let y { ys.append(try SequenceFeed.arrays(y, range: range, interpreter: interpreter)) }
      try interpreter.budget.tick(at: range)
    }
    let current = interpreter.outputMark
    if current.writes != mark.writes || current.count != mark.count {
      throw .unsupported(
        "the generator printed while Keras' \(function) read it; Keras reads it on a thread of its own, so its lines fall among the progress lines as the timing goes, which ConvBook cannot reproduce",
        at: range)
    }
    if interpreter.session.randomObjectCalls != objectCalls {
      throw .unsupported(
        "the generator draws from a NumPy random generator object while Keras' \(function) reads it; Keras' pipeline also draws for the batches it reads ahead, a number that changes from run to run, which ConvBook cannot follow",
        at: range)
    }
    drewNumPy = drewNumPy || interpreter.session.numpyRandom.draws != numpyDraws
    drewPython = drewPython || interpreter.session.pythonRandom.draws != pythonDraws
    guard ys.isEmpty || ys.count == xs.count else {
      throw .unsupported(
        "ConvBook \(function)s on a generator whose batches all hold targets or none", at: range)
    }
    let sizes = xs.map { TFDataset.leaves($0).first?.shape.first ?? 0 }
    guard let batchSize = sizes.first, batchSize >= 1,
      sizes.dropLast().allSatisfy({ $0 == batchSize }), (sizes.last ?? 0) <= batchSize
    else {
      throw .unsupported(
        "ConvBook \(function)s on batches of one size, a smaller one only last; this generator gives batches of \(sizes.map(String.init).joined(separator: ", ")) samples",
        at: range)
    }
    return DatasetFeed.Epoch(
      x: try DatasetFeed.join(xs, range: range, budget: interpreter.budget),
      y: ys.isEmpty ? nil : try DatasetFeed.join(ys, range: range, budget: interpreter.budget),
      batchSize: batchSize, steps: xs.count, shuffled: false)
  }

  /// Keras' pipeline drew for the batches it read ahead, too: NumPy's and Python's global
  /// generators stand where they stand after a number of draws that changes from run to run.
  func finish(interpreter: Interpreter, range: SourceRange) throws(CellError) {
    if drewNumPy { interpreter.session.numpyRandom.forgetSeed() }
    if drewPython { interpreter.session.pythonRandom.forgetSeed() }
  }
}
