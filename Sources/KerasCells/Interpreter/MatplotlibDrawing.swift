/// matplotlib's drawing API as `python script.py` runs it with the non-interactive backend (Agg):
/// `plt.plot(history.history['loss'])`, `plt.figure(figsize=...)`, `plt.subplot`, `plt.title`,
/// `fig, ax = plt.subplots(...)`, `ax.imshow(img, cmap='gray')`, `plt.show()` draw figures that
/// nobody sees and print nothing, so ConvBook accepts them and draws nothing. Their arguments are
/// checked where matplotlib's checks are cheap (its arity messages, `x and y must have same first
/// dimension`, `subplot`'s number, `axis`' and `title`'s words); a keyword ConvBook does not know
/// is its limitation. What they return (a Figure, Axes, a list of Line2D, ...) can be passed
/// around and drawn on; printing it is refused (`Interpreter.prepareText`), since matplotlib's
/// text shows memory addresses or the figure's state. `savefig` writes no file (ConvBook never
/// writes files) and says so nowhere in the output, as Agg says nothing when it writes one.
/// Settings (`plt.rc`, `plt.style.use`) are `MatplotlibSettings`.
enum MatplotlibDrawing {
  /// What a call returns.
  enum Result {
    case none, figure, axes, text, lines, subplots
    /// An object ConvBook keeps nothing of (a Legend, an AxesImage, `axis()`'s limits).
    case opaque(String)
  }

  /// A drawing function or method: its positional parameters (`required` of them needed), and
  /// the keywords ConvBook knows it to take (nil: any keyword).
  struct Signature {
    var parameters: [String] = []
    var required = 0
    var variadic = false
    var keywords: Set<String>? = []
    var result: Result = .none
    /// The class a method is defined in, which CPython's messages name (`_AxesBase.grid`), when
    /// not the object's own.
    var definedIn: String? = nil
  }

  static let lineKeywords: Set<String> = [
    "label", "color", "c", "linestyle", "ls", "linewidth", "lw", "marker", "markersize", "ms",
    "alpha", "markerfacecolor", "mfc", "markeredgecolor", "mec", "zorder", "scalex", "scaley",
    "data", "drawstyle", "ds", "fillstyle", "markevery", "dashes",
  ]
  static let textKeywords: Set<String> = [
    "fontsize", "size", "fontweight", "weight", "color", "fontdict", "loc", "pad", "y", "x",
    "labelpad", "rotation", "ha", "va", "horizontalalignment", "verticalalignment", "family",
    "fontfamily", "fontstyle", "style", "alpha", "fontname", "wrap", "transform",
  ]
  static let figureKeywords: Set<String> = [
    "num", "figsize", "dpi", "facecolor", "edgecolor", "frameon", "clear", "layout",
    "constrained_layout", "tight_layout",
  ]
  static let imageKeywords: Set<String> = [
    "cmap", "interpolation", "aspect", "vmin", "vmax", "origin", "extent", "alpha", "norm",
  ]

  /// The functions of `matplotlib.pyplot` and the methods of its Axes share most signatures.
  static let drawing: [String: Signature] = [
    "plot": Signature(variadic: true, keywords: lineKeywords, result: .lines),
    "scatter": Signature(
      parameters: ["x", "y", "s", "c", "marker", "cmap"], required: 2,
      keywords: [
        "s", "c", "color", "marker", "alpha", "label", "cmap", "edgecolors", "edgecolor",
        "linewidths", "vmin", "vmax", "zorder", "facecolors",
      ], result: .opaque("PathCollection")),
    "imshow": Signature(
      parameters: ["X", "cmap", "norm"], required: 1, keywords: imageKeywords,
      result: .opaque("AxesImage")),
    "legend": Signature(
      variadic: true,
      keywords: [
        "loc", "fontsize", "frameon", "title", "ncol", "ncols", "bbox_to_anchor", "shadow",
        "fancybox", "framealpha", "labels", "handles", "prop", "markerscale",
      ], result: .opaque("Legend")),
    "grid": Signature(
      parameters: ["visible", "which", "axis"],
      keywords: [
        "visible", "which", "axis", "color", "linestyle", "ls", "linewidth", "lw", "alpha",
      ], definedIn: "_AxesBase"),
    "axis": Signature(
      parameters: ["arg"], keywords: ["emit"], result: .opaque("tuple"), definedIn: "_AxesBase"),
    "hist": Signature(
      parameters: ["x", "bins", "range", "density"], required: 1,
      keywords: [
        "bins", "range", "density", "alpha", "label", "color", "histtype", "edgecolor", "rwidth",
      ], result: .opaque("tuple")),
    "bar": Signature(
      parameters: ["x", "height", "width", "bottom"], required: 2,
      keywords: ["width", "bottom", "align", "color", "label", "alpha", "edgecolor"],
      result: .opaque("BarContainer")),
    "barh": Signature(
      parameters: ["y", "width", "height", "left"], required: 2,
      keywords: ["height", "left", "align", "color", "label", "alpha", "edgecolor", "xerr"],
      result: .opaque("BarContainer")),
    "errorbar": Signature(
      parameters: ["x", "y", "yerr", "xerr", "fmt", "ecolor", "elinewidth", "capsize"],
      required: 2,
      keywords: lineKeywords.union([
        "yerr", "xerr", "fmt", "ecolor", "elinewidth", "capsize", "capthick", "barsabove",
        "errorevery",
      ]), result: .opaque("ErrorbarContainer")),
    "fill_between": Signature(
      parameters: ["x", "y1", "y2", "where", "interpolate", "step"], required: 2,
      keywords: [
        "y2", "where", "interpolate", "step", "alpha", "color", "facecolor", "edgecolor",
        "label", "linewidth", "lw", "zorder", "hatch",
      ], result: .opaque("FillBetweenPolyCollection")),
    "contourf": Signature(
      variadic: true, keywords: ["levels", "cmap", "alpha", "vmin", "vmax", "norm", "extend"],
      result: .opaque("QuadContourSet")),
    "annotate": Signature(
      parameters: ["text", "xy", "xytext", "xycoords", "textcoords", "arrowprops"], required: 2,
      keywords: textKeywords.union(["annotation_clip"]), result: .opaque("Annotation")),
    "text": Signature(
      parameters: ["x", "y", "s", "fontdict"], required: 3, keywords: textKeywords, result: .text),
  ]

  /// `matplotlib.pyplot`'s own functions, beside `drawing`.
  static let pyplot: [String: Signature] = drawing.merging(
    [
      "figure": Signature(
        parameters: ["num", "figsize", "dpi"], keywords: figureKeywords, result: .figure),
      "subplot": Signature(variadic: true, keywords: ["projection", "polar"], result: .axes),
      "subplots": Signature(
        parameters: ["nrows", "ncols"],
        keywords: figureKeywords.union([
          "nrows", "ncols", "sharex", "sharey", "squeeze", "subplot_kw", "gridspec_kw",
          "width_ratios", "height_ratios",
        ]), result: .subplots),
      "title": Signature(
        parameters: ["label", "fontdict", "loc", "pad"], required: 1, keywords: textKeywords,
        result: .text),
      "suptitle": Signature(parameters: ["t"], required: 1, keywords: textKeywords, result: .text),
      "xlabel": Signature(
        parameters: ["xlabel", "fontdict", "labelpad"], required: 1, keywords: textKeywords,
        result: .text),
      "ylabel": Signature(
        parameters: ["ylabel", "fontdict", "labelpad"], required: 1, keywords: textKeywords,
        result: .text),
      "show": Signature(keywords: ["block"]),
      "tight_layout": Signature(keywords: ["pad", "h_pad", "w_pad", "rect"]),
      "close": Signature(parameters: ["fig"]),
      "clf": Signature(),
      "cla": Signature(),
      "savefig": Signature(parameters: ["fname"], required: 1, keywords: nil),
      "xlim": Signature(variadic: true, keywords: ["left", "right"], result: .opaque("tuple")),
      "ylim": Signature(variadic: true, keywords: ["bottom", "top"], result: .opaque("tuple")),
      "xticks": Signature(
        parameters: ["ticks", "labels"], keywords: ["ticks", "labels", "minor", "rotation"],
        result: .opaque("tuple")),
      "yticks": Signature(
        parameters: ["ticks", "labels"], keywords: ["ticks", "labels", "minor", "rotation"],
        result: .opaque("tuple")),
      "colorbar": Signature(
        parameters: ["mappable", "cax", "ax"], keywords: ["mappable", "cax", "ax", "label"],
        result: .opaque("Colorbar")),
      "subplots_adjust": Signature(
        parameters: ["left", "bottom", "right", "top", "wspace", "hspace"],
        keywords: ["left", "bottom", "right", "top", "wspace", "hspace"]),
      "gca": Signature(result: .axes),
      // The colormap setters (`plt.gray()` before `imshow`).
      "gray": Signature(),
      "gcf": Signature(result: .figure),
    ], uniquingKeysWith: { first, _ in first })

  /// The methods of an Axes, beside `drawing`.
  static let axesMethods: [String: Signature] = drawing.merging(
    [
      "set_title": Signature(
        parameters: ["label", "fontdict", "loc", "pad"], required: 1, keywords: textKeywords,
        result: .text),
      "set_xlabel": Signature(
        parameters: ["xlabel", "fontdict", "labelpad"], required: 1, keywords: textKeywords,
        result: .text, definedIn: "_AxesBase"),
      "set_ylabel": Signature(
        parameters: ["ylabel", "fontdict", "labelpad"], required: 1, keywords: textKeywords,
        result: .text, definedIn: "_AxesBase"),
      "set_xlim": Signature(
        parameters: ["left", "right"], keywords: ["left", "right"], result: .opaque("tuple"),
        definedIn: "_AxesBase"),
      "set_ylim": Signature(
        parameters: ["bottom", "top"], keywords: ["bottom", "top"], result: .opaque("tuple"),
        definedIn: "_AxesBase"),
      "set_xticks": Signature(
        parameters: ["ticks", "labels"], required: 1, keywords: ["labels", "minor"],
        result: .opaque("list"), definedIn: "_AxesBase"),
      "set_yticks": Signature(
        parameters: ["ticks", "labels"], required: 1, keywords: ["labels", "minor"],
        result: .opaque("list"), definedIn: "_AxesBase"),
      "set_axis_off": Signature(definedIn: "_AxesBase"),
      "get_xaxis": Signature(result: .opaque("XAxis"), definedIn: "_AxesBase"),
      "get_yaxis": Signature(result: .opaque("YAxis"), definedIn: "_AxesBase"),
      "set_aspect": Signature(
        parameters: ["aspect"], required: 1, keywords: ["adjustable"], definedIn: "_AxesBase"),
    ], uniquingKeysWith: { first, _ in first })

  /// The methods of an XAxis or a YAxis (`ax.get_xaxis().set_visible(False)`).
  static let axisMethods: [String: Signature] = [
    "set_visible": Signature(parameters: ["b"], required: 1, definedIn: "Artist"),
    "set_ticks": Signature(
      parameters: ["ticks", "labels"], required: 1, keywords: ["labels", "minor"],
      result: .opaque("list"), definedIn: "Axis"),
  ]

  /// The methods of a Figure.
  static let figureMethods: [String: Signature] = [
    "suptitle": Signature(
      parameters: ["t"], required: 1, keywords: textKeywords, result: .text, definedIn: "FigureBase"
    ),
    "tight_layout": Signature(keywords: ["pad", "h_pad", "w_pad", "rect"]),
    "savefig": Signature(parameters: ["fname"], required: 1, keywords: nil),
    "add_subplot": Signature(
      variadic: true, keywords: ["projection", "polar"], result: .axes, definedIn: "FigureBase"),
    "colorbar": Signature(
      parameters: ["mappable", "cax", "ax"], required: 1, keywords: ["cax", "ax", "label"],
      result: .opaque("Colorbar"), definedIn: "FigureBase"),
    "subplots_adjust": Signature(
      parameters: ["left", "bottom", "right", "top", "wspace", "hspace"],
      keywords: ["left", "bottom", "right", "top", "wspace", "hspace"], definedIn: "FigureBase"),
    "show": Signature(parameters: ["warn"]),
  ]

  /// The colormaps of matplotlib 3.11 (`matplotlib.colormaps`), which `plt.cm` names
  /// (`cmap=plt.cm.binary`): the listed ones, and the linear segmented ones.
  static let listedColormaps: Set<String> = [
    "Accent", "Accent_r", "Dark2", "Dark2_r", "Paired", "Paired_r", "Pastel1", "Pastel1_r",
    "Pastel2", "Pastel2_r", "Set1", "Set1_r", "Set2", "Set2_r", "Set3", "Set3_r", "berlin",
    "berlin_r", "cividis", "cividis_r", "inferno", "inferno_r", "magma", "magma_r", "managua",
    "managua_r", "okabe_ito", "okabe_ito_r", "plasma", "plasma_r", "tab10", "tab10_r", "tab20",
    "tab20_r", "tab20b", "tab20b_r", "tab20c", "tab20c_r", "turbo", "turbo_r", "twilight",
    "twilight_r", "twilight_shifted", "twilight_shifted_r", "vanimo", "vanimo_r", "viridis",
    "viridis_r",
  ]
  static let segmentedColormaps: Set<String> = [
    "Blues", "Blues_r", "BrBG", "BrBG_r", "BuGn", "BuGn_r", "BuPu", "BuPu_r", "CMRmap", "CMRmap_r",
    "GnBu", "GnBu_r", "Grays", "Grays_r", "Greens", "Greens_r", "Greys", "Greys_r", "OrRd",
    "OrRd_r", "Oranges", "Oranges_r", "PRGn", "PRGn_r", "PiYG", "PiYG_r", "PuBu", "PuBuGn",
    "PuBuGn_r", "PuBu_r", "PuOr", "PuOr_r", "PuRd", "PuRd_r", "Purples", "Purples_r", "RdBu",
    "RdBu_r", "RdGy", "RdGy_r", "RdPu", "RdPu_r", "RdYlBu", "RdYlBu_r", "RdYlGn", "RdYlGn_r",
    "Reds", "Reds_r", "Spectral", "Spectral_r", "Wistia", "Wistia_r", "YlGn", "YlGnBu", "YlGnBu_r",
    "YlGn_r", "YlOrBr", "YlOrBr_r", "YlOrRd", "YlOrRd_r", "afmhot", "afmhot_r", "autumn",
    "autumn_r", "binary", "binary_r", "bone", "bone_r", "brg", "brg_r", "bwr", "bwr_r", "cool",
    "cool_r", "coolwarm", "coolwarm_r", "copper", "copper_r", "cubehelix", "cubehelix_r", "flag",
    "flag_r", "gist_earth", "gist_earth_r", "gist_gray", "gist_gray_r", "gist_grey", "gist_grey_r",
    "gist_heat", "gist_heat_r", "gist_ncar", "gist_ncar_r", "gist_rainbow", "gist_rainbow_r",
    "gist_stern", "gist_stern_r", "gist_yarg", "gist_yarg_r", "gist_yerg", "gist_yerg_r", "gnuplot",
    "gnuplot2", "gnuplot2_r", "gnuplot_r", "gray", "gray_r", "grey", "grey_r", "hot", "hot_r",
    "hsv", "hsv_r", "jet", "jet_r", "nipy_spectral", "nipy_spectral_r", "ocean", "ocean_r", "pink",
    "pink_r", "prism", "prism_r", "rainbow", "rainbow_r", "seismic", "seismic_r", "spring",
    "spring_r", "summer", "summer_r", "terrain", "terrain_r", "winter", "winter_r",
  ]

  /// `plt.cm.NAME`: a colormap for a figure ConvBook does not draw; another name is the module's
  /// AttributeError.
  static func colormap(_ name: String, range: SourceRange) throws(CellError) -> Value {
    if listedColormaps.contains(name) {
      return .standard(MatplotlibObject(.other("ListedColormap")))
    }
    if segmentedColormaps.contains(name) {
      return .standard(MatplotlibObject(.other("LinearSegmentedColormap")))
    }
    throw CellError(
      type: "AttributeError", message: "module 'matplotlib.cm' has no attribute '\(name)'",
      range: range)
  }

  /// `plt.NAME`, or nil when ConvBook has no such function.
  static func pyplotFunction(_ name: String) -> Value? {
    guard pyplot[name] != nil else { return nil }
    return .standard(PyplotFunction(name: name))
  }

  /// Runs `name` (a pyplot function, or a method of `owner`, `Axes` or `Figure`) on its arguments.
  static func call(
    _ name: String, owner: String?, signature: Signature, positional: [Value],
    keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) -> Value {
    let shown = owner.map { "\(signature.definedIn ?? $0).\(name)" } ?? name
    func typeError(_ message: String) -> CellError {
      CellError(type: "TypeError", message: message, range: range)
    }
    if !signature.variadic {
      let maximum = signature.parameters.count
      if positional.count > maximum {
        // A method counts `self` as CPython does.
        let offset = owner == nil ? 0 : 1
        let given = positional.count + offset
        let takes =
          signature.required == maximum
          ? "\(maximum + offset)" : "from \(signature.required + offset) to \(maximum + offset)"
        throw typeError(
          maximum + offset == 0 || (signature.required == maximum && maximum + offset == 1)
            ? "\(shown)() takes \(takes) positional argument\(maximum + offset == 1 ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given"
            : "\(shown)() takes \(takes) positional arguments but \(given) were given")
      }
      let named = Set(keywords.map(\.0))
      let missing = signature.parameters.prefix(signature.required).dropFirst(positional.count)
        .filter { !named.contains($0) }
      if !missing.isEmpty {
        let quoted = missing.map { "'\($0)'" }
        let list =
          quoted.count == 1
          ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
        throw typeError(
          "\(shown)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)"
        )
      }
    }
    if let known = signature.keywords {
      for (keyword, _) in keywords
      where !known.contains(keyword) && !signature.parameters.contains(keyword) {
        throw .unsupported(
          "ConvBook does not support matplotlib's \(shown)(..., \(keyword)=...) yet (it draws no figures, and checks the keywords it knows)",
          at: range)
      }
    }
    if name == "contourf", positional.isEmpty {
      throw typeError("\(shown)() takes from 1 to 4 positional arguments but 0 were given")
    }
    try checkValues(name, positional: positional, keywords: keywords, range: range)
    if name == "savefig" {
      try checkSaved(positional: positional, keywords: keywords, session: session, range: range)
    }
    switch signature.result {
    case .none: return .none
    case .figure: return .standard(MatplotlibObject(.figure))
    case .axes: return .standard(MatplotlibObject(.axes))
    case .text: return .standard(MatplotlibObject(.other("Text")))
    case .lines:
      // One Line2D per line drawn: `plot(x, y)`, `plot(y)`, `plot(x, y, 'r-', x, z)`.
      let lines = max(
        positional.isEmpty ? 0 : 1,
        positional.split { if case .string = $0 { true } else { false } }.reduce(0) {
          $0 + ($1.count + 1) / 2
        })
      return .list(
        PythonList((0..<lines).map { _ in .standard(MatplotlibObject(.other("Line2D"))) }))
    case .opaque(let type): return .standard(MatplotlibObject(.other(type)))
    case .subplots:
      return try subplots(positional: positional, keywords: keywords, range: range)
    }
  }

  /// matplotlib's own checks of values that are cheap to repeat.
  private static func checkValues(
    _ name: String, positional: [Value], keywords: [(String, Value)], range: SourceRange
  ) throws(CellError) {
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    switch name {
    case "plot" where positional.count == 2 || positional.count == 3:
      // `plot(x, y)`: both lists (or tuples, ranges) of numbers.
      if positional.count == 3, case .string = positional[2] {
      } else if positional.count == 3 {
        return
      }
      guard let x = flatLength(positional[0]), let y = flatLength(positional[1]) else { return }
      if x != y {
        throw valueError(
          "x and y must have same first dimension, but have shapes (\(x),) and (\(y),)")
      }
    case "title", "set_title":
      let loc = positional.count > 2 ? positional[2] : keywords.first { $0.0 == "loc" }?.1
      if let loc, case .string(let word) = loc, !["left", "center", "right"].contains(word) {
        throw valueError(
          "\(PythonText.repr(loc)) is not a valid value for loc. Supported values are 'left', 'center', 'right'"
        )
      }
    case "axis":
      guard let argument = positional.first, case .string(let word) = argument else { return }
      let known = ["on", "off", "equal", "tight", "scaled", "auto", "image", "square"]
      if !known.contains(word.lowercased()) {
        throw valueError(
          "Unrecognized string \(PythonText.repr(argument)) to axis; try 'on' or 'off'")
      }
    case "subplot", "add_subplot":
      try checkSubplot(positional: positional, name: name, range: range)
    default: return
    }
  }

  /// The formats of matplotlib 3.11's Agg canvas (`savefig`'s file extensions).
  static let savedFormats = [
    "avif", "eps", "gif", "jpeg", "jpg", "pdf", "pgf", "png", "ps", "raw", "rgba", "svg", "svgz",
    "tif", "tiff", "webp",
  ]

  /// `savefig(fname)`: ConvBook writes no file, but fails where matplotlib fails before writing
  /// one (a format it does not have, a folder that is not there).
  private static func checkSaved(
    positional: [Value], keywords: [(String, Value)], session: KerasSession, range: SourceRange
  ) throws(CellError) {
    guard let target = positional.first ?? keywords.first(where: { $0.0 == "fname" })?.1,
      case .string(let path) = target
    else {
      throw .unsupported(
        "ConvBook supports matplotlib's savefig with a file name (a str) only", at: range)
    }
    let file = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    if !keywords.contains(where: { $0.0 == "format" }), let dot = file.lastIndex(of: "."),
      dot != file.startIndex
    {
      let format = file[file.index(after: dot)...].lowercased()
      if !savedFormats.contains(format) {
        throw CellError(
          type: "ValueError",
          message:
            "Format '\(format)' is not supported (supported formats: \(savedFormats.joined(separator: ", ")))",
          range: range)
      }
    }
    if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
      let folder = String(path[..<slash])
      if MadeFolders.isFolder(folder, session: session) == false {
        throw MissingFiles.notFound(path, range: range)
      }
    }
  }

  /// The number of items of a flat list, tuple or range of numbers, else nil.
  private static func flatLength(_ value: Value) -> Int? {
    switch value {
    case .range: return value.sequenceItems?.count
    case .array(let array) where array.shape.count == 1: return array.shape[0]
    case .list, .tuple:
      guard let items = value.sequenceItems,
        items.allSatisfy({
          switch $0 {
          case .int, .float, .bool: true
          default: false
          }
        })
      else { return nil }
      return items.count
    default: return nil
    }
  }

  /// `subplot(nrows, ncols, index)` or `subplot(211)`: matplotlib's checks of the grid and the
  /// index (`SubplotSpec._from_subplot_args`).
  private static func checkSubplot(positional: [Value], name: String, range: SourceRange)
    throws(CellError)
  {
    func valueError(_ message: String) -> CellError {
      CellError(type: "ValueError", message: message, range: range)
    }
    switch positional.count {
    case 0: return
    case 1:
      guard case .int(let number) = positional[0] else { return }
      guard (100...999).contains(number) else {
        throw valueError(
          "Integer subplot specification must be a three-digit number, not \(number)")
      }
      let rows = number / 100
      let columns = number / 10 % 10
      let index = number % 10
      if rows == 0 || columns == 0 { return }
      if index < 1 || index > rows * columns {
        throw valueError(
          "num must be an integer with 1 <= num <= \(rows * columns), not \(index)")
      }
    case 3:
      guard case .int(let rows) = positional[0], case .int(let columns) = positional[1],
        rows > 0, columns > 0, case .int(let index) = positional[2]
      else { return }
      if index < 1 || index > rows * columns {
        throw valueError(
          "num must be an integer with 1 <= num <= \(rows * columns), not \(index)")
      }
    default:
      if name == "subplot" {
        throw CellError(
          type: "TypeError",
          message:
            "subplot() takes 1 or 3 positional arguments but \(positional.count) were given",
          range: range)
      }
      throw .unsupported(
        "ConvBook does not support matplotlib's Figure.add_subplot with \(positional.count) positional arguments",
        at: range)
    }
  }

  /// `plt.subplots(nrows, ncols)`: the Figure and its one Axes, or its Axes in a grid.
  private static func subplots(
    positional: [Value], keywords: [(String, Value)], range: SourceRange
  ) throws(CellError) -> Value {
    func count(_ index: Int, _ name: String) throws(CellError) -> Int {
      let value = index < positional.count ? positional[index] : keywords.first { $0.0 == name }?.1
      guard let value else { return 1 }
      guard case .int(let number) = value, number >= 1, number <= 100 else {
        throw .unsupported(
          "ConvBook supports matplotlib's subplots with \(name) a small positive int, not \(PythonText.repr(value))",
          at: range)
      }
      return number
    }
    let rows = try count(0, "nrows")
    let columns = try count(1, "ncols")
    if let squeeze = keywords.first(where: { $0.0 == "squeeze" })?.1, case .bool(false) = squeeze {
      return .tuple([.standard(MatplotlibObject(.figure)), .standard(AxesGrid(rows, columns))])
    }
    let axes: Value
    if rows == 1 && columns == 1 {
      axes = .standard(MatplotlibObject(.axes))
    } else if rows == 1 || columns == 1 {
      // squeezed to one dimension
      axes = .standard(AxesGrid(nil, rows * columns))
    } else {
      axes = .standard(AxesGrid(rows, columns))
    }
    return .tuple([.standard(MatplotlibObject(.figure)), axes])
  }
}

/// A function of `matplotlib.pyplot` (`plt.plot`).
final class PyplotFunction: StandardObject {
  let name: String
  init(name: String) { self.name = name }

  override var typeName: String { "function" }
  override var isCallable: Bool { true }
  override func repr(_ item: (Value) -> String) -> String { "<function \(name) at 0x...>" }

  override func call(
    positional: [Value], keywords: [(String, Value)], site: CallSite, interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard let signature = MatplotlibDrawing.pyplot[name] else { return nil }
    if name == "show", !positional.isEmpty {
      // pyplot's `show(*args, **kwargs)` hands them to the backend's `show(cls, *, block=None)`.
      throw CellError(
        type: "TypeError",
        message:
          "_Backend.show() takes 1 positional argument but \(positional.count + 1) were given",
        range: site.range)
    }
    return try MatplotlibDrawing.call(
      name, owner: nil, signature: signature, positional: positional, keywords: keywords,
      session: interpreter.session, range: site.range)
  }
}

/// A Figure, an Axes, or another object matplotlib returns (a Text, a Line2D, a Legend, ...).
/// ConvBook keeps nothing of what is drawn.
final class MatplotlibObject: StandardObject {
  enum Kind {
    case figure, axes
    case other(String)
  }
  let kind: Kind
  init(_ kind: Kind) { self.kind = kind }

  override var typeName: String {
    switch kind {
    case .figure: "Figure"
    case .axes: "Axes"
    case .other(let name): name
    }
  }

  var methods: [String: MatplotlibDrawing.Signature] {
    switch kind {
    case .figure: MatplotlibDrawing.figureMethods
    case .axes: MatplotlibDrawing.axesMethods
    case .other("XAxis"), .other("YAxis"): MatplotlibDrawing.axisMethods
    case .other: [:]
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    if methods[name] != nil { return .method(receiver: .standard(self), name: name) }
    throw .unsupported(
      "ConvBook does not support matplotlib's `\(typeName).\(name)` yet (it draws no figures)",
      at: range)
  }

  /// matplotlib's containers iterate (`n, bins, patches = plt.hist(x)`, `for bar in bars:`)
  /// over what they hold, which ConvBook does not keep; a Figure or an Axes does not iterate.
  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    guard case .other(let name) = kind else { return nil }
    throw .unsupported(
      "ConvBook does not support iterating over matplotlib's `\(name)` yet (it draws no figures)",
      at: range)
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard let signature = methods[name] else { return nil }
    return try MatplotlibDrawing.call(
      name, owner: typeName, signature: signature, positional: positional, keywords: keywords,
      session: interpreter.session, range: site.range)
  }
}

/// The Axes of `plt.subplots(2, 3)`: a NumPy array of objects, indexed (`axes[0, 1]`,
/// `axes[i]`), iterated and flattened (`axes.flat`, `axes.ravel()`, `axes.flatten()`).
final class AxesGrid: StandardObject {
  /// nil for a one-dimensional array.
  let rows: Int?
  let columns: Int
  let axes: [Value]

  init(_ rows: Int?, _ columns: Int) {
    self.rows = rows
    self.columns = columns
    axes = (0..<((rows ?? 1) * columns)).map { _ in .standard(MatplotlibObject(.axes)) }
  }

  private init(flat axes: [Value]) {
    rows = nil
    columns = axes.count
    self.axes = axes
  }

  override var typeName: String { "ndarray" }

  private var itemsOfFirstAxis: [Value] {
    guard let rows else { return axes }
    return (0..<rows).map { row in
      .standard(AxesGrid(flat: Array(axes[(row * columns)..<((row + 1) * columns)])))
    }
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    switch name {
    case "flat": return .standard(AxesGrid(flat: axes))
    case "ravel", "flatten": return .method(receiver: .standard(self), name: name)
    case "shape": return .tuple(rows.map { [.int($0), .int(columns)] } ?? [.int(columns)])
    default:
      throw .unsupported(
        "ConvBook does not support `.\(name)` of the array of matplotlib Axes yet", at: range)
    }
  }

  override func method(
    _ name: String, positional: [Value], keywords: [(String, Value)], site: CallSite,
    interpreter: Interpreter
  ) throws(CellError) -> Value? {
    guard name == "ravel" || name == "flatten", positional.isEmpty, keywords.isEmpty else {
      return nil
    }
    return .standard(AxesGrid(flat: axes))
  }

  override func item(at index: Value, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    func position(_ value: Value, size: Int, axis: Int) throws(CellError) -> Int {
      guard case .int(let number) = value else {
        throw .unsupported(
          "ConvBook indexes the array of matplotlib Axes with ints only, not \(PythonText.repr(value))",
          at: range)
      }
      guard (-size..<size).contains(number) else {
        throw CellError(
          type: "IndexError",
          message: "index \(number) is out of bounds for axis \(axis) with size \(size)",
          range: range)
      }
      return number < 0 ? number + size : number
    }
    switch (index, rows) {
    case (.tuple(let pair), let rows?) where pair.count == 2:
      let row = try position(pair[0], size: rows, axis: 0)
      let column = try position(pair[1], size: columns, axis: 1)
      return axes[row * columns + column]
    case (.tuple, _):
      throw .unsupported(
        "ConvBook does not support this index of the array of matplotlib Axes yet", at: range)
    default:
      let items = itemsOfFirstAxis
      return items[try position(index, size: items.count, axis: 0)]
    }
  }

  override func makeIterator(interpreter: Interpreter, range: SourceRange) throws(CellError)
    -> StandardObject?
  {
    var remaining = itemsOfFirstAxis[...]
    return PythonIterator(name: "iterator") { _, _ in remaining.popFirst() }
  }
}
