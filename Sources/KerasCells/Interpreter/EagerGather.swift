import CNNEngine

/// `tf.gather(params, indices, axis=None)` and `tf.image.non_max_suppression(boxes, scores,
/// max_output_size, iou_threshold=0.5, score_threshold=-inf)` on eager values: the second picks
/// boxes greedily by score as TensorFlow's CPU kernel does (a box whose IoU with one picked
/// already exceeds the threshold is dropped) and gives their indices, which the first takes.
enum EagerGather {
  static func gather(
    positional: [Value], keywords: [(String, Value)], path: String, site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: ["params", "indices", "validate_indices", "axis", "batch_dims", "name"],
      function: "gather_v2", range: range)
    guard let paramsValue = arguments["params"], let indicesValue = arguments["indices"] else {
      throw CellError(
        type: "TypeError",
        message: "gather_v2() missing 2 required positional arguments: 'params' and 'indices'",
        range: range)
    }
    if let batch = arguments["batch_dims"], !isZero(NumPyScalar.number(batch)) {
      throw .unsupported("ConvBook does not support `\(path)` with `batch_dims` yet", at: range)
    }
    let params = try EagerTensors.convert(paramsValue, dtype: nil, function: path, range: range)
    let indices = try EagerTensors.convert(indicesValue, dtype: nil, function: path, range: range)
    var axis = 0
    switch arguments["axis"].map(NumPyScalar.number) {
    case nil, .none?: break
    case .int(let given)?: axis = given < 0 ? given + params.rank : given
    default:
      throw .unsupported("ConvBook does not support `\(path)` with this `axis` yet", at: range)
    }
    guard params.rank > 0, axis >= 0, axis < params.rank, EagerDType(of: indices).isInteger
    else {
      throw .unsupported(
        "ConvBook does not support `\(path)` of a tensor of shape \(EagerTensors.shapeText(params.shape)) with these indices or axis yet",
        at: range)
    }
    let size = params.shape[axis]
    let chosen = EagerTensors.doubles(indices).map { Int($0) }
    guard chosen.allSatisfy({ $0 >= 0 && $0 < size }) else {
      throw .unsupported(
        "ConvBook does not support `\(path)` with an index outside 0..<\(size) yet (TensorFlow's CPU kernel raises InvalidArgumentError)",
        at: range)
    }
    let outer = params.shape[..<axis].reduce(1, *)
    let inner = params.shape[(axis + 1)...].reduce(1, *)
    var offsets: [Int] = []
    offsets.reserveCapacity(outer * chosen.count * inner)
    for block in 0..<outer {
      for index in chosen {
        let start = (block * size + index) * inner
        offsets.append(contentsOf: start..<(start + inner))
      }
    }
    let values = EagerTensors.doubles(params)
    let dtype = EagerDType(of: params)
    let shape = params.shape
    var result = try EagerTensors.make(
      dtype,
      shape: Array(shape[..<axis]) + indices.shape + Array(shape[(axis + 1)...]),
      values: offsets.map { values[$0] }, range: range)
    result.derivesFromOwnDraw = params.derivesFromOwnDraw
    result.holdsOwnRandomValues = params.holdsOwnRandomValues
    let count = params.count
    // TensorFlow hands the gradient back as IndexedSlices, which the gradient of the operation
    // that made `params` turns dense; ConvBook has no IndexedSlices for a watched tensor or a
    // variable itself (`backward` nil: refused when a gradient goes there).
    let tapes = interpreter.session.eagerTapes
    let produced = params.traceID.map { id in tapes.active.contains { $0.produced.contains(id) } }
    guard produced == true else {
      return EagerGradients.record(
        .array(result), inputs: [.array(params), .array(indices)],
        name: "tf.gather (of a watched tensor or variable itself)", interpreter: interpreter,
        backward: nil)
    }
    return EagerGradients.record(
      .array(result), inputs: [.array(params), .array(indices)], name: "tf.gather",
      interpreter: interpreter,
      backward: EagerGradients.scatteredBack(
        to: offsets, count: count, dtype: dtype, shape: shape))
  }

  private static func isZero(_ value: Value) -> Bool {
    if case .int(0) = value { return true }
    return false
  }

  static func nonMaxSuppression(
    positional: [Value], keywords: [(String, Value)], path: String, site: CallSite
  ) throws(CellError) -> Value {
    let range = site.range
    let arguments = try EagerFunctions.bind(
      positional, keywords,
      parameters: [
        "boxes", "scores", "max_output_size", "iou_threshold", "score_threshold", "name",
      ],
      function: "non_max_suppression", range: range)
    guard let boxesValue = arguments["boxes"], let scoresValue = arguments["scores"],
      let maximumValue = arguments["max_output_size"]
    else {
      throw .unsupported(
        "ConvBook runs `\(path)` with boxes, scores and max_output_size only", at: range)
    }
    let boxes = try EagerTensors.convert(boxesValue, dtype: nil, function: path, range: range)
    let scores = try EagerTensors.convert(scoresValue, dtype: nil, function: path, range: range)
    let maximum = try EagerTensors.convert(maximumValue, dtype: nil, function: path, range: range)
    func number(_ name: String, _ fallback: Double) throws(CellError) -> Float {
      guard let given = arguments[name], !given.isNone else { return Float(fallback) }
      let array = try EagerTensors.convert(given, dtype: nil, function: path, range: range)
      guard array.rank == 0 else {
        throw .unsupported("ConvBook runs `\(path)` with a number as `\(name)` only", at: range)
      }
      return Float(array.value(at: 0))
    }
    let threshold = try number("iou_threshold", 0.5)
    let scoreThreshold = try number("score_threshold", -.infinity)
    guard EagerDType(of: boxes) == .float32, EagerDType(of: scores) == .float32,
      boxes.rank == 2, boxes.shape[1] == 4, scores.rank == 1, scores.shape[0] == boxes.shape[0],
      maximum.rank == 0, EagerDType(of: maximum).isInteger, (0.0...1.0).contains(threshold)
    else {
      throw .unsupported(
        "ConvBook runs `\(path)` on float32 boxes of shape (n, 4), n scores, a whole max_output_size and an iou_threshold in [0, 1] only",
        at: range)
    }
    let limit = Int(maximum.value(at: 0))
    let corners = boxes.scalars
    let values = scores.scalars
    // Highest score first; of equal scores the earlier box (TensorFlow's heap breaks ties so).
    let order = values.indices.filter { values[$0] > scoreThreshold }.sorted {
      values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1
    }
    func overlap(_ i: Int, _ j: Int) -> Float {
      let a = Array(corners[(4 * i)..<(4 * i + 4)])
      let b = Array(corners[(4 * j)..<(4 * j + 4)])
      let (yminA, xminA, ymaxA, xmaxA) = (
        min(a[0], a[2]), min(a[1], a[3]), max(a[0], a[2]), max(a[1], a[3])
      )
      let (yminB, xminB, ymaxB, xmaxB) = (
        min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])
      )
      let areaA = (ymaxA - yminA) * (xmaxA - xminA)
      let areaB = (ymaxB - yminB) * (xmaxB - xminB)
      if areaA <= 0 || areaB <= 0 { return 0 }
      let height = max(min(ymaxA, ymaxB) - max(yminA, yminB), 0)
      let width = max(min(xmaxA, xmaxB) - max(xminA, xminB), 0)
      let intersection = height * width
      return intersection / (areaA + areaB - intersection)
    }
    var selected: [Int] = []
    for candidate in order where selected.count < limit {
      if !selected.contains(where: { overlap(candidate, $0) > threshold }) {
        selected.append(candidate)
      }
    }
    return .array(
      try EagerTensors.make(
        .int32, shape: [selected.count], values: selected.map(Double.init), range: range))
  }
}
