#!/usr/bin/env node
// `npm run test:e2e`: the VS Code extension, end to end, in a real VS Code.
//
//   1. setup            scripts/e2e/setup.sh (Chromium, code-server 4.100.3; fast when cached)
//   2. build + package  `npm run package`: language/docs/cli build, extension bundles, .vsix
//   3. unit tests       the extension's pure parts in Node (preview HTML, templates, server requests)
//   4. extension tests  @vscode/test-electron `runTests` + mocha inside the extension host
//                       (code-server via scripts/e2e/vscode-executable.mjs), on a copy of examples/
//   5. UI test          Playwright in code-server: the packaged .vsix installed, used as a user would
//
// Then checks that nothing is left running and no temp folder of ours is left behind, and
// prints a pass/fail summary with timings. Exit code 0 only when everything passed.
// Flags: --skip-setup, --only=suite|ui|unit (after build), --update-readme-images (UI test).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const only = args.find(a => a.startsWith('--only='))?.slice('--only='.length);
const vscodePkg = path.join(root, 'packages', 'vscode');
const manifest = JSON.parse(fs.readFileSync(path.join(vscodePkg, 'package.json'), 'utf8'));
const vsix = path.join(vscodePkg, `${manifest.name}-${manifest.version}.vsix`);
const TEMP_PREFIXES = ['product-spec-e2e-', 'product-spec-suite-', 'product-spec-ui-'];

const parts = [
    { id: 'setup', name: 'setup (scripts/e2e/setup.sh)', cmd: ['bash', ['scripts/e2e/setup.sh']], required: true, skip: args.includes('--skip-setup') },
    { id: 'package', name: `build + package (${path.relative(root, vsix)})`, cmd: ['npm', ['run', 'package']], required: true },
    { id: 'vsix', name: 'the .vsix holds the expected files only (scripts/e2e/vsix-contents.mjs)', cmd: ['node', ['scripts/e2e/vsix-contents.mjs', vsix]] },
    { id: 'unit', name: 'unit tests in Node (packages/vscode/test/unit)', cmd: ['npm', ['test', '-w', manifest.name]] },
    { id: 'suite', name: 'extension tests in VS Code 1.100 (runTests + mocha, test/suite)', cmd: ['node', ['packages/vscode/dist-test/runTest.js']] },
    { id: 'ui', name: 'UI test in VS Code 1.100 + Chromium (Playwright, the .vsix)', cmd: ['node', ['packages/vscode/test/ui/ui.test.mjs', '--vsix', vsix, ...(args.includes('--update-readme-images') ? ['--update-readme-images'] : [])]] }
];

const ours = () => new Set(fs.readdirSync(os.tmpdir()).filter(name => TEMP_PREFIXES.some(p => name.startsWith(p))));
const tempBefore = ours();

function run(cmd, argv) {
    return new Promise(resolve => {
        const child = spawn(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
        child.on('error', error => { console.error(`[e2e] cannot run ${cmd}: ${error.message}`); resolve(127); });
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    });
}

const results = [];
const t0 = Date.now();
let blocked = false;
for (const part of parts) {
    if (part.skip || (only && !['setup', 'package'].includes(part.id) && part.id !== only)) {
        results.push({ ...part, status: 'SKIP', seconds: 0 });
        continue;
    }
    if (blocked) {
        results.push({ ...part, status: 'SKIP', seconds: 0, note: 'an earlier step failed' });
        continue;
    }
    if (part.id === 'suite' && !fs.existsSync(path.join(vscodePkg, 'dist-test', 'runTest.js'))) {
        // The unit step builds dist-test; when it was skipped, build the tests here.
        await run('node', ['packages/vscode/scripts/build.mjs', '--tests-only']);
    }
    console.log(`\n[e2e] ==== ${part.name} ====`);
    const start = Date.now();
    const code = await run(...part.cmd);
    const seconds = (Date.now() - start) / 1000;
    results.push({ ...part, status: code === 0 ? 'PASS' : 'FAIL', seconds, note: code === 0 ? '' : `exit code ${code}` });
    if (code !== 0 && part.required) blocked = true;
}

// Nothing of ours may be left running or lying in the temp folder.
const leftovers = [];
try {
    const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    for (const line of ps.split('\n')) {
        const [pid, ...rest] = line.trim().split(/\s+/);
        const cmdline = rest.join(' ');
        if (!pid || Number(pid) === process.pid) continue;
        if (TEMP_PREFIXES.some(p => cmdline.includes(path.join(os.tmpdir(), p))) || /extensionTestsPath=.*packages\/vscode/.test(cmdline)) {
            leftovers.push(`process ${pid}: ${cmdline.slice(0, 160)}`);
        }
    }
} catch { /* no ps: skip the check */ }
for (const name of ours()) if (!tempBefore.has(name)) leftovers.push(`temp folder ${path.join(os.tmpdir(), name)}`);
results.push({ name: 'nothing left running, no temp folder left', status: leftovers.length ? 'FAIL' : 'PASS', seconds: 0, note: leftovers.join('; ') });

const total = (Date.now() - t0) / 1000;
const failed = results.filter(r => r.status === 'FAIL');
const width = Math.max(...results.map(r => r.name.length));
console.log('\n[e2e] ==== summary ====');
for (const r of results) {
    console.log(`  ${r.status}  ${r.name.padEnd(width)}  ${r.status === 'SKIP' && !r.seconds ? '      ' : `${r.seconds.toFixed(1).padStart(5)} s`}${r.note ? `  (${r.note})` : ''}`);
}
console.log(`  screenshots: ${path.relative(root, path.join(vscodePkg, '.e2e', 'ui'))}/ (hover-and-preview.png, ranking.png, error.png)`);
console.log(`\n[e2e] ${failed.length === 0 ? 'ALL PASSED' : `${failed.length} FAILED`} in ${total.toFixed(1)} s`);
process.exit(failed.length === 0 ? 0 : 1);
