import ArgumentParser
import ConvBookCore

struct AdjacencyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "adjacency",
    abstract:
      "Show where neighbouring positions land when a model's Flatten turns its feature map into a vector.",
    discussion: """
      For the tensor entering the first Flatten, (H, W, C) in channels-last layout, prints \
      index(h, w, c) = (h*W + w)*C + c for a position and its right-hand and lower neighbours, the \
      distances (C and W*C entries), the vector's length, the weights of the Dense layer that reads \
      it, and a small picture of the grid and the vector. A channels-first tensor that Flatten reads \
      as it is gives (c*H + h)*W + w instead. Without --model, every model with a Flatten layer is \
      shown. Exits with 1 when the model has no Flatten layer (the message says what its global \
      pooling does instead) or the file has errors, 2 for usage errors.
      """)

  @OptionGroup var file: ModelFileArgument
  @OptionGroup var model: ModelOption
  @OptionGroup var json: JSONOption

  @OptionGroup var keras: KerasVersionOption

  func run() throws {
    let loaded = try CommandSupport.load(file.file, keras: keras.setting)
    try CommandSupport.print(
      CommandSupport.run {
        try ModelCommands.adjacency(loaded, model: model.model, json: json.json)
      })
  }
}
