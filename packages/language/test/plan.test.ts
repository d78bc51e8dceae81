import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { planProduct, planReport, type PlanOptions, type ProductPlan } from '../src/model/plan/plan.js';
import { check } from './helpers.js';

/** The contract example of decide.md §1 and its JSON, verbatim (shared with the CLI's tests). */
export const PLAN_EXAMPLE = readFileSync(new URL('../../test/fixtures/plan-contract.product', import.meta.url), 'utf8');
const PLAN_EXAMPLE_JSON = readFileSync(new URL('../../test/fixtures/plan-contract.json', import.meta.url), 'utf8');

/** A RICE block scoring 1,000 ÷ effort, with that effort. */
const scored = (effort: number) => `rice { reach 1000 impact medium confidence 100% effort ${effort} }`;

async function planOf(text: string | Record<string, string>, options: PlanOptions = {}, name = 'p'): Promise<ProductPlan> {
    const { model } = await check(text);
    const product = model.productsByName.get(name);
    assert.ok(product, `product ${name}`);
    return planProduct(product, options);
}

/**
 * The plan in one line per part, as a reader checks it by hand:
 * `r1: b d*` (a * marks a pinned feature), `unplanned: a (capacity)`, `moves: a r1→-`.
 */
function summary(plan: ProductPlan): string[] {
    const name = (release: { name: string } | null) => release?.name ?? '-';
    return [
        ...plan.releases.map(r => `${r.release.name}: ${r.features.map(f => `${f.feature.name}${f.pinned ? '*' : ''}`).join(' ')}`.trimEnd()),
        `unplanned: ${plan.unplanned.map(u => `${u.feature.name} (${u.reason})`).join(', ')}`.trimEnd(),
        `moves: ${plan.moves.map(m => `${m.feature.name} ${name(m.from)}→${name(m.to)}`).join(', ')}`.trimEnd()
    ];
}

describe('release plan: the contract example', () => {
    it('gives exactly the contract JSON', async () => {
        const { model } = await check(PLAN_EXAMPLE);
        assert.deepEqual(JSON.parse(JSON.stringify(planReport(model))), JSON.parse(PLAN_EXAMPLE_JSON));
    });

    it('reads as the contract explains it: d and b in r1, c in r2, a left out for capacity', async () => {
        const plan = await planOf(PLAN_EXAMPLE);
        assert.deepEqual(summary(plan), ['r1: b d', 'r2: c', 'unplanned: a (capacity)', 'moves: a r1→-, c -→r2, d -→r1']);
        assert.deepEqual(plan.releases.map(r => [r.load, r.capacity, r.moves]), [[3, 5, 2], [3, 5, 1]]);
    });
});

describe('release plan: rules', () => {
    it('gives every reason for leaving a feature out', async () => {
        const plan = await planOf(`product p {
  release r1 { date 2027-01-01 capacity 3 }
  feature big { ${scored(5)} }
  feature vague { rice { reach 10 impact high confidence 50% } }
  feature old { status dropped ${scored(1)} }
  feature needs_old { ${scored(1)} requires old }
  feature loop1 { ${scored(1)} requires loop2 }
  feature loop2 { ${scored(1)} requires loop1 }
  feature needs_big { ${scored(1)} requires big }
  feature needs_loop { ${scored(1)} requires loop1 }
}
`);
        // In rank order (equal scores: smaller effort first, then names).
        assert.deepEqual(summary(plan), [
            'r1:',
            'unplanned: loop1 (cycle), loop2 (cycle), needs_loop (prerequisite), needs_old (requires-dropped), big (capacity), needs_big (prerequisite), vague (no-effort)',
            'moves:'
        ]);
    });

    it('keeps building features in their release, even over capacity, and fills what is left', async () => {
        const plan = await planOf(`product p {
  release r1 { date 2027-01-01 capacity 4 }
  release r2 { date 2027-02-01 capacity 4 }
  feature built { status building release r1 effort 3 rice { reach 1 impact low confidence 50% effort 3 } }
  feature over { status building release r2 effort 5 }
  feature small { effort 1 rice { reach 10 impact high confidence 100% effort 1 } }
  feature other { effort 2 rice { reach 30 impact high confidence 100% effort 2 } }
}
`);
        assert.deepEqual(summary(plan), ['r1: small built*', 'r2: over*', 'unplanned: other (capacity)', 'moves: small -→r1']);
        assert.deepEqual(plan.releases.map(r => r.load), [4, 5]);
        // A building feature without a release is planned like any other.
        const free = await planOf(`product p {\n  release r1 { capacity 2 }\n  feature b { status building ${scored(2)} }\n}\n`);
        assert.deepEqual(summary(free), ['r1: b', 'unplanned:', 'moves: b -→r1']);
    });

    it('meets a shipped prerequisite, and leaves out what requires a dropped one', async () => {
        const plan = await planOf(`product p {
  release r1 { capacity 5 }
  feature done { status shipped ${scored(2)} }
  feature gone { status dropped ${scored(1)} }
  feature a { ${scored(1)} requires done }
  feature b { ${scored(1)} requires gone }
}
`);
        assert.deepEqual(summary(plan), ['r1: a', 'unplanned: b (requires-dropped)', 'moves: a -→r1']);
    });

    it('places a prerequisite in the same release or an earlier one', async () => {
        const plan = await planOf(`product p {
  release r1 { date 2027-01-01 capacity 2 }
  release r2 { date 2027-02-01 capacity 2 }
  feature base { effort 2 rice { reach 1 impact low confidence 50% effort 2 } }
  feature top { effort 2 rice { reach 100 impact high confidence 100% effort 2 } requires base }
}
`);
        // top scores more, but cannot go in r1 without base: base takes r1, top r2.
        assert.deepEqual(summary(plan), ['r1: base', 'r2: top', 'unplanned:', 'moves: base -→r1, top -→r2']);
    });

    it('takes a prerequisite in another product where that product puts it', async () => {
        const files = {
            'p.product': `product p {
  release jan { date 2027-01-01 capacity 5 }
  release may { date 2027-05-01 capacity 5 }
  release someday { capacity 5 }
  feature a { effort 1 rice { reach 10 impact high confidence 100% effort 1 } requires q.late }
  feature b { ${scored(1)} requires q.loose }
  feature c { ${scored(1)} requires q.done }
}
`,
            'q.product': `product q {
  release mar { date 2027-03-01 }
  feature late { release mar }
  feature loose { }
  feature done { status shipped }
}
`
        };
        const plan = await planOf(files);
        // a: only a release dated on or after March (not the undated one); b: q.loose has no release.
        assert.deepEqual(summary(plan), ['jan: c', 'may: a', 'someday:', 'unplanned: b (prerequisite)', 'moves: a -→may, c -→jan']);
    });

    it('does not use releases without a capacity: features stay there, and bound what requires them', async () => {
        const plan = await planOf(`product p {
  release r1 { date 2027-01-01 capacity 5 }
  release later { date 2027-06-01 }
  release r3 { date 2027-09-01 capacity 5 }
  feature parked { release later effort 8 }
  feature next { ${scored(1)} requires parked }
  feature now { ${scored(1)} }
}
`);
        assert.deepEqual(summary(plan), ['r1: now', 'later: parked*', 'r3: next', 'unplanned:', 'moves: next -→r3, now -→r1']);
        const json = planReport((await check(`product p {\n  release later { }\n  feature parked { release later }\n}\n`)).model);
        assert.deepEqual(json.plans[0].releases, [{
            name: 'later', date: null, capacity: null, load: 0, mustShare: null,
            features: [{ name: 'parked', score: null, effort: null, moscow: null, from: 'later', pinned: true }]
        }]);
    });

    it('counts decimal efforts exactly: 0.1 + 0.2 fits a capacity of 0.3', async () => {
        const plan = await planOf(`product p {\n  release r1 { capacity 0.3 }\n  feature a { ${scored(0.1)} }\n  feature b { ${scored(0.2)} }\n}\n`);
        assert.deepEqual(summary(plan), ['r1: a b', 'unplanned:', 'moves: a -→r1, b -→r1']);
        assert.equal(plan.releases[0].load, 0.3);
    });

    it('scores by another method with { method }', async () => {
        const text = `product p {
  release r1 { capacity 1 }
  feature a { moscow could effort 1 rice { reach 100 impact high confidence 100% effort 1 } }
  feature b { moscow should effort 1 rice { reach 10 impact high confidence 100% effort 1 } }
}
`;
        assert.deepEqual(summary(await planOf(text)), ['r1: a', 'unplanned: b (capacity)', 'moves: a -→r1']);
        const byMoscow = await planOf(text, { method: 'moscow' });
        assert.equal(byMoscow.method, 'moscow');
        assert.deepEqual(summary(byMoscow), ['r1: b', 'unplanned: a (capacity)', 'moves: b -→r1']);
    });
});

describe('release plan: tie rules', () => {
    it('among equal plans, makes the fewest moves', async () => {
        // x and y score the same and take the same effort; only y is already in r1.
        const plan = await planOf(`product p {
  release r1 { capacity 1 }
  feature x { effort 1 rice { reach 10 impact high confidence 100% effort 1 } }
  feature y { release r1 effort 1 rice { reach 10 impact high confidence 100% effort 1 } }
}
`);
        assert.deepEqual(summary(plan), ['r1: y', 'unplanned: x (capacity)', 'moves:']);
    });

    it('then places higher-ranked features earlier', async () => {
        // Equal scores and efforts, no spec releases: rank order (name A→Z) decides who comes first.
        const plan = await planOf(`product p {
  release r1 { date 2027-01-01 capacity 1 }
  release r2 { date 2027-02-01 capacity 1 }
  feature c { ${scored(1)} }
  feature a { ${scored(1)} }
  feature b { ${scored(1)} }
}
`);
        assert.deepEqual(summary(plan), ['r1: a', 'r2: b', 'unplanned: c (capacity)', 'moves: a -→r1, b -→r2']);
    });

    it('does not move in a feature that adds nothing: unscored and not a must', async () => {
        // Placing it would tie on musts and score and add a move: the fewest-moves rule keeps it out.
        const plan = await planOf(`product p {
  release r1 { capacity 5 }
  feature idle { effort 1 }
  feature kept { release r1 effort 1 }
  feature needed { moscow must effort 1 }
}
`);
        assert.deepEqual(summary(plan), ['r1: needed kept', 'unplanned: idle (capacity)', 'moves: needed -→r1']);
    });

    it('leaves a feature of unknown effort out, but keeps a building one of unknown effort', async () => {
        const plan = await planOf(`product p {
  release r1 { capacity 2 }
  feature known { ${scored(2)} }
  feature unknown { }
  feature wip { status building release r1 }
}
`);
        assert.deepEqual(summary(plan), ['r1: known wip*', 'unplanned: unknown (no-effort)', 'moves: known -→r1']);
        assert.equal(plan.releases[0].load, 2);
    });
});

describe('release plan: limits', () => {
    it('reports the best plan found, not proven, with its gap, when a limit stops the search', async () => {
        const features = Array.from({ length: 12 }, (_, i) =>
            `  feature f${i} { moscow ${i % 3 === 0 ? 'must' : 'could'} rice { reach ${100 + 37 * i} impact high confidence 80% effort ${1 + (i % 4)} } }`).join('\n');
        const text = `product p {\n  release r1 { date 2027-01-01 capacity 7 }\n  release r2 { date 2027-02-01 capacity 6 }\n${features}\n}\n`;
        const stopped = await planOf(text, { nodeLimit: 5 });
        assert.equal(stopped.optimal, false);
        assert.ok(stopped.gap > 0 && stopped.gap <= 1, `gap ${stopped.gap}`);
        assert.ok(stopped.gapAt && stopped.gapAt.bound > stopped.gapAt.value);
        const full = await planOf(text);
        assert.equal(full.optimal, true);
        assert.equal(full.gap, 0);
        assert.equal(full.gapAt, null);
    });
});
