import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    documentProblems, generateDocs, generateDocsCommand, GENERATE_DOCS_COMMAND, GENERATED_MARKER, writeDocs, type DocFile
} from '../src/index.js';
import { loadSpec } from './helpers.js';

const FILES: DocFile[] = [
    { path: 'index.md', content: `${GENERATED_MARKER}\n\n# Portfolio\n` },
    { path: 'a/PRODUCT.md', content: `${GENERATED_MARKER}\n\n# A\n` },
    { path: 'b/PRODUCT.md', content: `${GENERATED_MARKER}\n\n# B\n` }
];

async function tree(folder: string): Promise<Record<string, string>> {
    const found: Record<string, string> = {};
    const walk = async (dir: string): Promise<void> => {
        for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) await walk(full);
            else found[path.relative(folder, full).split(path.sep).join('/')] = await fs.readFile(full, 'utf8');
        }
    };
    await walk(folder);
    return found;
}

describe('Writing the docs into a folder', () => {
    let dir: string;
    beforeEach(async () => {
        dir = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-write-'));
    });
    afterEach(async () => {
        await fs.rm(dir, { recursive: true, force: true });
    });

    it('creates the folders and files, and leaves no temporary file', async () => {
        const out = path.join(dir, 'out', 'docs');
        const result = await writeDocs(out, FILES);
        assert.deepEqual(result, { written: ['index.md', 'a/PRODUCT.md', 'b/PRODUCT.md'], missing: ['index.md', 'a/PRODUCT.md', 'b/PRODUCT.md'], unchanged: [], handWritten: [], blocked: false, stale: [] });
        assert.deepEqual(await tree(out), Object.fromEntries(FILES.map(f => [f.path, f.content])));
    });

    it('removes the temporary files a killed run left, once they are old, and never a fresh one another run may own', async () => {
        const out = path.join(dir, 'docs');
        await writeDocs(out, FILES);
        const abandoned = path.join(out, 'a', '.PRODUCT.md.0123456789ab.tmp');
        const fresh = path.join(out, 'a', '.PRODUCT.md.ba9876543210.tmp');
        await fs.writeFile(abandoned, 'half');
        await fs.writeFile(fresh, 'in progress');
        const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
        await fs.utimes(abandoned, hourAgo, hourAgo);
        await writeDocs(out, FILES.map(f => (f.path === 'a/PRODUCT.md' ? { ...f, content: `${f.content}\nchanged\n` } : f)));
        assert.deepEqual((await fs.readdir(path.join(out, 'a'))).sort(), ['.PRODUCT.md.ba9876543210.tmp', 'PRODUCT.md']);
    });

    it('rewrites only files whose text changed', async () => {
        await writeDocs(dir, FILES);
        const before = (await fs.stat(path.join(dir, 'a/PRODUCT.md'))).mtimeMs;
        const changed = FILES.map(f => (f.path === 'b/PRODUCT.md' ? { ...f, content: `${f.content}more\n` } : f));
        const written: string[] = [];
        const result = await writeDocs(dir, changed, { writeFile: async (target, content) => { written.push(target); await fs.writeFile(target, content); } });
        assert.deepEqual(result.written, ['b/PRODUCT.md']);
        assert.deepEqual(result.unchanged, ['index.md', 'a/PRODUCT.md']);
        assert.deepEqual(written, [path.join(dir, 'b', 'PRODUCT.md')]);
        assert.equal((await fs.stat(path.join(dir, 'a/PRODUCT.md'))).mtimeMs, before);
    });

    it('with check, writes nothing and reports what is missing or differs', async () => {
        await writeDocs(dir, FILES.slice(0, 2));
        await fs.writeFile(path.join(dir, 'a/PRODUCT.md'), `${GENERATED_MARKER}\n\n# Old A\n`);
        const result = await writeDocs(dir, FILES, { check: true });
        assert.deepEqual([result.written, result.missing, result.unchanged], [['a/PRODUCT.md', 'b/PRODUCT.md'], ['b/PRODUCT.md'], ['index.md']]);
        assert.equal(await fs.readFile(path.join(dir, 'a/PRODUCT.md'), 'utf8'), `${GENERATED_MARKER}\n\n# Old A\n`);
        await assert.rejects(fs.access(path.join(dir, 'b')));
    });

    it('never overwrites a file without the marker: nothing at all is written', async () => {
        await fs.writeFile(path.join(dir, 'index.md'), '# Our hand-written index\n');
        const result = await writeDocs(dir, FILES);
        assert.deepEqual([result.blocked, result.handWritten, result.written], [true, ['index.md'], []]);
        assert.deepEqual(await tree(dir), { 'index.md': '# Our hand-written index\n' });
    });

    it('overwrites it with force', async () => {
        await fs.writeFile(path.join(dir, 'index.md'), '# Our hand-written index\n');
        const result = await writeDocs(dir, FILES, { force: true });
        assert.deepEqual([result.blocked, result.handWritten, result.written.length], [false, ['index.md'], 3]);
        assert.equal(await fs.readFile(path.join(dir, 'index.md'), 'utf8'), FILES[0].content);
    });

    it('reports generated pages of products no longer in the spec as stale, and leaves them', async () => {
        await fs.mkdir(path.join(dir, 'gone'));
        await fs.writeFile(path.join(dir, 'gone/PRODUCT.md'), `${GENERATED_MARKER}\n\n# Gone\n`);
        await fs.mkdir(path.join(dir, 'notes'));
        await fs.writeFile(path.join(dir, 'notes/PRODUCT.md'), '# Hand-written notes\n');
        const result = await writeDocs(dir, FILES);
        assert.deepEqual(result.stale, ['gone/PRODUCT.md']);
        assert.equal(await fs.readFile(path.join(dir, 'gone/PRODUCT.md'), 'utf8'), `${GENERATED_MARKER}\n\n# Gone\n`);
    });
});

describe(`The language server's ${GENERATE_DOCS_COMMAND} command`, () => {
    let root: string;
    const spec = 'product p "P" {\n  stakeholder s "S"\n  feature f "F" { requestedBy s rice { reach 10 impact high confidence 50% effort 1 } }\n  feature g "G" { }\n}\n';
    beforeEach(async () => {
        root = await fs.mkdtemp(path.join(os.tmpdir(), 'docs-lsp-'));
    });
    afterEach(async () => {
        await fs.rm(root, { recursive: true, force: true });
    });

    /** As the language server has it: the model and the documents with their diagnostics, under the workspace root. */
    async function context(extra: Record<string, unknown> = {}) {
        const { model, documents } = await loadSpec({ 'specs/p.product': spec }, root);
        return { model, workspaceRoot: root, diagnostics: documentProblems(documents, root), ...extra };
    }

    it('writes the same files as the CLI into docs/ in the workspace root and sums up', async () => {
        const ctx = await context();
        const result = await generateDocsCommand(undefined, ctx);
        assert.deepEqual(result, {
            written: ['index.md', 'p/PRODUCT.md'], skipped: [], unchanged: [], stale: [],
            outputDir: path.join(root, 'docs'),
            message: 'Docs in docs: 2 written, 0 already up to date.'
        });
        const files = generateDocs(ctx.model, ctx.diagnostics);
        assert.deepEqual(await tree(path.join(root, 'docs')), Object.fromEntries(files.map(f => [f.path, f.content])));
        assert.match(files[1].content, /\| warning \| specs\/p\.product:4:11 \| `orphan-feature` \| Feature g addresses no need/, 'problems name files relative to the root');
        const again = await generateDocsCommand([{}], ctx);
        assert.deepEqual([again.written, again.unchanged], [[], ['index.md', 'p/PRODUCT.md']]);
    });

    it('takes an output folder from its argument (as LSP sends it, or unwrapped), else from the configured default', async () => {
        const ctx = await context({ defaultOutputDir: 'site/product', workspaceRoot: pathToFileURL(root).href });
        assert.equal((await generateDocsCommand(null, ctx)).outputDir, path.join(root, 'site', 'product'));
        assert.equal((await generateDocsCommand([{ outputDir: 'elsewhere' }], ctx)).outputDir, path.join(root, 'elsewhere'));
        assert.equal((await generateDocsCommand({ outputDir: path.join(root, 'abs') }, ctx)).outputDir, path.join(root, 'abs'));
        await fs.access(path.join(root, 'abs', 'index.md'));
    });

    it('skips a hand-written file and writes nothing, saying why', async () => {
        await fs.mkdir(path.join(root, 'docs'));
        await fs.writeFile(path.join(root, 'docs', 'index.md'), '# Ours\n');
        const result = await generateDocsCommand({}, await context());
        assert.deepEqual([result.written, result.skipped], [[], ['index.md']]);
        assert.equal(result.message, 'Nothing was written: index.md in docs lacks the generated-file marker, so it is not product-spec\'s to overwrite.');
        assert.deepEqual(await tree(path.join(root, 'docs')), { 'index.md': '# Ours\n' });
        const forced = await generateDocsCommand({ force: true }, await context());
        assert.deepEqual(forced.written, ['index.md', 'p/PRODUCT.md']);
    });

    it('writes one audience\'s view when asked', async () => {
        const ctx = await context();
        const result = await generateDocsCommand([{ outputDir: 'board', audience: 'board' }], ctx);
        assert.deepEqual(result.written, ['index.md']);
        assert.equal(await fs.readFile(path.join(root, 'board', 'index.md'), 'utf8'), generateDocs(ctx.model, ctx.diagnostics, { audience: 'board' })[0].content);
    });

    it('refuses arguments of the wrong shape', async () => {
        await assert.rejects(generateDocsCommand({ outputDir: 42 } as never, await context()), /productSpec\.generateDocs takes \{ outputDir\?: string, force\?: boolean, audience\?: 'full' \| 'engineering'/);
        await assert.rejects(generateDocsCommand({ audience: 'investors' } as never, await context()), /takes/);
    });
});
