import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { examples, run, workspace } from './helpers.js';

/**
 * Every ```product block of the README validates with no error and no warning, as a newcomer
 * would paste it into a file. A block meant as an excerpt is preceded by the line
 * `<!-- excerpt -->` and is not checked.
 */
describe('the README', () => {
    const readme = readFileSync(path.join(examples, '..', 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/(<!-- excerpt -->\n)?```product\n([\s\S]*?)```/g)]
        .filter(match => !match[1]).map(match => match[2]);

    it('has product blocks to check', () => {
        assert.ok(blocks.length > 0);
    });

    blocks.forEach((block, index) => {
        it(`block ${index + 1} (${block.split('\n')[0].slice(0, 40)}) validates with no error and no warning`, async () => {
            const dir = workspace({ 'block.product': block });
            const result = await run(['validate', dir]);
            assert.equal(result.stdout, '0 errors, 0 warnings in 1 file.\n', result.stdout);
        });
    });
});

describe("the README's rank --uncertainty excerpt", () => {
    it('shows the rows the command prints on the acme example', async () => {
        const readme = readFileSync(path.join(examples, '..', 'README.md'), 'utf8');
        const excerpt = /\$ product-spec rank examples\/acme --uncertainty\n([\s\S]*?)```/.exec(readme);
        assert.ok(excerpt, 'the README shows rank --uncertainty');
        const printed = (await run(['rank', path.join(examples, 'acme'), '--uncertainty'])).stdout.split('\n');
        const rows = excerpt[1].trimEnd().split('\n').map(line => line.replace(/\s*\.\.\.$/, ''));
        for (const row of rows) assert.ok(printed.some(line => line.startsWith(row)), `printed: ${row}\n${printed.join('\n')}`);
    });
});

describe('SECURITY.md', () => {
    it('lists exactly the runtime packages that ship, at the versions the manifests pin', () => {
        const root = path.join(examples, '..');
        const manifest = (name: string) => JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8'));
        const pinned = new Map<string, string>();
        for (const name of ['language', 'docs', 'cli']) {
            for (const [dependency, version] of Object.entries(manifest(name).dependencies ?? {})) pinned.set(dependency, version as string);
        }
        // The extension bundles these besides the language server's.
        for (const dependency of ['markdown-it', 'mermaid', 'vscode-languageclient']) pinned.set(dependency, manifest('vscode').devDependencies[dependency]);
        for (const name of [...pinned.keys()]) if (name.startsWith('@product-spec/')) pinned.delete(name);
        const text = readFileSync(path.join(root, 'SECURITY.md'), 'utf8');
        const listed = [...text.matchAll(/^\| ([a-z@][\w@/.-]*) \| (\d[\w.-]*) \|$/gm)].map(match => [match[1], match[2]]);
        assert.deepEqual(listed, [...pinned].sort(([a], [b]) => (a < b ? -1 : 1)));
    });
});

describe('the server\'s version', () => {
    it('is the packages\' version', async () => {
        const { SERVER_INFO } = await import('@product-spec/language/server-info');
        const root = path.join(examples, '..');
        for (const name of ['language', 'cli', 'vscode']) {
            assert.equal(JSON.parse(readFileSync(path.join(root, 'packages', name, 'package.json'), 'utf8')).version, SERVER_INFO.version, name);
        }
    });
});

describe("the README's 'from another repository': npm pack", function () {
    this.timeout(120000);
    it('gives a tarball that installs product-spec with nothing else to fetch', () => {
        const root = path.join(examples, '..');
        const tmp = mkdtempSync(path.join(tmpdir(), 'product-spec-pack-'));
        try {
            const npm = (args: string[], cwd: string) => {
                const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
                assert.equal(result.status, 0, `npm ${args.join(' ')}: ${result.stderr}`);
                return result.stdout;
            };
            npm(['pack', '-w', '@product-spec/cli', '--pack-destination', tmp, '--silent'], root);
            assert.deepEqual(readdirSync(tmp), ['product-spec-cli-0.1.0.tgz']);
            assert.ok(!existsSync(path.join(root, 'packages/cli/dist')), 'postpack removes the bundle');
            const project = path.join(tmp, 'project');
            mkdirSync(project);
            writeFileSync(path.join(project, 'package.json'), '{ "name": "project", "version": "1.0.0", "private": true }\n');
            npm(['install', '--offline', path.join(tmp, 'product-spec-cli-0.1.0.tgz')], project);
            assert.deepEqual(readdirSync(path.join(project, 'node_modules')), ['.bin', '.package-lock.json', '@product-spec']);
            const bin = path.join(project, 'node_modules/.bin/product-spec');
            const cli = (args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8' });
            assert.equal(cli(['--version']).stdout, '0.1.0\n');
            const validated = cli(['validate', examples]);
            assert.deepEqual([validated.status, validated.stdout], [0, '0 errors, 0 warnings in 10 files.\n']);
            assert.match(cli(['rank', examples, '--product', 'acme']).stdout, /^acme — /);
        } finally {
            rmSync(tmp, { recursive: true, force: true });
        }
    });
});
