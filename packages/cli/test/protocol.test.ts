import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspace } from './helpers.js';
import { LspClient } from './support/lsp-client.js';

/**
 * The server as any editor may drive it (issue 12): hostile or odd notifications never end
 * the process, and a request made afterwards is still answered.
 */
describe('the language server survives what editors send', function () {
    this.timeout(60000);
    const spec = 'product demo "Demo" {\n  feature e "E" { reach 10 impact 1 confidence 50% effort 1 }\n}\n';

    async function withServer(folder: string | undefined, body: (client: LspClient) => Promise<void>): Promise<void> {
        const client = LspClient.start();
        try {
            await client.initialize(folder);
            await body(client);
            // Still alive, still answering: a rank request after everything above.
            const rank = await client.request<{ products: unknown[] }>('productSpec/rank', {});
            assert.ok(Array.isArray(rank.products), 'productSpec/rank answered');
            assert.equal(client.exitCode, undefined, `the server exited; stderr:\n${client.stderr}`);
        } finally {
            await client.stop();
        }
    }

    const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

    it('closing a document that was never saved to disk (Neovim :e new.product, :bd!)', async () => {
        const dir = workspace({ 'demo.product': spec });
        await withServer(dir, async client => {
            const uri = pathToFileURL(path.join(dir, 'new.product')).toString();
            await client.open(uri, spec.replace('demo', 'other'));
            await client.waitForDiagnostics(p => p.uri === uri);
            await client.close(uri);
            await pause(500);
        });
    });

    it('closing a document whose path became a folder, or a FIFO-like non-file', async () => {
        const dir = workspace({ 'demo.product': spec });
        await withServer(dir, async client => {
            const uri = pathToFileURL(path.join(dir, 'gone.product')).toString();
            await client.open(uri, spec.replace('demo', 'gone'));
            await client.waitForDiagnostics(p => p.uri === uri);
            mkdirSync(path.join(dir, 'gone.product'));
            await client.close(uri);
            await pause(500);
        });
    });

    for (const [what, uri, languageId] of [
        ['an untitled document', 'untitled:Untitled-1', 'product-spec'],
        ['notes.txt as product-spec', 'file:///tmp/notes.txt', 'product-spec'],
        ['a.txt as plaintext', 'file:///tmp/a.txt', 'plaintext'],
        ['a Makefile as product', 'file:///tmp/Makefile', 'product']
    ] as const) {
        it(`opening and closing ${what}`, async () => {
            const dir = workspace({ 'demo.product': spec });
            await withServer(dir, async client => {
                await client.open(uri, spec, 1, languageId);
                await pause(300);
                // Another change in the workspace makes a build that must not trip on it.
                const other = pathToFileURL(path.join(dir, 'demo.product')).toString();
                await client.open(other, spec);
                await pause(300);
                await client.close(uri);
                await client.change(other, 2, spec.replace('reach 10', 'reach 20'));
                await pause(500);
            });
        });
    }

    it('a didOpen whose text is null or a number', async () => {
        const dir = workspace({ 'demo.product': spec });
        await withServer(dir, async client => {
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(dir, 'n.product')).toString(), languageId: 'product', version: 1, text: null } });
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(dir, 'm.product')).toString(), languageId: 'product', version: 1, text: 42 } });
            await pause(500);
        });
    });

    it('a workspace holding a folder named y.product and an unreadable file answers rank', async () => {
        const dir = workspace({ 'demo.product': spec });
        mkdirSync(path.join(dir, 'y.product'));
        writeFileSync(path.join(dir, 'locked.product'), spec.replace('demo', 'locked'), { mode: 0o000 });
        await withServer(dir, async () => { /* rank is asked by withServer */ });
    });

    it('rank right after initialized in an empty folder is answered at once', async () => {
        const dir = workspace({});
        const client = LspClient.start();
        try {
            await client.initialize(dir);
            const started = performance.now();
            const rank = await client.request<{ products: unknown[] }>('productSpec/rank', {});
            assert.deepEqual(rank.products, []);
            assert.ok(performance.now() - started < 5000, `answered after ${Math.round(performance.now() - started)} ms`);
        } finally {
            await client.stop();
        }
    });
});

describe('the language server keeps the protocol\'s lifecycle (issue 12)', function () {
    this.timeout(60000);

    async function error(promise: Promise<unknown>): Promise<string> {
        try {
            await promise;
            return 'answered';
        } catch (caught) {
            const { code, message } = caught as { code: number; message: string };
            return `${code} ${message}`;
        }
    }

    it('answers requests before initialize with -32002, a second initialize and requests after shutdown with -32600, bad params with -32602', async () => {
        const client = LspClient.start();
        try {
            const hover = { textDocument: { uri: 'file:///x.product' }, position: { line: 0, character: 0 } };
            assert.equal(await error(client.request('textDocument/hover', hover)), '-32002 The server is not initialized: send initialize first.');
            assert.equal(await error(client.request('productSpec/rank', {})), '-32002 The server is not initialized: send initialize first.');
            await client.initialize();
            assert.equal(await error(client.request('initialize', { processId: null, rootUri: null, capabilities: {} })), '-32600 The server is already initialized: initialize is sent once.');
            assert.equal(await error(client.request('textDocument/hover', {})), '-32602 textDocument/hover needs params.textDocument.uri (a string).');
            assert.equal(await error(client.request('textDocument/hover', null)), '-32602 textDocument/hover needs params.textDocument.uri (a string).');
            assert.equal(await error(client.request('textDocument/completion', { textDocument: { uri: 'file:///x.product' }, position: { line: -1, character: 'a' } })),
                '-32602 textDocument/completion needs params.position: { line, character }, whole numbers from 0.');
            assert.equal(await error(client.request('textDocument/hover', hover)), '-32802 No document found for URI: file:///x.product', 'a document never opened: a proper error');
            assert.equal(await error(client.request('foo/bar', {})), '-32601 Unhandled method foo/bar');
            assert.equal(await error(client.request('shutdown')), 'answered');
            assert.equal(await error(client.request('productSpec/rank', {})), '-32600 The server was shut down: only exit is accepted now.');
            await client.connection.sendNotification('exit');
            await new Promise<void>(resolve => (client.exitCode !== undefined ? resolve() : client.process.once('exit', () => resolve())));
            assert.equal(client.exitCode, 0, 'exit after shutdown ends the process with 0');
        } finally {
            await client.stop();
        }
    });
});

describe('productSpec/diff over stdio', function () {
    this.timeout(60000);

    it('answers with the markdown of diff for a folder in a repository, and a clear error outside one', async () => {
        const { execFileSync } = await import('node:child_process');
        const dir = workspace({ 'p.product': 'product p {\n  feature a { rice { reach 10 impact high confidence 80% effort 1 } }\n}\n' });
        for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'base']]) execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
        writeFileSync(path.join(dir, 'p.product'), 'product p {\n  feature a { rice { reach 20 impact high confidence 80% effort 1 } }\n}\n');
        const client = LspClient.start();
        try {
            await client.initialize(dir);
            const answer = await client.request<{ markdown: string; base: string }>('productSpec/diff', { folder: dir });
            assert.match(answer.base, /^[0-9a-f]{7}$/);
            assert.ok(answer.markdown.includes('| `a` | 1 | 16 → 32 | rice.reach 10 → 20 | own score |'), answer.markdown);
            const outside = workspace({ 'q.product': 'product q {}\n' });
            await assert.rejects(client.request('productSpec/diff', { folder: outside }), (error: { code: number; message: string }) =>
                error.code === -32803 && error.message === `${outside} is not inside a git repository's work tree; diff compares git revisions, so run it in one.`);
        } finally {
            await client.stop();
        }
    });
});

describe('the editor\'s conveniences over stdio (issue 11)', function () {
    this.timeout(60000);
    const spec = 'product acme "Acme" {\n  release mvp "MVP" { date 2027-01-01 }\n  feature auth "Single sign-on" { release mvp rice { reach 10 impact high confidence 80% effort 1 } }\n'
        + '  feature bulk_export "Bulk export" { requires auth }\n  stakeholder priya "Priya"\n}\n';

    it('says who it is, names itself as the source of problems, and gives each declaration its symbol kind and title', async () => {
        const dir = workspace({ 'acme.product': spec });
        const client = LspClient.start();
        try {
            const init = await client.initialize(dir);
            assert.deepEqual(init.serverInfo, { name: 'product-spec', version: '0.1.0' });
            assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, [' ', ',']);
            const uri = pathToFileURL(path.join(dir, 'acme.product')).toString();
            await client.open(uri, spec.replace('impact high', 'impact nope'));
            const published = await client.waitForDiagnostics(p => p.uri === uri && p.diagnostics.length > 0);
            assert.deepEqual(published.diagnostics.map(d => [d.code, d.source]), [['bad-impact', 'product-spec'], ['orphan-feature', 'product-spec']]);
            const symbols = await client.request<Array<{ name: string; kind: number; detail?: string; children?: Array<{ name: string; kind: number; detail?: string }> }>>('textDocument/documentSymbol', { textDocument: { uri } });
            assert.deepEqual(symbols.map(s => [s.name, s.kind, s.detail]), [['acme', 2, 'Acme']]);
            assert.deepEqual(symbols[0].children!.map(s => [s.name, s.kind, s.detail]), [['mvp', 24, 'MVP'], ['auth', 12, 'Single sign-on'], ['bulk_export', 12, 'Bulk export'], ['priya', 19, 'Priya']]);
            for (const [query, expected] of [['bulk', ['bulk_export — Bulk export']], ['mvp', ['mvp — MVP']], ['sign', ['auth — Single sign-on']]] as const) {
                const found = await client.request<Array<{ name: string; containerName?: string }>>('workspace/symbol', { query });
                assert.deepEqual(found.map(s => s.name), expected, query);
            }
        } finally {
            await client.stop();
        }
    });

    it('opens completion by itself after `impact `, `requires ` and a list\'s comma, and nowhere else', async () => {
        const dir = workspace({ 'acme.product': spec });
        const client = LspClient.start();
        try {
            await client.initialize(dir);
            const uri = pathToFileURL(path.join(dir, 'acme.product')).toString();
            const typed = spec.replace('impact high', 'impact ').replace('requires auth', 'requires ');
            await client.open(uri, typed);
            await client.waitForDiagnostics(p => p.uri === uri);
            const lines = typed.split('\n');
            const after = (needle: string) => {
                const line = lines.findIndex(l => l.includes(needle));
                return { line, character: lines[line].indexOf(needle) + needle.length };
            };
            const complete = (position: { line: number; character: number }, triggerCharacter: string) => client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
                textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter }
            }).then(list => list.items.map(item => item.label));
            assert.deepEqual((await complete(after('impact '), ' ')).slice(0, 5), ['massive', 'high', 'medium', 'low', 'minimal']);
            assert.ok((await complete(after('requires '), ' ')).includes('auth'));
            assert.deepEqual(await complete(after('"Single sign-on" '), ' '), [], 'a space after a title opens nothing');
            assert.deepEqual(await complete(after('date 2027-01-01 '), ' '), [], 'nor after a value');
        } finally {
            await client.stop();
        }
    });
});
