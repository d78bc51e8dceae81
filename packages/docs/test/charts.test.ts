import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { chartNumber, moneyChartBlock, type MoneyChart } from '../src/charts/business.js';
import { axisPosition, LINE_GAP, orderIntervals, pointKey, quadrantChart, type QuadrantItem } from '../src/charts/quadrant.js';
import { generateDocs, unitCoordinate } from '../src/index.js';
import { diagrams, loadSpec, mermaidBlocks } from './helpers.js';
import { parseDiagram } from './mermaid-check.js';

const GEOMETRY = { width: 600, height: 600, fontSize: 12, titleFontSize: 14 };
const QUADRANTS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

function chartOf(items: QuadrantItem[]) {
    return quadrantChart({ geometry: GEOMETRY, xAxis: ['Left', 'Right'], yAxis: ['Down', 'Up'], quadrants: QUADRANTS, items });
}

/** Points as Mermaid reads them: three decimals. */
const written = (v: number) => Number(unitCoordinate(v));

describe('Quadrant charts that tell the truth', () => {
    const value = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    const items = fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 30 }), v: value, e: value }), { minLength: 1, maxLength: 25 })
        .map(rows => rows.map(({ name, v, e }) => ({ name, x: axisPosition(e, e > 0.5), y: axisPosition(v, v >= 0.5), order: { x: e, y: v }, v, e })));

    it('never draws a point above one with a larger value, or right of one with a larger effort; never on a middle line; never out of its quadrant', () => {
        fc.assert(fc.property(items, rows => {
            const chart = chartOf(rows);
            const drawn = chart.drawn.map(p => ({ x: written(p.x), y: written(p.y) }));
            for (let i = 0; i < rows.length; i++) {
                for (let j = 0; j < rows.length; j++) {
                    if (rows[i].v < rows[j].v) assert.ok(drawn[i].y <= drawn[j].y, `${rows[i].v} drawn above ${rows[j].v}`);
                    if (rows[i].e < rows[j].e) assert.ok(drawn[i].x <= drawn[j].x, `${rows[i].e} drawn right of ${rows[j].e}`);
                }
                assert.ok(Math.abs(drawn[i].x - 0.5) >= LINE_GAP / 2 - 0.001 && Math.abs(drawn[i].y - 0.5) >= LINE_GAP / 2 - 0.001, 'off the lines');
                assert.equal(drawn[i].y > 0.5, rows[i].v >= 0.5, 'value side');
                assert.equal(drawn[i].x > 0.5, rows[i].e > 0.5, 'effort side');
            }
        }), { numRuns: 200, seed: 16 });
    });

    it('names every point: its name where it fits, else a letter that the key spells out (never a rank)', () => {
        fc.assert(fc.property(items, rows => {
            const chart = chartOf(rows);
            const keys = chart.keyed.map(k => k.key);
            assert.deepEqual(keys, keys.map((_, i) => pointKey(i)), 'A, B, C, ... in order');
            chart.drawn.forEach((p, i) => {
                const keyed = chart.keyed.find(k => k.index === i);
                assert.equal(p.label, keyed ? keyed.key : p.label);
                assert.ok(!/^#\d+$/.test(p.label));
                assert.ok(p.label.length > 0);
            });
        }), { numRuns: 100, seed: 16 });
    });

    it('lets equal values move apart only up to half-way to the next value', () => {
        const round = (intervals: Array<[number, number]>) => intervals.map(([a, b]) => [Math.round(a * 1000) / 1000, Math.round(b * 1000) / 1000]);
        assert.deepEqual(round(orderIntervals([0.2, 0.2, 0.4])), [[0, 0.297], [0, 0.297], [0.303, 1]]);
        assert.deepEqual(orderIntervals([0.1, 0.1], [1, 2]), [[0, 0.1], [0.1, 1]], 'different values at one place never pass each other');
        assert.deepEqual(orderIntervals([0.3, 0.301]), [[0, 0.3], [0.301, 1]], 'too close to move towards each other');
        assert.deepEqual([0, 25, 26, 27, 701].map(pointKey), ['A', 'Z', 'AA', 'AB', 'ZZ']);
    });

    it('keeps a value exactly on the split on its side, away from the line', () => {
        assert.equal(axisPosition(0.5, true), 0.5 + LINE_GAP);
        assert.equal(axisPosition(0.5, false), 0.5 - LINE_GAP);
        assert.equal(axisPosition(1, true), 0.9);
        assert.equal(axisPosition(0, false), 0.1);
        assert.ok(axisPosition(0.1, false, true) > axisPosition(0.1, false), 'the stretch spreads small values');
        assert.equal(axisPosition(0.5, true, true), 0.5 + LINE_GAP);
    });
});

describe('Value and effort on the method\'s axes', () => {
    it('ICE: impact and confidence against 10 − ease, split at the middle of the scale', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  stakeholder s
  feature easy "Easy win" { requestedBy s ice { impact 9 confidence 9 ease 9 } }
  feature hard "Hard bet" { requestedBy s ice { impact 8 confidence 8 ease 2 } }
  feature meh "Meh" { requestedBy s ice { impact 2 confidence 3 ease 8 } }
  feature mid "Middle" { requestedBy s ice { impact 5 confidence 6 ease 6 } }
  scoring { method ice }
}
`
        });
        assert.deepEqual(problems, []);
        const page = generateDocs(model, problems)[1].content;
        assert.ok(page.includes('  x-axis Easy --> Hard\n  y-axis Less impact and confidence --> More impact and confidence\n'));
        assert.ok(page.includes('- **Quick wins** (high value for little effort: do these first): Easy win and Middle.'), 'impact and confidence 5.5 is the middle: high');
        assert.ok(page.includes('- **Big bets** (high value, high effort: plan them deliberately): Hard bet.'));
        assert.ok(page.includes('- **Fill-ins** (little value, little effort: do them when there is slack): Meh.'));
        const [value] = (await diagrams(page)).filter(d => d.type === 'quadrantChart' && d.groups[0] === 'Big bets');
        assert.ok(value.values.every(v => !v.split(',').includes('0.5')));
    });

    it('WSJF: cost of delay against job size, not the score against the effort; won\'t and Kano reverse are never quick wins', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  stakeholder s
  feature a "Urgent small" { requestedBy s wsjf { value 13 criticality 13 risk 8 size 2 } }
  feature b "Big platform" { requestedBy s wsjf { value 20 criticality 13 risk 8 size 13 } }
  feature c "Nice to have" { requestedBy s moscow wont wsjf { value 13 criticality 13 risk 8 size 1 } }
  feature d "Unwanted" { requestedBy s kano reverse wsjf { value 13 criticality 13 risk 8 size 1 } }
  scoring { method wsjf }
}
`
        });
        const page = generateDocs(model, problems)[1].content;
        assert.ok(page.includes('  x-axis Small job --> Large job\n  y-axis Low cost of delay --> High cost of delay\n'));
        assert.ok(page.includes('- **Quick wins** (high value for little effort: do these first): Urgent small.'));
        assert.ok(page.includes('- **Big bets** (high value, high effort: plan them deliberately): Big platform.'), 'cost of delay 41 of 41, size 13 of 13');
        assert.ok(page.includes('Not on the chart: Nice to have (MoSCoW won\'t) and Unwanted (Kano reverse).'));
    });
});

describe('The Kano study', () => {
    it('puts a feature with better exactly 0.5 above the line, and says where the count and the coefficients disagree', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  stakeholder s
  feature a "Half pleasing" { requestedBy s kano { must 2 performance 0 attractive 2 indifferent 0 reverse 0 questionable 0 } rice { reach 1 impact low confidence 50% effort 1 } }
}
`
        });
        const page = generateDocs(model, problems)[1].content;
        const kano = (await diagrams(page)).find(d => d.groups[0] === 'Performance')!;
        const [x, y] = kano.values[0].split(',').map(Number);
        assert.ok(y > 0.5 && x > 0.5, 'better 0.5 and worse −0.5: performance, off both lines');
        assert.ok(page.includes('Half pleasing is must-be by its largest count, performance by better and worse'));
    });
});

describe('The business case as a picture', () => {
    const chart: MoneyChart = {
        about: 'Test',
        title: 'A "title" with #; and %% <b>',
        unit: 'EUR "x" ; %%{init}%%',
        series: [{ name: 'Profit: base', values: [-1.005, 2e3, 0, -0.001], color: '#009e73', colorName: 'green' }],
        bands: [{ name: 'Range', lower: [1, 2, 3, 4], upper: [5, 6, 7, 8], color: '#cccccc', colorName: 'grey' }]
    };

    it('writes numbers as xychart reads them, to the cent', () => {
        assert.deepEqual([-1.005, 2000, 0, -0.001, 12.5, 100, 1234.5678].map(chartNumber), ['-1', '2000', '0', '0', '12.5', '100', '1234.57']);
    });

    it('draws lines and bands (as two lines of one colour) that Mermaid parses, with the text as written', async () => {
        const parsed = await parseDiagram(mermaidBlocks(moneyChartBlock(chart).join('\n'))[0]);
        assert.equal(parsed.type, 'xychart');
        assert.deepEqual(parsed.groups, [chart.title, 'Month', chart.unit]);
        assert.deepEqual(parsed.labels, ['Range (low)', 'Range (high)', 'Profit: base']);
        assert.deepEqual(parsed.values, ['line #cccccc: 1 2 3 4', 'line #cccccc: 5 6 7 8', 'line #009e73: -1 2000 0 0']);
    });

    it('draws a one-month forecast on a band axis', async () => {
        const one = moneyChartBlock({ about: 'T', title: 'T', unit: 'u', series: [{ name: 'Revenue', values: [5], color: '#0072b2', colorName: 'blue' }] });
        assert.ok(one.includes('  x-axis "Month" ["1"]'));
        assert.deepEqual((await parseDiagram(mermaidBlocks(one.join('\n'))[0])).values, ['line #0072b2: 5']);
    });
});

describe('The timeline', () => {
    it('lays a release\'s features end to end by their share of the capacity, runs past the date when over it, and widens the margin for long names', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  stakeholder s
  release r1 "A release with a very long name indeed" { date 2027-01-31 capacity 3 }
  release r2 "Two" { date 2027-03-02 capacity 10 }
  feature a "A" { requestedBy s release r1 moscow must status building rice { reach 100 impact high confidence 100% effort 2 } }
  feature b "B" { requestedBy s release r1 rice { reach 10 impact high confidence 100% effort 2 } }
  feature c "C" { requestedBy s release r2 status shipped rice { reach 1 impact high confidence 100% effort 1 } }
  feature d "D" { requestedBy s release r2 status building }
}
`
        });
        const page = generateDocs(model, problems)[1].content;
        const gantt = (await diagrams(page)).find(d => d.type === 'gantt')!;
        assert.deepEqual(gantt.groups, ['A release with a very long…', 'Two']);
        assert.deepEqual(gantt.labels, ['A', 'B', 'A release with a very long name indeed ships', 'C', 'D', 'Two ships']);
        // r1: 30 days (the first window is as long as the next), capacity 3: 10 days a person-month; its load of 4 runs 10 days past.
        assert.deepEqual(gantt.values.slice(0, 3), ['2027-01-01..2027-01-21', '2027-01-21..2027-02-10', '2027-01-31..2027-01-31']);
        // r2: shipped C first; D's effort is unknown, so it is drawn with the release's average (1).
        assert.deepEqual(gantt.values.slice(3, 5), ['2027-01-31..2027-02-03', '2027-02-03..2027-02-06']);
        assert.deepEqual(gantt.tags, ['crit', '', 'milestone', 'done', 'active', 'milestone'], 'the building must is red; shipped grey; building light');
        assert.match(page, /gantt:\n {4}leftPadding: 203\n/, 'room for "A release with a very long…"');
        assert.ok(page.includes('Runs past its date (load over capacity): A release with a very long name indeed.'));
        assert.ok(page.includes('Effort unknown, drawn as long as its release\'s average: D.'));
    });
});

describe('How sure the ranks and the forecast are (decide.md §2, §3)', () => {
    const spec = `product p "P" {
  stakeholder s
  feature a "A" { requestedBy s rice { reach 1000..3000 impact high confidence 80% effort 2 } }
  feature b "B" { requestedBy s rice { reach 1900 impact high confidence 80% effort 2 } }
  feature c "C" { requestedBy s rice { reach 100 impact high confidence 80% effort 2 } }
  forecast f "F" {
    months 3 price 10 customers 80..120 growth 0% churn 0% cost fixed 1000
    scenario dear "Dear" { price 20 }
  }
}
`;

    it('draws each rank from its 10th to its 90th percentile, the moving ones in the second colour, as Mermaid reads it', async () => {
        const { model, problems } = await loadSpec({ 'p.product': spec });
        const page = generateDocs(model, problems)[1].content;
        assert.ok(page.includes('Each bar covers the ranks a feature takes in 80% of the draws (10th to 90th percentile); 2 ranks move (the bars in the second colour): A 1–2 and B 1–2.'), page);
        const gantt = (await diagrams(page)).find(d => d.type === 'gantt' && d.labels[0].startsWith('#1'))!;
        assert.deepEqual(gantt.labels, ['#1 A · 1–2', '#2 B · 1–2', '#3 C · 3']);
        // A bar covers the cells of its ranks: 1–2 from 1 to 3, rank 3 from 3 to 4.
        assert.deepEqual(gantt.times, ['1..3', '1..3', '3..4']);
        assert.deepEqual(gantt.tags, ['active', 'active', '']);
    });

    it('draws the scenarios and the band of the draws beside the base case, and lists the scenarios side by side', async () => {
        const { model, problems } = await loadSpec({ 'p.product': spec });
        const page = generateDocs(model, problems)[1].content;
        const cumulative = (await diagrams(page)).find(d => d.type === 'xychart' && d.groups[0] === 'F: cumulative profit')!;
        const drawn = '10th to 90th percentile over 10,000 draws of the ranges';
        assert.deepEqual(cumulative.labels, [`${drawn} (low)`, `${drawn} (high)`, 'Cumulative profit, base case', 'Scenario Dear', 'Zero line']);
        assert.equal(cumulative.values[2], 'line #cc79a7: 0 0 0', 'the base case on its means: 100 customers × 10 − 1,000');
        assert.equal(cumulative.values[3], 'line #e69f00: 1000 2000 3000');
        // Customers uniform on 80..120: the 10th percentile near 84, the 90th near 116.
        const [low, high] = [cumulative.values[0], cumulative.values[1]].map(line => Number(line.split(': ')[1].split(' ')[0]));
        assert.ok(Math.abs(low - -160) < 10 && Math.abs(high - 160) < 10, `${low} ${high}`);
        assert.ok(page.includes('| Base case | 3,000.00 | 3,000.00 | 0.00 | 0% | month 1 | month 1 |'), page);
        assert.ok(page.includes('| Scenario Dear (`dear`) | 6,000.00 | 3,000.00 | 3,000.00 | 50% | month 1 | month 1 |'));
        assert.match(page, /- \*\*How sure\*\* \(10,000 draws of the ranges, seed 1\): total profit between -4\d\d\.\d\d and 4\d\d\.\d\d in 80% of them/);
    });
});
