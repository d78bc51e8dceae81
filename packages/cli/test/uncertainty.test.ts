import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { examples, run, workspace } from './helpers.js';

/** decide.md §2: ranges drawn N times, each draw ranked and forecast by the rules of language.md. */

interface Drawn { samples: number; seed: number; rankP10: number; rankP50: number; rankP90: number; pTop: number; pFirst: number; stable: boolean }
interface RankedFeature { name: string; rank: number | null; uncertainty?: Drawn | null }

async function rankJson(spec: string, ...args: string[]): Promise<Array<{ name: string; uncertainty?: unknown; features: RankedFeature[] }>> {
    const result = await run(['rank', workspace({ 'p.product': spec }), '--uncertainty', '--format', 'json', ...args]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout).products;
}

function drawnOf(features: RankedFeature[], name: string): Drawn {
    const drawn = features.find(f => f.name === name)?.uncertainty;
    assert.ok(drawn, `${name} has draws`);
    return drawn;
}

const pair = (reachOfA: string) => `product p {
  feature a { rice { reach ${reachOfA} impact high confidence 80% effort 2 } }
  feature b { rice { reach 2000 impact high confidence 80% effort 2 } }
}
`;

describe('rank --uncertainty', () => {
    it('puts a uniform 1000..3000 first in half the draws against a fixed 2000 (worked check)', async () => {
        const [product] = await rankJson(pair('1000..3000'));
        assert.deepEqual(product.uncertainty, { samples: 10000, seed: 1, top: 3 });
        const a = drawnOf(product.features, 'a');
        assert.ok(Math.abs(a.pFirst - 0.5) <= 0.02, `pFirst ${a.pFirst}`);
        assert.ok(Math.abs(drawnOf(product.features, 'b').pFirst - (1 - a.pFirst)) < 1e-12, 'one of the two is first in every draw');
        assert.deepEqual([a.rankP10, a.rankP90, a.pTop, a.stable], [1, 2, 1, false]);
    });

    it('puts a triangular 1000..1000..3000 first in a quarter of the draws (worked check)', async () => {
        const [product] = await rankJson(pair('1000..1000..3000'));
        const a = drawnOf(product.features, 'a');
        assert.ok(Math.abs(a.pFirst - 0.25) <= 0.02, `pFirst ${a.pFirst}`);
    });

    it('gives exactly the deterministic ranks on specs without ranges, for every method', async () => {
        for (const method of ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'weighted']) {
            const result = await run(['rank', path.join(examples, 'portfolio'), '--method', method, '--uncertainty', '--samples', '200', '--top', '2', '--format', 'json']);
            for (const product of JSON.parse(result.stdout).products as Array<{ features: RankedFeature[] }>) {
                for (const f of product.features) {
                    if (f.rank === null) {
                        assert.equal(f.uncertainty, null, `${method} ${f.name}`);
                        continue;
                    }
                    assert.deepEqual(f.uncertainty, {
                        samples: 200, seed: 1, rankP10: f.rank, rankP50: f.rank, rankP90: f.rank,
                        pTop: f.rank <= 2 ? 1 : 0, pFirst: f.rank === 1 ? 1 : 0, stable: true
                    }, `${method} ${f.name}`);
                }
            }
        }
    });

    it('prints the same bytes for the same seed, and other draws for another seed', async () => {
        const acme = path.join(examples, 'acme');
        const once = await run(['rank', acme, '--uncertainty', '--samples', '2000', '--format', 'csv']);
        const twice = await run(['rank', acme, '--uncertainty', '--samples', '2000', '--format', 'csv']);
        const other = await run(['rank', acme, '--uncertainty', '--samples', '2000', '--seed', '7', '--format', 'csv']);
        assert.equal(once.stdout, twice.stdout);
        assert.notEqual(once.stdout, other.stdout.replaceAll(',7,', ',1,'));
    });

    it('shows each rank as "median (P10–P90) · share in the top K" in the table', async () => {
        const lines = (await run(['rank', workspace({ 'p.product': pair('2000') }), '--uncertainty', '--top', '1'])).stdout.split('\n');
        assert.deepEqual(lines.slice(1, 5).map(line => line.split(/ {2,}/).filter(Boolean).slice(0, 3)), [
            ['#', 'Drawn rank · top 1', 'Feature'],
            ['─', '──────────────────', '───────'],
            ['1', '1 (1–1) · 100%', 'a'],
            ['2', '2 (2–2) · 0%', 'b']
        ]);
        assert.equal(lines[5], 'Drawn rank: median (10th–90th percentile) over 10,000 draws of every range, seed 1, and the share of draws in the top 1.');
    });

    it('refuses draw options without --uncertainty, and bad numbers, as usage errors (exit 2)', async () => {
        const dir = workspace({ 'p.product': pair('2000') });
        const cases: Array<[string[], string]> = [
            [['--samples', '5'], 'product-spec: Option --samples is used with --uncertainty; add --uncertainty or leave it out.\n'],
            [['--uncertainty', '--samples', '0'], "product-spec: Option --samples must be a whole number from 1 to 1,000,000, not '0'.\n"],
            [['--uncertainty', '--samples', '2.5'], "product-spec: Option --samples must be a whole number from 1 to 1,000,000, not '2.5'.\n"],
            [['--uncertainty', '--seed=-1'], "product-spec: Option --seed must be a whole number from 0 to 2,147,483,647, not '-1'.\n"],
            [['--uncertainty', '--top', 'x'], "product-spec: Option --top must be a whole number from 1 to 1,000,000, not 'x'.\n"]
        ];
        for (const [args, stderr] of cases) {
            const result = await run(['rank', dir, ...args]);
            assert.deepEqual([result.code, result.stderr, result.stdout], [2, stderr, ''], args.join(' '));
        }
    });
});

describe('forecast --uncertainty', () => {
    it('gives exactly the deterministic figures without ranges', async () => {
        const spec = 'product p { forecast f { months 3 price 10 customers 100 growth 10% churn 0% cost fixed 1050 } }\n';
        const [f] = JSON.parse((await run(['forecast', workspace({ 'p.product': spec }), '--uncertainty', '--samples', '50', '--format', 'json'])).stdout).forecasts;
        const point = (value: number) => ({ p10: value, p50: value, p90: value });
        assert.deepEqual(f.uncertainty, {
            samples: 50, seed: 1,
            totals: { revenue: point(f.totals.revenue), profit: point(f.totals.profit) },
            months: f.months.map((m: { month: number; cumulativeProfit: number }) => ({ month: m.month, cumulativeProfit: point(m.cumulativeProfit) })),
            breakEven: { probability: 1, p10: 2, p50: 2, p90: 2 },
            cumulativeBreakEven: { probability: 1, p10: 2, p50: 2, p90: 2 }
        });
        // Month 1: 1,000 − 1,050 = −50; month 2: 1,100 − 1,050 = +50, cumulative 0.
        assert.deepEqual([f.breakEvenMonth, f.cumulativeBreakEvenMonth], [2, 2]);
    });

    it('draws each range: customers 80..120 breaks even in half the draws, and scenarios draw the ranges they keep', async () => {
        // profit = 10 × customers − 1000, customers uniform on 80..120: ≥ 0 when customers ≥ 100.
        const spec = `product p { forecast f { months 1 price 10 customers 80..120 growth 0% churn 0% cost fixed 1000
  scenario dear { price 20 }
} }
`;
        const [f] = JSON.parse((await run(['forecast', workspace({ 'p.product': spec }), '--uncertainty', '--format', 'json'])).stdout).forecasts;
        const u = f.uncertainty;
        assert.ok(Math.abs(u.breakEven.probability - 0.5) <= 0.02, `P(break-even) ${u.breakEven.probability}`);
        assert.equal(u.breakEven.p10, 1);
        assert.ok(Math.abs(u.totals.profit.p10 - -160) <= 10, `P10 ${u.totals.profit.p10}`); // 10 × 84 − 1000
        assert.ok(Math.abs(u.totals.profit.p90 - 160) <= 10, `P90 ${u.totals.profit.p90}`);
        const dear = f.scenarios[0].uncertainty;
        assert.ok(Math.abs(dear.totals.revenue.p10 - 1680) <= 20 && Math.abs(dear.totals.revenue.p90 - 2320) <= 20, JSON.stringify(dear.totals));
        assert.deepEqual([dear.breakEven.probability, dear.breakEven.p50], [1, 1]);
    });

    it('prints the percentiles under the table', async () => {
        const spec = 'product p { forecast f { months 1 price 10 customers 100 growth 0% churn 0% cost fixed 1000 } }\n';
        const out = (await run(['forecast', workspace({ 'p.product': spec }), '--uncertainty', '--samples', '10'])).stdout;
        assert.ok(out.includes(`Over 10 draws of every range (seed 1):
                                 P10       P50       P90
──────────────────────────  ────────  ────────  ────────
Total revenue               1,000.00  1,000.00  1,000.00
Total profit                    0.00      0.00      0.00
Cumulative profit, month 1      0.00      0.00      0.00
Break-even: 100% of draws within 1 month; month P10 1, P50 1, P90 1.
Cumulative break-even: 100% of draws within 1 month; month P10 1, P50 1, P90 1.
`), out);
    });
});

describe('ranges and their means (decide.md §2)', () => {
    it('ranks, plans and forecasts a spec with ranges exactly as the same spec written with the means', async () => {
        // Integer triples whose means are whole numbers, so the spec with means can be written exactly.
        const triple = fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }))
            .map(([low, up, more]) => { const mode = low + up; const high = mode + more; const adjust = (3 - ((low + mode + high) % 3)) % 3; return [low, mode, high + adjust] as const; });
        await fc.assert(fc.asyncProperty(fc.array(fc.tuple(triple, triple, fc.boolean()), { minLength: 1, maxLength: 5 }), async features => {
            const write = (meanOnly: boolean) => `product p {
  release r { capacity 40 }
${features.map(([[rl, rm, rh], [el, em, eh], uniform], index) => {
        const reach = uniform ? (meanOnly ? String(rl * 2) : `${rl}..${rl * 3}`) : meanOnly ? String((rl + rm + rh) / 3) : `${rl}..${rm}..${rh}`;
        const effort = meanOnly ? String((el + em + eh) / 3) : `${el}..${em}..${eh}`;
        return `  feature f${index} { effort ${effort} rice { reach ${reach} impact high confidence 80% effort ${effort} } }`;
    }).join('\n')}
  forecast money { months 3 price ${features[0][0][0]}..${features[0][0][2]} customers 100 growth 0% churn 0% cost fixed 10 }
}
`.replace(/price (\d+)\.\.(\d+)/, (all, low: string, high: string) => (meanOnly ? `price ${(Number(low) + Number(high)) / 2}` : all));
            const withRanges = workspace({ 'p.product': write(false) });
            const withMeans = workspace({ 'p.product': write(true) });
            for (const command of ['rank', 'plan', 'forecast']) {
                const a = await run([command, withRanges, '--format', 'json']);
                const b = await run([command, withMeans, '--format', 'json']);
                assert.equal(a.stdout, b.stdout, `${command}\n${write(false)}\n${write(true)}`);
            }
        }), { numRuns: 15 });
    });
});
