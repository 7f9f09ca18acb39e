import CNNEngine
import KerasCells

/// The one model `convbook predict` runs: the one named with `--model` (variable or Keras name),
/// the only model the file defines, or, among several, the one bound to a variable named `model`
/// (the name the README's export snippet uses), else the last one defined.
public enum ForwardModelChoice {
  public static func choose(_ file: ModelFile, name: String?) throws(ForwardCommandError)
    -> KerasModel
  {
    if let name {
      let selected: [KerasModel]
      do {
        selected = try FigureModelSelection.select(file, names: [name])
      } catch {
        if case .none = error { throw .input(error.description) }
        throw .usage(error.description)
      }
      guard let model = selected.first else { throw .usage(file.unknownModelMessage(name)) }
      return model
    }
    let all = file.models()
    guard let last = all.last else { throw .input("\(file.path) defines no model") }
    if all.count > 1, let named = file.session.model(named: "model") { return named }
    return last.model
  }
}
