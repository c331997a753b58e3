/// The HTML document around a page's content: head, stylesheets, site bar, and the one small
/// script.
///
/// Everything a page says is in its HTML; the script only adds conveniences (a copy button on
/// code blocks, and a search box where the site is served over HTTP and has a search index), so
/// a page reads the same with JavaScript off, minus those.
enum PageShell {
  /// The page every site bar links to as the guide to writing notebooks.
  struct GuideLink: Sendable, Equatable {
    /// The page's file name, `authoring.html`.
    var page: String
    /// The link's text: the guide's title.
    var title: String

    /// A stable text of the link, part of every page's render inputs.
    var identity: String { page + "\u{1}" + title }
  }

  /// A complete document.
  ///
  /// - Parameters:
  ///   - title: The `<title>` text (escaped here).
  ///   - description: The meta description, or `nil`.
  ///   - siteTitle: The site's name, linked to the index from the site bar.
  ///   - isIndex: Whether this is the index page (its site bar is not a link).
  ///   - body: The content of `<body>` after the site bar.
  ///   - guide: The authoring guide linked from the site bar, or `nil` for none.
  ///   - currentPage: This page's file name, so that a link to it is marked as the current page.
  static func document(
    title: String, description: String?, siteTitle: String, isIndex: Bool, body: String,
    guide: GuideLink? = nil, currentPage: String? = nil
  ) -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <title>\(title.htmlEscaped)</title>\n
      """
    if let description, !description.isEmpty {
      html += "<meta name=\"description\" content=\"\(description.htmlEscaped)\">\n"
    }
    html += """
      <link rel="stylesheet" href="assets/katex/katex.min.css">
      <link rel="stylesheet" href="assets/site.css">
      </head>
      <body>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="site-bar"><nav aria-label="Site">\(siteLink(siteTitle, isIndex: isIndex))\(guideLink(guide, currentPage: currentPage))</nav></header>
      \(body)\(script)</body>
      </html>\n
      """
    return html
  }

  private static func guideLink(_ guide: GuideLink?, currentPage: String?) -> String {
    guard let guide else { return "" }
    let current = guide.page == currentPage ? " aria-current=\"page\"" : ""
    return "<a class=\"guide-link\" href=\"\(IndexRenderer.pathSegmentEncoded(guide.page).htmlEscaped)\"\(current)>"
      + "\(guide.title.htmlEscaped)</a>"
  }

  /// Adds a copy button to every code block, and a search box to the site bar.
  ///
  /// Without JavaScript there is neither (nothing that would not work is shown). Where the
  /// clipboard API is refused (some browsers on `file:` pages) copying falls back to selecting
  /// the code and `execCommand("copy")`. Search is Pagefind's, whose index in `pagefind/` is made
  /// after the build; browsers refuse its `fetch` of `file:` URLs, so the box appears only on a
  /// page served over HTTP, and is taken away again when the index cannot be loaded.
  static let script = """
    <script>
    (() => {
      const copy = (text, code) => {
        if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
        const range = document.createRange();
        range.selectNodeContents(code);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        const done = document.execCommand("copy");
        selection.removeAllRanges();
        return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
      };
      for (const pre of document.querySelectorAll("pre.code")) {
        const code = pre.querySelector("code") || pre;
        const wrapper = document.createElement("div");
        wrapper.className = "code-block";
        pre.replaceWith(wrapper);
        wrapper.append(pre);
        const button = document.createElement("button");
        button.type = "button";
        button.className = "copy-button";
        button.textContent = "Copy";
        button.setAttribute("aria-label", "Copy code to clipboard");
        let timer;
        button.addEventListener("click", () => {
          const settle = (label) => {
            button.textContent = label;
            clearTimeout(timer);
            timer = setTimeout(() => { button.textContent = "Copy"; }, 2000);
          };
          copy(code.innerText, code).then(() => settle("Copied"), () => settle("Copy failed"));
        });
        wrapper.append(button);
      }
      const bar = document.querySelector(".site-bar nav");
      if (!bar || !/^https?:$/.test(location.protocol)) return;
      const box = document.createElement("div");
      box.className = "site-search";
      box.setAttribute("role", "search");
      bar.append(box);
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = "pagefind/pagefind-ui.css";
      const ui = document.createElement("script");
      ui.src = "pagefind/pagefind-ui.js";
      ui.onload = () => new PagefindUI({ element: box, showImages: false, showSubResults: true });
      ui.onerror = () => { box.remove(); style.remove(); };
      document.head.append(style, ui);
    })();
    </script>

    """

  private static func siteLink(_ siteTitle: String, isIndex: Bool) -> String {
    if isIndex { return "<span class=\"site-name\">\(siteTitle.htmlEscaped)</span>" }
    return "<a class=\"site-name\" href=\"index.html\"><span aria-hidden=\"true\">←</span> \(siteTitle.htmlEscaped)</a>"
  }

  /// `2020-11-13` → `13 November 2020`; anything else is returned as is.
  static func readableDate(_ date: String) -> String {
    let parts = date.split(separator: "-")
    let months = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
      "November", "December",
    ]
    guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return date }
    return "\(day) \(months[month - 1]) \(year)"
  }

  /// A `<time>` element for a front-matter date.
  static func time(_ date: String) -> String {
    "<time datetime=\"\(date.htmlEscaped)\">\(readableDate(date).htmlEscaped)</time>"
  }

  /// The BCP 47 language of a title by its script: Han → `zh`, with kana → `ja`, Hangul → `ko`.
  static func language(of text: String) -> String? {
    var han = false
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x3040...0x30FF: return "ja"
      case 0xAC00...0xD7AF, 0x1100...0x11FF: return "ko"
      case 0x4E00...0x9FFF, 0x3400...0x4DBF: han = true
      default: continue
      }
    }
    return han ? "zh" : nil
  }
}
