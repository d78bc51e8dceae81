import * as assert from 'node:assert/strict';
import { diffSnapshots, snapshotWorkspace, type DiagnosticEntry, type DiffOptions, type WorkspaceSnapshot } from '../src/model/diff.js';
import { check } from './helpers.js';

/** A side: the spec built and reduced to a snapshot at once (the next check reuses the services). */
async function side(text: string, options?: DiffOptions): Promise<WorkspaceSnapshot> {
    const checked = await check(text);
    return snapshotWorkspace(checked.model, checked.findings.map(f => ({
        file: f.file, line: f.line, column: f.column, endLine: f.line, endColumn: f.column, severity: f.severity, code: f.code, message: f.message
    })), options);
}

const spec = (features: string, scoring = 'scoring { method rice }') =>
    `product p "P" {\n  stakeholder s "S"\n  release r1 "R1" { date 2027-01-01 capacity 10 }\n  ${scoring}\n${features}}\n`;
const rice = (reach: number, effort = 1) => `rice { reach ${reach} impact high confidence 100% effort ${effort} }`;

describe('diff of two computed workspaces', () => {
    it('names every changed input, requires name by name; a title is not an input', async () => {
        const base = await side(spec(`  feature a "A" { requestedBy s moscow should ${rice(100)} }\n  feature b "B" { requestedBy s ${rice(10)} }\n  feature x "X" { requestedBy s requires b ${rice(1)} }\n`));
        const head = await side(spec(`  feature a "A" { requestedBy s moscow must ${rice(300)} requires x }\n  feature b "Bee" { requestedBy s ${rice(10)} }\n  feature x "X" { requestedBy s ${rice(1)} }\n`));
        const [product] = diffSnapshots('base', base, 'head', head).products;
        const a = product.features.find(f => f.name === 'a')!;
        assert.deepEqual(a.inputs, [
            { property: 'rice.reach', from: 100, to: 300 },
            { property: 'moscow', from: 'should', to: 'must' },
            { property: 'requires', from: null, to: 'x' }
        ]);
        assert.equal(a.cause, 'own-score');
        const x = product.features.find(f => f.name === 'x')!;
        assert.equal(x.cause, 'own-score', 'x no longer requires b: its own input changed');
        assert.deepEqual(x.inputs, [{ property: 'requires', from: 'b', to: null }]);
        // b's title is not an input: b is listed only because x passed it.
        const b = product.features.find(f => f.name === 'b')!;
        assert.deepEqual([b.rank, b.inputs, b.cause, b.passedBy, b.title], [[2, 3], [], 'others', ['x'], 'Bee']);
        assert.deepEqual(product.assignments, [{ feature: 'a', property: 'moscow', from: 'should', to: 'must' }]);
    });

    it('lists a status change, which unranks a feature, as its own cause and as an assignment', async () => {
        const base = await side(spec(`  feature a "A" { requestedBy s ${rice(100)} }\n  feature b "B" { requestedBy s ${rice(10)} }\n`));
        const head = await side(spec(`  feature a "A" { requestedBy s status shipped ${rice(100)} }\n  feature b "B" { requestedBy s ${rice(10)} }\n`));
        const [product] = diffSnapshots('base', base, 'head', head).products;
        assert.deepEqual(product.features.map(f => [f.name, f.rank, f.cause]), [['b', [2, 1], 'others'], ['a', [1, null], 'own-score']]);
        assert.deepEqual(product.features[0].fellBehind, ['a']);
        assert.deepEqual(product.assignments, [{ feature: 'a', property: 'status', from: 'idea', to: 'shipped' }]);
    });

    it('reports a change of the scoring method on the product; scores change without inputs of their own', async () => {
        const features = `  feature a "A" { requestedBy s moscow could ${rice(100)} }\n  feature b "B" { requestedBy s moscow must ${rice(10)} }\n`;
        const report = diffSnapshots('base', await side(spec(features)), 'head', await side(spec(features, 'scoring { method moscow }')));
        const [product] = report.products;
        assert.deepEqual(product.scoring, [{ property: 'scoring.method', from: 'rice', to: 'moscow' }]);
        assert.equal(product.method, 'moscow');
        assert.deepEqual(product.features.map(f => [f.name, f.score, f.cause, f.inputs]), [['b', [20, 4], 'own-score', []], ['a', [200, 2], 'own-score', []]]);
    });

    it('matches diagnostics by file, code and message, not line: several alike are paired in line order', () => {
        const d = (line: number, message: string): DiagnosticEntry => ({ file: 'a.product', line, column: 1, endLine: line, endColumn: 2, severity: 'warning', code: 'orphan-feature', message });
        const empty = { products: [] };
        const report = diffSnapshots('b', { ...empty, diagnostics: [d(3, 'x'), d(5, 'y'), d(9, 'y')] }, 'h', { ...empty, diagnostics: [d(4, 'x'), d(6, 'y'), d(8, 'z')] });
        assert.deepEqual(report.diagnostics, { introduced: [d(8, 'z')], resolved: [d(9, 'y')] });
    });

    it('lists the new moves of the release plan when a planner is given (the hook for decide.md §1), and nothing without one', async () => {
        const features = `  feature a "A" { requestedBy s ${rice(100)} }\n  feature b "B" { requestedBy s ${rice(10)} }\n`;
        // A stand-in planner: the hook's contract is only "product → moves"; the real planner is wired later.
        const planner = (moves: Record<string, Array<{ feature: string; from: string | null; to: string | null }>>): DiffOptions =>
            ({ planMoves: product => ({ key: JSON.stringify(moves[product.name] ?? []), moves: () => moves[product.name] ?? [] }) });
        const base = await side(spec(features), planner({ p: [{ feature: 'a', from: null, to: 'r1' }] }));
        const head = await side(spec(features), planner({ p: [{ feature: 'a', from: null, to: 'r1' }, { feature: 'b', from: null, to: 'r1' }] }));
        const [product] = diffSnapshots('base', base, 'head', head).products;
        assert.deepEqual(product.planMoves, [{ feature: 'b', from: null, to: 'r1' }]);
        assert.deepEqual(product.features, []);
        const without = diffSnapshots('base', await side(spec(features)), 'head', await side(spec(features)));
        assert.deepEqual(without.products, []);
    });

    it('solves neither plan of a product whose planning problem is the same on both sides (equal keys): no move is new', async () => {
        const features = `  feature a "A" { requestedBy s ${rice(100)} }\n`;
        const unsolved: DiffOptions = { planMoves: () => ({ key: 'same', moves: () => { throw new Error('solved'); } }) };
        const head = `  feature a "A" { requestedBy s ${rice(200)} }\n`;
        const [product] = diffSnapshots('base', await side(spec(features), unsolved), 'head', await side(spec(head), unsolved)).products;
        assert.deepEqual(product.planMoves, []);
        assert.equal(product.features.length, 1);
    });

    it('explains a reordering for others with every feature that passed or fell behind', async () => {
        // c rises from last to first: everyone it passes moves down one for others' reasons.
        const base = await side(spec(['a', 'b', 'c', 'd'].map((n, i) => `  feature ${n} "${n}" { requestedBy s ${rice(40 - i * 10)} }\n`).join('')));
        const head = await side(spec(['a', 'b', 'c', 'd'].map((n, i) => `  feature ${n} "${n}" { requestedBy s ${rice(n === 'd' ? 50 : 40 - i * 10)} }\n`).join('')));
        const [product] = diffSnapshots('base', base, 'head', head).products;
        assert.deepEqual(product.features.map(f => [f.name, f.rank, f.cause, f.passedBy ?? null, f.fellBehind ?? null]), [
            ['d', [4, 1], 'own-score', null, null],
            ['a', [1, 2], 'others', ['d'], []],
            ['b', [2, 3], 'others', ['d'], []],
            ['c', [3, 4], 'others', ['d'], []]
        ]);
    });
});
