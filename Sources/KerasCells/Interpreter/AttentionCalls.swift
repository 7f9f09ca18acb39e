import CNNEngine

/// The call arguments of Keras' attention layers, bound as Python binds them:
/// `mha(query, value, key=None, attention_mask=None, return_attention_scores=False, training=None,
/// use_causal_mask=False)` and `attention(inputs, mask=None, training=None,
/// return_attention_scores=False, use_causal_mask=False)`. What ConvBook computes is the call on
/// tensors: the query, value and key become the list the layer is called on.
enum AttentionCalls {
  /// The tensors argument for `callLayer`: a list `[query, value(, key)]` of a `MultiHeadAttention`
  /// call, or an `Attention` call's own first argument.
  static func tensorsArgument(
    _ instance: LayerInstance, positional: [Value], keywords: [(String, Value)], site: CallSite,
    kerasVersion: KerasVersion
  ) throws(CellError) -> Value {
    let multiHead = instance.layer is MultiHeadAttention
    var parameters =
      multiHead
      ? [
        "query", "value", "key", "attention_mask", "return_attention_scores", "training",
        "use_causal_mask",
      ]
      : ["inputs", "mask", "training", "return_attention_scores", "use_causal_mask"]
    if multiHead, kerasVersion == .keras3 {
      parameters.insert(contentsOf: ["query_mask", "value_mask", "key_mask"], at: 3)
    }
    let required = multiHead ? 2 : 1
    let function = "\(instance.className).call()"
    if positional.count > parameters.count {
      throw CellError(
        type: "TypeError",
        message:
          "\(function) takes from \(required + 1) to \(parameters.count + 1) positional arguments but \(positional.count + 1) were given",
        range: site.range)
    }
    var bound: [String: Value] = [:]
    for (parameter, value) in zip(parameters, positional) { bound[parameter] = value }
    for (label, value) in keywords {
      guard parameters.contains(label) else {
        throw CellError(
          type: "TypeError", message: "\(function) got an unexpected keyword argument '\(label)'",
          range: site.range)
      }
      if bound[label] != nil {
        throw CellError(
          type: "TypeError", message: "\(function) got multiple values for argument '\(label)'",
          range: site.range)
      }
      bound[label] = value
    }
    let missing = parameters.prefix(required).filter { bound[$0] == nil }
    if let first = missing.first, kerasVersion == .keras3 {
      // Keras 3 binds a call's arguments with `inspect.signature(...).bind`.
      throw CellError(
        type: "TypeError", message: "missing a required argument: '\(first)'", range: site.range)
    }
    if !missing.isEmpty {
      let names = missing.map { "'\($0)'" }
      throw CellError(
        type: "TypeError",
        message:
          "\(function) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(names.joined(separator: " and "))",
        range: site.range)
    }
    let scores = bound["return_attention_scores"]?.isTruthy ?? false
    if scores, !multiHead {
      throw .unsupported(
        "ConvBook does not support return_attention_scores=True in \(instance.className) calls yet",
        at: site.range)
    }
    // `attention_mask=`: a Keras tensor, the call's last tensor (see `noteAttentionMask`).
    var attentionMask: Value?
    if multiHead, let value = bound["attention_mask"], !isNone(value) {
      guard case .kerasTensor = value else {
        throw .unsupported(
          "ConvBook takes attention_mask= as a Keras tensor (a keras.Input or a layer's output)",
          at: site.range)
      }
      attentionMask = value
      bound["attention_mask"] = nil
    }
    // `mask=[query_mask, value_mask]` of `Attention`: Keras tensors (or None) after the inputs.
    var callMasks: [Value?] = []
    if !multiHead, let value = bound["mask"], !isNone(value) {
      guard let items = value.sequenceItems, items.count == 2,
        items.allSatisfy({ item in
          if case .kerasTensor = item { return true }
          return isNone(item)
        }), let inputs = bound["inputs"]?.sequenceItems
      else {
        throw .unsupported(
          "ConvBook takes mask= of \(instance.className) as a list [query_mask, value_mask] of Keras tensors (or None)",
          at: site.range)
      }
      var position = inputs.count
      var positions: [Int?] = []
      for item in items {
        if isNone(item) {
          positions.append(nil)
          callMasks.append(nil)
        } else {
          positions.append(position)
          callMasks.append(item)
          position += 1
        }
      }
      if kerasVersion == .keras2, case .kerasTensor(let valueMask) = items[1] {
        try checkBoolValueMask(
          valueMask, masks: items, inputs: inputs, instance: instance, bound: bound, site: site)
      }
      do {
        try instance.noteCallMasks(positions)
      } catch {
        throw Calls.keras(error, at: site.range)
      }
      bound["mask"] = nil
    } else if !multiHead {
      do {
        try instance.noteCallMasks([])
      } catch {
        throw Calls.keras(error, at: site.range)
      }
    }
    // Keras 3's `query_mask=` / `value_mask=` / `key_mask=` of `MultiHeadAttention`.
    if multiHead, kerasVersion == .keras3,
      let tensors = try keras3MaskedCall(
        instance, bound: bound, positional: positional.count, keywords: keywords, site: site)
    {
      return tensors
    }
    do {
      try instance.noteCausalMask(bound["use_causal_mask"]?.isTruthy ?? false)
      if multiHead {
        try instance.noteAttentionScores(scores)
        // Keras orders a call's tensors as its positional arguments, then its keyword arguments
        // by name: Keras 3 puts the mask before a key given as `key=`; tf-keras after the key.
        let keyGiven = bound["key"].map { !isNone($0) } ?? false
        let keyByKeyword = keywords.contains { $0.0 == "key" }
        let position =
          kerasVersion == .keras3 && keyByKeyword ? 2 : keyGiven ? 3 : 2
        try instance.noteAttentionMask(at: attentionMask == nil ? nil : position)
      }
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    for mask in ["attention_mask", "mask", "query_mask", "value_mask", "key_mask"] {
      if let value = bound[mask], !isNone(value) {
        throw .unsupported(
          "ConvBook does not support \(mask)= in \(instance.className) calls yet", at: site.range)
      }
    }
    guard multiHead else {
      let given = callMasks.compactMap { $0 }
      guard !given.isEmpty, let inputs = bound["inputs"]?.sequenceItems else {
        return bound["inputs"]!
      }
      return .list(PythonList(inputs + given))
    }
    if kerasVersion == .keras2, attentionMask == nil, let refusal = einsumRefusal(instance, bound) {
      throw CellError(type: "ValueError", message: refusal, range: site.range)
    }
    var tensors = [bound["query"]!, bound["value"]!]
    if let key = bound["key"], !isNone(key) { tensors.append(key) }
    if let attentionMask, let position = instance.attentionMaskPosition, position >= 0 {
      tensors.insert(attentionMask, at: min(position, tensors.count))
    }
    return .list(PythonList(tensors))
  }

  /// A Keras 3 `MultiHeadAttention` call given `query_mask=`, `value_mask=` or `key_mask=`: the
  /// call's tensors in Keras 3's order (the positional arguments, then the keyword ones sorted by
  /// name: how Keras 3 flattens a call into its node), every mask among them, the masks' and an
  /// `attention_mask`'s places noted on the layer. Nil when the call has none of these masks.
  private static func keras3MaskedCall(
    _ instance: LayerInstance, bound: [String: Value], positional: Int,
    keywords: [(String, Value)], site: CallSite
  ) throws(CellError) -> Value? {
    let roles = ["query_mask", "value_mask", "key_mask"]
    guard roles.contains(where: { bound[$0].map { !isNone($0) } ?? false }) else { return nil }
    let parameters = [
      "query", "value", "key", "query_mask", "value_mask", "key_mask", "attention_mask",
    ]
    let byKeyword = Set(keywords.map(\.0))
    // Sorted by name, a `key=` would come before a `query=` or `value=` given by keyword: the
    // layer takes its query, value and key in that order once the masks are set apart.
    guard
      !byKeyword.contains("key") || !(byKeyword.contains("query") || byKeyword.contains("value"))
    else {
      throw .unsupported(
        "ConvBook supports query_mask=, value_mask= and key_mask= in MultiHeadAttention calls given key= only when query and value are positional arguments",
        at: site.range)
    }
    var order: [String] = []
    for name in parameters.prefix(positional) { order.append(name) }
    for name in parameters.dropFirst(positional).sorted() where byKeyword.contains(name) {
      order.append(name)
    }
    var tensors: [Value] = []
    var places: [String: Int] = [:]
    for name in order {
      guard let value = bound[name], !isNone(value) else { continue }
      guard case .kerasTensor = value else {
        throw .unsupported(
          "ConvBook takes \(name)= of MultiHeadAttention as a Keras tensor (a keras.Input or a layer's output)",
          at: site.range)
      }
      places[name] = tensors.count
      tensors.append(value)
    }
    do {
      try instance.noteCausalMask(bound["use_causal_mask"]?.isTruthy ?? false)
      try instance.noteAttentionScores(bound["return_attention_scores"]?.isTruthy ?? false)
      try instance.noteAttentionMask(at: places["attention_mask"])
      try instance.noteCallMasks(roles.map { places[$0] })
    } catch {
      throw Calls.keras(error, at: site.range)
    }
    return .list(PythonList(tensors))
  }

  /// Keras 3's `MultiHeadAttention.build` creates a `Softmax` and a `Dropout` without names,
  /// which take the next `softmax` and `dropout` names of the session; tf-keras' do not.
  static func nameSublayers(of instance: LayerInstance, names: NameScope) {
    guard instance.layer is MultiHeadAttention, !instance.isBuilt, names.kerasVersion == .keras3
    else { return }
    _ = names.uniqueName(forClass: "Softmax")
    _ = names.uniqueName(forClass: "Dropout")
  }

  /// tf-keras' refusal of a key and a value of different lengths, which only TensorFlow's einsum
  /// of the attention weights and the projected value notices, inside `call` (with the call's
  /// arguments). Worded for sequences (3-D inputs, the default attention axis, no dropout); other
  /// cases reach the engine's refusal.
  private static func einsumRefusal(_ instance: LayerInstance, _ bound: [String: Value]) -> String?
  {
    guard let layer = instance.layer as? MultiHeadAttention,
      case .kerasTensor(let query)? = bound["query"],
      case .kerasTensor(let value)? = bound["value"],
      case .kerasTensor(let key)? = bound["key"],
      [query, value, key].allSatisfy({ $0.shape.rank == 3 }),
      (try? layer.resolvedAttentionAxes(rank: 3)) == [1],
      (try? layer.common.arguments.double("dropout")) == 0,
      let keyLength = key.shape[1], let valueLength = value.shape[1], keyLength != valueLength
    else { return nil }
    let name = instance.name
    func size(_ dimension: Int?) -> String { dimension.map(String.init) ?? "?" }
    func argument(_ parameter: String, _ fallback: String) -> String {
      bound[parameter].map(PythonText.repr) ?? fallback
    }
    let valueOp = layer.useBias ? "\(name)/value/add" : "\(name)/value/einsum/Einsum"
    let scores = [query.shape[0], layer.heads, query.shape[1], keyLength].map(size)
    let projected = [value.shape[0], valueLength, layer.heads, layer.valueDimension].map(size)
    func tensor(_ shape: TensorShape) -> String { "tf.Tensor(shape=\(shape), dtype=float32)" }
    return
      "Exception encountered when calling layer \"\(name)\" (type MultiHeadAttention).\n\n"
      + "Dimensions must be equal, but are \(keyLength) and \(valueLength) for '{{node \(name)/einsum_1/Einsum}} = Einsum[N=2, T=DT_FLOAT, equation=\"acbe,aecd->abcd\"](\(name)/dropout/Identity, \(valueOp))' with input shapes: [\(scores.joined(separator: ","))], [\(projected.joined(separator: ","))].\n\n"
      + "Call arguments received by layer \"\(name)\" (type MultiHeadAttention):\n"
      + "  • query=\(tensor(query.shape))\n  • value=\(tensor(value.shape))\n"
      + "  • key=\(tensor(key.shape))\n  • attention_mask=None\n"
      + "  • return_attention_scores=\(argument("return_attention_scores", "False"))\n"
      + "  • training=\(argument("training", "None"))\n"
      + "  • use_causal_mask=\(argument("use_causal_mask", "False"))"
  }

  /// tf-keras' `Attention` negates the value mask (`tf.logical_not`), which TensorFlow refuses on
  /// anything but a bool tensor: a `keras.Input(dtype="bool")`. ConvBook knows no other tensor's
  /// dtype, so a mask made by a layer is its limitation there.
  private static func checkBoolValueMask(
    _ mask: KerasTensor, masks: [Value], inputs: [Value], instance: LayerInstance,
    bound: [String: Value], site: CallSite
  ) throws(CellError) {
    guard mask.producer.layer is InputLayer, mask.isInput else {
      throw .unsupported(
        "ConvBook does not know the dtype of the value mask given to \(instance.className) (tf-keras needs a bool tensor); pass a keras.Input(..., dtype=\"bool\")",
        at: site.range)
    }
    func dtype(of tensor: KerasTensor) -> String {
      let layer = tensor.isInput ? tensor.producer.layer as? InputLayer : nil
      if case .string(let given)? = layer?.common.arguments.values["dtype"] { return given }
      return "float32"
    }
    let maskType = dtype(of: mask)
    guard maskType != "bool" else { return }
    func tensor(_ value: Value) -> String {
      guard case .kerasTensor(let tensor) = value else { return "None" }
      return "'tf.Tensor(shape=\(tensor.shape), dtype=\(dtype(of: tensor)))'"
    }
    func argument(_ parameter: String, _ fallback: String) -> String {
      bound[parameter].map(PythonText.repr) ?? fallback
    }
    let name = instance.name
    let type = instance.className
    throw CellError(
      type: "TypeError",
      message:
        "Exception encountered when calling layer \"\(name)\" (type \(type)).\n\n"
        + "Input 'x' of 'LogicalNot' Op has type \(maskType) that does not match expected type of bool.\n\n"
        + "Call arguments received by layer \"\(name)\" (type \(type)):\n"
        + "  • inputs=[\(inputs.map(tensor).joined(separator: ", "))]\n"
        + "  • mask=[\(masks.map(tensor).joined(separator: ", "))]\n"
        + "  • training=\(argument("training", "None"))\n"
        + "  • return_attention_scores=\(argument("return_attention_scores", "False"))\n"
        + "  • use_causal_mask=\(argument("use_causal_mask", "False"))",
      range: site.range)
  }

  private static func isNone(_ value: Value) -> Bool {
    if case .none = value { return true }
    return false
  }
}
