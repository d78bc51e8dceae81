import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot, workspace } from './helpers.js';

const hasNeovim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('other editors over stdio', () => {
    // Neovim comes from Debian (.ci/run installs it); on a machine without it there is nothing to drive.
    (hasNeovim ? it : it.skip)('Neovim with editors/neovim/product-spec.lua shows the server\'s diagnostics', () => {
        const dir = workspace({ 'demo.product': 'product demo "Demo" {\n  feature e "E" { requestedBy nobody }\n}\n' });
        const check = path.join(dir, 'check.lua');
        writeFileSync(check, [
            'vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)',
            'local lines = {}',
            'for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(lines, string.format("%d:%d %s", d.lnum + 1, d.col + 1, tostring(d.code))) end',
            `vim.fn.writefile(lines, '${path.join(dir, 'out.txt')}')`,
            "vim.cmd('qa!')"
        ].join('\n'));
        const result = spawnSync('nvim', ['--headless', '-u', path.join(repoRoot, 'editors/neovim/product-spec.lua'), path.join(dir, 'demo.product'), '-c', `luafile ${check}`], {
            cwd: dir, encoding: 'utf8', timeout: 60000,
            env: { ...process.env, PRODUCT_SPEC_CMD: `${process.execPath} ${path.join(repoRoot, 'packages/cli/bin/product-spec.js')} lsp --stdio` }
        });
        assert.equal(result.status, 0, result.stderr);
        assert.equal(readFileSync(path.join(dir, 'out.txt'), 'utf8'), '2:31 unresolved-reference\n');
    });
});

describe('the VS Code snippets', () => {
    it('expand, as inserted, to text that parses: placeholders are names, never reserved words', async () => {
        const { run } = await import('./helpers.js');
        const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'packages/vscode/snippets/product.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
        for (const [name, snippet] of Object.entries(snippets)) {
            // Each placeholder as VS Code inserts it: its default text, the first choice, or nothing.
            let text = snippet.body.join('\n').replace(/\$\{CURRENT_YEAR\}/g, '2027').replace(/\$\{CURRENT_MONTH\}/g, '01');
            for (let i = 0; i < 5; i++) text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
            text = text.replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1').replace(/\$\d+/g, '');
            const spec = text.startsWith('product') ? text : `product p {\n${text}\n}\n`;
            const result = await run(['validate', workspace({ 's.product': spec }), '--format', 'json']);
            const codes = JSON.parse(result.stdout).diagnostics.map((d: { code: string }) => d.code);
            assert.ok(!codes.includes('syntax'), `${name}: ${result.stdout}\n${spec}`);
        }
    });
});
