import * as assert from 'node:assert/strict';
import { forecast, kanoCategory, kanoCoefficients } from '../src/model/formulas.js';
import { rankReport, forecastReport } from '../src/model/reports.js';
import type { ProductModel, WorkspaceModel } from '../src/model/types.js';
import { CONTRACT_EXAMPLE, check, product } from './helpers.js';

const close = (actual: number | null | undefined, expected: number, message?: string) =>
    assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, message ?? `expected ${expected}, got ${actual}`);

function productOf(model: WorkspaceModel, name = 'p'): ProductModel {
    const found = model.productsByName.get(name);
    assert.ok(found, `product ${name}`);
    return found;
}

/** Feature names in rank order (ranked ones), then the unranked ones. */
function order(model: WorkspaceModel, name = 'p'): string[] {
    return productOf(model, name).ranking.entries.map(e => `${e.rank ?? '-'}:${e.feature.name}`);
}

function feature(model: WorkspaceModel, name: string, productName = 'p') {
    const found = productOf(model, productName).features.find(f => f.name === name);
    assert.ok(found, `feature ${name}`);
    return found;
}

function entry(model: WorkspaceModel, name: string, productName = 'p') {
    return productOf(model, productName).ranking.byFeature.get(feature(model, name, productName))!;
}

describe('scores of the contract example', () => {
    it('computes RICE, ICE, WSJF, Kano and the inherited rank exactly', async () => {
        const { model } = await check(CONTRACT_EXAMPLE);
        const bulk = feature(model, 'bulk_export', 'acme');
        const auth = feature(model, 'auth', 'acme');
        assert.equal(bulk.rice, 3200);               // 4000 × 2 × 0.8 ÷ 2
        assert.equal(auth.rice, 1500);               // 3000 × 1 × 1 ÷ 2
        assert.equal(bulk.ice, 7);                   // (7 + 6 + 8) ÷ 3
        assert.equal(bulk.wsjf, 3.2);                // (8 + 5 + 3) ÷ 5
        assert.deepEqual(bulk.kano, { category: 'performance', better: null, worse: null, surveyed: false });
        assert.equal(bulk.opportunity, 15);          // 9 + max(9 − 3, 0)
        assert.equal(entry(model, 'auth', 'acme').effectiveScore, 3200);
        assert.equal(entry(model, 'auth', 'acme').inheritedFrom?.name, 'bulk_export');
        assert.deepEqual(order(model, 'acme'), ['1:auth', '2:bulk_export']);
    });

    it('reports the rank JSON of the CLI contract', async () => {
        const { model } = await check(CONTRACT_EXAMPLE);
        const report = rankReport(model);
        assert.equal(report.products[0].name, 'acme');
        assert.equal(report.products[0].title, 'Acme Analytics');
        assert.equal(report.products[0].method, 'rice');
        const { inheritedFrom, ...auth } = report.products[0].features[0];
        assert.equal(inheritedFrom, 'bulk_export');
        assert.deepEqual(auth, {
            name: 'auth', title: 'Single sign-on', rank: 1, score: 1500, effectiveScore: 3200,
            rice: 1500, ice: null, wsjf: null, kano: null, moscow: 'should', opportunity: null,
            effort: 2, release: 'mvp', status: 'idea', requires: [], requiredBy: ['bulk_export']
        });
        assert.deepEqual(report.products[0].features[1].kano, { category: 'performance', better: null, worse: null });
    });

    it('computes metric progress and release load', async () => {
        const { model } = await check(CONTRACT_EXAMPLE);
        const acme = productOf(model, 'acme');
        close(acme.metrics[0].progress, 3 / 13);     // (15 − 12) ÷ (25 − 12)
        assert.equal(acme.releases[0].load, 4);      // bulk_export 2 (RICE effort) + auth 2
        assert.equal(acme.releases[0].mustLoad, 2);
        assert.equal(acme.releases[0].mustShare, 0.5);
        assert.equal(acme.releases[1].load, 0);
    });
});

describe('formulas', () => {
    it('Kano: the largest count wins, exact ties go must > performance > attractive > indifferent > reverse > questionable', () => {
        const counts = { must: 3, performance: 10, attractive: 4, indifferent: 2, reverse: 0, questionable: 1 };
        assert.equal(kanoCategory(counts), 'performance');
        const { better, worse } = kanoCoefficients(counts)!;
        close(better, 14 / 19);
        close(worse, -13 / 19);
        assert.equal(kanoCategory({ must: 4, performance: 4, attractive: 0, indifferent: 0, reverse: 0, questionable: 0 }), 'must');
        assert.equal(kanoCategory({ must: 0, performance: 0, attractive: 3, indifferent: 3, reverse: 3, questionable: 0 }), 'attractive');
        assert.equal(kanoCategory({ must: 0, performance: 0, attractive: 0, indifferent: 2, reverse: 2, questionable: 2 }), 'indifferent');
        assert.equal(kanoCategory({ must: 0, performance: 0, attractive: 0, indifferent: 0, reverse: 2, questionable: 2 }), 'reverse');
    });

    it('Kano from a survey in a spec, with Berger coefficients', async () => {
        const { model } = await check(product('  feature a "A" { requestedBy s kano { must 3 performance 10 attractive 4 indifferent 2 reverse 0 questionable 1 } }'));
        const kano = feature(model, 'a').kano!;
        assert.equal(kano.category, 'performance');
        close(kano.better, 0.7368421052631579);
        close(kano.worse, -0.6842105263157895);
    });

    it('ICE product mode multiplies', async () => {
        const { model } = await check(product('  feature a "A" { requestedBy s ice { impact 7 confidence 6 ease 8 } }', '  scoring { method ice ice product }\n'));
        assert.equal(feature(model, 'a').ice, 336);
        assert.equal(entry(model, 'a').score, 336);
    });

    it('RICE accepts an impact number from the scale and uses the feature effort when the block has none', async () => {
        const { model } = await check(product('  feature a "A" { requestedBy s effort 4 rice { reach 1000 impact 0.25 confidence 50% } }'));
        assert.equal(feature(model, 'a').rice, 31.25); // 1000 × 0.25 × 0.5 ÷ 4
    });

    it('opportunity: importance + max(importance − satisfaction, 0); a feature takes its best need', async () => {
        const { model } = await check(product(`  need hot "Hot" { importance 9 satisfaction 3 }
  need cold "Cold" { importance 5 satisfaction 8 }
  feature a "A" { addresses cold, hot }
  feature b "B" { addresses cold }
  feature c "C" { requestedBy s }`));
        const p = productOf(model);
        assert.deepEqual(p.needs.map(n => n.opportunity), [15, 5]);
        assert.equal(feature(model, 'a').opportunity, 15);
        assert.equal(feature(model, 'b').opportunity, 5);
        assert.equal(feature(model, 'c').opportunity, null);
    });

    it('forecast with growth and churn, totals, margin and both break-even months', () => {
        const result = forecast({ months: 5, price: 100, customers: 10, growth: 0.6, churn: 0.1, fixedCost: 2000, variableCost: 0 });
        // customers = 10 × 1.5^(m−1): 10, 15, 22.5, 33.75, 50.625; revenue = 100 × customers
        assert.deepEqual(result.months.map(m => m.customers), [10, 15, 22.5, 33.75, 50.625]);
        assert.deepEqual(result.months.map(m => m.profit), [-1000, -500, 250, 1375, 3062.5]);
        assert.deepEqual(result.months.map(m => m.cumulativeProfit), [-1000, -1500, -1250, 125, 3187.5]);
        assert.equal(result.breakEvenMonth, 3);
        assert.equal(result.cumulativeBreakEvenMonth, 4);
        assert.equal(result.totals.revenue, 13187.5);
        assert.equal(result.totals.cost, 10000);
        assert.equal(result.totals.profit, 3187.5);
        close(result.totals.margin, 3187.5 / 13187.5);
    });

    it('forecast of the contract: month 1 and the totals', async () => {
        const { model } = await check(CONTRACT_EXAMPLE);
        const fy27 = forecastReport(model).forecasts[0];
        assert.deepEqual(fy27.months[0], { month: 1, customers: 200, revenue: 9800, cost: 41200, profit: -31400, cumulativeProfit: -31400 });
        close(fy27.months[1].customers, 212);                     // 200 × (1 + 0.08 − 0.02)
        close(fy27.totals.revenue, 9800 * (Math.pow(1.06, 12) - 1) / 0.06);
        assert.equal(fy27.breakEvenMonth, null);
        assert.equal(fy27.cumulativeBreakEvenMonth, null);
        close(fy27.totals.margin!, fy27.totals.profit / fy27.totals.revenue);
    });

    it('a shrinking forecast when churn exceeds growth', () => {
        const result = forecast({ months: 3, price: 10, customers: 100, growth: 0.01, churn: 0.11, fixedCost: 0, variableCost: 1 });
        assert.deepEqual(result.months.map(m => m.customers), [100, 90, 81]);
        assert.equal(result.breakEvenMonth, 1);
    });
});

describe('ranking', () => {
    const rice = (reach: number) => `rice { reach ${reach} impact medium confidence 100% effort 1 }`;

    it('a prerequisite inherits the effective score of what requires it, down a chain', async () => {
        const { model } = await check(product(`  feature a "A" { requestedBy s ${rice(10)} }
  feature b "B" { requestedBy s ${rice(50)} requires a }
  feature c "C" { requestedBy s ${rice(100)} requires b }
  feature d "D" { requestedBy s ${rice(70)} }`));
        assert.deepEqual(order(model), ['1:a', '2:b', '3:c', '4:d']);
        assert.equal(entry(model, 'a').effectiveScore, 100);
        assert.equal(entry(model, 'a').score, 10);
        assert.equal(entry(model, 'a').inheritedFrom?.name, 'b');
        assert.equal(entry(model, 'b').inheritedFrom?.name, 'c');
        assert.equal(entry(model, 'c').inheritedFrom, undefined);
    });

    it('ties go prerequisite first, then MoSCoW, then smaller effort, then name A→Z', async () => {
        const { model } = await check(product(`  feature z_pre "Z" { requestedBy s ${rice(10)} moscow wont }
  feature needs_z "N" { requestedBy s ${rice(10)} moscow must requires z_pre }
  feature m_could "C" { requestedBy s ${rice(5)} moscow could effort 1 }
  feature m_must "M" { requestedBy s ${rice(5)} moscow must effort 3 }
  feature e_big "B" { requestedBy s ${rice(3)} effort 5 }
  feature e_small "S" { requestedBy s ${rice(3)} effort 2 }
  feature e_none "U" { requestedBy s rice { reach 3 impact medium confidence 100% } }
  feature beta "Beta" { requestedBy s ${rice(1)} }
  feature alpha "Alpha" { requestedBy s ${rice(1)} }`));
        // e_none: no effort at all, so no RICE (unscored, last); 3 with effort 1 for the others
        assert.deepEqual(order(model), ['1:z_pre', '2:needs_z', '3:m_must', '4:m_could', '5:e_small', '6:e_big', '7:alpha', '8:beta', '9:e_none']);
    });

    it('ties on MoSCoW rank must, should, could, wont, then none', async () => {
        const { model } = await check(product(['wont', 'could', '', 'should', 'must'].map((m, i) => `  feature f${i} "F" { requestedBy s ${rice(1)} ${m ? `moscow ${m}` : ''} }`).join('\n')));
        assert.deepEqual(order(model), ['1:f4', '2:f3', '3:f1', '4:f0', '5:f2']);
    });

    it('unknown effort ranks after known effort in a tie', async () => {
        const { model } = await check(product(`  feature a "A" { requestedBy s moscow must }
  feature b "B" { requestedBy s moscow must effort 9 }`, '  scoring { method moscow }\n'));
        assert.deepEqual(order(model), ['1:b', '2:a']);
    });

    it('unscored features rank after every scored one; shipped and dropped are listed without a rank', async () => {
        const { model } = await check(product(`  feature unscored "U" { requestedBy s moscow must }
  feature low "L" { requestedBy s ${rice(1)} }
  feature done "D" { requestedBy s ${rice(1000)} status shipped }
  feature gone "G" { requestedBy s ${rice(1000)} status dropped }`));
        assert.deepEqual(order(model), ['1:low', '2:unscored', '-:done', '-:gone']);
        assert.equal(entry(model, 'unscored').score, null);
        assert.equal(entry(model, 'done').score, 1000);
        assert.equal(productOf(model).ranking.rankedCount, 2);
    });

    it('an unscored prerequisite inherits a score and ranks before what requires it', async () => {
        const { model } = await check(product(`  feature base "B" { requestedBy s }
  feature top "T" { requestedBy s ${rice(40)} requires base }
  feature mid "M" { requestedBy s ${rice(20)} }`));
        assert.deepEqual(order(model), ['1:base', '2:top', '3:mid']);
        assert.equal(entry(model, 'base').effectiveScore, 40);
    });

    it('features on a cycle are ranked by their own scores', async () => {
        const { model } = await check(product(`  feature a "A" { requestedBy s ${rice(10)} requires b }
  feature b "B" { requestedBy s ${rice(20)} requires a }
  feature c "C" { requestedBy s ${rice(50)} requires a }
  feature d "D" { requestedBy s ${rice(15)} }`));
        assert.deepEqual(order(model), ['1:c', '2:b', '3:d', '4:a']);
        assert.equal(entry(model, 'a').effectiveScore, 10);
        assert.equal(entry(model, 'b').effectiveScore, 20);
        assert.deepEqual(model.cycles.map(cycle => cycle.map(f => f.name)), [['a', 'b']]);
    });

    it('MoSCoW as a method: must 4, should 3, could 2, wont 1, none 0', async () => {
        const { model } = await check(product(`  feature a "A" { requestedBy s moscow could }
  feature b "B" { requestedBy s moscow must }
  feature c "C" { requestedBy s }
  feature d "D" { requestedBy s moscow wont }
  feature e "E" { requestedBy s moscow should }`, '  scoring { method moscow }\n'));
        assert.deepEqual(order(model), ['1:b', '2:e', '3:a', '4:d', '5:c']);
        assert.deepEqual(productOf(model).ranking.entries.map(e => e.score), [4, 3, 2, 1, 0]);
    });

    it('Kano as a method uses the driver values (must 1, performance 0.67, attractive 0.33)', async () => {
        const { model } = await check(product(`  feature a "A" { requestedBy s kano attractive }
  feature b "B" { requestedBy s kano performance }
  feature c "C" { requestedBy s kano must }
  feature d "D" { requestedBy s kano indifferent }
  feature e "E" { requestedBy s }`, '  scoring { method kano }\n'));
        assert.deepEqual(order(model), ['1:c', '2:b', '3:a', '4:d', '5:e']);
        assert.deepEqual(productOf(model).ranking.entries.map(e => e.score), [1, 0.67, 0.33, 0, null]);
    });

    it('weighted: each driver divided by its largest value, missing inputs count 0, weights normalised', async () => {
        const members = `  feature a "A" { requestedBy s moscow must rice { reach 100 impact medium confidence 100% effort 1 } }
  feature b "B" { requestedBy s moscow should rice { reach 50 impact medium confidence 100% effort 1 } }
  feature c "C" { requestedBy s moscow could }`;
        for (const weights of ['rice 50% moscow 50%', 'rice 2 moscow 2']) {
            const { model } = await check(product(members, `  scoring { method weighted weights { ${weights} } }\n`));
            assert.deepEqual(order(model), ['1:a', '2:b', '3:c']);
            const scores = productOf(model).ranking.entries.map(e => e.score!);
            close(scores[0], 1);           // 0.5 × 100/100 + 0.5 × 4/4
            close(scores[1], 0.625);       // 0.5 × 50/100 + 0.5 × 3/4
            close(scores[2], 0.25);        // 0 + 0.5 × 2/4
        }
    });

    it('--method ranks by another method without changing the product', async () => {
        const { model } = await check(CONTRACT_EXAMPLE);
        const report = rankReport(model, { method: 'wsjf' });
        assert.equal(report.products[0].method, 'wsjf');
        assert.deepEqual(report.products[0].features.map(f => [f.name, f.rank, f.score, f.effectiveScore]), [
            ['auth', 1, null, 3.2], ['bulk_export', 2, 3.2, 3.2]
        ]);
        assert.equal(rankReport(model).products[0].method, 'rice');
    });

    it('release load counts effort (or RICE effort) of features that are not dropped', async () => {
        const { model } = await check(product(`  release r "R" { date 2027-01-01 capacity 20 }
  feature a "A" { requestedBy s release r effort 2 moscow must }
  feature b "B" { requestedBy s release r ${rice(1).replace('effort 1', 'effort 3')} }
  feature c "C" { requestedBy s release r effort 5 status dropped moscow must }
  feature d "D" { requestedBy s release r }`));
        const release = productOf(model).releases[0];
        assert.equal(release.load, 5);
        assert.equal(release.mustLoad, 2);
        assert.equal(release.mustShare, 0.4);
        assert.deepEqual(release.features.map(f => f.name), ['a', 'b', 'c', 'd']);
    });

    it('products merge across files and rank together', async () => {
        const { model } = await check({
            'a.product': `product acme "Acme" {\n  stakeholder s "S"\n  feature x "X" { requestedBy s ${rice(5)} }\n}\n`,
            'b.product': `product acme {\n  feature y "Y" { requestedBy s ${rice(9)} }\n}\n`
        });
        assert.deepEqual(order(model, 'acme'), ['1:y', '2:x']);
        assert.equal(productOf(model, 'acme').blocks.length, 2);
    });
});
