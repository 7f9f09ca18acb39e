/// A layer that returns several tensors (`LSTM(return_state=True)`) in a Sequential model. tf-keras
/// refuses it when it is added ("should have a single output tensor"); Keras 3 builds the model as
/// a functional chain and calls the next layer on the list, which a layer of one input refuses
/// ("expects 1 input(s), but it received 3 input tensors"), so the model fails at that layer. A
/// Sequential model ending in such a layer (Keras 3 accepts it: a model of several outputs) is
/// ConvBook's limitation (`keras3MultipleOutputsLimitation`).
extension KerasModel {
  /// Whether Keras 3 adds `instance` as a layer returning several tensors for `input`; records it
  /// as the model's last layer of several outputs. Always false under tf-keras, which refuses it
  /// when the layer is called.
  func keras3ReturnsMultipleOutputs(_ instance: LayerInstance, on input: TensorShape) -> Bool {
    guard kerasVersion == .keras3, let layer = instance.layer as? any MultiOutputLayer,
      let shapes = try? layer.outputShapes(for: input, states: []), shapes.count > 1
    else { return false }
    keras3MultipleOutputs = (position: layers.count, shapes: shapes)
    return true
  }

  /// Keras 3's error of calling `instance` on the tensors the layer before it returned, or nil when
  /// that layer returns one tensor. A layer that takes a list (`Concatenate`) is ConvBook's
  /// limitation. The tensors are those of the (failing) rebuild: one per layer before, then the
  /// several outputs, numbered from the session's `keras_tensor` counter, which they use up.
  func keras3CallOnMultipleOutputs(_ instance: LayerInstance, layerIndex: Int) -> KerasError? {
    guard let (position, shapes) = keras3MultipleOutputs, let names else { return nil }
    if instance.layer is any MultiInputLayer {
      return KerasError(
        nil,
        "ConvBook does not support a layer that returns several tensors inside a Sequential model yet; build the model with the functional API",
        layerIndex: layerIndex)
    }
    let first = names.kerasTensorCount + position
    names.skipKerasTensorNames(position + shapes.count)
    let received = shapes.enumerated().map { index, shape in
      "<KerasTensor shape=\(shape), dtype=float32, sparse=False, ragged=False, name=\(NameScope.kerasTensorName(number: first + index))>"
    }
    return KerasError(
      "ValueError",
      "Layer \"\(instance.name)\" expects 1 input(s), but it received \(shapes.count) input tensors. Inputs received: [\(received.joined(separator: ", "))]",
      layerIndex: layerIndex)
  }

  /// ConvBook's refusal of a Keras 3 Sequential model whose last layer returns several tensors,
  /// or nil.
  public var keras3MultipleOutputsLimitation: String? {
    guard let (position, _) = keras3MultipleOutputs, position == layers.count - 1 else {
      return nil
    }
    return
      "ConvBook does not support a Sequential model whose last layer returns several tensors yet (Keras 3 makes it a model of several outputs); build it with the functional API"
  }
}

extension KerasModel {
  /// Keras 3's rebuild of a Sequential model computes each layer's mask as it goes: a masking
  /// `Embedding` records a `not_equal` operation, `Masking` `not_equal` and `any`, each of which
  /// makes a tensor and takes a name of the session. Uses those names up and returns how many
  /// tensors they made.
  func keras3MaskTensors(names: NameScope) -> Int {
    var count = 0
    for instance in layers where instance.model == nil {
      for kind in KerasMask.operations(of: instance.layer) {
        _ = names.uniqueName(kind.operationName)
        count += 1
      }
    }
    return count
  }
}

extension KerasModel {
  /// Keras 3's wrapping of a layer's failure while a Sequential model of an input rebuilds its
  /// chain: `Operation.symbolic_call` lists the Keras tensor the layer was called on by its
  /// `repr` and no keywords, where the engine words tf-keras' `inputs=tf.Tensor(...)`. The tensor
  /// is the input's for the first layer, else the one the layer before made in this (failing)
  /// rebuild, numbered from the session's `keras_tensor` counter. Left as it is where a masking
  /// layer's operations number tensors in between, or the layer takes a mask.
  func keras3SymbolicArguments(
    _ error: inout KerasError, of instance: LayerInstance, input: TensorShape, layerIndex: Int
  ) {
    guard kerasVersion == .keras3, let names, let inputLayer, layerIndex <= layers.count,
      !KerasMask.takesMask(instance.layer),
      layers.prefix(layerIndex).allSatisfy({ KerasMask.operations(of: $0.layer).isEmpty })
    else { return }
    var lines = error.message.components(separatedBy: "\n")
    guard let last = lines.last, last.hasPrefix("  • inputs=tf.Tensor(shape="), lines.count >= 2,
      lines[lines.count - 2].hasPrefix("Call arguments received by layer")
    else { return }
    let name: String
    if layerIndex == 0 {
      guard let given = inputLayer.tensorName else { return }
      name = given
    } else {
      name = NameScope.kerasTensorName(number: names.kerasTensorCount + layerIndex - 1)
    }
    let repr =
      "<KerasTensor shape=\(input), dtype=float32, sparse=False, ragged=False, name=\(name)>"
    lines.removeLast()
    lines.append("  • args=('\(repr)',)")
    lines.append("  • kwargs=<class 'inspect._empty'>")
    error.message = lines.joined(separator: "\n")
  }
}

extension KerasModel {
  /// The failing rebuild made (and named) one tensor per layer before the failing one: Keras 3's
  /// later tensors are numbered after them.
  func keras3FailedRebuildNames() {
    guard kerasVersion == .keras3, let names, inputLayer != nil,
      layers.allSatisfy({ KerasMask.operations(of: $0.layer).isEmpty })
    else { return }
    names.skipKerasTensorNames(layers.count)
  }
}
