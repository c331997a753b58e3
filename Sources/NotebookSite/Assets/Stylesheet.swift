/// The site's stylesheet: light and dark themes, phone to wide screen, print.
///
/// `--series-1` … `--series-8` are the colours of figure series (Okabe–Ito, colour-blind safe;
/// lighter variants on dark backgrounds). Figures from `Lab` refer to them by name.
enum Stylesheet {
  static let css = themes + base + layout + prose + code + cells + outputs + index + responsive + print

  private static let themes = """
    :root {
      color-scheme: light dark;
      --bg: #ffffff; --fg: #1d1f23; --muted: #5b6270; --border: #dfe2e6; --surface: #f5f6f8;
      --surface-strong: #eceff3; --link: #0a58a8; --accent: #0072b2;
      --ok: #1a7f37; --ok-bg: #e9f6ed; --fail: #b42318; --fail-bg: #fdeeec; --warn: #8a5a00;
      --warn-bg: #fff6dd; --neutral: #3d5a80; --neutral-bg: #edf2f8; --important: #8250df;
      --tok-keyword: #9b2393; --tok-type: #1d6a8c; --tok-string: #b3261e; --tok-number: #1c00cf;
      --tok-comment: #5d6c79; --tok-attribute: #815f03; --tok-label: #44505c; --tok-directive: #a0580a;
      --series-1: #0072b2; --series-2: #d55e00; --series-3: #009e73; --series-4: #cc79a7;
      --series-5: #e69f00; --series-6: #56b4e9; --series-7: #f0e442; --series-8: #999999;
      --font-text: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
        "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      --font-code: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono",
        monospace;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --bg: #15171a; --fg: #e3e5e8; --muted: #9aa3ae; --border: #30343a; --surface: #1c1f23;
        --surface-strong: #262a30; --link: #74b9ff; --accent: #56b4e9;
        --ok: #56d27a; --ok-bg: #15291c; --fail: #ff8a80; --fail-bg: #3a1a18; --warn: #e3b341;
        --warn-bg: #33290f; --neutral: #9fbbe0; --neutral-bg: #1d2733; --important: #b58cf5;
        --tok-keyword: #fc5fa3; --tok-type: #5dd8ff; --tok-string: #fc6a5d; --tok-number: #d0bf69;
        --tok-comment: #7f8c98; --tok-attribute: #fd8f3f; --tok-label: #b4bcc6; --tok-directive: #fd8f3f;
        --series-1: #4fa8e0; --series-2: #ff8c4a; --series-3: #3ccf9f; --series-4: #e9a3cf;
        --series-5: #f5b94a; --series-6: #8fd3f7; --series-7: #f4ec7a; --series-8: #b5b5b5;
      }
    }

    """

  private static let base = """
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font-text);
      font-size: 1.0625rem; line-height: 1.65; overflow-wrap: break-word; }
    a { color: var(--link); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }
    :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; top: 0; padding: 0.5rem 1rem; background: var(--bg); }
    .skip-link:focus { left: 0.5rem; z-index: 10; }
    .site-bar { border-bottom: 1px solid var(--border); padding: 0.6rem 1.25rem; font-size: 0.9rem; }
    .site-name { color: var(--fg); font-weight: 600; text-decoration: none; }
    a.site-name:hover { color: var(--link); }
    .site-bar nav { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4rem 1.25rem; }
    .guide-link { margin-left: auto; }
    .guide-link[aria-current="page"] { color: var(--fg); text-decoration: none; }
    .site-search { flex: 1 1 100%; --pagefind-ui-scale: 0.7; --pagefind-ui-primary: var(--link);
      --pagefind-ui-text: var(--fg); --pagefind-ui-background: var(--bg); --pagefind-ui-border: var(--border);
      --pagefind-ui-tag: var(--surface); }
    @media (min-width: 40rem) { .site-search { flex: 0 1 22rem; } }

    """

  private static let layout = """
    .page { max-width: 48rem; margin: 0 auto; padding: 1.75rem 1.25rem 3rem; }
    .page-header h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 0.6rem; letter-spacing: -0.01em; }
    .page-header .original { margin: 0 0 0.3rem; color: var(--muted); }
    .meta { margin: 0.3rem 0; color: var(--muted); font-size: 0.92rem; }
    .meta .sep { margin: 0 0.35rem; }
    .page-header .summary { font-size: 1.1rem; margin: 0.8rem 0 0; }
    .page-header { margin-bottom: 1.5rem; }
    .callout { margin: 1.2rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--callout); border-radius: 4px;
      background: var(--surface); }
    .callout-title { margin: 0.6rem 0 0.2rem; font-weight: 600; color: var(--callout); }
    .callout-note { --callout: var(--accent); }
    .callout-tip { --callout: var(--ok); }
    .callout-important { --callout: var(--important); }
    .callout-warning { --callout: var(--warn); }
    .callout-caution { --callout: var(--fail); }
    .references { margin-top: 2.5rem; }
    .references h2 { font-size: 1.2rem; }
    .csl-entry { margin: 0 0 0.6rem; padding-left: 1.5rem; text-indent: -1.5rem; font-size: 0.95rem; }
    .citation-back { text-decoration: none; }
    .footnote-ref { line-height: 0; }
    .footnote-ref a, .footnote-back { text-decoration: none; }
    .footnotes { margin-top: 2.5rem; font-size: 0.92rem; color: var(--muted); }
    .footnotes hr { border: 0; border-top: 1px solid var(--border); width: 30%; margin: 0 0 0.8rem; }
    .footnotes :target { background: var(--surface-strong); }
    .equation { display: flex; align-items: center; gap: 1rem; }
    .equation > .katex-display, .equation > .math-error { flex: 1; min-width: 0; overflow-x: auto; }
    .equation-number { color: var(--muted); white-space: nowrap; }
    .table-number { margin: 0 0 0.3rem; font-size: 0.9rem; color: var(--muted); }
    .xref-missing { color: var(--fail); }
    .page-nav { display: flex; justify-content: space-between; gap: 1rem; margin: 2.5rem 0 0; padding-top: 1rem;
      border-top: 1px solid var(--border); }
    .page-nav a { max-width: 48%; }
    .page-nav-next { text-align: right; margin-left: auto; }
    .page-nav-label { display: block; font-size: 0.85rem; color: var(--muted); }
    .status { font-weight: 600; white-space: nowrap; }
    .status-ok { color: var(--ok); }
    .status-failed { color: var(--fail); }
    .status-not-executed { color: var(--muted); }
    .contents { margin: 0 0 2rem; font-size: 0.92rem; }
    .contents details { border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 1rem; }
    .contents summary { cursor: pointer; font-weight: 600; color: var(--muted); }
    .contents ol { list-style: none; margin: 0.4rem 0 0; padding: 0; }
    .contents ol ol { margin: 0.1rem 0 0.3rem 0.9rem; }
    .contents li { margin: 0.2rem 0; line-height: 1.4; }
    .contents a { color: var(--fg); text-decoration: none; }
    .contents a:hover { color: var(--link); text-decoration: underline; }
    .contents .katex { font-size: 1em; }
    @media (min-width: 72rem) {
      .page.has-contents { max-width: 70rem; }
      .has-contents .notebook { display: grid; grid-template-columns: 14rem minmax(0, 48rem);
        grid-template-areas: ". header" "contents body"; column-gap: 3.5rem; }
      .has-contents .page-header { grid-area: header; }
      .has-contents .notebook-body { grid-area: body; min-width: 0; }
      .has-contents .contents { grid-area: contents; position: sticky; top: 1rem; align-self: start;
        max-height: calc(100vh - 2rem); overflow-y: auto; margin: 0; }
      .has-contents .contents details { border: none; padding: 0; }
      .has-contents .contents summary { list-style: none; pointer-events: none; text-transform: uppercase;
        font-size: 0.75rem; letter-spacing: 0.08em; }
      .has-contents .contents summary::-webkit-details-marker { display: none; }
      .has-contents .contents > details > ol { border-left: 1px solid var(--border); padding-left: 0.9rem; }
    }

    """

  private static let prose = """
    h2, h3, h4, h5, h6 { line-height: 1.3; margin: 2.2rem 0 0.8rem; scroll-margin-top: 1rem; }
    h2 { font-size: 1.5rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
    h3 { font-size: 1.22rem; }
    h4 { font-size: 1.05rem; }
    .anchor { margin-left: 0.45rem; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
    h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor,
    .anchor:focus { opacity: 1; }
    p, ul, ol, blockquote { margin: 0.9rem 0; }
    li { margin: 0.25rem 0; }
    blockquote { margin-left: 0; padding: 0.1rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
    hr { border: none; border-top: 1px solid var(--border); margin: 2rem 0; }
    img { max-width: 100%; height: auto; }
    cite { font-style: normal; }
    .katex { font-size: 1.12em; }
    .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.35rem 0; margin: 0.8rem 0; }
    .katex-display > .katex { white-space: nowrap; }
    .math-error { color: var(--fail); background: var(--fail-bg); border-radius: 4px; padding: 0 0.3rem; }
    .math-error-display { display: block; padding: 0.5rem 0.8rem; margin: 0.8rem 0; }
    .math-error-title { font-weight: 700; }
    .math-error-message { font-size: 0.9em; }
    .raw-html { color: var(--muted); }
    .notice { border: 1px solid var(--border); background: var(--surface); border-radius: 8px; padding: 0.7rem 1rem; }
    .problems { border: 1px solid var(--fail); background: var(--fail-bg); border-radius: 8px;
      padding: 0.7rem 1rem; margin: 1rem 0 1.5rem; }
    .problems-title { margin: 0; font-weight: 700; color: var(--fail); }
    .problems ul { margin: 0.4rem 0 0; padding-left: 1.2rem; font-size: 0.92rem; }
    .problem-severity { font-weight: 600; }
    .problem-error .problem-severity { color: var(--fail); }
    .problem-warning .problem-severity { color: var(--warn); }

    """

  private static let code = """
    code, pre, samp { font-family: var(--font-code); }
    :not(pre) > code { font-size: 0.88em; background: var(--surface-strong); border-radius: 4px;
      padding: 0.1em 0.35em; }
    pre { margin: 0; }
    pre.code { background: var(--surface); border: 1px solid var(--border); border-radius: 8px;
      padding: 0.8rem 1rem; overflow-x: auto; font-size: 0.84rem; line-height: 1.55; tab-size: 4; margin: 1rem 0; }
    .tok-keyword { color: var(--tok-keyword); font-weight: 600; }
    .tok-type { color: var(--tok-type); }
    .tok-string { color: var(--tok-string); }
    .tok-number { color: var(--tok-number); }
    .tok-comment, .tok-doc { color: var(--tok-comment); font-style: italic; }
    .tok-attribute { color: var(--tok-attribute); }
    .tok-label { color: var(--tok-label); }
    .tok-directive { color: var(--tok-directive); }
    .tok-regex { color: var(--tok-string); }
    .code-block { position: relative; }
    .copy-button { position: absolute; top: 0.4rem; right: 0.4rem; padding: 0.15rem 0.55rem; font: inherit;
      font-size: 0.75rem; color: var(--muted); background: var(--bg); border: 1px solid var(--border);
      border-radius: 6px; cursor: pointer; opacity: 0.85; }
    .copy-button:hover, .copy-button:focus-visible { color: var(--fg); opacity: 1; }
    pre.code:has(+ .copy-button) { padding-right: 4.5rem; }

    """

  private static let cells = """
    .cell { margin: 1.4rem 0; }
    .cell pre.code { margin: 0; }
    .cell-status { margin: 0 0 0.4rem; font-size: 0.85rem; display: flex; flex-wrap: wrap; gap: 0.5rem;
      align-items: center; }
    .cell-location { color: var(--muted); font-family: var(--font-code); font-size: 0.8rem; }
    .badge { display: inline-block; padding: 0.05rem 0.6rem; border-radius: 999px; font-weight: 600;
      font-size: 0.8rem; color: var(--fail); background: var(--fail-bg); border: 1px solid var(--fail); }
    .badge-expected-error { color: var(--neutral); background: var(--neutral-bg); border-color: var(--neutral); }
    .badge-not-run, .badge-skipped { color: var(--muted); background: var(--surface); border-color: var(--border); }
    .badge-timed-out { color: var(--warn); background: var(--warn-bg); border-color: var(--warn); }
    .cell-fold summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; padding: 0.2rem 0; }
    .cell-fold[open] summary { margin-bottom: 0.4rem; }
    .fold-size { font-size: 0.85em; }
    .cell-not-run pre.code, .cell-skipped pre.code { opacity: 0.7; }
    .cell-outputs { margin-top: 0.6rem; padding-left: 1rem; border-left: 3px solid var(--border); }
    .cell-outputs > :first-child { margin-top: 0; }
    .cell-outputs > :last-child { margin-bottom: 0; }

    """

  private static let outputs = """
    pre.output-text { font-size: 0.84rem; line-height: 1.5; overflow-x: auto; margin: 0.6rem 0;
      padding: 0.1rem 0; }
    .checks { list-style: none; padding: 0; margin: 0.6rem 0; }
    .check { display: grid; grid-template-columns: 1.5rem minmax(0, 1fr); column-gap: 0.2rem;
      padding: 0.35rem 0.7rem; margin: 0.3rem 0; border-radius: 6px; line-height: 1.45; }
    .check-pass { background: var(--ok-bg); }
    .check-fail { background: var(--fail-bg); box-shadow: inset 3px 0 0 var(--fail); }
    .check-mark { font-weight: 700; }
    .check-pass .check-mark { color: var(--ok); }
    .check-fail .check-mark { color: var(--fail); }
    .check-claim { grid-column: 2; }
    .check-sanity.check-pass { background: transparent; border: 1px solid var(--ok-bg); }
    .check-kind { font-size: 0.72rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted);
      margin-right: 0.3rem; }
    .check-detail { grid-column: 2; font-family: var(--font-code); font-size: 0.78rem; color: var(--muted); }
    .output-figure { margin: 1rem 0; }
    .figure-body { color: var(--fg); overflow-x: auto; }
    .figure-body svg { display: block; width: 100%; height: auto; }
    /* On a phone a figure takes the screen's whole width, every pixel of which enlarges its text, and
       is never drawn below 0.6 of its size (a wide one scrolls): Lab's 15 px text stays 9 px or more. */
    @media (max-width: 40rem) {
      .figure-body svg { min-width: calc(var(--figure-width, 0px) * 0.6); }
      .output-figure { margin-left: -0.9rem; margin-right: -0.9rem; }
      .cell-outputs > .output-figure { margin-left: calc(-1.6rem - 3px); }
      .output-figure figcaption { padding: 0 0.9rem; }
    }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-top: 0.4rem; }
    .figure-number { font-weight: 600; color: var(--fg); }
    .output-table, .prose-table { overflow-x: auto; margin: 0.8rem 0; }
    table { border-collapse: collapse; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.35rem 0.8rem; border-bottom: 1px solid var(--border); text-align: left;
      vertical-align: top; }
    thead th { border-bottom: 2px solid var(--muted); font-weight: 600; }
    td.num { text-align: right; white-space: nowrap; }
    table caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.85rem;
      padding-bottom: 0.3rem; }
    .output-math { overflow-x: auto; }
    .output-error, .output-warning { border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.6rem 0;
      border-left: 4px solid var(--fail); background: var(--fail-bg); }
    .output-error pre, .output-warning pre { font-size: 0.8rem; line-height: 1.5; overflow-x: auto;
      white-space: pre-wrap; }
    .error-title { margin: 0 0 0.3rem; font-weight: 700; font-size: 0.88rem; color: var(--fail); }
    .error-compile { border-left-style: double; border-left-width: 6px; }
    .error-trap .error-title::before { content: "⚠ "; }
    .error-timeout { border-left-color: var(--warn); background: var(--warn-bg); }
    .error-timeout .error-title { color: var(--warn); }
    .error-expected { border-left-color: var(--neutral); background: var(--neutral-bg); }
    .error-expected .error-title { color: var(--neutral); }
    .output-warning { border-left-color: var(--warn); background: var(--warn-bg); }
    .output-warning .error-title { color: var(--warn); }
    .output-truncated { font-size: 0.85rem; color: var(--warn); font-style: italic; }
    .provenance { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; border-top: 1px solid var(--border);
      color: var(--muted); font-size: 0.85rem; }
    .provenance-title { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; border: none;
      margin: 0 0 0.6rem; padding: 0; }
    .provenance dl { margin: 0; display: grid; gap: 0.3rem; }
    .provenance dl > div { display: grid; grid-template-columns: 9rem minmax(0, 1fr); gap: 0.5rem; }
    .provenance dt { font-weight: 600; }
    .provenance dd { margin: 0; overflow-wrap: anywhere; }

    """

  private static let index = """
    .notebook-list { list-style: none; padding: 0; margin: 1.5rem 0 0; }
    .entry { padding: 1.2rem 0; border-top: 1px solid var(--border); }
    .entry h2 { font-size: 1.3rem; margin: 0 0 0.2rem; border: none; padding: 0; }
    .entry h2 a { text-decoration: none; }
    .entry h2 a:hover { text-decoration: underline; }
    .entry .original { margin: 0; color: var(--muted); }
    .entry .summary { margin: 0.4rem 0 0; }

    """

  private static let responsive = """
    @media (max-width: 40rem) {
      body { font-size: 1rem; line-height: 1.6; }
      .page { padding: 1.1rem 0.9rem 2.5rem; }
      .page-header h1 { font-size: 1.65rem; }
      h2 { font-size: 1.3rem; }
      pre.code { font-size: 0.78rem; padding: 0.7rem 0.8rem; border-radius: 6px; }
      .cell-outputs { padding-left: 0.7rem; }
      .provenance dl > div { grid-template-columns: 1fr; gap: 0; }
      .provenance { padding: 1.2rem 0.9rem 2rem; }
    }

    """

  private static let print = """
    @media print {
      :root { --bg: #fff; --fg: #000; --surface: #fff; }
      body { font-size: 10.5pt; line-height: 1.45; }
      .site-bar, .skip-link, .contents, .anchor, .copy-button { display: none; }
      .page, .provenance { max-width: none; padding: 0; }
      pre.code, pre.output-text, .output-error pre { white-space: pre-wrap; overflow: visible; }
      pre.code { border-color: #bbb; }
      .output-figure, .check, .output-table, .prose-table, .callout, pre.code, .katex-display { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
      .original a::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
    }

    """
}
