import CNNEngine
import KerasCells

/// The models a figure command works on: those named with `--model` (variable or Keras name), or
/// every model the file defines, each once, in definition order.
public enum FigureModelSelection {
  public enum Failure: Error, CustomStringConvertible {
    /// A `--model` that names nothing (a usage error).
    case unknown(String)
    /// The file defines no model at all (an input error).
    case none(String)

    public var description: String {
      switch self {
      case .unknown(let message), .none(let message): return message
      }
    }
  }

  public static func select(_ file: ModelFile, names: [String]) throws(Failure) -> [KerasModel] {
    var models: [KerasModel] = []
    func add(_ model: KerasModel) {
      if !models.contains(where: { $0 === model }) { models.append(model) }
    }
    if names.isEmpty {
      for defined in file.models() { add(defined.model) }
      if models.isEmpty { throw .none("\(file.path) defines no model") }
      return models
    }
    for name in names {
      let found = file.models(named: name)
      guard let last = found.last else { throw .unknown(file.unknownModelMessage(name)) }
      // A variable bound twice names its latest model, as it would in the notebook.
      add(
        found.count > 1 && file.session.globals[name] != nil
          ? (file.session.model(named: name) ?? last.model) : last.model)
    }
    return models
  }
}
