import CNNEngine

/// A model a cell bound to a variable, in the order the lesson or script defined them. A variable
/// that is bound again to a new model defines a second model (notebooks reuse `model` freely).
public struct DefinedModel {
  public var variable: String
  public var model: KerasModel
  /// The cell (0-based, in run order) and the range of the statement that bound it.
  public var cellIndex: Int
  public var range: SourceRange
  /// The Keras package that made the model when it is not the session's (a `tf_keras` model in a
  /// Keras 3 script): its summary prints in that package's style.
  public var kerasVersion: KerasVersion? = nil
}
