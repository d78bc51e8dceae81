import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { lazyPlanMoves, planProduct } from '../src/model/plan/plan.js';
import type { Method } from '../src/model/types.js';
import { check, services, shared } from './helpers.js';
import { oraclePlan } from './plan-oracle.js';

/**
 * The planner against the brute-force oracle (and the diff's lazy moves against the planner) on random small specs: up to 7 features and
 * 3 releases with random efforts (decimals included), capacities (some absent), dates
 * (some equal, some absent), musts, scores (many equal), statuses, spec releases,
 * requirements (cycles and dropped prerequisites included) and a prerequisite in another
 * product. The planner's assignment must be the oracle's every time (the tie rules make
 * the best plan unique), and so must every reason. PLAN_RUNS sets how many batches of 20
 * specs run (default 250: 5,000 specs); PLAN_SEED replays a seed that fast-check printed.
 */

const NAMES = ['a', 'B', 'c', 'd', 'E', 'f', 'g'];
const DATES = ['2027-01-01', '2027-02-01', '2027-03-01'];

interface ReleaseSpec { date: string | null; capacity: number | null }
interface FeatureSpec {
    status: string;
    release: number;
    moscow: string | null;
    rice: { reach: number; impact: string; confidence: string } | null;
    effort: number | null;
    requires: number[];
    requiresOther: boolean;
}
interface Spec {
    releases: ReleaseSpec[];
    features: FeatureSpec[];
    other: { status: string; release: 'dated' | 'undated' | 'none'; date: string };
    method: Method;
}

const releaseArb: fc.Arbitrary<ReleaseSpec> = fc.record({
    date: fc.option(fc.constantFrom(...DATES), { freq: 6 }),
    capacity: fc.option(fc.constantFrom(0, 0.3, 1, 2, 2.5, 3, 4, 5, 7), { freq: 5 })
});

const featureArb: fc.Arbitrary<FeatureSpec> = fc.record({
    status: fc.constantFrom('idea', 'idea', 'idea', 'planned', 'planned', 'building', 'shipped', 'dropped'),
    release: fc.integer({ min: -2, max: 3 }),
    moscow: fc.constantFrom(null, null, 'must', 'must', 'should', 'could'),
    rice: fc.option(fc.record({
        reach: fc.constantFrom(0, 10, 30, 50, 90, 100),
        impact: fc.constantFrom('low', 'medium', 'high'),
        confidence: fc.constantFrom('50%', '80%', '100%')
    }), { freq: 5 }),
    effort: fc.option(fc.constantFrom(0.1, 0.2, 0.5, 1, 1.5, 2, 3), { freq: 6 }),
    requires: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }),
    requiresOther: fc.boolean()
});

const specArb: fc.Arbitrary<Spec> = fc.record({
    releases: fc.array(releaseArb, { maxLength: 3 }),
    features: fc.array(featureArb, { minLength: 1, maxLength: 7 }),
    other: fc.record({
        status: fc.constantFrom('idea', 'planned', 'building', 'shipped', 'dropped'),
        release: fc.constantFrom('dated', 'undated', 'none'),
        date: fc.constantFrom(...DATES)
    }),
    method: fc.constantFrom<Method>('rice', 'rice', 'rice', 'moscow')
});

/** The spec as text: product p<n> and the other product q<n>. */
function specText(spec: Spec, n: number): string {
    const lines = [`product p${n} {`];
    spec.releases.forEach((release, i) => {
        const props = [release.date ? `date ${release.date}` : '', release.capacity !== null ? `capacity ${release.capacity}` : ''].filter(Boolean);
        lines.push(`  release r${i + 1} { ${props.join(' ')} }`);
    });
    spec.features.forEach((feature, i) => {
        const props = [`status ${feature.status}`];
        if (feature.release >= 0 && feature.release < spec.releases.length) props.push(`release r${feature.release + 1}`);
        if (feature.release === 3 && spec.other.release !== 'none') props.push(`release q${n}.rq`);
        if (feature.moscow) props.push(`moscow ${feature.moscow}`);
        if (feature.rice) {
            const effort = feature.effort !== null ? ` effort ${feature.effort}` : '';
            props.push(`rice { reach ${feature.rice.reach} impact ${feature.rice.impact} confidence ${feature.rice.confidence}${effort} }`);
        } else if (feature.effort !== null) {
            props.push(`effort ${feature.effort}`);
        }
        const requires = feature.requires.filter(r => r < spec.features.length).map(r => NAMES[r]);
        if (feature.requiresOther) requires.push(`q${n}.x`);
        if (requires.length > 0) props.push(`requires ${requires.join(', ')}`);
        lines.push(`  feature ${NAMES[i]} { ${props.join(' ')} }`);
    });
    lines.push('}');
    const other = spec.other;
    const release = other.release === 'none' ? '' : `release rq { ${other.release === 'dated' ? `date ${other.date} ` : ''}capacity 1 }`;
    lines.push(`product q${n} { ${release} feature x { status ${other.status}${other.release === 'none' ? '' : ' release rq'} effort 1 } }`);
    return lines.join('\n') + '\n';
}

const BATCH = 20;

/** Specs on which the planner once disagreed with the oracle (a moves bound that counted a move twice). */
const ONCE_WRONG = [`product p {
  release r1 { date 2027-02-01 capacity 2 }
  release r2 { date 2027-03-01 capacity 3 }
  release r3 { date 2027-03-01 capacity 7 }
  feature a { status building rice { reach 50 impact high confidence 80% effort 1 } requires B }
  feature B { status idea release r3 rice { reach 10 impact high confidence 50% effort 0.1 } requires q.x }
  feature c { status building rice { reach 100 impact medium confidence 80% effort 0.2 } }
  feature d { status idea rice { reach 100 impact high confidence 100% effort 0.5 } requires a }
  feature E { status planned release r2 moscow must rice { reach 0 impact medium confidence 80% effort 3 } requires f, q.x }
  feature f { status idea release r3 moscow should effort 1 requires a, d, q.x }
}
product q { release rq { capacity 1 } feature x { status shipped release rq effort 1 } }
`, `product p {
  release r1 { date 2027-02-01 capacity 2.5 }
  release r2 { date 2027-03-01 capacity 2.5 }
  release r3 { date 2027-02-01 capacity 5 }
  feature a { status planned release r3 moscow could rice { reach 0 impact medium confidence 50% effort 2 } }
  feature B { status planned release r1 rice { reach 30 impact low confidence 80% effort 2 } requires a, E }
  feature c { status idea release q.rq rice { reach 90 impact high confidence 100% effort 0.2 } requires c, d, q.x }
  feature d { status planned release r1 moscow must rice { reach 10 impact medium confidence 50% effort 0.2 } requires q.x }
  feature E { status shipped release r3 rice { reach 50 impact high confidence 50% effort 2 } requires a, q.x }
}
product q { release rq { date 2027-03-01 capacity 1 } feature x { status planned release rq effort 1 } }
`];

/** The planner's placement and reasons for product p, with names as the oracle gives them. */
function planned(product: Parameters<typeof planProduct>[0], method: Method) {
    const plan = planProduct(product, { method, timeLimit: 60 });
    const placement = new Map([...plan.placement].map(([feature, release]) =>
        [feature.name, release === null ? null : release.product === product ? release.name : `${release.product.name}.${release.name}`]));
    return { plan, placement, reasons: new Map(plan.unplanned.map(u => [u.feature.name, u.reason as string])) };
}

describe('release plan: property against brute force', function () {
    this.timeout(120000);

    it(`equals the brute-force plan and reasons on ${BATCH} × ${process.env.PLAN_RUNS ?? 250} random specs`, async () => {
        const runs = Number(process.env.PLAN_RUNS ?? 250);
        const seed = process.env.PLAN_SEED !== undefined ? Number(process.env.PLAN_SEED) : undefined;
        let checked = 0;
        await fc.assert(fc.asyncProperty(fc.array(specArb, { minLength: BATCH, maxLength: BATCH }), async specs => {
            await clearDocuments(shared);
            const text = specs.map(specText).join('\n');
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///ws/random.product'));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: false });
            const model = services.model.ModelService.model;
            specs.forEach((spec, n) => {
                const product = model.productsByName.get(`p${n}`)!;
                const { plan, placement, reasons } = planned(product, spec.method);
                const oracle = oraclePlan(product, spec.method);
                const message = `spec (method ${spec.method}):\n${specText(spec, n)}oracle objective: ${oracle.objective}`;
                assert.equal(plan.optimal, true, message);
                assert.equal(plan.gap, 0, message);
                assert.deepEqual(placement, oracle.placement, message);
                assert.deepEqual(reasons, oracle.reasons, message);
                // The diff's lazy moves (plain data, solved when asked) are the plan's moves.
                const lazy = lazyPlanMoves(product, { method: spec.method, timeLimit: 60, nodeLimit: 1e9 });
                assert.deepEqual(lazy.moves(), plan.moves.map(m => ({ feature: m.feature.name, from: m.from?.name ?? null, to: m.to?.name ?? null })), message);
                checked++;
            });
        }), { numRuns: runs, seed, endOnFailure: true });
        assert.ok(checked >= runs * BATCH);
    });

    it('equals it on the specs where it once did not', async () => {
        for (const text of ONCE_WRONG) {
            const { model } = await check(text);
            const product = model.productsByName.get('p')!;
            const { placement, reasons } = planned(product, 'rice');
            const oracle = oraclePlan(product, 'rice');
            assert.deepEqual(placement, oracle.placement, text);
            assert.deepEqual(reasons, oracle.reasons, text);
        }
    });
});
