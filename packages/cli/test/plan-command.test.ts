import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { examples, repoRoot, run, workspace } from './helpers.js';

/** decide.md §1's example and its JSON, verbatim (shared with the language package's tests). */
const fixture = (name: string) => readFileSync(path.join(repoRoot, 'packages/language/test/fixtures', name), 'utf8');
const EXAMPLE = fixture('plan-contract.product');
const EXAMPLE_JSON = fixture('plan-contract.json');

describe('product-spec plan', () => {
    it('gives exactly the contract JSON for the contract example', async () => {
        const dir = workspace({ 'p.product': EXAMPLE });
        const result = await run(['plan', dir, '--format', 'json']);
        assert.equal(result.code, 0);
        assert.deepEqual(JSON.parse(result.stdout), JSON.parse(EXAMPLE_JSON));
    });

    it('prints a table a product manager reads: releases, features, what is left out and why, moves', async () => {
        const dir = workspace({ 'p.product': EXAMPLE });
        const result = await run(['plan', dir]);
        assert.equal(result.code, 0);
        assert.equal(result.stdout, [
            'p — P · release plan by RICE · proven optimal · 3 moves',
            '',
            'Release  Date        Load  Capacity  Must share  Moves',
            '───────  ──────────  ────  ────────  ──────────  ─────',
            'r1       2027-01-01     3         5      33.33%      2',
            'r2       2027-04-01     3         5          0%      1',
            '',
            'Plan       Feature  Title   RICE  Effort  MoSCoW  Spec release  Note',
            '─────────  ───────  ─────  ─────  ──────  ──────  ────────────  ────────────────────────',
            'r1         b        B         90       2  –       r1',
            'r1         d        D          5       1  must    –             moved in (was unplanned)',
            'r2         c        C      53.33       3  –       –             moved in (was unplanned)',
            'unplanned  a        A         50       4  –       r1            no room in any release',
            '',
            'Moves: a r1 → unplanned, c unplanned → r2, d unplanned → r1',
            ''
        ].join('\n'));
    });

    it('writes markdown with spec text escaped', async () => {
        const dir = workspace({ 'p.product': 'product p "Pipes | and `ticks`" {\n  release r1 { capacity 1 }\n  feature x "A | B" { effort 2 rice { reach 10 impact high confidence 100% effort 2 } }\n}\n' });
        const result = await run(['plan', dir, '--format', 'markdown']);
        assert.equal(result.code, 0);
        assert.equal(result.stdout.split('\n')[0], '## Pipes \\| and \\`ticks\\` — release plan by RICE');
        assert.match(result.stdout, /\| A \\\| B \(`x`\) \| 10 \| 2 \| – \| no room in any release \|/);
    });

    it('plans the examples, one product with --product, the same bytes twice', async () => {
        const all = await run(['plan', examples, '--format', 'json']);
        assert.equal(all.code, 0);
        assert.deepEqual(JSON.parse(all.stdout).plans.map((p: { product: string; optimal: boolean }) => [p.product, p.optimal]),
            [['acme', true], ['notes', true], ['sync', true]]);
        assert.equal((await run(['plan', examples, '--format', 'json'])).stdout, all.stdout);
        const one = await run(['plan', examples, '--product', 'sync', '--method', 'moscow', '--format', 'json']);
        assert.deepEqual(JSON.parse(one.stdout).plans.map((p: { product: string; method: string }) => [p.product, p.method]), [['sync', 'moscow']]);
    });

    it('still prints the plan when the spec has errors, and exits 1', async () => {
        const dir = workspace({ 'p.product': 'product p {\n  release r1 { capacity 2 }\n  feature a { effort 1 requires b }\n  feature b { effort 1 requires a }\n}\n' });
        const result = await run(['plan', dir, '--format', 'json']);
        assert.equal(result.code, 1);
        assert.deepEqual(JSON.parse(result.stdout).plans[0].unplanned, [{ name: 'a', from: null, reason: 'cycle' }, { name: 'b', from: null, reason: 'cycle' }]);
        assert.match(result.stderr, /^The specs have 2 errors/);
    });

    it('refuses a time limit out of its bounds, an unknown product or method (exit 2)', async () => {
        for (const value of ['0.05', '601', 'soon', '']) {
            const result = await run(['plan', examples, '--time-limit', value]);
            assert.equal(result.code, 2, value);
            assert.equal(result.stderr, `product-spec: Option --time-limit must be a number of seconds from 0.1 to 600, not '${value}'.\n`);
        }
        assert.equal((await run(['plan', examples, '--time-limit', '0.5'])).code, 0);
        assert.equal((await run(['plan', examples, '--product', 'nope'])).code, 2);
        assert.equal((await run(['plan', examples, '--method', 'vibes'])).code, 2);
        assert.match((await run(['plan', '--help'])).stdout, /--time-limit S +seconds the search may take for each product, 0\.1 to 600 \(default 10\)/);
    });
});
