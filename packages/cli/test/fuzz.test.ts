import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from './helpers.js';

describe('mangled specs', () => {
    it('150 random mutations of the examples build, rank, forecast and document without an exception', () => {
        const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/fuzz.mjs'), '150', '7'], { encoding: 'utf8', timeout: 120000 });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^150 mutated workspaces in [\d.]+ s: 0 failures\n$/);
    });
});
