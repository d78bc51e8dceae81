#!/usr/bin/env node
// `npm run bench`: what a user waits for, measured side by side in one run with the `main`
// from before the live-and-fast work (a git worktree, scripts/bench/baseline.mjs) and with
// Langium's default scoping, as ratios. Prints one table and writes .bench/results.json.
//
//   npm run bench                   the full run (a few minutes)
//   npm run bench -- --short        a small run (CI): fails only when ours is more than
//                                   --max-slowdown times (default 2) slower than the baseline
//   npm run bench -- --no-baseline  ours only
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { baselineTree, BASELINE_COMMIT } from './bench/baseline.mjs';
import { measureServer } from './bench/lsp.mjs';
import { generateWorkspace } from './bench/workspace.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const short = args.includes('--short');
const withBaseline = !args.includes('--no-baseline');
const maxSlowdown = Number(args[args.indexOf('--max-slowdown') + 1] ?? 2) || 2;

const work = join(tmpdir(), `product-spec-bench-${process.pid}`);
const workspaces = new Map();
function workspace(features, files) {
    const key = `${features}x${files}`;
    if (workspaces.has(key)) return workspaces.get(key);
    const dir = join(work, key);
    for (const file of generateWorkspace(features, files)) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.text);
    }
    workspaces.set(key, dir);
    return dir;
}

const implementations = [{ name: 'ours', root }];
if (withBaseline) {
    const baseline = baselineTree();
    if (baseline) implementations.push({ name: 'baseline', root: baseline });
}

const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `product-spec ARGS` in a new process: wall time (ms) and peak memory (bytes). */
function runCli(implementation, cliArgs) {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', join(root, 'scripts/bench/report-rss.mjs'), join(implementation.root, 'packages/cli/bin/product-spec.js'), ...cliArgs],
        { cwd: implementation.root, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = performance.now() - start;
    const rss = Number(/peak-rss (\d+)/.exec(result.stderr)?.[1] ?? NaN);
    if (result.status !== 0) throw new Error(`bench: product-spec ${cliArgs.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    return { wall, rss };
}

/** The median, phase by phase, of `runs` builds in new processes. */
function phases(implementation, dir, scoping, runs = short ? 1 : 3) {
    const measured = Array.from({ length: runs }, () => phasesOnce(implementation, dir, scoping));
    return Object.fromEntries(Object.keys(measured[0]).map(key => [key, median(measured.map(m => m[key]))]));
}

function phasesOnce(implementation, dir, scoping) {
    const result = spawnSync(process.execPath, [join(root, 'scripts/bench/phases-worker.mjs'), implementation.root, dir, scoping], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (result.status !== 0) throw new Error(`bench: phases of ${dir} (${scoping}) failed: ${result.stderr.slice(0, 500)}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
}

const rows = [];
const results = { node: process.version, baseline: withBaseline ? BASELINE_COMMIT : null, short, rows };
function row(section, what, values, target) {
    rows.push({ section, what, ...values, target });
    const ours = values.ours;
    const base = values.baseline;
    const fmt = v => (v === undefined ? '–' : typeof v === 'string' ? v : v >= 100 ? v.toFixed(0) : v.toFixed(1));
    const ratio = ours !== undefined && base !== undefined && typeof ours === 'number' && ours > 0 ? `${(base / ours).toFixed(1)}×` : '';
    const extra = values.default !== undefined ? `  default scoping ${fmt(values.default)} (${(values.default / ours).toFixed(1)}×)` : '';
    console.log(`${section.padEnd(10)} ${what.padEnd(58)} ${fmt(ours).padStart(9)} ${fmt(base).padStart(9)} ${ratio.padStart(7)}  ${target ?? ''}${extra}`);
}

console.log(`node ${process.version}; baseline = main at ${withBaseline ? BASELINE_COMMIT.slice(0, 12) : '(none)'}; times in ms, memory in MB; ratio = baseline ÷ ours`);
console.log(`${'section'.padEnd(10)} ${'what'.padEnd(58)} ${'ours'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)}  target`);

// 1. Start-up of the command line.
{
    const values = {};
    for (const implementation of implementations) {
        values[implementation.name] = median(Array.from({ length: 5 }, () => runCli(implementation, ['--version']).wall));
    }
    row('cli', 'product-spec --version', values, '≤ 150');
}

// 2. Cold validate: a new process, as in CI.
const coldSizes = short ? [[1000, 1], [2000, 20]] : [[1000, 1], [10000, 1], [50000, 1], [10000, 100]];
const coldTargets = { '10000x1': '≤ 1500', '50000x1': '≤ 7000', '10000x100': '' };
for (const [features, files] of coldSizes) {
    const dir = workspace(features, files);
    const wall = {};
    const rss = {};
    for (const implementation of implementations) {
        const runs = Array.from({ length: short || features >= 50000 ? 1 : 3 }, () => runCli(implementation, ['validate', dir]));
        wall[implementation.name] = median(runs.map(r => r.wall));
        rss[implementation.name] = median(runs.map(r => r.rss / 1e6));
    }
    row('validate', `cold validate, ${features.toLocaleString('en')} features in ${files} file${files > 1 ? 's' : ''}`, wall, coldTargets[`${features}x${files}`]);
    row('memory', `peak memory (MB), ${features.toLocaleString('en')} features in ${files} file${files > 1 ? 's' : ''}`, rss, features === 10000 && files === 1 ? '≤ 300' : '');
}

// 3. The build's phases, in-process (ours; Langium's default scoping beside it up to 10k).
const phaseSizes = short ? [[2000, 1]] : [[1000, 1], [10000, 1], [50000, 1], [10000, 100]];
for (const [features, files] of phaseSizes) {
    const dir = workspace(features, files);
    const ours = phases(implementations[0], dir, 'ours');
    const base = implementations[1] ? phases(implementations[1], dir, 'ours') : undefined;
    const fallback = features <= (short ? 2000 : 10000) && files === 1 ? phases(implementations[0], dir, 'default') : undefined;
    for (const phase of ['parse', 'index', 'link', 'references', 'validate', 'model', 'rank']) {
        row('phases', `${phase}, ${features.toLocaleString('en')} features in ${files} file${files > 1 ? 's' : ''}`,
            { ours: ours[phase], baseline: base?.[phase], default: phase === 'link' || phase === 'validate' ? fallback?.[phase] : undefined });
    }
    if (ours.diagnostics !== 0) throw new Error(`bench: the generated workspace has ${ours.diagnostics} diagnostics`);
}

// 4. The language server over stdio, as an editor drives it.
const lspCases = short
    ? [{ what: '2,000-feature file', features: 2000, files: 1, file: 'p0.product', feature: 'f1000', edits: 10 }]
    : [
        { what: '2,000-feature file', features: 2000, files: 1, file: 'p0.product', feature: 'f1000', edits: 20, target: '≤ 100' },
        { what: '10,000-feature file', features: 10000, files: 1, file: 'p0.product', feature: 'f5000', edits: 20, target: '≤ 400' },
        { what: 'small file of a 100-file 10k workspace', features: 10000, files: 100, file: 'p3/part05.product', feature: 'f550', edits: 20, target: '≤ 100' }
    ];
for (const c of lspCases) {
    const dir = workspace(c.features, c.files);
    const measured = {};
    for (const implementation of implementations) measured[implementation.name] = await measureServer(implementation.root, dir, c.file, c.feature, { edits: c.edits, requests: c.edits });
    const pick = f => Object.fromEntries(Object.entries(measured).map(([name, m]) => [name, f(m)]));
    row('lsp', `initialize → first diagnostics, ${c.what}`, pick(m => m.initialDiagnostics));
    row('lsp', `edit → diagnostics, median, ${c.what}`, pick(m => m.edit.median), c.target);
    row('lsp', `edit → diagnostics, p95, ${c.what}`, pick(m => m.edit.p95));
    row('lsp', `hover, median, ${c.what}`, pick(m => m.hover.median), '≤ 20');
    row('lsp', `completion, median, ${c.what}`, pick(m => m.completion.median), '≤ 20');
    row('lsp', `reference-resolution warnings logged, ${c.what}`, pick(m => m.resolutionWarnings), '0');
}

// 5. How sure is a rank (decide.md §2): the draws, in-process, beside one deterministic ranking.
{
    const samples = 10000;
    const features = 1000;
    const result = spawnSync(process.execPath, [join(root, 'scripts/bench/draws-worker.mjs'), root, String(features), String(samples)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench: draws failed: ${result.stderr.slice(0, 500)}`);
    const draws = JSON.parse(result.stdout.trim().split('\n').pop());
    row('draws', `one ranking, ${features.toLocaleString('en')} features with ranges`, { ours: draws.rank });
    row('draws', `rank --uncertainty, ${features.toLocaleString('en')} features × ${samples.toLocaleString('en')} draws`, { ours: draws.draws }, '≤ 2000');
    row('draws', `forecast --uncertainty, 24 months × ${samples.toLocaleString('en')} draws`, { ours: draws.forecast });
}

// 6. The release plan (decide.md §1): proven optimal on a backlog of 300, the best found within the time limit on 10,000.
for (const [features, releases, target] of short ? [[300, 6, '≤ 2000']] : [[300, 6, '≤ 2000'], [10000, 6, '≤ 10000 (the time limit)']]) {
    const result = spawnSync(process.execPath, [join(root, 'scripts/bench/plan-worker.mjs'), root, String(features), String(releases), '10'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench: plan failed: ${result.stderr.slice(0, 500)}`);
    const plan = JSON.parse(result.stdout.trim().split('\n').pop());
    row('plan', `plan, ${features.toLocaleString('en')} open features over ${releases} releases (${plan.optimal ? 'proven optimal' : `gap ${(plan.gap * 100).toFixed(2)}%`})`, { ours: plan.ms }, target);
}

// 7. What changed (decide.md §4): `product-spec diff` of two commits of a 10,000-feature workspace
//    in 100 files (one reach raised, one feature moved to another release), in a new process.
{
    const features = short ? 2000 : 10000;
    const files = short ? 20 : 100;
    const repo = join(work, `diff-${features}`);
    const git = (...gitArgs) => {
        const result = spawnSync('git', gitArgs, { cwd: repo, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`bench: git ${gitArgs.join(' ')}: ${result.stderr}`);
    };
    for (const file of generateWorkspace(features, files)) {
        mkdirSync(dirname(join(repo, file.path)), { recursive: true });
        writeFileSync(join(repo, file.path), file.text);
    }
    const commit = message => { git('add', '-A'); git('-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', message); };
    git('init', '-q');
    commit('base');
    const first = generateWorkspace(features, files).find(file => file.text.includes('feature f1 "'));
    const edited = first.text.replace(/(feature f1 "[^"]*" \{\n\s+release r)(\d)/, (_, head, r) => `${head}${(Number(r) + 1) % 6}`)
        .replace(/(feature f2 "[^"]*" \{\n[^\n]*\n\s+rice \{ reach )\d+/, '$1950');
    if (edited === first.text) throw new Error('bench: the diff edit did not apply');
    writeFileSync(join(repo, first.path), edited);
    commit('head');
    const runs = Array.from({ length: short ? 1 : 3 }, () => {
        const start = performance.now();
        const result = spawnSync(process.execPath, [join(root, 'packages/cli/bin/product-spec.js'), 'diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 28 });
        if (result.status !== 0) throw new Error(`bench: diff exited ${result.status}: ${result.stderr.slice(0, 500)}`);
        return performance.now() - start;
    });
    row('diff', `diff of two commits, ${features.toLocaleString('en')} features in ${files} files`, { ours: median(runs) }, short ? '' : '≤ 3000');
}

rmSync(work, { recursive: true, force: true });
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench/results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nJSON: .bench/results.json');

if (short && implementations.length > 1) {
    const slower = rows.filter(r => typeof r.ours === 'number' && typeof r.baseline === 'number' && r.baseline > 5 && r.ours > maxSlowdown * r.baseline && !r.what.startsWith('peak'));
    if (slower.length > 0) {
        console.error(`bench: ${slower.length} measurement(s) more than ${maxSlowdown}× slower than the baseline: ${slower.map(r => r.what).join('; ')}`);
        process.exitCode = 1;
    }
}
