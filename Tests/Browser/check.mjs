// Loads every page of a rendered site in headless Chromium over the DevTools protocol, checks the
// rendered DOM, and writes screenshots. Exit status 1 with one line per problem on failure.
//
// Usage: node --experimental-websocket check.mjs SITE_DIR SCREENSHOT_DIR [NOTEBOOK_PAGE]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkFeatures } from './features.mjs';

const [siteArgument = 'site', shotsArgument = '.build/screenshots', chosenPage] = process.argv.slice(2);
const site = path.resolve(siteArgument);
const shots = path.resolve(shotsArgument);
const problems = [];
const report = (page, message) => problems.push(`${page}: ${message}`);

/// Starts Chromium with a throw-away profile and resolves with its DevTools WebSocket URL.
function launch(profile) {
  const args = [
    '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check',
    '--hide-scrollbars', '--mute-audio', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank',
  ];
  if (process.getuid && process.getuid() === 0) args.unshift('--no-sandbox');
  const child = spawn('chromium', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${log}`)), 30000);
    child.on('error', (error) => reject(new Error(`Cannot start chromium: ${error.message}`)));
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
  });
}

/// A minimal DevTools protocol client: commands with replies, and waiting for one event.
class DevTools {
  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    socket.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
  }

  static connect(url) {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(new DevTools(socket)));
      socket.addEventListener('error', () => reject(new Error(`Cannot connect to ${url}`)));
    });
  }

  receive(message) {
    if (message.id && this.pending.has(message.id)) {
      const { resolve, reject, method } = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
      return;
    }
    for (const listener of [...this.listeners]) listener(message);
  }

  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }

  waitFor(method, sessionId, timeout = 30000) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.method !== method || message.sessionId !== sessionId) return;
        this.listeners = this.listeners.filter((other) => other !== listener);
        clearTimeout(timer);
        resolve(message.params);
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((other) => other !== listener);
        reject(new Error(`Timed out waiting for ${method}`));
      }, timeout);
      this.listeners.push(listener);
    });
  }
}

/// Runs in the page: everything the checks need, as plain data.
const inspectPage = String.raw`(async () => {
  await document.fonts.ready;
  const problems = [];
  const skip = 'code, pre, script, style, title, .katex, .math-error';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.parentElement.closest(skip)) continue;
    // Pandoc's rule, as the parser reads prose: a closing $ follows a non-space and precedes no digit.
    const match = node.nodeValue.match(/\$\$|\$[^\s$](?:[^$]*[^\s$])?\$(?!\d)/);
    if (match) problems.push('raw TeX left in the text: "' + match[0].slice(0, 60) + '"');
  }
  for (const element of document.querySelectorAll('.katex-error, .math-error')) {
    problems.push('math error shown: "' + element.textContent.trim().slice(0, 100) + '"');
  }
  const katex = document.querySelectorAll('.katex').length;
  if (katex > 0) {
    const loaded = [...document.fonts].some((face) => face.family.replace(/["']/g, '') === 'KaTeX_Main' && face.status === 'loaded');
    if (!loaded) problems.push('KaTeX fonts did not load (check assets/katex/fonts and the stylesheet URLs)');
  }
  let figures = 0;
  for (const svg of document.querySelectorAll('svg')) {
    if ((svg.parentElement && svg.parentElement.closest('svg')) || svg.closest('.katex')) continue;
    figures += 1;
    const width = parseFloat(svg.getAttribute('width'));
    const height = parseFloat(svg.getAttribute('height'));
    const box = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
    const sized = (width > 0 && height > 0) || (box.length === 4 && box[2] > 0 && box[3] > 0);
    const label = svg.querySelector('title') ? svg.querySelector('title').textContent.slice(0, 60) : 'svg #' + figures;
    if (!sized) problems.push('figure "' + label + '" has neither width and height nor a viewBox');
    const rect = svg.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) problems.push('figure "' + label + '" is drawn at ' + rect.width + '×' + rect.height);
  }
  for (const image of document.images) {
    if (image.complete && image.naturalWidth === 0) problems.push('image "' + image.getAttribute('src') + '" did not load');
  }
  const links = [];
  for (const element of document.querySelectorAll('a[href], link[href], img[src]')) {
    const raw = element.getAttribute('href') || element.getAttribute('src');
    const url = new URL(raw, document.baseURI);
    if (url.protocol !== 'file:') continue;
    links.push({ raw, file: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)) });
  }
  const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
  return { problems, links, ids, figures, katex, height: document.documentElement.scrollHeight };
})()`;

const overflow = `document.documentElement.scrollWidth - window.innerWidth`;

/// Runs in the page: the smallest size, in CSS px as drawn, of a figure's tick labels and legend
/// entries (every text but the figure's title), or null for a page without figures.
const smallestFigureText = String.raw`(() => {
  let smallest = null;
  for (const svg of document.querySelectorAll('.figure-body > svg')) {
    const box = (svg.getAttribute('viewBox') || '').trim().split(/[\s,]+/).map(Number);
    if (box.length !== 4 || !(box[2] > 0)) continue;
    const scale = svg.getBoundingClientRect().width / box[2];
    for (const text of svg.querySelectorAll('text')) {
      if (text.getAttribute('font-weight') === '600') continue;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (smallest === null || size < smallest.size) smallest = { size, text: text.textContent.slice(0, 30) };
    }
  }
  return smallest;
})()`;

async function evaluate(tools, session, expression) {
  const reply = await tools.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, session);
  if (reply.exceptionDetails) throw new Error(`In-page check failed: ${reply.exceptionDetails.text}`);
  return reply.result.value;
}

async function setViewport(tools, session, width, dark) {
  await tools.send('Emulation.setDeviceMetricsOverride',
    { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 }, session);
  await tools.send('Emulation.setEmulatedMedia',
    { features: [{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }] }, session);
}

async function load(tools, session, file) {
  const loaded = tools.waitFor('Page.loadEventFired', session);
  await tools.send('Page.navigate', { url: pathToFileURL(file).href }, session);
  await loaded;
}

async function screenshot(tools, session, file, name) {
  for (const [width, dark] of [[390, false], [1280, false], [390, true], [1280, true]]) {
    await setViewport(tools, session, width, dark);
    await load(tools, session, file);
    await evaluate(tools, session, 'document.fonts.ready.then(() => true)');
    const height = Math.min(await evaluate(tools, session, 'document.documentElement.scrollHeight'), 12000);
    const { data } = await tools.send('Page.captureScreenshot',
      { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } }, session);
    const target = path.join(shots, `${name}-${width}${dark ? '-dark' : ''}.png`);
    fs.writeFileSync(target, Buffer.from(data, 'base64'));
    console.log(`screenshot ${path.relative(process.cwd(), target)}`);
  }
}

function checkLinks(results) {
  for (const [page, result] of results) {
    for (const link of result.links) {
      if (!fs.existsSync(link.file)) {
        report(page, `link '${link.raw}' points to a missing file`);
        continue;
      }
      if (!link.fragment) continue;
      const target = results.get(path.relative(site, link.file));
      if (target && !target.ids.includes(link.fragment)) report(page, `link '${link.raw}' points to a missing anchor`);
    }
  }
}

/// Tick labels and legends must stay readable on a phone.
const minimumFigureText = 9;
const figureText = [];

async function main() {
  const pages = fs.readdirSync(site).filter((name) => name.endsWith('.html')).sort();
  if (!pages.includes('index.html')) throw new Error(`${site}/index.html is missing`);
  fs.mkdirSync(shots, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-browser-'));
  const { child, url } = await launch(profile);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let tools;
  try {
    tools = await DevTools.connect(url);
    const { targetId } = await tools.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await tools.send('Target.attachToTarget', { targetId, flatten: true });
    await tools.send('Page.enable', {}, sessionId);
    const results = new Map();
    for (const page of pages) {
      await setViewport(tools, sessionId, 1280, false);
      await load(tools, sessionId, path.join(site, page));
      const result = await evaluate(tools, sessionId, inspectPage);
      result.problems.forEach((message) => report(page, message));
      await setViewport(tools, sessionId, 390, false);
      const extra = await evaluate(tools, sessionId, overflow);
      if (extra > 1) report(page, `is ${extra}px wider than a 390px phone screen`);
      const text = await evaluate(tools, sessionId, smallestFigureText);
      if (text) {
        figureText.push({ page, ...text });
        if (text.size < minimumFigureText) {
          report(page, `figure text "${text.text}" is ${text.size.toFixed(1)}px at 390px wide (at least ${minimumFigureText}px wanted)`);
        }
      }
      results.set(page, result);
      console.log(`checked ${page}: ${result.figures} figures, ${result.katex} formulas, ${result.links.length} links`);
    }
    checkLinks(results);
    if (figureText.length > 0) {
      const smallest = figureText.reduce((a, b) => (b.size < a.size ? b : a));
      console.log(`smallest figure text at 390px: ${smallest.size.toFixed(2)}px ("${smallest.text}" on ${smallest.page})`);
    }
    await checkFeatures({ tools, session: sessionId, site, pages, report, evaluate, load, setViewport });
    const notebooks = pages.filter((page) => page !== 'index.html');
    const showcase = chosenPage || (notebooks.includes('authoring.html') ? 'authoring.html'
      : [...notebooks].sort((a, b) => results.get(b).figures - results.get(a).figures)[0]);
    await screenshot(tools, sessionId, path.join(site, 'index.html'), 'index');
    if (showcase) await screenshot(tools, sessionId, path.join(site, showcase), showcase.replace(/\.html$/, ''));
  } finally {
    // A graceful close lets Chromium's helper processes finish before the profile is removed.
    if (tools) await Promise.race([tools.send('Browser.close').catch(() => {}), exited]);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    try {
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.error(`note: could not remove the temporary profile ${profile}: ${error.message}`);
    }
  }
  if (problems.length > 0) {
    console.error(`\nBrowser check failed: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  ${path.join(siteArgument, problem)}`);
    process.exit(1);
  }
  console.log(`Browser check passed: ${pages.length} pages`);
}

main().catch((error) => {
  console.error(`Browser check could not run: ${error.message}`);
  process.exit(2);
});
