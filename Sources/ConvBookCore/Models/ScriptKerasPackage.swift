import CNNEngine
import KerasCells

/// Which Keras a script gets whatever `--keras` says: TensorFlow 2.21 installs Keras 3 (`keras`,
/// `tf.keras`) and tf-keras 2.21 (`tf_keras`) side by side, so a script that imports `tf_keras`
/// and no other Keras package (`import tf_keras as keras`) runs on tf-keras under either setting,
/// exactly as `python FILE.py` does; so does one that sets `TF_USE_LEGACY_KERAS=1` itself
/// (`os.environ["TF_USE_LEGACY_KERAS"] = "1"`), which makes `tf.keras` tf-keras, and imports no
/// `keras` package of its own.
enum ScriptKerasPackage {
  /// The Keras `source` runs on under `setting`: tf-keras for a Keras 3 run of a script whose only
  /// Keras package is `tf_keras`, or that asks TensorFlow for the legacy Keras and uses `tf.keras`
  /// or `tf_keras` only; `setting` otherwise (a script that mixes the packages is modelled as
  /// they come).
  static func version(of source: String, setting: KerasVersion) -> KerasVersion {
    guard setting == .keras3 else { return setting }
    var importsTFKeras = false
    var usesTFKeras = false
    var asksLegacy = false
    for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      if let variable = line.range(of: "TF_USE_LEGACY_KERAS"), line.contains("environ") {
        // `os.environ["TF_USE_LEGACY_KERAS"] = "1"`, `os.environ.setdefault(..., "True")`.
        let value = line[variable.upperBound...].split(whereSeparator: { "\"' ]),=[".contains($0) })
          .first
        if let value, ["1", "true", "True"].contains(String(value)) { asksLegacy = true }
      }
      let words = line.split(whereSeparator: { " \t\r,;()".contains($0) })
      // The modules an import statement names: `import a.b, c as d` (each name after `import`),
      // `from a.b import c` (the one after `from`; `from tensorflow import keras` is tf.keras).
      var modules: [Substring] = []
      if words.first == "import" {
        modules = words.dropFirst().enumerated().filter { index, _ in
          index == 0 || words[index] != "as"
        }.map(\.1)
      } else if words.first == "from", words.count > 1 {
        modules = [words[1]]
        if words[1] == "tensorflow", words.dropFirst(2).contains("keras") { usesTFKeras = true }
      }
      for module in modules {
        let root = module.split(separator: ".").first.map(String.init) ?? ""
        if root == "tf_keras" { importsTFKeras = true }
        if root == "keras" || root == "keras_core" { return setting }
        if module.hasPrefix("tensorflow.keras") { usesTFKeras = true }
      }
      // `tf.keras.layers`, `tensorflow.keras` anywhere.
      if words.contains(where: { $0.contains("tf.keras") || $0.contains("tensorflow.keras") }) {
        usesTFKeras = true
      }
    }
    if asksLegacy || (importsTFKeras && !usesTFKeras) { return .keras2 }
    return setting
  }
}
