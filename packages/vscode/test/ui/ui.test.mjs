#!/usr/bin/env node
// UI test of the packaged extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3)
// in Debian's Chromium, driven by playwright-core (scripts/e2e/code-server.mjs).
//
//   node packages/vscode/test/ui/ui.test.mjs [--vsix FILE] [--out DIR] [--update-readme-images]
//
// Installs the .vsix into a fresh extensions folder, opens a copy of examples/, and as a user:
// opens acme/features.product, opens the preview beside it (Mermaid diagrams drawn), hovers
// a feature and reads its RICE score, checks the status bar, then types an error and sees the
// red squiggle, the Problems entry and the status bar's error count; Show Ranking's view; lowers the
// MVP's capacity and applies the release plan's quick fixes (one move, then the whole plan). Screenshots go to
// --out (default packages/vscode/.e2e/ui, git-ignored); --update-readme-images also copies
// the two the README shows into packages/vscode/images/. Exit code 0 = passed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    forwardExtensionHostConsole, hoverText, installVsix, launchChromium, listExtensions, openFileFromExplorer,
    openWorkbench, problemsEntries, runCommand, startCodeServer, statusBarLanguage
} from '../../../../scripts/e2e/code-server.mjs';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const repoRoot = path.resolve(pkgDir, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const argv = process.argv.slice(2);
const option = (name, fallback) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : fallback; };
const vsix = path.resolve(option('--vsix', path.join(pkgDir, `${manifest.name}-${manifest.version}.vsix`)));
const outDir = path.resolve(option('--out', path.join(pkgDir, '.e2e', 'ui')));
const updateReadmeImages = argv.includes('--update-readme-images');
const verbose = /^(1|true)$/i.test(process.env.PRODUCT_SPEC_E2E_VERBOSE || '');

const steps = [];
const t0 = Date.now();
let currentPage; // for a screenshot when a step fails
async function step(name, fn) {
    const start = Date.now();
    try {
        const result = await fn();
        steps.push({ name, ok: true, ms: Date.now() - start });
        console.log(`  ✔ ${name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
        return result;
    } catch (error) {
        steps.push({ name, ok: false, ms: Date.now() - start });
        console.log(`  ✘ ${name}`);
        if (currentPage) await currentPage.screenshot({ path: path.join(outDir, 'failure.png') }).catch(() => {});
        throw error;
    }
}

/** The preview's webview frame (VS Code nests it: iframe.webview > iframe#active-frame). */
async function previewFrame(page, timeout = 30_000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            const ok = await frame.evaluate(() => !!document.querySelector('#content .mermaid-svg svg')).catch(() => false);
            if (ok) return frame;
        }
        await page.waitForTimeout(250);
    }
    throw new Error('the preview did not show a drawn Mermaid diagram');
}

/** Put the cursor at `where` ("line:column") in the active editor, through Go to Line. */
async function goToLine(page, where) {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${where}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

/** Select `word` on the visible line matching `line` by double-clicking it (checked in the status bar). */
async function selectWord(page, line, word) {
    const selection = page.locator('[id="status.editor.selection"]');
    for (let attempt = 1; ; attempt++) {
        const pos = await page.evaluate(({ source, word }) => {
            for (const row of document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')) {
                if (!new RegExp(source).test(row.textContent.replace(/\u00a0/g, ' '))) continue;
                // The word may share a span with its neighbours (an unresolved name has no semantic colour).
                for (const span of row.querySelectorAll('span span')) {
                    const node = span.firstChild;
                    const at = node?.nodeType === Node.TEXT_NODE ? node.textContent.replace(/\u00a0/g, ' ').search(new RegExp(`\\b${word}\\b`)) : -1;
                    if (at < 0) continue;
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + word.length);
                    const r = range.getBoundingClientRect();
                    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
                }
            }
            return null;
        }, { source: line.source, word });
        assert.ok(pos, `${line} is not visible`);
        await page.mouse.dblclick(pos.x, pos.y);
        await page.waitForTimeout(200);
        const selected = (await selection.innerText().catch(() => '')).replace(/\s+/g, ' ');
        if (new RegExp(`\\(${word.length} selected\\)`).test(selected)) return;
        if (attempt === 3) throw new Error(`could not select '${word}' (status bar: ${selected})`);
    }
}

/** Open a file through Quick Open (Ctrl+P) and wait for its editor. */
async function quickOpen(page, fileName) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(fileName);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Open the quick fixes at the cursor (Ctrl+.) and choose the one titled `title`, with the keyboard as a user would. */
async function chooseQuickFix(page, title) {
    const rows = page.locator('.action-widget .monaco-list-row');
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        // The code actions are asked for as the widget opens: a first try may come before the diagnostics.
        const shown = await rows.filter({ hasText: title }).first().waitFor({ state: 'attached', timeout: 5_000 }).then(() => true, () => false);
        if (shown) {
            for (let i = 0; i < 20; i++) {
                const focused = (await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '')).trim();
                if (focused === title) {
                    await page.keyboard.press('Enter');
                    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
                    return;
                }
                await page.keyboard.press('ArrowDown');
            }
        }
        const texts = await rows.allInnerTexts().catch(() => []);
        await page.keyboard.press('Escape');
        if (attempt === 4) throw new Error(`no quick fix '${title}' (shown: ${JSON.stringify(texts)})`);
        await page.waitForTimeout(1000);
    }
}

/** Wait until `condition` (sync or async) holds. */
async function waitFor(condition, what, timeout = 20_000) {
    for (const deadline = Date.now() + timeout; ; await new Promise(r => setTimeout(r, 250))) {
        if (await condition()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    }
}

/** The CLI's JSON for `args` (exit code 1, spec errors, still prints it). */
function cli(args) {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'packages', 'cli', 'bin', 'product-spec.js'), ...args], { encoding: 'utf8' });
    if (result.status !== 0 && result.status !== 1) throw new Error(`product-spec ${args.join(' ')}: ${result.stderr}`);
    return JSON.parse(result.stdout);
}

async function main() {
    if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist: run 'npm run package' first`);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'product-spec-ui-'));
    const workspace = path.join(tmp, 'examples');
    const extensionsDir = path.join(tmp, 'extensions');
    for (const dir of ['acme', 'portfolio']) {
        fs.mkdirSync(path.join(workspace, dir), { recursive: true });
        for (const f of fs.readdirSync(path.join(repoRoot, 'examples', dir)).filter(f => f.endsWith('.product'))) {
            fs.copyFileSync(path.join(repoRoot, 'examples', dir, f), path.join(workspace, dir, f));
        }
    }
    let server, browser;
    try {
        await step(`install ${path.basename(vsix)}`, async () => {
            await installVsix(vsix, extensionsDir);
            const installed = await listExtensions(extensionsDir);
            assert.ok(installed.includes(`${manifest.publisher}.${manifest.name}@${manifest.version}`), `installed: ${installed.join(', ')}`);
        });
        server = await step('start code-server', () => startCodeServer({
            folder: workspace, extensionsDir,
            settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, 'window.commandCenter': false }
        }));
        browser = await launchChromium();
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        currentPage = page;
        if (verbose) forwardExtensionHostConsole(page);
        await step('open the workbench', () => openWorkbench(page, server.url));

        await step('open acme/features.product from the explorer', async () => {
            await openFileFromExplorer(page, 'acme/features.product');
            assert.equal(await statusBarLanguage(page), 'Product Spec');
        });

        const hover = await step('hover a feature: its RICE arithmetic and rank', async () => {
            const text = await hoverText(page, 'bulk_export', { expect: /RICE = 4,000 × 2 × 0\.8 ÷ 2 = 3,200/ });
            assert.match(text, /rank 4 of 16/);
            return text;
        });
        console.log(`    hover: ${hover.split('\n').find(l => l.startsWith('RICE')) ?? hover}`);

        await step('the status bar: product, errors, warnings, top-ranked feature', async () => {
            const item = page.locator('.statusbar-item', { hasText: 'Bank feed import' }).first();
            await item.waitFor({ state: 'visible', timeout: 20_000 });
            const text = (await item.innerText()).replace(/\s+/g, ' ').trim();
            assert.match(text, /acme 0 0 Bank feed import/);
        });

        await step('Open Preview: the docs beside the editor, diagrams drawn', async () => {
            await page.mouse.move(5, 5);
            await runCommand(page, 'Product Spec: Open Preview');
            await page.locator('.tab', { hasText: 'Preview: Acme Analytics' }).waitFor({ state: 'visible', timeout: 30_000 });
            const frame = await previewFrame(page);
            assert.equal(await frame.locator('h1').first().innerText(), 'Acme Analytics');
            const drawn = await frame.evaluate(() => ({
                diagrams: document.querySelectorAll('.mermaid-diagram').length,
                svgs: document.querySelectorAll('.mermaid-svg svg').length,
                kinds: [...document.querySelectorAll('.mermaid-svg svg')].map(svg => svg.getAttribute('aria-roledescription'))
            }));
            assert.equal(drawn.svgs, drawn.diagrams, JSON.stringify(drawn));
            console.log(`    preview: ${drawn.svgs} diagrams drawn (${drawn.kinds.join(', ')})`);
        });

        await step('screenshot: hover and preview', async () => {
            // More room for both: hide the side bar; show the roadmap's Gantt chart in the preview.
            await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
            const frame = await previewFrame(page);
            await frame.evaluate(() => {
                const gantt = [...document.querySelectorAll('.mermaid-svg svg')].find(svg => svg.getAttribute('aria-roledescription') === 'gantt');
                (gantt ?? document.getElementById('roadmap'))?.closest('.mermaid-diagram')?.previousElementSibling?.scrollIntoView();
            });
            await hoverText(page, 'bulk_export', { expect: /RICE = 4,000/ });
            await page.waitForTimeout(600); // the hover fades in
            await page.screenshot({ path: path.join(outDir, 'hover-and-preview.png') });
            await page.mouse.move(5, 5);
            await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
        });

        await step('Show Ranking: the ranked backlog in the explorer; a click opens the feature', async () => {
            await runCommand(page, 'Product Spec: Show Ranking');
            const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Product Ranking/i }) });
            const row = (label) => view.locator('.monaco-list-row', { hasText: label }).first();
            await row('#1 Bank feed import').waitFor({ state: 'visible', timeout: 20_000 });
            const auth = (await row('#3 Single sign-on').innerText()).replace(/\s+/g, ' ');
            assert.match(auth, /#3 Single sign-on ?RICE 1,500 → 3,200 \(from bulk_export\)/);
            await row('#3 Single sign-on').click();
            await page.waitForFunction(() => /Ln 43, Col \d+ \(4 selected\)/.test(document.querySelector('[id="status.editor.selection"]')?.textContent ?? ''), null, { timeout: 10_000 })
                .catch(async () => { throw new Error(`selection: ${await page.locator('[id="status.editor.selection"]').innerText()}`); });
            // Room for the ranking in the screenshot: fold the file tree and the preview away.
            await page.locator('.pane').filter({ has: page.locator('.explorer-folders-view') }).locator('.pane-header').first().click({ timeout: 10_000 });
            await runCommand(page, 'View: Close All Editor Groups').catch(() => {});
            const sidebar = await page.locator('[id="workbench.parts.sidebar"]').boundingBox();
            if (sidebar) { // widen the side bar by dragging its edge
                const x = sidebar.x + sidebar.width + 1;
                const y = sidebar.y + sidebar.height / 2;
                await page.mouse.move(x, y);
                await page.mouse.down();
                await page.mouse.move(x + 200, y, { steps: 8 });
                await page.mouse.up();
            }
            await row('#3 Single sign-on').click();
            await page.mouse.move(5, 5);
            await page.waitForTimeout(500);
            await page.screenshot({ path: path.join(outDir, 'ranking.png') });
        });

        await step('type an error: red squiggle, Problems entry, status bar count', async () => {
            await page.mouse.move(5, 5);
            await page.waitForTimeout(500); // the side bar's layout settles
            // bulk_export: `requestedBy marco, ravi` → `requestedBy marco, nobody`: select `ravi` by double-click.
            await selectWord(page, /requestedBy marco, ravi/, 'ravi');
            await page.keyboard.type('nobody', { delay: 30 });
            await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 20_000 });
            // The server validates while `nobody` is typed: wait for the last state.
            let entries = [];
            let entry;
            for (const deadline = Date.now() + 20_000; Date.now() < deadline; await page.waitForTimeout(250)) {
                entries = await problemsEntries(page, { minCount: 1 });
                entry = entries.find(e => /'nobody'/.test(e.message));
                if (entry && entries.length === 1) break;
            }
            assert.ok(entry, `Problems: ${JSON.stringify(entries)}`);
            assert.equal(entries.length, 1, `Problems: ${JSON.stringify(entries)}`);
            assert.equal(entry.severity, 'error');
            assert.equal(entry.file, 'features.product');
            const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'nobody' }).first();
            assert.match(await row.innerText(), /unresolved-reference/); // the diagnostic's code, as the Problems panel shows it
            await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')].some(e => /acme\s+1\s+0\s+Bank feed import/.test(e.textContent.replace(/\s+/g, ' '))), null, { timeout: 20_000 })
                .catch(async () => { throw new Error(`status bar: ${await page.locator('#workbench\\.parts\\.statusbar').innerText()}`); });
            console.log(`    problem: ${entry.message} [Ln ${entry.line}, Col ${entry.column}]`);
            // Back to the line (a click on the entry reveals it), then hover the squiggle.
            await row.click();
            await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: 10_000 });
            const message = await hoverText(page, 'nobody', { expect: /No stakeholder named 'nobody'/ });
            assert.match(message, /unresolved-reference/);
            await page.waitForTimeout(600);
            await page.screenshot({ path: path.join(outDir, 'error.png') });
        });

        await step('over capacity: the quick fix "Move auth to v2", then the whole release plan as one edit', async () => {
            // The error typed above goes: `nobody` back to `ravi`.
            await selectWord(page, /requestedBy marco, nobody/, 'nobody');
            await page.keyboard.type('ravi', { delay: 30 });
            await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 20_000 });
            await quickOpen(page, 'roadmap.product'); // the explorer was folded away above
            // `capacity 12` of mvp (line 7) → `capacity 8`: 12 person-months of features no longer fit.
            await goToLine(page, '7:14');
            await page.keyboard.press('Shift+End');
            await page.keyboard.type('8');
            await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 20_000 });
            await goToLine(page, '7:6');
            await chooseQuickFix(page, 'Move auth to v2');
            await runCommand(page, 'File: Save All');
            const features = () => fs.readFileSync(path.join(workspace, 'acme', 'features.product'), 'utf8');
            await waitFor(() => /feature auth "Single sign-on" \{[^}]*release v2/.test(features()), 'auth moved to v2 in features.product');
            assert.equal(cli(['plan', workspace, '--product', 'acme', '--format', 'json']).plans[0].moves.some(m => m.feature === 'auth'), false, 'auth is where the plan puts it');

            await goToLine(page, '7:6');
            await chooseQuickFix(page, 'Apply the release plan of product acme');
            await runCommand(page, 'File: Save All');
            await waitFor(() => cli(['plan', workspace, '--product', 'acme', '--format', 'json']).plans[0].moves.length === 0, 'the spec is the plan: no moves left');
            const problems = cli(['validate', workspace, '--format', 'json']);
            assert.deepEqual(problems.diagnostics.filter(d => d.code === 'over-capacity'), [], 'no release over capacity');
            // The editor agrees: the release's code lens shows the plan kept, and no over-capacity problem is left.
            await page.locator('.codelens-decoration', { hasText: 'plan: load 8 / 8 · 0 moves' }).first().waitFor({ state: 'visible', timeout: 20_000 });
            await waitFor(async () => !(await problemsEntries(page)).some(e => /over capacity/.test(e.message)), 'the over-capacity problem goes');
        });

        if (updateReadmeImages) {
            for (const f of ['hover-and-preview.png', 'ranking.png', 'error.png']) fs.copyFileSync(path.join(outDir, f), path.join(pkgDir, 'images', f));
            console.log('    copied the screenshots into packages/vscode/images/');
        }
    } finally {
        if (browser) await browser.close().catch(() => {});
        if (server) await server.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

let code = 0;
try {
    await main();
} catch (error) {
    code = 1;
    console.error(`UI test failed: ${error.stack ?? error.message}`);
}
const passed = steps.filter(s => s.ok).length;
console.log(`UI test: ${passed}/${steps.length} steps passed, ${code === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${outDir}`);
process.exit(code);
