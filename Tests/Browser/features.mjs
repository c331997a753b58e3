// Checks of what the site offers a reader beyond reading: the Markdown source of each page, the
// authoring guide in every site bar, the index's order, copy buttons (with and without
// JavaScript), callouts and footnotes in both colour schemes, the authors' figure descriptions,
// and search (over HTTP, from a server on 127.0.0.1 that the check starts and stops). Each check reports through `report(page, message)`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const guidePage = 'authoring.html';

/// Runs in the page: the site bar's guide link, the source link and the index's dates.
const describePage = String.raw`(() => {
  const guide = document.querySelector('.site-bar a.guide-link');
  const source = document.querySelector('.page-header a.source-link');
  return {
    guide: guide ? guide.getAttribute('href') : null,
    source: source ? decodeURIComponent(new URL(source.getAttribute('href'), document.baseURI).pathname) : null,
    dates: [...document.querySelectorAll('.notebook-list > li')].map((item) => {
      const time = item.querySelector('time');
      return time ? time.getAttribute('datetime') : null;
    }),
  };
})()`;

/// The notebook a page was made from, by the page's name.
function notebookOf(page) {
  return path.join('notebooks', page.replace(/\.html$/, '.md'));
}

async function checkSourcesAndHeader(context) {
  const { tools, session, site, pages, report, evaluate, load, setViewport } = context;
  await setViewport(tools, session, 1280, false);
  for (const page of pages) {
    await load(tools, session, path.join(site, page));
    const found = await evaluate(tools, session, describePage);
    if (found.guide !== guidePage) report(page, `the site bar links to '${found.guide}', not to the authoring guide`);
    if (page === 'index.html') {
      const dated = found.dates.filter((date) => date !== null);
      const sorted = [...dated].sort().reverse();
      if (dated.join() !== sorted.join()) report(page, `notebooks are not newest first: ${dated.join(', ')}`);
      if (found.dates.indexOf(null) >= 0 && found.dates.slice(found.dates.indexOf(null)).some((date) => date)) {
        report(page, 'an undated notebook is listed before a dated one');
      }
      continue;
    }
    if (!found.source) {
      report(page, 'has no link to its Markdown source');
      continue;
    }
    const notebook = notebookOf(page);
    if (!fs.existsSync(found.source)) continue; // reported by the link check
    if (fs.existsSync(notebook) && !fs.readFileSync(found.source).equals(fs.readFileSync(notebook))) {
      report(page, `its source link '${found.source}' is not the bytes of ${notebook}`);
    }
  }
}

/// Runs in the page: code blocks and copy buttons; clicks the first button with the clipboard
/// replaced by a recorder, and reports what was written and what the button then says.
const clickCopy = String.raw`(async () => {
  const blocks = document.querySelectorAll('pre.code').length;
  const buttons = [...document.querySelectorAll('.code-block > .copy-button')];
  if (buttons.length === 0) return { blocks, buttons: 0 };
  const written = [];
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true, value: { writeText: (text) => { written.push(text); return Promise.resolve(); } },
  });
  const button = buttons[0];
  button.click();
  for (let tries = 0; tries < 50 && button.textContent === 'Copy'; tries++) await new Promise((r) => setTimeout(r, 20));
  const code = button.parentElement.querySelector('pre.code code');
  return { blocks, buttons: buttons.length, written, expected: code.innerText, label: button.textContent };
})()`;

async function checkCopyButtons(context) {
  const { tools, session, site, report, evaluate, load } = context;
  const file = path.join(site, guidePage);
  await load(tools, session, file);
  const on = await evaluate(tools, session, clickCopy);
  if (on.blocks === 0) return report(guidePage, 'has no code block to check copy buttons on');
  if (on.buttons !== on.blocks) report(guidePage, `${on.buttons} copy buttons for ${on.blocks} code blocks`);
  if (on.buttons > 0) {
    if (on.written.length !== 1 || on.written[0] !== on.expected) {
      report(guidePage, `the copy button wrote ${JSON.stringify(on.written).slice(0, 80)}, not the block's code`);
    }
    if (on.label !== 'Copied') report(guidePage, `the copy button says '${on.label}' after copying`);
  }
  await tools.send('Emulation.setScriptExecutionDisabled', { value: true }, session);
  try {
    await load(tools, session, file);
    // Without scripts only DOM queries can run: through the protocol, not in the page.
    const { root } = await tools.send('DOM.getDocument', {}, session);
    const buttons = await tools.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.copy-button' }, session);
    const blocks = await tools.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'pre.code' }, session);
    if (buttons.nodeIds.length !== 0) report(guidePage, 'shows copy buttons with JavaScript off');
    if (blocks.nodeIds.length !== on.blocks) report(guidePage, 'shows other code blocks with JavaScript off');
    console.log(`copy buttons: ${on.buttons} of ${on.blocks} code blocks with JavaScript, ${buttons.nodeIds.length} without`);
  } finally {
    await tools.send('Emulation.setScriptExecutionDisabled', { value: false }, session);
  }
}

/// Runs in the page: the colours of callouts and footnotes, with the background each is drawn on
/// and the contrast of its text against it (WCAG 2 relative luminance).
const proseColours = String.raw`(() => {
  const rgb = (text) => (text.match(/[\d.]+/g) || []).map(Number);
  const opaque = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const luminance = ([r, g, b]) => {
    const linear = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const describe = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const colour = rgb(getComputedStyle(element).color).slice(0, 3);
    const background = opaque(element);
    return { colour: colour.join(','), background: background.join(','), contrast: contrast(colour, background) };
  };
  return {
    callout: describe('.callout p:not(.callout-title)'),
    calloutTitle: describe('.callout-title'),
    footnote: describe('.footnotes li p, .footnotes li'),
    footnoteRef: describe('.footnote-ref a'),
  };
})()`;

async function checkProseColours(context) {
  const { tools, session, site, report, evaluate, load, setViewport } = context;
  const schemes = {};
  for (const dark of [false, true]) {
    await setViewport(tools, session, 1280, dark);
    await load(tools, session, path.join(site, guidePage));
    schemes[dark ? 'dark' : 'light'] = await evaluate(tools, session, proseColours);
  }
  await setViewport(tools, session, 1280, false);
  for (const part of ['callout', 'calloutTitle', 'footnote', 'footnoteRef']) {
    const light = schemes.light[part];
    const dark = schemes.dark[part];
    if (!light || !dark) {
      report(guidePage, `has no ${part} to check colours on`);
      continue;
    }
    if (light.background === dark.background) report(guidePage, `${part}: the same background (${light.background}) in light and dark`);
    if (light.colour === dark.colour) report(guidePage, `${part}: the same text colour (${light.colour}) in light and dark`);
    for (const [scheme, found] of Object.entries({ light, dark })) {
      // 4.5:1 is WCAG AA for body text; titles are bold, so 3:1 (large text) would do, but all pass 4.5.
      if (found.contrast < 4.5) {
        report(guidePage, `${part} in ${scheme}: contrast ${found.contrast.toFixed(2)}:1 of ${found.colour} on ${found.background}`);
      }
    }
  }
  const summary = ['callout', 'footnote']
    .map((part) => `${part} ${schemes.light[part]?.contrast.toFixed(1)}:1 light, ${schemes.dark[part]?.contrast.toFixed(1)}:1 dark`)
    .join('; ');
  console.log(`prose colours: ${summary}`);
}

/// The `//| alt:` text of the cell labelled `label` in a notebook's source.
function altText(notebook, label) {
  const lines = fs.readFileSync(notebook, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `//| label: ${label}`);
  if (start < 0) return null;
  for (const line of lines.slice(start, start + 10)) {
    const match = line.match(/^\/\/\| alt: (.*)$/);
    if (match) return match[1].trim();
  }
  return null;
}

async function checkFigureAlt(context) {
  const { tools, session, site, report, load } = context;
  const expected = altText(notebookOf(guidePage), 'fig-harmonic');
  if (!expected) return report(guidePage, 'the guide has no //| alt: for fig-harmonic');
  await load(tools, session, path.join(site, guidePage));
  const { root } = await tools.send('DOM.getDocument', {}, session);
  const { nodeId } = await tools.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#fig-harmonic svg' }, session);
  if (!nodeId) return report(guidePage, 'has no figure #fig-harmonic');
  await tools.send('Accessibility.enable', {}, session);
  const { nodes } = await tools.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false }, session);
  const node = nodes.find((candidate) => !candidate.ignored) || nodes[0];
  const role = node?.role?.value;
  const name = node?.name?.value;
  const description = node?.description?.value;
  if (role !== 'image' && role !== 'img') report(guidePage, `#fig-harmonic's role is '${role}', not an image`);
  if (description !== expected) {
    report(guidePage, `#fig-harmonic's accessible description is '${description}', not the author's alt text`);
  }
  console.log(`figure alt: #fig-harmonic is an ${role} named '${name}', described by the author's text`);
}

/// Serves `site` on 127.0.0.1 (search needs HTTP: browsers refuse `fetch` of `file:` URLs).
function serve(site) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = path.join(site, name.endsWith('/') ? name + 'index.html' : name);
    if (!file.startsWith(site + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/// Runs in the page: waits (bounded) for `selector`, and returns how many match.
const waitForSelector = (selector, milliseconds) => String.raw`(async () => {
  for (let waited = 0; waited < ${milliseconds}; waited += 50) {
    if (document.querySelector(${JSON.stringify(selector)})) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return document.querySelectorAll(${JSON.stringify(selector)}).length;
})()`;

async function checkSearch(context) {
  const { tools, session, site, report, evaluate, load } = context;
  if (!fs.existsSync(path.join(site, 'pagefind', 'pagefind-ui.js'))) {
    return report('index.html', 'the site has no search index (pagefind/); run scripts/search-index');
  }
  // Opened as a file, the page offers no search box: it could not work there.
  await load(tools, session, path.join(site, 'index.html'));
  if ((await evaluate(tools, session, waitForSelector('.site-search', 0))) !== 0) {
    report('index.html', 'shows a search box on a file: page, where search cannot load its index');
  }
  const server = await serve(site);
  try {
    const base = `http://127.0.0.1:${server.address().port}/`;
    const loaded = tools.waitFor('Page.loadEventFired', session);
    await tools.send('Page.navigate', { url: base + 'index.html' }, session);
    await loaded;
    if ((await evaluate(tools, session, waitForSelector('.site-search input', 10000))) !== 1) {
      return report('index.html', 'served over HTTP, the page shows no search box');
    }
    await evaluate(tools, session, `document.querySelector('.site-search input').focus()`);
    await tools.send('Input.insertText', { text: 'harmonic' }, session);
    await evaluate(tools, session, waitForSelector('.site-search .pagefind-ui__result-link', 10000));
    const links = await evaluate(tools, session,
      `[...document.querySelectorAll('.site-search .pagefind-ui__result-link')].map((a) => a.getAttribute('href'))`);
    if (!links.some((href) => /authoring(\.html)?(#|$)/.test(href))) {
      report('index.html', `searching "harmonic" does not find the authoring guide (results: ${links.join(', ') || 'none'})`);
    }
    console.log(`search: "harmonic" finds ${links.length} result(s), first ${links[0]}`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/// Every check of this file, in turn.
export async function checkFeatures(context) {
  if (!context.pages.includes(guidePage)) {
    context.report('index.html', `the site has no ${guidePage}; the feature checks need it`);
    return;
  }
  await checkSourcesAndHeader(context);
  await checkCopyButtons(context);
  await checkProseColours(context);
  await checkFigureAlt(context);
  await checkSearch(context);
}
