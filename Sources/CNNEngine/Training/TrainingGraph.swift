/// What `Trainer` runs: the model's calls unrolled over numbered values (`ForwardGraph`: nested
/// models replaced by their calls, a shared layer once per call), each call either a
/// `TrainingStep` (a layer on one tensor; a shared layer has one step and one set of variables)
/// or a `MergeTraining` (a layer on a list). A chain is the graph whose call k reads value k.
///
/// The backward pass walks the calls in reverse: the gradient of a value is the sum of what its
/// readers send back (a tensor read twice, a layer called twice), and a step adds its variables'
/// gradients to what earlier calls of the same layer left there.
struct TrainingGraph {
  enum Node {
    /// Index into `steps`.
    case layer(Int)
    case merge(MergeTraining)
  }

  struct Call {
    let node: Node
    let inputs: [Int]
    /// Every output (several for a recurrent layer's `return_state=True` or
    /// `Bidirectional(merge_mode=None)`), the first being `output`.
    let outputs: [Int]
    /// Whether the call runs through `TrainingStep.forwardSeveral` (several outputs, or initial
    /// states beside its input).
    let isSeveral: Bool

    var output: Int { outputs[0] }

    init(node: Node, inputs: [Int], output: Int) {
      self.init(node: node, inputs: inputs, outputs: [output], isSeveral: false)
    }

    init(node: Node, inputs: [Int], outputs: [Int], isSeveral: Bool) {
      self.node = node
      self.inputs = inputs
      self.outputs = outputs
      self.isSeveral = isSeveral
    }
  }

  /// What a call's forward pass kept for its backward pass.
  enum Kept {
    case layer(TrainingStep.Saved)
    case merge([Tensor], outputShape: [Int])
  }

  let program: ForwardGraph
  /// One per layer on one tensor, in first-call order.
  var steps: [TrainingStep] = []
  let stepInstances: [LayerInstance]
  let calls: [Call]
  /// Per call: how many calls read its output, plus one per model output it is.
  let readers: [Int]
  /// The values of the losses `model.add_loss(tensor)` added (the outputs of their `AddLoss`
  /// calls), which join the total loss.
  let addedLosses: [Int]

  init(model: KerasModel) throws(TrainingError) {
    do {
      program = try ForwardGraph(model: model)
    } catch {
      throw TrainingError(.model, error.message)
    }
    // A `tf.split` trains as one slice per piece, a `Lambda` returning several tensors as one
    // call per tensor (each its own call, below); the recurrent layers take initial states and
    // return their final states.
    if let call = program.calls.first(where: {
      $0.isMultiOutput && !($0.instance.layer is TensorSplit) && !($0.instance.layer is Lambda)
        && !($0.instance.layer is Recurrent || $0.instance.layer is Bidirectional)
    }) {
      throw TrainingError(
        .model,
        "ConvBook cannot train a model with a layer call that returns several tensors or takes initial states yet (layer \"\(call.instance.name)\")"
      )
    }
    var stepIndex: [ObjectIdentifier: Int] = [:]
    var merges: [ObjectIdentifier: MergeTraining] = [:]
    var instances: [LayerInstance] = []
    for instance in program.layers {
      if let split = instance.layer as? TensorSplit, split.slices.count > 1 { continue }
      if instance.layer is any MultiInputLayer {
        merges[ObjectIdentifier(instance)] = try MergeTraining(instance: instance)
      } else {
        stepIndex[ObjectIdentifier(instance)] = steps.count
        steps.append(try TrainingStep(instance: instance))
        instances.append(instance)
      }
    }
    stepInstances = instances
    var calls: [Call] = []
    for call in program.calls {
      if let split = call.instance.layer as? TensorSplit, call.outputs.count > 1 {
        for (slice, output) in zip(split.slices, call.outputs) {
          let piece = try MergeTraining(piece: slice, of: call.instance)
          calls.append(Call(node: .merge(piece), inputs: call.inputs, output: output))
        }
        continue
      }
      if call.instance.layer is Lambda, call.outputs.count > 1 {
        for (index, output) in call.outputs.enumerated() {
          let piece = try MergeTraining(lambdaOutput: index, of: call.instance)
          calls.append(Call(node: .merge(piece), inputs: call.inputs, output: output))
        }
        continue
      }
      let key = ObjectIdentifier(call.instance)
      let node: Node = merges[key].map { .merge($0) } ?? .layer(stepIndex[key]!)
      calls.append(
        Call(
          node: node, inputs: call.inputs, outputs: call.outputs,
          isSeveral: call.isMultiOutput && !(call.instance.layer is TensorSplit)))
    }
    self.calls = calls
    // Keras weights the loss of an output that carries a mask by that mask; ConvBook's losses
    // read no masks, so such a model is refused rather than trained on another loss.
    var masked = [Bool](repeating: false, count: program.valueCount)
    for call in calls {
      guard case .layer(let s) = call.node else { continue }
      let input = masked[call.inputs[0]]
      switch steps[s].maskEffect {
      case .carry: masked[call.output] = input
      case .drop: masked[call.output] = false
      case .own:
        if case .recurrent(let recurrent) = steps[s].operation {
          masked[call.output] = input && recurrent.returnsSequences
        } else {
          masked[call.output] = true
        }
      }
    }
    for output in program.outputs where masked[output] {
      var name: String?
      if let call = calls.last(where: { $0.output == output }), case .layer(let s) = call.node {
        name = steps[s].name
      }
      throw TrainingError(
        .model,
        "ConvBook cannot train a model whose output carries a Keras mask (from Embedding(mask_zero=True) or Masking) yet: Keras masks the loss with it (layer \"\(name ?? "")\")"
      )
    }
    addedLosses = program.calls.compactMap { call in
      (call.instance.layer as? TensorFunctionLayer)?.tfKerasClassName == "AddLoss"
        ? call.outputs.first : nil
    }
    var counts = [Int](repeating: 0, count: program.valueCount)
    for call in program.calls { for input in call.inputs { counts[input] += 1 } }
    for output in program.outputs { counts[output] += 1 }
    readers = counts
  }

  /// The call that computes `value`, if a call does (not a model input).
  func producer(of value: Int) -> Int? {
    calls.firstIndex { $0.output == value }
  }

  /// The concrete shape of every value for inputs of `inputShapes`.
  func shapes(inputShapes: [[Int]]) throws(TrainingError) -> [[Int]] {
    do {
      return try program.shapes(inputShapes: inputShapes)
    } catch {
      throw TrainingError(.data, error.message)
    }
  }

  /// Adds `gradient` to what `value` has received so far.
  static func accumulate(_ gradient: [Float], into total: inout [Float]?) {
    guard var sum = total else {
      total = gradient
      return
    }
    total = nil
    for i in sum.indices { sum[i] += gradient[i] }
    total = sum
  }
}
