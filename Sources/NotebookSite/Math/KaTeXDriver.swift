/// The JavaScript program that typesets a whole build's formulas in one `node` process.
///
/// Input on stdin: `{"pages": [[{"tex": "…", "display": true}, …], …]}`. Output on stdout:
/// `{"version": "0.16.4", "dist": "/…/katex/dist", "pages": [[{"html": "…", "warnings": […]} |
/// {"error": "…"}, …], …]}`, or `{"missing": "…"}` when no KaTeX module can be loaded.
/// Formulas of one page share a macro table, so `\gdef` in one formula serves the later ones,
/// as in a TeX document; pages never share macros. Commands that would link or embed (`\href`,
/// `\url`, `\includegraphics`, `\htmlClass`, …) are errors: KaTeX would only print them in red. KaTeX is loaded before stdin is read, so a
/// process started ahead of time (``KaTeXProcess``) is ready when the formulas arrive.
enum KaTeXDriver {
  static let source = #"""
    'use strict';
    const path = require('path');
    function load() {
      const names = [process.env.NOTEBOOK_KATEX, 'katex', '/usr/share/nodejs/katex'].filter(Boolean);
      for (const name of names) {
        try { return { katex: require(name), dist: path.dirname(require.resolve(name)) }; } catch (e) {}
      }
      return null;
    }
    function render(katex, formula, macros) {
      const warnings = [];
      const untrusted = [];
      const options = {
        displayMode: formula.display, throwOnError: true, output: 'htmlAndMathml', macros,
        strict: (code, message) => { warnings.push(String(message)); return 'ignore'; },
        trust: (context) => { untrusted.push(context.command); return false; },
      };
      try {
        const html = katex.renderToString(formula.tex, options);
        if (untrusted.length) {
          return { error: "'" + untrusted[0] + "' is not supported in math: write links and images in the " +
            'Markdown around the formula' };
        }
        return warnings.length ? { html, warnings } : { html };
      } catch (error) {
        return { error: String((error && error.message) || error) };
      }
    }
    // Load and warm KaTeX up while the build still works on other things; it waits on stdin.
    const found = load();
    if (found) { try { found.katex.renderToString('\\frac{1}{2}', { output: 'htmlAndMathml' }); } catch (e) {} }
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', () => {
      if (!found) {
        process.stdout.write(JSON.stringify({ missing: 'cannot load the katex module' }));
        return;
      }
      const request = JSON.parse(input);
      const pages = request.pages.map((formulas) => {
        const macros = {};
        return formulas.map((formula) => render(found.katex, formula, macros));
      });
      process.stdout.write(JSON.stringify({ version: found.katex.version, dist: found.dist, pages }));
    });
    """#
}
