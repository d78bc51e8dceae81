#!/usr/bin/env node
// Stand-in for the VS Code executable, for @vscode/test-electron's runTests:
//
//   await runTests({
//     vscodeExecutablePath: '/work/main/scripts/e2e/vscode-executable.mjs',
//     extensionDevelopmentPath, extensionTestsPath,
//     launchArgs: [workspaceFolder],          // optional: folder or .code-workspace to open
//     extensionTestsEnv: { ... },             // optional: reaches the extension host
//   });
//
// runTests spawns this script with VS Code's command line (see
// node_modules/@vscode/test-electron/out/runTest.js):
//   [...launchArgs] --no-sandbox --disable-gpu-sandbox --disable-updates --skip-welcome
//   --skip-release-notes --disable-workspace-trust --extensionTestsPath=T
//   --extensionDevelopmentPath=D [--extensions-dir=X --user-data-dir=U]
// It runs the suite in code-server + Chromium (code-server.mjs) and exits with the suite's
// code; any other exit (start failure, timeout) is non-zero too.
//
// Environment: PRODUCT_SPEC_E2E_TIMEOUT_MS (default 300000), PRODUCT_SPEC_E2E_VERBOSE=1,
// PRODUCT_SPEC_E2E_SCREENSHOT=file.png (screenshot of the workbench when the run fails).

import fs from 'node:fs';
import path from 'node:path';
import { runExtensionTests } from './code-server.mjs';

// Flags that take a value ("--flag=value" or "--flag value").
const VALUE_FLAGS = new Set([
  'extensionTestsPath', 'extensionDevelopmentPath', 'extensions-dir', 'user-data-dir',
  'locale', 'disable-extension', 'enable-proposed-api', 'log', 'logsPath', 'folder-uri', 'file-uri',
  'inspect-extensions', 'inspect-brk-extensions', 'extensionDevelopmentKind', 'extensionEnvironment',
  'crash-reporter-directory', 'remote', 'profile', 'sync',
]);
// Flags of the desktop app that mean nothing for code-server in a headless browser.
const IGNORED_FLAGS = new Set([
  'no-sandbox', 'disable-gpu-sandbox', 'disable-gpu', 'disable-updates', 'skip-welcome',
  'skip-release-notes', 'disable-workspace-trust', 'new-window', 'reuse-window', 'wait',
  'disable-telemetry', 'disable-crash-reporter', 'disable-chromium-sandbox', 'verbose',
  'log', 'logsPath', 'crash-reporter-directory', 'locale', 'sync', 'disable-keytar',
]);

function parseArgs(argv) {
  const opts = { extensionDevelopmentPath: [], positional: [], unknown: [], disableExtensions: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { opts.positional.push(a); continue; }
    let name = a.slice(2);
    let value;
    const eq = name.indexOf('=');
    if (eq >= 0) { value = name.slice(eq + 1); name = name.slice(0, eq); }
    else if (VALUE_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) { value = argv[++i]; }
    switch (name) {
      case 'extensionTestsPath': opts.extensionTestsPath = value; break;
      case 'extensionDevelopmentPath': opts.extensionDevelopmentPath.push(value); break;
      case 'extensions-dir': opts.extensionsDir = value; break;
      case 'user-data-dir': opts.userDataDir = value; break;
      case 'disable-extensions': opts.disableExtensions = true; break;
      case 'folder-uri': opts.positional.push(value.startsWith('file://') ? new URL(value).pathname : value); break;
      default:
        if (!IGNORED_FLAGS.has(name)) opts.unknown.push(a);
    }
  }
  return opts;
}

// test-electron passes file-system paths; accept file:// URIs too.
const toPath = (p) => (p && p.startsWith('file://') ? decodeURIComponent(new URL(p).pathname) : p);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.extensionTestsPath || opts.extensionDevelopmentPath.length === 0) {
    console.error('vscode-executable.mjs: needs --extensionTestsPath=... and --extensionDevelopmentPath=... ' +
      '(it only runs extension test suites, as @vscode/test-electron runTests passes them).');
    return 2;
  }
  if (opts.unknown.length) console.error(`[e2e] ignoring arguments code-server has no use for: ${opts.unknown.join(' ')}`);

  let folder, workspace;
  for (const p of opts.positional.map(toPath)) {
    const abs = path.resolve(p);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) { console.error(`vscode-executable.mjs: path to open does not exist: ${abs}`); return 2; }
    if (st.isDirectory() && !folder && !workspace) folder = abs;
    else if (st.isFile() && abs.endsWith('.code-workspace') && !folder && !workspace) workspace = abs;
    else console.error(`[e2e] ignoring path to open (only one folder or .code-workspace is supported): ${abs}`);
  }

  // --disable-extensions: start from an empty extensions folder (built-in extensions stay).
  const extensionsDir = opts.disableExtensions ? undefined : toPath(opts.extensionsDir);
  try {
    return await runExtensionTests({
      extensionDevelopmentPath: opts.extensionDevelopmentPath.map(toPath),
      extensionTestsPath: toPath(opts.extensionTestsPath),
      folder, workspace,
      extensionsDir,
      userDataDir: toPath(opts.userDataDir),
      screenshotOnFailure: process.env.PRODUCT_SPEC_E2E_SCREENSHOT || undefined,
    });
  } catch (e) {
    console.error(`[e2e] extension test run failed: ${e.stack || e.message}`);
    return 1;
  }
}

const code = await main();
// Exit right away: nothing of ours is left running (runExtensionTests stopped code-server
// and Chromium), and lingering handles must not keep runTests waiting.
process.exit(code);
