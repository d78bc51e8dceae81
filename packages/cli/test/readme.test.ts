import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
