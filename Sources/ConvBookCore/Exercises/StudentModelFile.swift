import CNNEngine
import Foundation
import KerasCells

/// A student's model file (`convbook check LESSON ID --file model.py`), run like a cell in a
/// fresh session: a complete Keras script, as the starter script is, so the same file runs in real
/// Keras and its layers get the names a fresh Keras process gives them.
///
/// The model checked is the one in the variable `model`, else the only model the file defines.
public enum StudentModelFile {
  public enum Outcome {
    case model(variable: String, KerasModel)
    /// The script stopped: a syntax error or a Keras error, at the student's file, line and column.
    case failed(Diagnostic)
    /// It ran but there is no model to check, or no way to tell which; the message says what to do.
    case noModel(String)
    /// The file cannot be read: a usage error when it is missing, else the student's to fix.
    case unreadable(TextFile.ReadError)
  }

  /// A `.py` script (notebooks are read by ``ScriptFile`` and run with ``run(_:)``), run under
  /// `kerasVersion`: the lesson's, so that the student's model is named as the lesson's are.
  public static func load(path: String, kerasVersion: KerasVersion = .default) -> Outcome {
    do {
      return run(
        ScriptFile.pythonSource(try TextFile.read(path)), path: path, kerasVersion: kerasVersion)
    } catch {
      return .unreadable(error)
    }
  }

  public static func run(_ source: String, path: String, kerasVersion: KerasVersion = .default)
    -> Outcome
  {
    run(ScriptFile(path: path, source: source, notes: [], origins: nil), kerasVersion: kerasVersion)
  }

  public static func run(_ script: ScriptFile, kerasVersion: KerasVersion = .default) -> Outcome {
    let session = KerasSession(kerasVersion: kerasVersion)
    let path = script.path
    let result =
      script.sourceError.map { CellResult(outputs: [], error: $0) } ?? session.run(script.source)
    if let error = result.error {
      return .failed(script.diagnostic(for: error))
    }
    if case .model(let model)? = session.globals["model"] {
      return .model(variable: "model", model)
    }
    if let subclassed = session.globals["model"]?.subclassedModel {
      if let functional = subclassed.functional { return .model(variable: "model", functional) }
      return .noModel(Self.subclassedRefusal(path: path, className: subclassed.className))
    }
    var distinct: [DefinedModel] = []
    for defined in session.definedModels
    where !distinct.contains(where: { $0.model === defined.model }) {
      distinct.append(defined)
    }
    switch distinct.count {
    case 0:
      // A subclassed model in another variable: ConvBook's limitation, not the student's mistake.
      for name in session.globals.keys.sorted() {
        if let subclassed = session.globals[name]?.subclassedModel {
          return .noModel(Self.subclassedRefusal(path: path, className: subclassed.className))
        }
      }
      return .noModel(
        "\(path) defines no model. Build it with keras.Sequential([...]) and assign it to a variable named model."
      )
    case 1:
      return .model(variable: distinct[0].variable, distinct[0].model)
    default:
      let names = distinct.map(\.variable).joined(separator: ", ")
      return .noModel(
        "\(path) defines several models (\(names)) and none is named model. ConvBook checks the model in the variable model (or the only model, when there is just one): name the one to check model."
      )
    }
  }

  /// A model written as a `keras.Model` subclass (`class Net(keras.Model)` with a `call`), which
  /// ConvBook runs but does not measure for a design exercise yet (hostile batch8).
  static func subclassedRefusal(path: String, className: String) -> String {
    "\(path) defines its model as a subclass of keras.Model (\(className)), and ConvBook does not check subclassed models yet. Build the same layers with keras.Sequential([...]) or keras.Model(inputs, outputs) and assign it to a variable named model."
  }
}
