/// The site's stylesheet. Instructors add to it (or override it rule by rule) with
/// `theme/style.css` in the lessons folder, which the build appends after these rules.
///
/// Colours come from the Okabe–Ito palette, which stays distinguishable with colour-blindness and
/// keeps contrast in greyscale; code and summaries never rely on colour alone.
public enum DefaultStylesheet {
  public static let css = """
    :root {
      --ink: #1d1d1f; --muted: #5a5a5f; --paper: #ffffff; --panel: #f5f5f3; --rule: #d9d9d6;
      --accent: #0072b2; --warn: #d55e00; --ok: #009e73; --gold: #e69f00; --sky: #56b4e9;
      --code-kw: #0072b2; --code-str: #8a4b00; --code-num: #a2366f; --code-com: #5a5a5f; --code-class: #006b52;
      --mono: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace;
      --mono-box: "DejaVu Sans Mono", Menlo, "Cascadia Mono", "Noto Sans Mono", "Liberation Mono", ui-monospace, Consolas, monospace;
      --sans: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", sans-serif;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: var(--paper); font: 17px/1.6 var(--sans); }
    .site-header { padding: 0.6rem 1rem; border-bottom: 1px solid var(--rule); background: var(--panel); }
    .site-header a { color: var(--ink); font-weight: 600; text-decoration: none; }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
    h1, h2, h3 { line-height: 1.25; }
    h1 { font-size: 1.9rem; margin-top: 1.2rem; }
    h2 { font-size: 1.4rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
    a { color: var(--accent); }
    code { font-family: var(--mono); font-size: 0.9em; background: var(--panel); padding: 0.05em 0.3em; border-radius: 3px; }
    pre { font-family: var(--mono); font-size: 0.82rem; line-height: 1.45; overflow-x: auto; margin: 0; }
    pre code { background: none; padding: 0; font-size: inherit; }
    .inline-value { font-weight: 600; font-variant-numeric: tabular-nums; border-bottom: 1px dotted var(--muted); }
    .inline-error { color: var(--warn); }
    .cell { margin: 1.4rem 0; border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; }
    .cell-code, .cell-output { position: relative; padding: 0.7rem 0.9rem; }
    .cell-code { background: var(--panel); border-left: 4px solid var(--accent); }
    .cell-output { border-top: 1px solid var(--rule); border-left: 4px solid var(--rule); }
    .cell-label { position: absolute; right: 0.5rem; top: 0.3rem; font: 0.7rem var(--mono); color: var(--muted); }
    .output-summary, .output-text { white-space: pre; }
    .output-summary { font-family: var(--mono-box); line-height: 1.25; }
    .output-summary + .output-summary, .output-text + .output-summary, .output-summary + .output-text { margin-top: 0.8rem; }
    .output-stderr { white-space: pre-wrap; overflow-wrap: anywhere; background: #fdeeee; margin: 0 0 0.8rem; padding: 0.3rem 0.5rem; font-size: 0.85em; }
    .tok-kw { color: var(--code-kw); font-weight: 600; }
    .tok-str { color: var(--code-str); }
    .tok-num { color: var(--code-num); }
    .tok-com { color: var(--code-com); font-style: italic; }
    .tok-class { color: var(--code-class); }
    .tok-builtin { color: var(--code-kw); }
    .tok-err { text-decoration: underline wavy var(--warn); }
    .error-box { border-left: 4px solid var(--warn); background: #fff4ec; padding: 0.7rem 0.9rem; margin: 0.6rem 0; }
    .cell .error-box { margin: 0; border-top: 1px solid var(--rule); }
    .error-box p { margin: 0.2rem 0; }
    .error-where { font-weight: 600; color: var(--warn); }
    .error-message { font-family: var(--mono); font-size: 0.85rem; white-space: pre-wrap; }
    .error-excerpt { background: #fff; padding: 0.4rem; border: 1px solid var(--rule); }
    figure { margin: 1.6rem 0; }
    figure svg { max-width: 100%; height: auto; display: block; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
    table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
    th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    .table-scroll { overflow-x: auto; margin: 1rem 0; }
    .table-scroll table { margin: 0; }
    /* A caption stays readable in the visible part of a table that scrolls sideways. */
    .table-scroll caption { position: sticky; left: 0; max-width: calc(100vw - 2.5rem); }
    .cell-code { --scroll-bg: var(--panel); }
    main { overflow-wrap: break-word; }
    main p code, main li code, main td code { overflow-wrap: anywhere; }
    main img { max-width: 100%; height: auto; }
    math[display="block"] { display: block; margin: 0.8rem 0; padding: 0.2rem 0; }
    .math-error { color: var(--warn); }
    blockquote { margin: 1rem 0; padding: 0.1rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
    .callout { margin: 1.2rem 0; padding: 0.3rem 1rem; border-left: 4px solid var(--callout-ink); border-radius: 0 6px 6px 0; background: var(--callout-paper); }
    .callout-title { font-weight: 700; color: var(--callout-ink); margin: 0.4rem 0 0.2rem; }
    .callout > p:last-child { margin-bottom: 0.5rem; }
    .callout-note { --callout-ink: #0063a0; --callout-paper: #edf5fb; }
    .callout-tip { --callout-ink: #00775a; --callout-paper: #eaf6f1; }
    .callout-important { --callout-ink: #8e3b73; --callout-paper: #f8eef4; }
    .callout-warning { --callout-ink: #8a5a00; --callout-paper: #fdf5e4; }
    .callout-caution { --callout-ink: #b34700; --callout-paper: #fff1e8; }
    .callout .table-scroll, .callout pre { --scroll-bg: var(--callout-paper); }
    .toc { margin: 1rem 0 1.6rem; padding: 0.6rem 1rem; background: var(--panel); border-radius: 6px; font-size: 0.95rem; }
    .toc-title { font-weight: 600; margin: 0 0 0.3rem; }
    .toc ul { margin: 0; padding-left: 1.2rem; }
    .toc .toc-level-3 { margin-left: 1.2rem; font-size: 0.9rem; }
    .instructor-banner { margin: 1rem 0; padding: 0.6rem 1rem; border-radius: 6px; background: #8a2c00; color: #fff; }
    .instructor-banner code { background: rgba(255, 255, 255, 0.18); color: #fff; }
    .exercise { margin: 1.6rem 0; padding: 0.2rem 1rem 0.8rem; border: 1px solid var(--rule); border-left: 4px solid var(--gold); border-radius: 6px; }
    .exercise-title { font-size: 1.1rem; margin: 0.7rem 0 0.3rem; }
    .exercise-starter pre, .exercise-check pre, .exercise-solution pre { background: var(--panel); padding: 0.5rem 0.7rem; border-radius: 4px; }
    .exercise-requirements ul { margin: 0.2rem 0; }
    .exercise-requirements code { white-space: normal; overflow-wrap: anywhere; }
    .exercise details { margin: 0.5rem 0; }
    .exercise summary { cursor: pointer; font-weight: 600; color: var(--accent); }
    .exercise-check p, .exercise-note { font-size: 0.9rem; color: var(--muted); margin: 0.4rem 0 0.2rem; }
    .exercise-answer { font-weight: 600; }
    .figure-note { font-size: 0.9rem; color: var(--muted); }
    .lesson-list li { margin: 0.4rem 0; font-size: 1.1rem; }
    .lesson-summary { font-size: 0.95rem; color: var(--muted); }
    .badge-error { font-size: 0.75rem; color: #fff; background: var(--warn); border-radius: 3px; padding: 0.05rem 0.35rem; }
    .lesson-nav:empty { display: none; }
    .lesson-nav { max-width: 52rem; margin: 0 auto; padding: 1rem; display: flex; gap: 1rem; justify-content: space-between; border-top: 1px solid var(--rule); }
    /* Wide content (summaries, code, tables, equations) scrolls inside its own box, never the
       page; a shadow at the edge it can scroll towards says there is more. Summaries never wrap,
       so their columns stay aligned. Last, so that it wins over the boxes' own backgrounds. */
    pre, .table-scroll, .figure-scroll, math[display="block"], .exercise pre, .error-box pre {
      overflow-x: auto;
      background:
        linear-gradient(to right, var(--scroll-bg, var(--paper)) 30%, transparent) left center / 2rem 100% no-repeat local,
        linear-gradient(to left, var(--scroll-bg, var(--paper)) 30%, transparent) right center / 2rem 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.25), transparent) left center / 0.9rem 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.25), transparent) right center / 0.9rem 100% no-repeat scroll,
        var(--scroll-bg, var(--paper));
    }
    .exercise pre { --scroll-bg: var(--panel); }
    .error-box pre { --scroll-bg: #fff; }
    @media (max-width: 600px) {
      body { font-size: 16px; }
      main { padding: 0.5rem 0.6rem 2rem; }
      pre { font-size: 0.72rem; }
      .lesson-nav { flex-direction: column; }
    }
    @media print {
      .site-header, .lesson-nav { display: none; }
      body { font-size: 11pt; }
      .cell, figure, .exercise { break-inside: avoid; }
      .exercise details { display: block; }
      pre { white-space: pre-wrap; }
      a { color: inherit; }
    }

    """
}
