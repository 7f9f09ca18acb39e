import CNNEngine

extension JSONValue {
  /// The same JSON with `"keras_version": 2|3` — the Keras whose names and behaviour the numbers
  /// follow — first in the object (as `convbook summary --json` has it), unless it has the field
  /// already, or in each object of an array of reports (one per model), so that every `--json`
  /// says which Keras it reports.
  func taggedWithKerasVersion(_ version: KerasVersion) -> JSONValue {
    switch self {
    case .object(let fields):
      if fields.contains(where: { $0.0 == "keras_version" }) { return self }
      return .object([("keras_version", .int(version.rawValue))] + fields)
    case .array(let items):
      return .array(items.map { $0.taggedWithKerasVersion(version) })
    default:
      return self
    }
  }
}
