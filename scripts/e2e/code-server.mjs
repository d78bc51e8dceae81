// Harness for running VS Code extension tests and UI tests in a real VS Code:
// code-server 4.100.3 (VS Code 1.100.3, installed by ./setup.sh) driven by Debian's
// Chromium through playwright-core. See ./README.md.
//
// Environment knobs:
//   PRODUCT_SPEC_E2E_CACHE    where setup.sh installed code-server (default ~/.cache/product-spec-e2e)
//   PRODUCT_SPEC_E2E_VERBOSE  1 = also print code-server's own output and the browser console
//   PRODUCT_SPEC_E2E_CHROMIUM path of the browser (default /usr/bin/chromium)

import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { format, promisify } from 'node:util';
import { chromium } from 'playwright-core';

const execFileP = promisify(execFile);

export const CODE_SERVER_VERSION = '4.100.3';
export const E2E_CACHE = path.resolve(process.env.PRODUCT_SPEC_E2E_CACHE || path.join(os.homedir(), '.cache', 'product-spec-e2e'));
export const CHROMIUM_PATH = process.env.PRODUCT_SPEC_E2E_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const VERBOSE = /^(1|true|yes)$/i.test(process.env.PRODUCT_SPEC_E2E_VERBOSE || '');

/** User settings that make the workbench steady for tests; `settings` given to startCodeServer override them. */
export const DEFAULT_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'editor.hover.delay': 100,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'files.hotExit': 'off',
  'editor.accessibilitySupport': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
});

function log(...args) { console.error('[e2e]', ...args); }

// ---------------------------------------------------------------------------------------
// code-server install + process handling
// ---------------------------------------------------------------------------------------

/** Path of the code-server executable installed by scripts/e2e/setup.sh. */
export function codeServerBin() {
  const bin = path.join(E2E_CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
  const marker = path.join(E2E_CACHE, 'code-server', `.installed-${CODE_SERVER_VERSION}`);
  if (!fs.existsSync(bin) || !fs.existsSync(marker)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${path.dirname(bin)}: ` +
      `run 'bash scripts/e2e/setup.sh' first (it installs code-server and Chromium).`);
  }
  return bin;
}

/** A free TCP port on 127.0.0.1 (ask the kernel, then release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Everything we started and not yet stopped, so that an exit or a signal never leaves
// code-server or Chromium processes (or their temp folders) behind.
const liveGroups = new Map(); // pgid -> { tmpRoot, userDataDir, stop }
const liveBrowsers = new Map(); // Browser -> its temp folder
let exitHooksInstalled = false;
let signalled = false;
function killGroupSync(pgid, signal = 'SIGKILL') {
  try { process.kill(-pgid, signal); return true; } catch { return false; }
}
/** Stop every code-server and Chromium this process started (used by the signal handlers). */
export async function stopAll() {
  await Promise.allSettled([...liveBrowsers.keys()].map((b) => Promise.race([b.close(), sleep(5000)])));
  await Promise.allSettled([...liveGroups.values()].map((g) => g.stop()));
}
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const [pgid, { tmpRoot, userDataDir }] of liveGroups) {
      killGroupSync(pgid);
      try { fs.rmSync(tmpRoot, { recursive: true, force: true }); } catch { /* best effort */ }
      try { fs.rmSync(path.join(userDataDir, 'code-server-ipc.sock'), { force: true }); } catch { /* best effort */ }
    }
    // playwright-core kills the browsers themselves on exit; their temp folders are ours.
    for (const root of liveBrowsers.values()) {
      try { fs.rmSync(root, { recursive: true, force: true }); } catch { /* best effort */ }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = async () => {
      const code = 128 + os.constants.signals[sig];
      if (signalled) { // second signal: no more waiting
        for (const pgid of liveGroups.keys()) killGroupSync(pgid);
        process.exit(code);
      }
      signalled = true;
      log(`${sig}: stopping code-server and Chromium...`);
      await stopAll();
      // Decide the exit only when nobody else listens for this signal.
      if (process.listenerCount(sig) === 1) process.exit(code);
    };
    process.on(sig, onSignal);
  }
}

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function httpGetStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('timeout', () => { req.destroy(); resolve(0); });
    req.on('error', () => resolve(0));
  });
}

/** Environment for a code-server process: its own TMPDIR and XDG folders under `tmpRoot`. */
function isolatedEnv(tmpRoot, extraEnv = {}) {
  const dirs = {
    TMPDIR: path.join(tmpRoot, 'tmp'),
    XDG_CONFIG_HOME: path.join(tmpRoot, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmpRoot, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmpRoot, 'xdg-cache'),
    XDG_RUNTIME_DIR: path.join(tmpRoot, 'xdg-runtime'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true, mode: 0o700 });
  // No extension gallery (open-vsx.org is unreachable here and its errors are noise); a
  // caller can still set EXTENSIONS_GALLERY through `env`.
  const env = { EXTENSIONS_GALLERY: '{}', ...process.env, ...extraEnv, ...dirs };
  // Variables that would make code-server behave differently from a plain start.
  for (const k of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'VSCODE_PROXY_URI', 'VSCODE_IPC_HOOK_CLI',
    'ELECTRON_RUN_AS_NODE', 'VSCODE_PID', 'VSCODE_CWD', 'VSCODE_NLS_CONFIG', 'VSCODE_HANDLES_UNCAUGHT_ERRORS']) {
    delete env[k];
  }
  return env;
}

// settings.json = DEFAULT_SETTINGS < what a reused user-data folder already has < `settings`.
async function writeSettings(userDataDir, settings) {
  const userDir = path.join(userDataDir, 'User');
  const file = path.join(userDir, 'settings.json');
  await fsp.mkdir(userDir, { recursive: true });
  let existing = {};
  const text = await fsp.readFile(file, 'utf8').catch(() => null);
  if (text !== null && text.trim()) {
    try {
      // settings.json is JSON with comments and trailing commas.
      existing = JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m, str) => str ?? '')
        .replace(/,(\s*[}\]])/g, '$1'));
    } catch (e) {
      throw new Error(`cannot merge test settings into ${file}: ${e.message}`);
    }
  }
  await fsp.writeFile(file, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...(settings || {}) }, null, 2) + '\n');
}

/**
 * Start code-server on a free loopback port.
 * @param {object} [o]
 * @param {string} [o.folder]        folder to open (absolute or relative to cwd)
 * @param {string} [o.extensionsDir] extensions folder (default: a fresh temp folder)
 * @param {string} [o.userDataDir]   user data folder (default: a fresh temp folder)
 * @param {object} [o.settings]      user settings, merged over DEFAULT_SETTINGS
 * @param {object} [o.env]           extra environment (reaches the extension host too)
 * @param {string[]} [o.args]        extra code-server arguments
 * @returns {Promise<{url:string, port:number, pid:number, logFile:string, userDataDir:string, extensionsDir:string, stop:()=>Promise<void>}>}
 */
export async function startCodeServer({ folder, extensionsDir, userDataDir, settings, env, args = [] } = {}) {
  const bin = codeServerBin();
  const tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'product-spec-e2e-'));
  try {
    extensionsDir = path.resolve(extensionsDir || path.join(tmpRoot, 'extensions'));
    userDataDir = path.resolve(userDataDir || path.join(tmpRoot, 'user-data'));
    await fsp.mkdir(extensionsDir, { recursive: true });
    await writeSettings(userDataDir, settings);
    if (folder) {
      folder = path.resolve(folder);
      if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`folder to open does not exist: ${folder}`);
    }
    const procEnv = isolatedEnv(tmpRoot, env);
    let lastError;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      const configFile = path.join(tmpRoot, 'config.yaml');
      await fsp.writeFile(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
      const logFile = path.join(tmpRoot, `code-server-${attempt}.log`);
      const cliArgs = [
        '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
        '--disable-getting-started-override', '--ignore-last-opened',
        '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
        ...args,
        ...(folder ? [folder] : []),
      ];
      try {
        const server = await spawnAndWait(bin, cliArgs, procEnv, port, logFile, tmpRoot, userDataDir);
        return { ...server, port, logFile, userDataDir, extensionsDir, url: `http://127.0.0.1:${port}` };
      } catch (e) {
        lastError = e;
        // A port taken between freePort() and the bind: try another one.
        if (!/EADDRINUSE/.test(e.message)) break;
      }
    }
    throw lastError;
  } catch (e) {
    await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
}

async function spawnAndWait(bin, cliArgs, env, port, logFile, tmpRoot, userDataDir) {
  // detached:true = setsid(): code-server, its extension host and file watcher form one
  // process group (pgid = pid) that stop() kills as a whole.
  const child = spawn(bin, cliArgs, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpRoot });
  const pgid = child.pid;
  if (!pgid) throw new Error(`could not start ${bin}`);
  installExitHooks();
  const group = { tmpRoot, userDataDir, stop: null };
  liveGroups.set(pgid, group);
  const logStream = fs.createWriteStream(logFile, { flags: 'a' });
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (d) => { logStream.write(d); if (VERBOSE) process.stderr.write(`[code-server] ${d}`); });
  }
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(); }));

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      killGroupSync(pgid, 'SIGTERM');
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline && (groupAlive(pgid) || !exited)) await sleep(100);
      if (groupAlive(pgid)) killGroupSync(pgid, 'SIGKILL');
      await Promise.race([exitPromise, sleep(2000)]);
      const until = Date.now() + 3000;
      while (groupAlive(pgid) && Date.now() < until) await sleep(50);
      liveGroups.delete(pgid);
      // Its IPC socket file stays behind in the user data folder, which may be reused.
      await fsp.rm(path.join(userDataDir, 'code-server-ipc.sock'), { force: true }).catch(() => {});
      await new Promise((r) => logStream.end(r));
      await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
    })();
    return stopping;
  };

  group.stop = stop;
  const started = Date.now();
  const deadline = started + 60_000;
  for (;;) {
    if (exited) {
      const text = await fsp.readFile(logFile, 'utf8').catch(() => '');
      await stop();
      throw new Error(`code-server exited during start (code ${exited.code}, signal ${exited.signal}):\n${text.slice(-3000)}`);
    }
    if (await httpGetStatus(`http://127.0.0.1:${port}/healthz`) === 200) break;
    if (Date.now() > deadline) {
      const text = await fsp.readFile(logFile, 'utf8').catch(() => '');
      await stop();
      throw new Error(`code-server did not answer /healthz on port ${port} within 60 s:\n${text.slice(-3000)}`);
    }
    await sleep(100);
  }
  if (VERBOSE) log(`code-server up on port ${port} in ${Date.now() - started} ms (pgid ${pgid})`);
  return { pid: pgid, stop };
}

/** Run the code-server CLI once (install/list extensions), isolated like startCodeServer. */
async function codeServerCli(cliArgs, { userDataDir } = {}) {
  const bin = codeServerBin();
  const tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'product-spec-e2e-cli-'));
  try {
    const configFile = path.join(tmpRoot, 'config.yaml');
    await fsp.writeFile(configFile, 'auth: none\ncert: false\n');
    const args = ['--config', configFile, '--user-data-dir', userDataDir || path.join(tmpRoot, 'user-data'), ...cliArgs];
    const { stdout, stderr } = await execFileP(bin, args, { env: isolatedEnv(tmpRoot), timeout: 120_000, maxBuffer: 16 << 20 });
    return { stdout, stderr };
  } finally {
    await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
  }
}

/** Install a packaged extension (.vsix) into `extensionsDir` (created if missing). */
export async function installVsix(vsixPath, extensionsDir, { userDataDir } = {}) {
  vsixPath = path.resolve(vsixPath);
  if (!fs.existsSync(vsixPath)) throw new Error(`no such .vsix: ${vsixPath}`);
  extensionsDir = path.resolve(extensionsDir);
  await fsp.mkdir(extensionsDir, { recursive: true });
  const { stdout, stderr } = await codeServerCli(
    ['--extensions-dir', extensionsDir, '--force', '--install-extension', vsixPath], { userDataDir });
  const text = `${stdout}${stderr}`;
  if (!/successfully installed|already installed/i.test(text)) {
    throw new Error(`installing ${vsixPath} failed:\n${text}`);
  }
  return text.trim();
}

/** Ids (publisher.name@version) of the extensions installed in `extensionsDir`. */
export async function listExtensions(extensionsDir) {
  const { stdout } = await codeServerCli(['--extensions-dir', path.resolve(extensionsDir), '--list-extensions', '--show-versions']);
  return stdout.split('\n').map((l) => l.trim()).filter((l) => /^[\w-]+\.[\w-]+(@|$)/.test(l));
}

// ---------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------

/**
 * Debian's Chromium through playwright-core (no browser download). Close it with
 * browser.close(). Its XDG folders and TMPDIR point at a temp folder removed on close
 * (otherwise Chromium's crash reporter writes ~/.config/chromium).
 */
export async function launchChromium({ args = [], env, ...options } = {}) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: run 'bash scripts/e2e/setup.sh' first (apt package chromium).`);
  }
  installExitHooks();
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'product-spec-e2e-chromium-'));
  const dirs = {
    XDG_CONFIG_HOME: path.join(root, 'config'), XDG_CACHE_HOME: path.join(root, 'cache'),
    XDG_DATA_HOME: path.join(root, 'data'), TMPDIR: path.join(root, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...args],
      timeout: 60_000,
      // Our own handlers close the browser gracefully (a SIGKILLed Chromium leaves zombies).
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      env: { ...process.env, ...env, ...dirs },
      ...options,
    });
  } catch (e) {
    await fsp.rm(root, { recursive: true, force: true }).catch(() => {});
    throw e;
  }
  liveBrowsers.set(browser, root);
  browser.on('disconnected', () => {
    liveBrowsers.delete(browser);
    fs.rmSync(root, { recursive: true, force: true });
  });
  return browser;
}

/** vscode-remote URI of an absolute path on the code-server machine. */
export function remoteUri(serverUrl, absPath) {
  const { host } = new URL(serverUrl);
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${host}${p}`;
}

/**
 * Workbench URL: opens `folder` (or `workspace`, a .code-workspace file, or an empty window)
 * and passes extensionDevelopmentPath(s) / extensionTestsPath as the workbench payload.
 */
export function workbenchUrl(serverUrl, { folder, workspace, extensionDevelopmentPath, extensionTestsPath } = {}) {
  const u = new URL('/', serverUrl);
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  else if (workspace) u.searchParams.set('workspace', path.resolve(workspace));
  else u.searchParams.set('ew', 'true');
  const payload = [];
  for (const dev of [extensionDevelopmentPath].flat().filter(Boolean)) {
    payload.push(['extensionDevelopmentPath', remoteUri(serverUrl, dev)]);
  }
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(serverUrl, extensionTestsPath)]);
  if (payload.length) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

// ---------------------------------------------------------------------------------------
// Extension test suites (what @vscode/test-electron runs, in code-server)
// ---------------------------------------------------------------------------------------

/**
 * Run an extension test suite (module exporting run(): Promise) in the real extension host.
 * Resolves to the suite's exit code (0 = all passed). Rejects on infrastructure failures
 * (code-server does not start, workbench crashes, timeout). Always stops code-server and
 * Chromium before settling.
 * @param {object} o
 * @param {string|string[]} o.extensionDevelopmentPath folder(s) of the extension(s) under development
 * @param {string} o.extensionTestsPath  the suite's entry module (index.js exporting run)
 * @param {string} [o.folder]            workspace folder to open (default: empty window)
 * @param {string} [o.workspace]         .code-workspace file to open instead of a folder
 * @param {number} [o.timeoutMs]         default 300000 (env PRODUCT_SPEC_E2E_TIMEOUT_MS)
 * @param {string} [o.extensionsDir]     extensions folder (e.g. dependencies installed with installVsix)
 * @param {string} [o.userDataDir]
 * @param {object} [o.settings]          user settings over DEFAULT_SETTINGS
 * @param {object} [o.env]               extra environment for code-server and the extension host
 * @param {string} [o.screenshotOnFailure] path of a PNG to write when the run fails or times out
 */
export async function runExtensionTests({
  extensionDevelopmentPath, extensionTestsPath, folder, workspace,
  timeoutMs = Number(process.env.PRODUCT_SPEC_E2E_TIMEOUT_MS) || 300_000,
  extensionsDir, userDataDir, settings, env, screenshotOnFailure,
} = {}) {
  if (!extensionDevelopmentPath) throw new Error('runExtensionTests: extensionDevelopmentPath is required');
  if (!extensionTestsPath) throw new Error('runExtensionTests: extensionTestsPath is required');
  const devPaths = [extensionDevelopmentPath].flat().map((p) => path.resolve(p));
  for (const p of devPaths) {
    if (!fs.existsSync(path.join(p, 'package.json'))) throw new Error(`extensionDevelopmentPath has no package.json: ${p}`);
  }
  let testsPath = path.resolve(extensionTestsPath);
  // VS Code accepts the suite as a folder (index.js inside) or a module path without extension.
  if (fs.statSync(testsPath, { throwIfNoEntry: false })?.isDirectory()) testsPath = path.join(testsPath, 'index.js');
  else if (!fs.existsSync(testsPath) && fs.existsSync(`${testsPath}.js`)) testsPath = `${testsPath}.js`;
  if (!fs.existsSync(testsPath)) throw new Error(`extensionTestsPath not found: ${testsPath}`);

  const t0 = Date.now();
  let server, browser, timer;
  try {
    server = await startCodeServer({ folder, extensionsDir, userDataDir, settings, env });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();

    let settle;
    const outcome = new Promise((resolve) => { settle = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => forwardAutomationLog(type, args));
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number.isInteger(Number(code)) ? Number(code) : 1 }));
    page.on('crash', () => settle({ error: new Error('the workbench page crashed') }));
    page.on('pageerror', (err) => { if (VERBOSE) log('page error:', err.message); });
    page.on('console', (msg) => forwardConsole(msg));
    timer = setTimeout(() => settle({ error: Object.assign(
      new Error(`extension tests did not finish within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }) }), timeoutMs);

    const url = workbenchUrl(server.url, { folder, workspace, extensionDevelopmentPath: devPaths, extensionTestsPath: testsPath });
    if (VERBOSE) log('opening', url);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const result = await outcome;
    if ((result.error || result.code !== 0) && screenshotOnFailure) {
      await page.screenshot({ path: screenshotOnFailure }).catch(() => {});
    }
    if (result.error) throw result.error;
    log(`extension tests exited with code ${result.code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result.code;
  } catch (e) {
    if (server?.logFile && !VERBOSE) {
      const text = await fsp.readFile(server.logFile, 'utf8').catch(() => '');
      if (text) log(`code-server output (last 3000 chars):\n${text.slice(-3000)}`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  }
}

// While extension tests run, the workbench's log service reaches codeAutomationLog: the
// extension host's console.log/info/warn/error (as [format, ...args]) and the workbench's
// own messages, of which the start-up chatter is dropped unless PRODUCT_SPEC_E2E_VERBOSE=1.
const WORKBENCH_NOISE = [
  /^Resolving connection token/, /^Resolved connection token/, /^Creating a socket \(/,
  /^Ignoring fetching additional builtin extensions/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^ChatSessionStore: Migrating 0 /,
];
function forwardAutomationLog(type, args) {
  const text = Array.isArray(args) ? format(...args) : String(args);
  if (!VERBOSE && WORKBENCH_NOISE.some((re) => re.test(text))) return;
  const line = text.endsWith('\n') ? text : `${text}\n`;
  if (type === 'error' || type === 'warn') process.stderr.write(line);
  else process.stdout.write(line);
}

function forwardConsole(msg) {
  if (!VERBOSE) return;
  process.stderr.write(`[browser ${msg.type()}] ${msg.text()}\n`);
}

// ---------------------------------------------------------------------------------------
// UI helpers for Playwright tests
// ---------------------------------------------------------------------------------------

/** Open the workbench at `url` and wait until it is usable. */
export async function openWorkbench(page, url, { timeout = 60_000 } = {}) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout });
  // The status bar is among the last parts to be laid out.
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout }).catch(() => {});
}

/**
 * Open a file by clicking it in the explorer and wait for its editor. `fileName` is the
 * label shown in the tree, or a relative path like 'sub/dir/file.product' whose folders are
 * expanded on the way.
 */
export async function openFileFromExplorer(page, fileName, { timeout = 30_000 } = {}) {
  const parts = fileName.split('/').filter(Boolean);
  const rowFor = (label) => page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
  }).first();
  for (const dir of parts.slice(0, -1)) {
    const row = rowFor(dir);
    await row.waitFor({ state: 'visible', timeout });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  const base = parts[parts.length - 1];
  const row = rowFor(base);
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
}

/** Run a command from the command palette by its label, e.g. 'View: Toggle Problems'. */
export async function runCommand(page, label, { timeout = 15_000 } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(`>${label}`);
  const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await item.waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout }).catch(() => {});
}

/** Page coordinates of the first occurrence of `text` in the visible editor lines. */
async function locateEditorText(page, text) {
  return page.evaluate((needle) => {
    const spans = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line span span, .monaco-editor .view-lines .view-line span span');
    for (const span of spans) {
      const node = span.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) continue;
      // Monaco renders spaces as U+00A0.
      const idx = node.textContent.replace(/\u00a0/g, ' ').indexOf(needle);
      if (idx < 0) continue;
      const range = document.createRange();
      range.setStart(node, idx);
      range.setEnd(node, idx + needle.length);
      const r = range.getBoundingClientRect();
      if (r.width === 0) continue;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, text);
}

/**
 * Hover `text` in the active editor and return the hover's text. The extension (and its
 * language server) may start lazily, so: hover, wait up to `perTryMs` for a hover that
 * matches `expect` (string or RegExp; any non-empty hover when omitted), else move the
 * mouse away and try again, up to `tries` times.
 */
export async function hoverText(page, text, { expect, tries = 10, perTryMs = 3000 } = {}) {
  const matches = (s) => (expect === undefined ? s.trim().length > 0
    : expect instanceof RegExp ? expect.test(s) : s.includes(expect));
  let last = '';
  for (let i = 1; i <= tries; i++) {
    const pos = await locateEditorText(page, text);
    if (!pos) throw new Error(`hoverText: "${text}" is not visible in the editor`);
    await page.mouse.move(5, 5);
    await sleep(150);
    await page.mouse.move(pos.x, pos.y, { steps: 3 });
    const deadline = Date.now() + perTryMs;
    while (Date.now() < deadline) {
      const hover = page.locator('.monaco-hover:visible').first();
      if (await hover.count()) {
        last = (await hover.innerText().catch(() => '')).trim();
        // "Loading..." is shown while the provider answers.
        if (matches(last) && !/^Loading\.\.\.$/.test(last)) return last;
      }
      await sleep(150);
    }
  }
  throw new Error(`hoverText: no hover on "${text}"${expect !== undefined ? ` matching ${expect}` : ''} after ${tries} tries` +
    (last ? `; last hover: ${JSON.stringify(last)}` : ''));
}

/** Language shown in the status bar for the active editor (e.g. 'Plain Text'). */
export async function statusBarLanguage(page, { timeout = 15_000 } = {}) {
  const item = page.locator('[id="status.editor.mode"]');
  await item.waitFor({ state: 'visible', timeout });
  return (await item.innerText()).trim();
}

/**
 * Entries of the Problems panel (opened if needed), as
 * [{ file, severity: 'error'|'warning'|'info', message, line, column, text }].
 * Waits until at least `minCount` entries are listed (default 0: what is there once the
 * panel is open). Only rows the panel has rendered are returned (a few dozen at most).
 */
export async function problemsEntries(page, { minCount = 0, timeout = 20_000 } = {}) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)').catch(async () => {
      await runCommand(page, 'Problems: Focus on Problems View');
    });
    await panel.waitFor({ state: 'visible', timeout });
  }
  const rows = panel.locator('.monaco-list-row');
  const deadline = Date.now() + timeout;
  for (;;) {
    const entries = await rows.evaluateAll((els) => {
      let file = '';
      const out = [];
      for (const el of els) {
        if (el.getAttribute('aria-level') === '1') {
          file = el.querySelector('.label-name')?.textContent || '';
          continue;
        }
        const icon = el.querySelector('.marker-icon');
        if (!icon) continue; // related-information rows
        const severity = ['error', 'warning', 'info'].find((c) => icon.classList.contains(c)) || 'unknown';
        const pos = /Ln (\d+), Col (\d+)/.exec(el.querySelector('.marker-line')?.textContent || '');
        out.push({
          file, severity,
          message: el.querySelector('.marker-message')?.textContent.trim() || '',
          line: pos ? Number(pos[1]) : undefined, column: pos ? Number(pos[2]) : undefined,
          text: el.getAttribute('aria-label') || el.innerText.replace(/\s+/g, ' ').trim(),
        });
      }
      return out;
    });
    if (entries.length >= minCount) return entries;
    if (Date.now() > deadline) {
      throw new Error(`problemsEntries: ${entries.length} entries after ${timeout} ms, expected at least ${minCount}: ${JSON.stringify(entries)}`);
    }
    await sleep(250);
  }
}

/**
 * In UI tests, print what the extension host writes with console.* (the workbench logs it to
 * the browser console as '%c[Extension Host] %c...'). runExtensionTests does this by itself.
 * Call before openWorkbench. Returns a function that stops forwarding.
 */
export function forwardExtensionHostConsole(page, { write = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const onConsole = async (msg) => {
    if (!msg.text().startsWith('%c[Extension Host]')) return;
    const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]')));
    write(format(...args)); // util.format drops %c and its style argument
  };
  page.on('console', onConsole);
  return () => page.off('console', onConsole);
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }
