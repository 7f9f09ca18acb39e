import CNNEngine

/// tf-keras' answer to a functional model with several inputs called on fewer tensors: its graph
/// runs with the tensors it was given zipped with its inputs, and the first of its outputs that
/// needs a missing input fails (`AssertionError: Could not compute output ...`, naming the output's
/// TensorFlow op). More tensors than inputs are accepted: the extra ones are never read.
enum ModelInputCount {
  /// The error of calling `model` (several inputs) on `given` tensors, fewer than it takes; nil
  /// when the call is fine (enough tensors) or ConvBook cannot name the output tf-keras names.
  static func tfKerasError(
    _ model: KerasModel, given: [KerasTensor], asList: Bool, training: Value?,
    range: SourceRange
  ) -> CellError? {
    guard let graph = model.graph, given.count < graph.inputs.count else { return nil }
    let missing = Set(graph.inputs.dropFirst(given.count).map { ObjectIdentifier($0.node) })
    guard let output = graph.outputs.first(where: { reaches($0, missing) }),
      let name = TFKerasTensorNames.name(of: output)
    else { return nil }
    let description =
      "KerasTensor(type_spec=TensorSpec(shape=\(output.shape), dtype=tf.\(output.dtypeName), name=None), name='\(name)', description=\"created by layer '\(output.producer.name)'\")"
    let tensors = given.map { "tf.Tensor(shape=\($0.shape), dtype=float32)" }
    let inputs =
      asList ? "[" + tensors.map { "'\($0)'" }.joined(separator: ", ") + "]" : tensors[0]
    let trainingText = training.map { PythonText.str($0) } ?? "None"
    return CellError(
      type: "AssertionError",
      message: """
        Exception encountered when calling layer "\(model.name)" (type Functional).

        Could not compute output \(description)

        Call arguments received by layer "\(model.name)" (type Functional):
          • inputs=\(inputs)
          • training=\(trainingText)
          • mask=None
        """,
      range: range)
  }

  /// Whether `tensor` depends on one of the input nodes `inputs`.
  private static func reaches(_ tensor: KerasTensor, _ inputs: Set<ObjectIdentifier>) -> Bool {
    var seen: Set<ObjectIdentifier> = []
    var pending = [tensor.node]
    while let node = pending.popLast() {
      guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
      if inputs.contains(ObjectIdentifier(node)) { return true }
      pending += node.inputs.map(\.node)
    }
    return false
  }
}
