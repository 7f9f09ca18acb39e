import CNNKernels

extension ForwardStep {
  /// A call that returns several tensors or takes states beside its input (a recurrent layer with
  /// `return_state=True`, `initial_state=`, or `Bidirectional(merge_mode=None)`): `inputs` are the
  /// input then the states; returns the call's outputs in Keras' order, each checked against
  /// `outputShapes`, and the mask of the first.
  func runSeveral(
    _ inputs: [Tensor], mask: [Bool]?, outputShapes: [[Int]], threads: Int
  ) throws(ForwardError) -> (outputs: [Tensor], mask: [Bool]?) {
    guard case .recurrent(let step) = operation else {
      throw ForwardError(
        .model, "ConvBook's forward pass does not run layer \"\(name)\" with several outputs")
    }
    let outputs: [Tensor]
    do {
      outputs = try step.runSeveral(
        inputs[0], states: Array(inputs.dropFirst()), mask: mask, threads: threads)
    } catch {
      throw ForwardError(.kernel, "layer \"\(name)\": \(error.message)")
    }
    guard outputs.map(\.shape) == outputShapes else {
      throw ForwardError(
        .kernel,
        "layer \"\(name)\" produced shapes \(outputs.map { TensorShape.tuple($0.shape) }) where Keras infers \(outputShapes.map { TensorShape.tuple($0) })"
      )
    }
    return (outputs, step.returnsSequences ? mask : nil)
  }
}
