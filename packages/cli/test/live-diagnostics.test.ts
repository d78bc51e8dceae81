import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildWorkspace, createProductSpecServices, URI } from '@product-spec/language';
import { EmptyFileSystem } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';
import { examples } from './helpers.js';
import { fileUri, LspClient } from './support/lsp-client.js';

/**
 * Truth first: whatever the edits, the diagnostics the server has published for every file
 * equal those of a fresh build of the same texts (the oracle: a new workspace, built once).
 */

/** A copy of the bundled examples (acme's seven files and the portfolio's three). */
function copyExamples(): { dir: string; files: string[] } {
    const dir = mkdtempSync(path.join(tmpdir(), 'product-spec-live-'));
    for (const folder of ['acme', 'portfolio']) cpSync(path.join(examples, folder), path.join(dir, folder), { recursive: true });
    const files: string[] = [];
    const walk = (folder: string) => {
        for (const name of readdirSync(folder).sort()) {
            const full = path.join(folder, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.product')) files.push(full);
        }
    };
    walk(dir);
    return { dir, files };
}

const oracle = createProductSpecServices(EmptyFileSystem);

/** What a user sees of a diagnostic, as it crosses the wire. */
function seen(diagnostic: Diagnostic): unknown {
    const { range, severity, code, message, data } = diagnostic;
    return JSON.parse(JSON.stringify({ range, severity, code, message, data }));
}

async function freshBuild(texts: ReadonlyMap<string, string>): Promise<Map<string, unknown[]>> {
    await clearDocuments(oracle.shared);
    const documents = await buildWorkspace(oracle.shared, [...texts].map(([file, text]) => ({ uri: URI.file(file), text })));
    return new Map(documents.map(document => [document.uri.toString(), (document.diagnostics ?? []).map(seen)]));
}

/** Every request waits for the build of the latest edit; the diagnostics of that build were published before its answer. */
async function settled(client: LspClient): Promise<void> {
    const answered = await within(client.request('productSpec/rank', {}).then(() => true), 30000);
    if (answered) return;
    // Say what the server was doing: busy (CPU) or waiting, and whether it still answers at all.
    const ticks = () => Number(readFileSync(`/proc/${client.process.pid}/stat`, 'utf8').split(' ')[13]);
    const before = ticks();
    const alive = await within(client.request('productSpec/noSuchRequest').then(() => true, () => true), 5000);
    const busy = ticks() - before;
    throw new Error(`the server did not answer within 30 s (answers other requests: ${alive}; CPU ticks in 5 s: ${busy}; exit code ${client.exitCode}; stderr: ${client.stderr.slice(-3000)}; log: ${JSON.stringify(client.received('window/logMessage').slice(-6))})`);
}

/** The promise's value, or false when it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | false> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([promise, new Promise<false>(resolve => { timer = setTimeout(() => resolve(false), ms); })]).finally(() => clearTimeout(timer));
}

async function expectTruth(client: LspClient, texts: ReadonlyMap<string, string>, context: string): Promise<void> {
    await settled(client);
    const expected = await freshBuild(texts);
    for (const [uri, diagnostics] of expected) {
        const published = (client.published.get(uri) ?? []).map(seen);
        assert.deepEqual(published, diagnostics, `${context}: the diagnostics published for ${path.basename(uri)} differ from a fresh build's`);
    }
}

/** The edits people make, at places that keep most of the text well-formed, and some that do not. */
const FRAGMENTS = [
    ' ', '\n', '1', '0', '}', '{', '"', ',', 'x', '%', '/* ', ' */', '// note\n',
    ' requires auth', ' requires bulk_export', ' requires sync.calendar_link', ' requires acme.auth', ' moves activation', ' moves retention',
    ' release v2', ' release mvp', ' effort 40', ' capacity 1', ' status dropped', ' status shipped', ' moscow must', ' kano reverse',
    '\n  feature extra "Extra" { release mvp effort 30 requestedBy priya }\n', '\n  metric spare "Spare" { baseline 1 current 2 target 3 }\n',
    '\n  stakeholder priya "Again"\n', '\nproduct acme { feature late { release mvp requires revenue_dashboard moves activation } }\n',
    '\nmetric shared_spare "Shared spare"\n', '\nproduct extra "Extra" { feature e { requires acme.bank_import release mvp } }\n',
    '\n  scoring { method wsjf }\n', ' date 2026-01-01', ' confidence 120%', '\n  metric arr "Local ARR"\n', '\n  stakeholder dana "Local Dana"\n'
];

type Edit =
    | { kind: 'insert'; file: number; at: number; fragment: number; aligned: boolean }
    | { kind: 'delete'; file: number; at: number; length: number }
    | { kind: 'number'; file: number; which: number; value: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), file: fc.nat(), at: fc.nat(), fragment: fc.nat(FRAGMENTS.length - 1), aligned: fc.boolean() }),
    fc.record({ kind: fc.constant('delete' as const), file: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('number' as const), file: fc.nat(), which: fc.nat(), value: fc.constantFrom(0, 1, 2, 3, 8, 13, 40, 100, 150, 4000) })
);

function apply(text: string, edit: Edit): string {
    switch (edit.kind) {
        case 'insert': {
            let at = edit.at % (text.length + 1);
            if (edit.aligned) {
                // Just before a line's first word, or after a closing brace: where a property or declaration can go.
                const next = text.indexOf('\n', at);
                at = next < 0 ? text.length : next;
            }
            return text.slice(0, at) + FRAGMENTS[edit.fragment] + text.slice(at);
        }
        case 'delete': {
            const at = edit.at % (text.length + 1);
            return text.slice(0, at) + text.slice(at + edit.length);
        }
        case 'number': {
            const numbers = [...text.matchAll(/\b\d+(\.\d+)?\b(?!-)/g)];
            if (numbers.length === 0) return text;
            const match = numbers[edit.which % numbers.length];
            return text.slice(0, match.index) + String(edit.value) + text.slice(match.index! + match[0].length);
        }
    }
}

describe('live diagnostics: a declaration in a new file changes what unchanged files refer to', function () {
    this.timeout(60000);

    it('relinks `moves m` to the product\'s own metric m once another file declares it, so the top-level m becomes unused', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'product-spec-shadow-'));
        const files = {
            'a.product': 'metric m "Top-level metric"\n',
            'b.product': 'product p "P" {\n  stakeholder s "S"\n  feature f "F" { moves m requestedBy s }\n}\n'
        };
        for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
        const client = LspClient.start();
        try {
            await client.initialize(dir);
            await settled(client);
            assert.deepEqual(client.published.get(fileUri(path.join(dir, 'a.product'))) ?? [], []);
            const local = 'product p {\n  metric m "The product\'s own metric"\n}\n';
            await client.open(fileUri(path.join(dir, 'c.product')), local);
            await settled(client);
            const texts = new Map([...Object.entries(files).map(([name, text]) => [path.join(dir, name), text] as [string, string]), [path.join(dir, 'c.product'), local]]);
            await expectTruth(client, texts, 'after declaring p.m');
            assert.deepEqual((client.published.get(fileUri(path.join(dir, 'a.product'))) ?? []).map(d => d.code), ['unused-metric']);
            assert.deepEqual(client.published.get(fileUri(path.join(dir, 'c.product'))) ?? [], []);
        } finally {
            await client.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('live diagnostics: what the server publishes equals a fresh build', function () {
    this.timeout(600000);
    let client: LspClient;
    let dir: string;
    let files: string[];
    let original: Map<string, string>;

    before(async () => {
        ({ dir, files } = copyExamples());
        original = new Map(files.map(file => [file, readFileSync(file, 'utf8')]));
        // The builder's trace (PRODUCT_SPEC_TRACE) ends up in the message of a step that times out.
        client = LspClient.start({ env: { PRODUCT_SPEC_TRACE: '1' } });
        await client.initialize(dir);
        await settled(client);
    });

    after(async () => {
        await client.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    async function reset(opened: Set<string>): Promise<void> {
        for (const file of opened) await client.close(fileUri(file));
        opened.clear();
    }

    it('shows over-capacity in roadmap.product when an effort in features.product overloads the MVP', async () => {
        const features = files.find(file => file.endsWith(path.join('acme', 'features.product')))!;
        const roadmap = fileUri(files.find(file => file.endsWith(path.join('acme', 'roadmap.product')))!);
        const text = original.get(features)!;
        await client.open(fileUri(features), text);
        await settled(client);
        assert.deepEqual(client.published.get(roadmap) ?? [], []);
        const heavier = text.replace('effort 3\n    rice { reach 5000 impact massive confidence 80% effort 3 }', 'effort 30\n    rice { reach 5000 impact massive confidence 80% effort 30 }');
        assert.notEqual(heavier, text);
        await client.change(fileUri(features), 2, heavier);
        await settled(client);
        assert.deepEqual((client.published.get(roadmap) ?? []).map(d => `${d.code}@${d.range.start.line + 1}`), ['must-share@4', 'over-capacity@7']);
        await client.change(fileUri(features), 3, text);
        await settled(client);
        assert.deepEqual(client.published.get(roadmap) ?? [], []);
        await client.close(fileUri(features));
    });

    it('drops the unused-metric warning of one file when a feature in another file starts to move the metric', async () => {
        const goals = files.find(file => file.endsWith(path.join('acme', 'goals.product')))!;
        const features = files.find(file => file.endsWith(path.join('acme', 'features.product')))!;
        const goalsText = original.get(goals)!.replace(/\}\s*$/, '  metric spare "Spare metric" { baseline 1 current 2 target 3 }\n}\n');
        await client.open(fileUri(goals), goalsText);
        await settled(client);
        assert.deepEqual((client.published.get(fileUri(goals)) ?? []).map(d => d.code), ['unused-metric']);
        const featuresText = original.get(features)!.replace('    moves activation\n    requestedBy jana', '    moves activation, spare\n    requestedBy jana');
        await client.open(fileUri(features), featuresText);
        await settled(client);
        assert.deepEqual(client.published.get(fileUri(goals)) ?? [], []);
        await client.close(fileUri(goals));
        await client.close(fileUri(features));
        await settled(client);
    });

    it('after every step of random edit sequences across files, every file shows what a fresh build shows', async () => {
        const opened = new Set<string>();
        let steps = 0;
        const runs = Number(process.env.LIVE_RUNS ?? 150);
        await fc.assert(fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 30 }), async edits => {
            const texts = new Map(original);
            try {
                for (const [index, edit] of edits.entries()) {
                    const file = files[edit.file % files.length];
                    const text = apply(texts.get(file)!, edit);
                    texts.set(file, text);
                    const version = index + 2;
                    if (opened.has(file)) await client.change(fileUri(file), version, text);
                    else { opened.add(file); await client.open(fileUri(file), text, version); }
                    await expectTruth(client, texts, `after edit ${index + 1} (${JSON.stringify(edit)})`);
                    steps++;
                }
            } finally {
                await reset(opened);
            }
            // Closing every file gives back what is on disk.
            await expectTruth(client, original, 'after closing the edited files');
            // A fixed seed by default, so that CI runs the same 150 sequences every time; LIVE_SEED
            // explores others (`LIVE_SEED=$RANDOM npm test`). See the note below.
        }), { numRuns: runs, seed: process.env.LIVE_SEED ? Number(process.env.LIVE_SEED) : 20261203, verbose: 1 });
        assert.ok(steps > 0);
    });

    // LIVE_SEED=-1962091367 found a bug here: "}" followed by typed line breaks was reparsed
    // incrementally with every later token left two lines too high (a diagnostic published two
    // lines off). Fixed in syntax/incremental.ts; its regression test is in the language
    // package's incremental.test.ts, and this seed passes now.
});
