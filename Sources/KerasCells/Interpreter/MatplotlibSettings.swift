/// `matplotlib.rc(group, **kwargs)` (`plt.rc`, `mpl.rc`): the settings the setup cells of books set
/// before any figure (Géron's chapters: `plt.rc('font', size=14)`, `mpl.rc('axes',
/// labelsize=14)`). ConvBook draws no figures, so a setting changes nothing; what matplotlib
/// checks is checked as it checks it (matplotlib 3.11's parameter names, its aliases, and the
/// float, int, bool and font-size values of its validators), and any other value is ConvBook's
/// limitation.
enum MatplotlibSettings {
  enum Kind {
    case float, int, bool, fontSize
  }

  /// `matplotlib.rc`'s short names.
  static let aliases = [
    "lw": "linewidth", "ls": "linestyle", "c": "color", "fc": "facecolor", "ec": "edgecolor",
    "mew": "markeredgewidth", "aa": "antialiased",
  ]

  /// `font_manager.font_scalings`' names, which `validate_fontsize` takes.
  static let fontSizes = [
    "xx-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "smaller", "larger",
  ]

  /// `matplotlib.style.available` of matplotlib 3.11 (the reference's): the styles `style.use`
  /// knows by name, beside `default`.
  static let styles: Set<String> = [
    "Solarize_Light2", "_classic_test_patch", "_mpl-gallery", "_mpl-gallery-nogrid", "bmh",
    "classic", "dark_background", "fast", "fivethirtyeight", "ggplot", "grayscale", "petroff10",
    "petroff6", "petroff8", "seaborn-v0_8", "seaborn-v0_8-bright", "seaborn-v0_8-colorblind",
    "seaborn-v0_8-dark", "seaborn-v0_8-dark-palette", "seaborn-v0_8-darkgrid", "seaborn-v0_8-deep",
    "seaborn-v0_8-muted", "seaborn-v0_8-notebook", "seaborn-v0_8-paper", "seaborn-v0_8-pastel",
    "seaborn-v0_8-poster", "seaborn-v0_8-talk", "seaborn-v0_8-ticks", "seaborn-v0_8-white",
    "seaborn-v0_8-whitegrid", "tableau-colorblind10",
  ]

  /// The backends matplotlib 3.11 renders files with, which need no display (`use` takes their
  /// names in any case).
  static let fileBackends: Set<String> = ["agg", "cairo", "pdf", "pgf", "ps", "svg", "template"]

  /// `matplotlib.use(backend, *, force=True)`: a script meant for a server picks a
  /// non-interactive backend before pyplot (`matplotlib.use("Agg")`); ConvBook draws no figures,
  /// so it returns None, as matplotlib does. An interactive backend (which needs a display) or a
  /// name matplotlib does not know is ConvBook's limitation.
  static func useBackend(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    guard positional.count <= 2, keywords.allSatisfy({ ["backend", "force"].contains($0.0) }),
      case .string(let backend)? = positional.first
        ?? keywords.first(where: { $0.0 == "backend" })?.1,
      fileBackends.contains(backend.lowercased())
    else {
      throw .unsupported(
        "ConvBook supports matplotlib.use with a non-interactive backend (\(fileBackends.sorted().joined(separator: ", "))) only",
        at: range)
    }
    return .none
  }

  /// `plt.style.use(style)`: a style by name (or a list of them) changes figures ConvBook does
  /// not draw, so it returns None; a name matplotlib does not have is its OSError (the
  /// `seaborn` styles were renamed `seaborn-v0_8` and then removed). A style file, URL or dict of
  /// settings is ConvBook's limitation.
  static func useStyle(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    guard positional.count + keywords.count == 1, keywords.allSatisfy({ $0.0 == "style" }) else {
      throw CellError(
        type: "TypeError",
        message: positional.count + keywords.count == 0
          ? "use() missing 1 required positional argument: 'style'"
          : keywords.first(where: { $0.0 != "style" }).map {
            "use() got an unexpected keyword argument '\($0.0)'"
          } ?? "use() takes 1 positional argument but \(positional.count) were given",
        range: range)
    }
    let style = positional.first ?? keywords[0].1
    let items: [Value]
    switch style {
    case .string: items = [style]
    case .list(let list): items = list.items
    case .tuple(let values): items = values
    case .dictionary:
      throw .unsupported(
        "ConvBook does not support matplotlib.style.use with a dict of settings yet", at: range)
    default:
      throw CellError(
        type: "TypeError", message: "'\(style.typeName)' object is not iterable", range: range)
    }
    for item in items {
      guard case .string(let name) = item else {
        throw .unsupported(
          "ConvBook supports matplotlib.style.use with style names, not \(item.typeName)",
          at: range)
      }
      if name == "default" || styles.contains(name) { continue }
      if name.contains("/") || name.contains(".") || name.contains(":") {
        throw .unsupported(
          "ConvBook does not support matplotlib.style.use with a style file or package (\(PythonText.repr(item))) yet",
          at: range)
      }
      // matplotlib tries the name as a file first and raises from that FileNotFoundError,
      // whose traceback has no frame of the script's.
      var missing = CellError(
        type: "FileNotFoundError",
        message: "[Errno 2] No such file or directory: \(PythonText.repr(item))", range: range)
      missing.hasNoPlace = true
      var error = CellError(
        type: "OSError",
        message:
          "\(PythonText.repr(item)) is not a valid package style, path of style file, URL of style file, or library style name (library styles are listed in `style.available`)",
        range: range)
      error.chained = ChainedError(missing, isCause: true)
      throw error
    }
    return .none
  }

  static func rc(positional: [Value], keywords: [(String, Value)], range: SourceRange)
    throws(CellError) -> Value
  {
    guard positional.count == 1 else {
      throw CellError(
        type: "TypeError",
        message: positional.isEmpty
          ? "rc() missing 1 required positional argument: 'group'"
          : "rc() takes 1 positional argument but \(positional.count) were given",
        range: range)
    }
    var items: [Value] = []
    switch positional[0] {
    case .string: items = [positional[0]]
    case .tuple(let values): items = values
    case .list(let list): items = list.items
    default: break
    }
    let groups = items.compactMap { if case .string(let text) = $0 { text } else { nil } }
    guard !groups.isEmpty, groups.count == items.count else {
      throw .unsupported(
        "ConvBook takes matplotlib.rc's group as a str or a tuple of str, not \(positional[0].typeName)",
        at: range)
    }
    for group in groups {
      for (label, value) in keywords {
        let name = aliases[label] ?? label
        let key = "\(group).\(name)"
        guard let kind = kinds[key] else {
          guard otherKeys.contains(key) else {
            throw CellError.keyError(
              .string("Unrecognized key \"\(key)\" for group \"\(group)\" and name \"\(name)\""),
              range: range)
          }
          throw .unsupported(
            "ConvBook does not support matplotlib.rc('\(group)', \(label)=...) yet (it checks the number, bool and font-size settings)",
            at: range)
        }
        try check(value, kind: kind, key: key, range: range)
      }
    }
    return .none
  }

  /// The value as the key's validator takes it, matplotlib's ValueError where it does not, or
  /// ConvBook's limitation where the answer needs more of Python than numbers and names.
  private static func check(_ value: Value, kind: Kind, key: String, range: SourceRange)
    throws(CellError)
  {
    func limitation() -> CellError {
      .unsupported(
        "ConvBook does not support matplotlib's \(key) set to \(PythonText.repr(value)) yet",
        at: range)
    }
    switch (kind, value) {
    case (.float, .int), (.float, .float), (.float, .bool), (.int, .int), (.int, .bool),
      (.fontSize, .int), (.fontSize, .float), (.fontSize, .bool):
      return
    case (.int, .float(let number)) where number.isFinite:
      return
    case (.bool, .bool):
      return
    case (.bool, .int(let number)) where number == 0 || number == 1:
      return
    case (.fontSize, .string(let text)):
      let lowered = text.lowercased()
      if fontSizes.contains(lowered) { return }
      // `float(s)` fails for a word without digits (a number in a str is ConvBook's limitation).
      guard !text.contains(where: { $0.isNumber }), !text.lowercased().contains("inf"),
        !text.lowercased().contains("nan")
      else { throw limitation() }
      throw CellError(
        type: "ValueError",
        message:
          "Key \(key): \(lowered) is not a valid font size. Valid font sizes are \(fontSizes.joined(separator: ", ")).",
        range: range)
    default:
      throw limitation()
    }
  }

  /// matplotlib 3.11's parameters by what their validators take (`rcsetup._validators`).
  static let kinds: [String: Kind] = [
    "_internal.classic_mode": .bool, "agg.path.chunksize": .int, "animation.bitrate": .int,
    "animation.embed_limit": .float, "axes.formatter.min_exponent": .int,
    "axes.formatter.offset_threshold": .int, "axes.formatter.use_locale": .bool,
    "axes.formatter.use_mathtext": .bool, "axes.formatter.useoffset": .bool, "axes.grid": .bool,
    "axes.labelpad": .float, "axes.labelsize": .fontSize, "axes.linewidth": .float,
    "axes.spines.bottom": .bool, "axes.spines.left": .bool, "axes.spines.right": .bool,
    "axes.spines.top": .bool, "axes.titlepad": .float, "axes.titlesize": .fontSize,
    "axes.unicode_minus": .bool, "axes3d.automargin": .bool, "axes3d.depthshade": .bool,
    "axes3d.depthshade_minalpha": .float, "axes3d.grid": .bool, "axes3d.snap_rotation": .float,
    "axes3d.trackballborder": .float, "axes3d.trackballsize": .float, "backend_fallback": .bool,
    "boxplot.boxprops.linewidth": .float, "boxplot.capprops.linewidth": .float,
    "boxplot.flierprops.linewidth": .float, "boxplot.flierprops.markeredgewidth": .float,
    "boxplot.flierprops.markersize": .float, "boxplot.meanline": .bool,
    "boxplot.meanprops.linewidth": .float, "boxplot.meanprops.markersize": .float,
    "boxplot.medianprops.linewidth": .float, "boxplot.notch": .bool, "boxplot.patchartist": .bool,
    "boxplot.showbox": .bool, "boxplot.showcaps": .bool, "boxplot.showfliers": .bool,
    "boxplot.showmeans": .bool, "boxplot.vertical": .bool, "boxplot.whiskerprops.linewidth": .float,
    "contour.corner_mask": .bool, "date.interval_multiples": .bool, "docstring.hardcopy": .bool,
    "errorbar.capsize": .float, "figure.autolayout": .bool,
    "figure.constrained_layout.h_pad": .float, "figure.constrained_layout.hspace": .float,
    "figure.constrained_layout.use": .bool, "figure.constrained_layout.w_pad": .float,
    "figure.constrained_layout.wspace": .float, "figure.dpi": .float, "figure.frameon": .bool,
    "figure.labelsize": .fontSize, "figure.max_open_warning": .int, "figure.raise_window": .bool,
    "figure.subplot.bottom": .float, "figure.subplot.hspace": .float, "figure.subplot.left": .float,
    "figure.subplot.right": .float, "figure.subplot.top": .float, "figure.subplot.wspace": .float,
    "figure.titlesize": .fontSize, "font.enable_last_resort": .bool, "font.size": .float,
    "grid.alpha": .float, "grid.linewidth": .float, "hatch.linewidth": .float,
    "image.composite_image": .bool, "image.lut": .int, "image.resample": .bool,
    "interactive": .bool, "legend.borderaxespad": .float, "legend.borderpad": .float,
    "legend.columnspacing": .float, "legend.fancybox": .bool, "legend.fontsize": .fontSize,
    "legend.frameon": .bool, "legend.handleheight": .float, "legend.handlelength": .float,
    "legend.handletextpad": .float, "legend.labelspacing": .float, "legend.markerscale": .float,
    "legend.numpoints": .int, "legend.scatterpoints": .int, "legend.shadow": .bool,
    "lines.antialiased": .bool, "lines.linewidth": .float, "lines.markeredgewidth": .float,
    "lines.markersize": .float, "lines.scale_dashes": .bool, "patch.antialiased": .bool,
    "patch.force_edgecolor": .bool, "patch.linewidth": .float, "path.simplify": .bool,
    "path.snap": .bool, "pcolormesh.snap": .bool, "pdf.compression": .int,
    "pdf.inheritcolor": .bool, "pdf.use14corefonts": .bool, "pgf.rcfonts": .bool,
    "polaraxes.grid": .bool, "ps.distiller.res": .int, "ps.useafm": .bool,
    "savefig.pad_inches": .float, "savefig.transparent": .bool, "svg.image_inline": .bool,
    "text.antialiased": .bool, "text.parse_math": .bool, "text.usetex": .bool,
    "tk.window_focus": .bool, "webagg.open_in_browser": .bool, "webagg.port": .int,
    "webagg.port_retries": .int, "xtick.bottom": .bool, "xtick.labelbottom": .bool,
    "xtick.labelsize": .fontSize, "xtick.labeltop": .bool, "xtick.major.bottom": .bool,
    "xtick.major.pad": .float, "xtick.major.size": .float, "xtick.major.top": .bool,
    "xtick.major.width": .float, "xtick.minor.bottom": .bool, "xtick.minor.pad": .float,
    "xtick.minor.size": .float, "xtick.minor.top": .bool, "xtick.minor.visible": .bool,
    "xtick.minor.width": .float, "xtick.top": .bool, "ytick.labelleft": .bool,
    "ytick.labelright": .bool, "ytick.labelsize": .fontSize, "ytick.left": .bool,
    "ytick.major.left": .bool, "ytick.major.pad": .float, "ytick.major.right": .bool,
    "ytick.major.size": .float, "ytick.major.width": .float, "ytick.minor.left": .bool,
    "ytick.minor.pad": .float, "ytick.minor.right": .bool, "ytick.minor.size": .float,
    "ytick.minor.visible": .bool, "ytick.minor.width": .float, "ytick.right": .bool,
  ]
  /// The other parameters (`matplotlib.rcsetup._validators`' keys), whose values ConvBook does not check.
  static let otherKeys: Set<String> = [
    "animation.codec", "animation.convert_args", "animation.convert_path", "animation.ffmpeg_args",
    "animation.ffmpeg_path", "animation.frame_format", "animation.html", "animation.writer",
    "axes.autolimit_mode", "axes.axisbelow", "axes.edgecolor", "axes.facecolor",
    "axes.formatter.limits", "axes.grid.axis", "axes.grid.which", "axes.labelcolor",
    "axes.labelweight", "axes.prop_cycle", "axes.titlecolor", "axes.titlelocation",
    "axes.titleweight", "axes.titley", "axes.xmargin", "axes.ymargin", "axes.zmargin",
    "axes3d.mouserotationstyle", "axes3d.xaxis.panecolor", "axes3d.yaxis.panecolor",
    "axes3d.zaxis.panecolor", "backend", "boxplot.bootstrap", "boxplot.boxprops.color",
    "boxplot.boxprops.linestyle", "boxplot.capprops.color", "boxplot.capprops.linestyle",
    "boxplot.flierprops.color", "boxplot.flierprops.linestyle", "boxplot.flierprops.marker",
    "boxplot.flierprops.markeredgecolor", "boxplot.flierprops.markerfacecolor",
    "boxplot.meanprops.color", "boxplot.meanprops.linestyle", "boxplot.meanprops.marker",
    "boxplot.meanprops.markeredgecolor", "boxplot.meanprops.markerfacecolor",
    "boxplot.medianprops.color", "boxplot.medianprops.linestyle", "boxplot.whiskerprops.color",
    "boxplot.whiskerprops.linestyle", "boxplot.whiskers", "contour.algorithm", "contour.linewidth",
    "contour.negative_linestyle", "date.autoformatter.day", "date.autoformatter.hour",
    "date.autoformatter.microsecond", "date.autoformatter.minute", "date.autoformatter.month",
    "date.autoformatter.second", "date.autoformatter.year", "date.converter", "date.epoch",
    "errorbar.capthick", "errorbar.elinewidth", "figure.edgecolor", "figure.facecolor",
    "figure.figsize", "figure.hooks", "figure.labelweight", "figure.titleweight", "font.cursive",
    "font.family", "font.fantasy", "font.monospace", "font.sans-serif", "font.serif",
    "font.stretch", "font.style", "font.variant", "font.weight", "grid.color", "grid.linestyle",
    "grid.major.alpha", "grid.major.color", "grid.major.linestyle", "grid.major.linewidth",
    "grid.minor.alpha", "grid.minor.color", "grid.minor.linestyle", "grid.minor.linewidth",
    "hatch.color", "hist.bins", "image.aspect", "image.cmap", "image.interpolation",
    "image.interpolation_stage", "image.origin", "keymap.back", "keymap.copy", "keymap.forward",
    "keymap.fullscreen", "keymap.grid", "keymap.grid_minor", "keymap.help", "keymap.home",
    "keymap.pan", "keymap.quit", "keymap.quit_all", "keymap.save", "keymap.xscale", "keymap.yscale",
    "keymap.zoom", "legend.edgecolor", "legend.facecolor", "legend.framealpha", "legend.labelcolor",
    "legend.linewidth", "legend.loc", "legend.title_fontsize", "lines.color", "lines.dash_capstyle",
    "lines.dash_joinstyle", "lines.dashdot_pattern", "lines.dashed_pattern", "lines.dotted_pattern",
    "lines.linestyle", "lines.marker", "lines.markeredgecolor", "lines.markerfacecolor",
    "lines.solid_capstyle", "lines.solid_joinstyle", "macosx.window_mode", "markers.fillstyle",
    "mathtext.bf", "mathtext.bfit", "mathtext.cal", "mathtext.default", "mathtext.fallback",
    "mathtext.fontset", "mathtext.it", "mathtext.rm", "mathtext.sf", "mathtext.tt",
    "patch.edgecolor", "patch.facecolor", "path.effects", "path.simplify_threshold", "path.sketch",
    "pcolor.shading", "pdf.fonttype", "pgf.preamble", "pgf.texsystem", "ps.fonttype",
    "ps.papersize", "ps.usedistiller", "savefig.bbox", "savefig.directory", "savefig.dpi",
    "savefig.edgecolor", "savefig.facecolor", "savefig.format", "savefig.orientation",
    "scatter.edgecolors", "scatter.marker", "svg.fonttype", "svg.hashsalt", "svg.id", "text.color",
    "text.hinting", "text.hinting_factor", "text.kerning_factor", "text.language",
    "text.latex.engine", "text.latex.preamble", "timezone", "toolbar", "webagg.address",
    "xaxis.labellocation", "xtick.alignment", "xtick.color", "xtick.direction", "xtick.labelcolor",
    "xtick.minor.ndivs", "yaxis.labellocation", "ytick.alignment", "ytick.color", "ytick.direction",
    "ytick.labelcolor", "ytick.minor.ndivs",
  ]
}
