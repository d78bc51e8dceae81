import * as assert from 'node:assert/strict';
import { generateDocs, GENERATED_MARKER, mermaidText, type DocFile } from '../src/index.js';
import { assertNoInjection, assertTablesWhole, diagrams, exampleFiles, HOSTILE, hostileSpec, loadSpec, mermaidBlocks } from './helpers.js';

const SECTIONS = ['Overview', 'Stakeholders', 'Personas and needs', 'Backlog', 'Roadmap', 'Metrics', 'Business case', 'Traceability', 'Open problems'];

function file(files: readonly DocFile[], path: string): string {
    const found = files.find(f => f.path === path);
    assert.ok(found, `no ${path} among ${files.map(f => f.path).join(', ')}`);
    return found.content;
}

const nb = (text: string) => text.replace(/ /g, '\u00a0');

/** The diagrams but the ranks' intervals (the gantt whose tasks start with a rank), which only specs with ranges have. */
function withoutRankIntervals<T extends { type: string; labels: string[] }>(diagrams: T[]): T[] {
    return diagrams.filter(d => !(d.type === 'gantt' && /^#\d+ /.test(d.labels[0] ?? '')));
}

describe('Docs of the examples', () => {
    let files: DocFile[];
    before(async () => {
        const { model, problems } = await loadSpec(await exampleFiles());
        assert.deepEqual(problems, [], 'the examples validate clean');
        files = generateDocs(model, problems);
    });

    it('are index.md and a PRODUCT.md in a folder per product, each starting with the marker', () => {
        assert.deepEqual(files.map(f => f.path), ['index.md', 'acme/PRODUCT.md', 'notes/PRODUCT.md', 'sync/PRODUCT.md']);
        for (const f of files) {
            assert.ok(f.content.startsWith(`${GENERATED_MARKER}\n\n`), f.path);
            assert.ok(f.content.endsWith('\n') && !f.content.endsWith('\n\n'), f.path);
        }
    });

    it('give each product page its sections, in order', () => {
        for (const path of ['acme/PRODUCT.md', 'notes/PRODUCT.md', 'sync/PRODUCT.md']) {
            const headings = file(files, path).split('\n').filter(line => line.startsWith('## ')).map(line => line.slice(3));
            assert.deepEqual(headings, SECTIONS, path);
        }
    });

    it('keep every table whole and every text escaped', () => {
        for (const f of files) {
            assert.ok(assertTablesWhole(f.content) > 0, f.path);
            assertNoInjection(f.content);
        }
    });

    it('write only diagrams that Mermaid parses: stakeholders, value/effort, Kano, a timeline, dependencies, the business case; the portfolio\'s roadmap and map', async () => {
        const acme = await diagrams(file(files, 'acme/PRODUCT.md'));
        // The backlog's ranges add the ranks' intervals (a gantt on a rank axis) after the stakeholder map.
        assert.deepEqual(acme.map(d => d.type), ['quadrantChart', 'gantt', 'quadrantChart', 'quadrantChart', 'gantt', 'flowchart', 'xychart', 'xychart', 'xychart', 'xychart']);
        assert.equal(acme[1].labels[12], '#13 AI insights · 12–16');
        const notes = await diagrams(file(files, 'notes/PRODUCT.md'));
        assert.deepEqual(notes.map(d => d.type), ['quadrantChart', 'quadrantChart', 'gantt', 'flowchart']);
        const sync = await diagrams(file(files, 'sync/PRODUCT.md'));
        assert.deepEqual(sync.map(d => d.type), ['quadrantChart', 'quadrantChart', 'gantt', 'flowchart']);
        assert.deepEqual((await diagrams(file(files, 'index.md'))).map(d => d.type), ['gantt', 'quadrantChart']);
    });

    it('place stakeholders by influence and interest in Mendelow\'s quadrants', async () => {
        const [grid] = await diagrams(file(files, 'acme/PRODUCT.md'));
        assert.deepEqual(grid.groups, ['Manage closely', 'Keep satisfied', 'Monitor', 'Keep informed']);
        // Most influential first (they keep their exact place when labels collide), then most interested.
        assert.deepEqual(grid.labels, ['Priya Shah', 'Lena Park', 'Marco Ruiz', 'Tom Becker', 'Sofia Rossi', 'Elena García', 'Omar Haddad', 'Jana Novak', 'Ravi Iyer']);
        const block = mermaidBlocks(file(files, 'acme/PRODUCT.md'))[0];
        const point = (name: string) => {
            const [x, y] = new RegExp(`"${name}": \\[([0-9.]+), ([0-9.]+)\\]`).exec(block)!.slice(1).map(Number);
            return { x, y };
        };
        // High is the upper/right half; low and medium the lower/left one.
        assert.ok(point('Priya Shah').x > 0.5 && point('Priya Shah').y > 0.5, 'Priya: manage closely');
        assert.ok(point('Tom Becker').x < 0.5 && point('Tom Becker').y > 0.5, 'Tom: keep satisfied');
        assert.ok(point('Omar Haddad').x < 0.5 && point('Omar Haddad').y < 0.5, 'Omar: monitor');
        assert.ok(point('Jana Novak').x > 0.5 && point('Jana Novak').y < 0.5, 'Jana: keep informed');
        assert.notDeepEqual(point('Priya Shah'), point('Lena Park'), 'two people at the same levels are spread apart');
    });

    it('chart open features on the method\'s axes, in the quadrant the text names, each named or keyed in a table', async () => {
        const content = file(files, 'acme/PRODUCT.md');
        const [, value] = withoutRankIntervals(await diagrams(content));
        assert.deepEqual(value.groups, ['Big bets', 'Quick wins', 'Fill-ins', 'Time sinks']);
        assert.ok(content.includes('  x-axis Less effort --> More effort\n  y-axis Less reach × impact × confidence --> More reach × impact × confidence\n'), 'RICE: R × I × C against effort');
        assert.deepEqual(value.labels, ['Bank feed import', 'Monthly revenue dashboard', 'Single sign-on', 'Bulk export to CSV', 'Cash-flow forecast',
            'A', 'B', 'C', 'D', 'E', 'F', 'AI insights', 'Public API', 'G', 'Audit log'], 'where a name finds no room, a letter');
        assert.ok(content.includes('| **A** | Mobile dashboard | 1,500 | 2 |\n| **B** | Team roles and permissions | 1,280 | 2 |'), 'the key spells the letters out');
        assert.ok(!/"#\d+"/.test(content), 'never a bare rank');
        assert.ok(content.includes('- **Quick wins** (high value for little effort: do these first): Bank feed import and Bulk export to CSV.'));
        assert.ok(content.includes('- **Big bets** (high value, high effort: plan them deliberately): Monthly revenue dashboard.'));
        assert.ok(content.includes('- **Time sinks** (little value for much effort: question them): Cash-flow forecast, AI insights, Public API and Multi-currency reports.'));
        assert.ok(content.includes('Not on the chart: Dark mode (MoSCoW won\'t).'), 'a won\'t is never a quick win');
        for (const point of value.values) {
            const [x, y] = point.split(',').map(Number);
            assert.ok(x !== 0.5 && y !== 0.5, `a point on a middle line: ${point}`);
        }
        const sync = file(files, 'sync/PRODUCT.md');
        assert.ok(sync.includes('  x-axis Small job --> Large job\n  y-axis Low cost of delay --> High cost of delay\n'), 'WSJF: cost of delay against job size');
    });

    it('draw the Kano study: surveyed features by better and worse in the four quadrants', async () => {
        const [, , kano] = withoutRankIntervals(await diagrams(file(files, 'acme/PRODUCT.md')));
        assert.deepEqual(kano.groups, ['Performance', 'Attractive', 'Indifferent', 'Must-be']);
        assert.deepEqual(kano.labels, ['Bulk export to CSV', 'Cash-flow forecast', 'AI insights']);
        const [bulk, cash, ai] = kano.values.map(v => v.split(',').map(Number));
        assert.ok(bulk[0] > 0.5 && bulk[1] > 0.5, 'Bulk export: performance (|worse| 0.68, better 0.74)');
        assert.ok(cash[0] < 0.5 && cash[1] > 0.5 && ai[0] < 0.5 && ai[1] > 0.5, 'attractive');
        assert.ok(ai[0] < cash[0], 'AI insights is missed less than the cash-flow forecast');
    });

    it('draw the roadmap with valid dates: each release a section, its features one after another by rank, the release a milestone', async () => {
        const page = file(files, 'acme/PRODUCT.md');
        const [, , , gantt] = withoutRankIntervals(await diagrams(page));
        assert.deepEqual(gantt.groups, ['MVP', 'Second cycle']);
        assert.deepEqual(gantt.labels, ['Bank feed import', 'Monthly revenue dashboard', 'Single sign-on', 'Bulk export to CSV', 'Weekly email digest',
            'Guided first-run tour', 'MVP ships', 'Cash-flow forecast', 'Mobile dashboard', 'Team roles and permissions', 'Slack alerts for big payments',
            'Revenue goals', 'Second cycle ships']);
        // MVP: 120 days for a capacity of 12 person-months, so 10 days a person-month; its load (12) fills it.
        assert.deepEqual(gantt.values.slice(0, 7), ['2026-10-30..2026-11-19', '2026-11-19..2026-12-20', '2026-12-20..2027-01-09', '2027-01-09..2027-01-30',
            '2027-01-30..2027-02-19', '2027-02-19..2027-03-01', '2027-03-01..2027-03-01']);
        assert.equal(gantt.values[11], '2027-06-07..2027-07-01');
        // Musts being built are red (crit alone: with active, Mermaid draws them light with a red outline).
        assert.deepEqual(gantt.tags!.slice(0, 6), ['crit', 'crit', '', 'crit', '', '']);
        assert.ok(page.includes('**Red** bars are MoSCoW musts not shipped yet (being built or not)'));
        assert.ok(page.includes('**Unplanned** (in no release yet, by rank): Dark mode, AI insights, Public API, Multi-currency reports and Audit log.'));
    });

    it('mark a feature that would start before its prerequisite in another product ships', async () => {
        const page = file(files, 'notes/PRODUCT.md');
        const [, , gantt] = await diagrams(page);
        assert.deepEqual(gantt.labels, ['Action items from notes', 'Link notes to calendar events (Calendar Sync) ships', 'Live meeting capture', 'Spring release ships']);
        assert.equal(gantt.tags![1], 'milestone,crit');
        assert.deepEqual(gantt.values.slice(1, 3), ['2027-03-15..2027-03-15', '2027-02-18..2027-04-04']);
        assert.ok(page.includes('Waiting for another product: Live meeting capture needs Link notes to calendar events ([Calendar Sync](../sync/PRODUCT.md)), which ships 2027-03-15.'));
    });

    it('draw dependencies from prerequisite to dependant, with other products\' features marked', async () => {
        const acmeBlock = mermaidBlocks(file(files, 'acme/PRODUCT.md')).find(block => block.startsWith('flowchart'))!;
        assert.ok(acmeBlock.includes('  f1["Bank feed import"]\n  f2["Monthly revenue dashboard"]'));
        assert.ok(acmeBlock.includes('  f1 --> f2\n'));
        const notes = mermaidBlocks(file(files, 'notes/PRODUCT.md'))[3];
        assert.equal(notes, [
            'flowchart LR',
            '  f1["Link notes to calendar events (Calendar Sync)"]',
            '  f2["Live meeting capture"]',
            '  f3["Action items from notes"]',
            '  f4["Follow-up reminders"]',
            '  f1 --> f2',
            '  f3 --> f4',
            '  classDef other stroke-dasharray: 5 5',
            '  class f1 other'
        ].join('\n'));
    });

    it('list the backlog in rank order with the score, its inputs, the inherited effective score and the plan', () => {
        const content = file(files, 'acme/PRODUCT.md');
        assert.ok(content.includes('| # | Feature | RICE | Inputs | Effective | MoSCoW | Kano | Effort | Release | Status | Requires |'));
        assert.ok(content.includes(`| 1 | Bank feed import | 4,500 | ${nb('5,000 × high × 90% ÷ 2')} | 4,500 | must | – | 2 | MVP | building | – |`));
        assert.ok(content.includes(`| 3 | Single sign-on | 1,500 | ${nb('3,000 × medium × 100% ÷ 2')} | 3,200 (from Bulk export to CSV) | should | – | 2 | MVP | idea | – |`));
        assert.ok(content.includes(`| 4 | Bulk export to CSV | 3,200 | ${nb('4,000 × high × 80% ÷ 2')} | 3,200 | must | performance | 2 | MVP | planned | Single sign-on |`));
        assert.ok(content.includes('| PDF export | shipped | 3,500 | must | – |'));
        const notes = file(files, 'notes/PRODUCT.md');
        assert.ok(notes.includes(`| 3 | Live meeting capture | 0.63 | ${nb('RICE 1,500 · WSJF 4.13 · Kano attractive · opportunity 14')} | 0.63 | should | attractive | 4 | Spring release | idea | Link notes to calendar events ([Calendar Sync](../sync/PRODUCT.md)) |`));
        assert.ok(notes.includes('Ranked by weighted scoring: a weighted sum of drivers, each divided by its largest value in the product (RICE 40%, WSJF 30%, Kano 10%, opportunity 20%).'));
    });

    it('give Kano categories with Berger\'s coefficients when surveyed', () => {
        const content = file(files, 'acme/PRODUCT.md');
        assert.ok(content.includes('| performance | Bulk export to CSV | survey of 20 answers | 0.74 | -0.68 |'));
        assert.ok(content.includes('| must-be | Monthly revenue dashboard | declared | – | – |'));
    });

    it('show needs by opportunity with what addresses them, releases with load and must share, metrics with progress', () => {
        const content = file(files, 'acme/PRODUCT.md');
        assert.ok(content.includes('| Share numbers with clients in their format (`client_handoff`) | 7 | 4 | 10 | Bulk export to CSV, Public API, PDF export (shipped) and Drag-and-drop report builder (dropped) |'));
        assert.ok(content.includes('| MVP (`mvp`) | 2027-03-01 | launch | 12 of 12 (100%) | 58% | Bank feed import, Monthly revenue dashboard, Single sign-on, Bulk export to CSV, Weekly email digest and Guided first-run tour |'));
        assert.ok(content.includes('| Monthly logo churn (`monthly_churn`) | 4% | 3.5% | 2% by 2027-12-31 | 25% | Weekly email digest, Cash-flow forecast, Slack alerts for big payments and Revenue goals | Keep the customers we win |'));
        assert.ok(content.includes('| Win self-serve small businesses (`grow_smb`) | Weekly active teams (23.08%), Trial-to-paid conversion (25%) |'));
    });

    it('give each forecast month by month with 2 decimals, totals, margin and break-even', async () => {
        const content = file(files, 'acme/PRODUCT.md');
        const [, , , , , monthly, cumulative] = withoutRankIntervals(await diagrams(content));
        assert.deepEqual([monthly.labels, monthly.groups], [['Revenue', 'Cost', 'Profit', 'Zero line'], ['First year: revenue, cost and profit by month', 'Month', 'EUR']]);
        assert.equal(monthly.values[2].split(' ').length, 14, 'profit: the kind, the colour and 12 months');
        assert.ok(monthly.values[2].startsWith('line #009e73: -31400 -30884 -30337.04'));
        assert.deepEqual(cumulative.labels, ['Cumulative profit, base case', 'Scenario Slow start', 'Scenario Word of mouth', 'Zero line']);
        assert.ok(cumulative.values[0].endsWith(' -334918.51'));
        assert.ok(content.includes('*Revenue, cost and profit by month in EUR: revenue (blue), cost (orange), profit (green) and zero line (grey). ' +
            'Break-even (first month with a profit): month 8; cumulative break-even: not within 12 months.*'), 'both break-even months in the caption');
        assert.ok(content.includes('| 12 | 379.66 | 18,603.33 | 42,277.96 | -23,674.63 | -334,918.51 |'));
        assert.ok(content.includes('| **Total** |  | **165,325.42** | **500,243.93** | **-334,918.51** |  |'));
        assert.ok(content.includes('- **Margin**: -202.58% (profit ÷ revenue over the 12 months).'));
        assert.ok(content.includes('- **Break-even** (first month with a profit): not within 12 months.'));
        assert.ok(content.includes('- **Break-even** (first month with a profit): month 8.'));
        assert.equal(file(files, 'notes/PRODUCT.md').includes('## Business case\n\nNo forecasts yet.\n'), true);
    });

    it('trace needs to objectives and name the gaps', () => {
        const content = file(files, 'acme/PRODUCT.md');
        assert.ok(content.includes('| Know how much cash is left next month | Cash-flow forecast | Win self-serve small businesses | Trial-to-paid conversion |\n' +
            '| Know how much cash is left next month | Cash-flow forecast | Keep the customers we win | Monthly logo churn |'));
        const matrix = content.slice(content.indexOf('### Matrix'));
        assert.ok(matrix.indexOf('| **no need** | Guided first-run tour |') < matrix.indexOf('| Control who sees which numbers | Single sign-on | – | **no metric** |'), 'holes first');
        assert.ok(matrix.indexOf('**no metric**') < matrix.indexOf('| See last month\'s revenue without a spreadsheet | Bank feed import |'), 'then the whole chains');
        assert.ok(content.includes('- **Features that move no metric**: Single sign-on, Multi-currency reports, AI insights, Dark mode and PDF export.'));
        assert.ok(content.includes('- **Needs no feature addresses**: none.'));
        assert.ok(file(files, 'notes/PRODUCT.md').includes('- **Metrics no objective names**: Annual recurring revenue.'));
        assert.ok(content.endsWith('## Open problems\n\nNone: the spec of this product has no errors and no warnings.\n'));
    });

    it('give the portfolio: products with links and top features, shared stakeholders, personas, metrics, cross-product dependencies', () => {
        const index = file(files, 'index.md');
        assert.ok(index.includes('| [Acme Analytics](acme/PRODUCT.md) (`acme`) | development | Every small team understands its numbers in five minutes. | Priya Shah | Bank feed import, Monthly revenue dashboard and Single sign-on | none |'));
        assert.ok(index.includes('| Felix Braun (`felix`) | engineering | Platform lead | high | high | [Team Notes](notes/PRODUCT.md) and [Calendar Sync](sync/PRODUCT.md) | Link notes to calendar events ([Calendar Sync](sync/PRODUCT.md)) |'));
        assert.ok(index.includes('## Portfolio personas'));
        assert.ok(index.includes('| Annual recurring revenue (`arr`) | 800 kEUR | 950 kEUR | 2,000 kEUR by 2027-12-31 | 12.5% |'));
        assert.ok(index.includes('- Live meeting capture ([Team Notes](notes/PRODUCT.md)) requires Link notes to calendar events ([Calendar Sync](sync/PRODUCT.md)) ' +
            '(needed for Spring release, 2027-04-15; ships in 2027\\.2, 2027-03-15).'));
        assert.ok(index.endsWith('## Open problems outside any product\n\nNone.\n'));
    });

    it('give the portfolio roadmap, the rollup and the stakeholder map', async () => {
        const index = file(files, 'index.md');
        const [roadmap, map] = await diagrams(index);
        assert.deepEqual(roadmap.groups, ['Acme Analytics', 'Team Notes', 'Calendar Sync']);
        assert.deepEqual(roadmap.labels, ['MVP', 'Second cycle', 'Spring release', 'Live meeting capture needs Link notes to calendar…', '2027.2']);
        assert.deepEqual(roadmap.values, ['2026-10-30..2027-03-01', '2027-03-01..2027-07-01', '2027-01-15..2027-04-15', '2027-03-15..2027-03-15', '2026-12-15..2027-03-15']);
        assert.deepEqual(roadmap.tags, ['active', '', '', 'milestone', ''], 'MVP has work being built; the prerequisite ships before the release that needs it');
        assert.ok(index.includes('| [Acme Analytics](acme/PRODUCT.md) | 16 | 1 | MVP 12 of 12 and Second cycle 10 of 10 | 165,325.42 EUR (First year); 593,519.32 EUR (Second year, with the first finance teams) | ' +
            '-334,918.51 EUR (First year); -6,583.91 EUR (Second year, with the first finance teams) | Win self-serve small businesses 24%, Win finance teams at mid-sized companies 8% and Keep the customers we win 25% |'));
        assert.equal(map.labels.length, 13, 'everyone in the portfolio');
        assert.deepEqual(map.labels.slice(0, 3), ['Felix Braun', 'Priya Shah', 'Lena Park'], 'the most influential first');
        assert.ok(index.includes('| **A** | Elena García (Acme Analytics) | medium | high |\n| **B** | Noor Aziz (Team Notes) | medium | high |'), 'each keyed point in the table, with its product');
    });

    it('are the same bytes however the files are given, and hold no absolute path', async () => {
        const examples = await exampleFiles();
        const reversed = Object.fromEntries(Object.entries(examples).reverse());
        const again = await loadSpec(reversed);
        assert.deepEqual(generateDocs(again.model, again.problems), files);
        for (const f of files) assert.ok(!f.content.includes('/ws/') && !f.content.includes('file:'), f.path);
    });
});

describe('Docs of a spec with control characters in its text (issue 12)', () => {
    it('writes none of them raw into any page or diagram, for every audience', async () => {
        const { model, problems } = await loadSpec({
            'p.product': 'product p "\u001b[2JP\u009b1m\u202e" {\n  description "\u0007bell\u2066"\n'
                + '  release r "\u001b]0;x\u0007R" { date 2027-01-01 capacity 5 }\n'
                + '  feature a "A\u001b[31m" { release r effort 1 rice { reach 1 impact high confidence 80% effort 1 } }\n'
                + '  forecast f "F\u0085" { months 2 price 5 customers 1..3 }\n}\n'
        });
        const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
        for (const audience of [undefined, 'engineering', 'commercial', 'customer', 'board'] as const) {
            for (const doc of generateDocs(model, problems, audience ? { audience } : {})) {
                assert.ok(!raw.test(doc.content), `${audience ?? 'full'} ${doc.path}: ${JSON.stringify(doc.content.match(new RegExp(`.{0,20}${raw.source}.{0,20}`))?.[0])}`);
            }
        }
        assert.ok(file(generateDocs(model, problems), 'p/PRODUCT.md').includes('# \\\\u001B\\[2JP\\\\u009B1m\\\\u202E'), 'shown, not dropped');
    });
});

describe('Docs of a spec whose every text is hostile', () => {
    let files: DocFile[];
    let page: string;
    before(async () => {
        const { model, problems } = await loadSpec({ 'evil.product': hostileSpec() });
        assert.deepEqual(problems.map(p => p.code), [], 'the hostile spec is valid');
        files = generateDocs(model, problems);
        page = file(files, 'evil/PRODUCT.md');
    });

    it('keeps tables whole and lets no HTML, link, code or math through', () => {
        for (const f of files) {
            assertTablesWhole(f.content);
            assertNoInjection(f.content);
        }
    });

    it('shows the text as written, on one line', () => {
        assert.ok(page.includes('\n# Evil \\| Co \\` \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) "q" next end %% #35; ; : {}\n'));
        assert.ok(page.includes('\n**Vision.** \\# not a heading \\<img src=x onerror=alert(1)\\> \\| \\`code\\` \\$x\\$\n'));
        assert.ok(page.includes('| \\| need \\| with pipes \\| (`graph`) | 9 | 2 | 16 |'));
        assert.ok(page.includes('| 1\\. not a list (`subgraph`) |'));
        assert.ok(page.includes('### \\> quote persona\n'));
        assert.ok(page.includes('### \\*bold\\* \\_it\\_ \\~\\~strike\\~\\~ (`fy`)\n'));
        assert.ok(file(files, 'index.md').includes('| [Evil \\| Co \\` \\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) "q" next end %% #35; ; : {}](evil/PRODUCT.md) (`evil`) |'));
    });

    it('writes diagrams that Mermaid parses and that draw the text as written', async () => {
        const [grid, value, kano, gantt, flow, monthly, cumulative] = await diagrams(page);
        const line = (text: string) => text.replace(/\n/g, ' ');
        assert.deepEqual(grid.labels, ['end', '%%{init: {"theme":"dark"}}%…', 'Title: with colon; and #…']);
        assert.deepEqual(value.labels, ['end', 'section Hack', 'a | b ` c <script>alert(1…', '[x](javascript:alert(1))…']);
        assert.deepEqual(kano.labels, ['end']);
        assert.deepEqual(gantt.groups, [line(HOSTILE.release)], 'the release is one section; no task became a section');
        assert.deepEqual(gantt.labels, [HOSTILE.featureTitle, 'end', 'section Hack', HOSTILE.featurePipe, `${line(HOSTILE.release)} ships`]);
        assert.deepEqual(gantt.tags, ['done', 'crit', '', 'active', 'milestone'], 'shipped first, then by rank');
        assert.deepEqual(flow.labels, ['end', 'section Hack', HOSTILE.featurePipe, HOSTILE.featureLink]);
        const [roadmap] = await diagrams(file(files, 'index.md'));
        assert.deepEqual(roadmap.groups, [`${line(HOSTILE.product).slice(0, 27)}…`], 'the product is one section of the portfolio roadmap');
        assert.deepEqual(roadmap.labels, [line(HOSTILE.release)]);
        assert.deepEqual([monthly.groups[0], cumulative.groups[0]], [`${HOSTILE.forecast}: revenue, cost and profit by month`, `${HOSTILE.forecast}: cumulative profit`]);
    });

    it('never writes a quote, a line break or an unescaped # inside a diagram label', () => {
        for (const block of mermaidBlocks(page)) {
            // The front matter (sizes and colours) is ours, not spec text.
            const body = block.replace(/^---\n[\s\S]*?\n---\n/, '');
            for (const label of body.matchAll(/"([^"\n]*)"/g)) assert.doesNotMatch(label[1].replace(/#\d+;/g, ''), /[#<>`%;:|[\]{}]/, label[1]);
        }
        assert.ok(page.includes(`  f3["${mermaidText(HOSTILE.featurePipe)}"]`));
    });
});

describe('Docs of specs with problems or gaps', () => {
    it('list errors and warnings under Open problems, and count them in the index', async () => {
        const { model, problems } = await loadSpec({
            'p.product': 'product p "P" {\n  stakeholder s "S"\n  feature a "A" { requestedBy s rice { reach 10 impact huge confidence 80% effort 1 } }\n  feature b "B" { }\n}\n',
            'shared.product': 'metric lonely "Lonely" { baseline 1 current 2 target 3 }\n'
        });
        const files = generateDocs(model, problems);
        const page = file(files, 'p/PRODUCT.md');
        assert.ok(page.includes('[Portfolio](../index.md) › P · [2 open problems](#open-problems) (1 error)'));
        assert.ok(page.includes('What the spec itself reports as unresolved: 1 error and 1 warning. With errors, some numbers above may be incomplete.'));
        assert.match(page, /\| \*\*error\*\* \| p\.product:3:49 \| `bad-impact` \| Impact 'huge' is not on the RICE scale/);
        assert.match(page, /\| warning \| p\.product:4:11 \| `orphan-feature` \| Feature b addresses no need/);
        const index = file(files, 'index.md');
        assert.ok(index.includes('| [2 problems, 1 error](p/PRODUCT.md#open-problems) |'));
        assert.match(index, /## Open problems outside any product\n\n\| Severity \| Where \| Code \| Problem \|\n\| --- \| --- \| --- \| --- \|\n\| warning \| shared\.product:1:8 \| `unused-metric` \|/);
        assert.ok(page.includes(`| A | – | ${nb('10 × huge × 80% ÷ 1, an input is invalid')} | – |`), 'a score that cannot be computed says why');
        assert.ok(page.includes(`| B | – | ${nb('missing rice reach, rice impact, rice confidence, rice effort')} | – |`));
    });

    it('say plainly what a bare product lacks, with no diagram', async () => {
        const { model, problems } = await loadSpec({ 'p.product': 'product bare { }\n' });
        const page = file(generateDocs(model, problems), 'bare/PRODUCT.md');
        assert.deepEqual(mermaidBlocks(page), []);
        for (const text of ['The spec states no vision or strategy yet.', 'No objectives yet.', 'No stakeholders yet.', 'No personas or needs yet.',
            'Nothing in the backlog.', 'No releases planned yet.', 'No feature requires another.', 'No metrics yet.', 'No forecasts yet.']) {
            assert.ok(page.includes(text), text);
        }
        assert.ok(page.startsWith(`${GENERATED_MARKER}\n\n# \`bare\`\n`));
    });

    it('write only the index for a workspace without products', async () => {
        const { model } = await loadSpec({ 'people.product': 'stakeholder pat "Pat" { group customer }\n' });
        const files = generateDocs(model);
        assert.deepEqual(files.map(f => f.path), ['index.md']);
        assert.ok(files[0].content.includes('The specs declare no product yet.'));
    });

    it('leave a release whose date is not a calendar date off the timeline, and say so', async () => {
        const { model, problems } = await loadSpec({
            'p.product': 'product p "P" {\n  stakeholder s\n  release a "A" { date 2027-02-30 }\n  release b "B" { date 2027-04-01 }\n  feature f "F" { release b effort 1 requestedBy s }\n}\n'
        });
        assert.deepEqual(problems.map(p => p.code), ['out-of-range']);
        const page = file(generateDocs(model, problems), 'p/PRODUCT.md');
        const [gantt] = await diagrams(page);
        assert.equal(gantt.type, 'gantt');
        assert.deepEqual(gantt.groups, ['B']);
        assert.deepEqual(gantt.values, ['2027-01-01..2027-04-01', '2027-04-01..2027-04-01']);
        assert.ok(page.includes('| A (`a`) | 2027-02-30 (not a date) |'));
        assert.ok(page.includes('Not on the timeline (no valid date): A.'));
    });

    it('mark features on a dependency cycle', async () => {
        const { model, problems } = await loadSpec({ 'p.product': 'product p "P" {\n  feature a "A" { requires b }\n  feature b "B" { requires a }\n}\n' });
        const page = file(generateDocs(model, problems), 'p/PRODUCT.md');
        assert.ok(page.includes('  classDef cycle stroke:#cc0000,stroke-width:3px\n  class f1,f2 cycle'));
        assert.ok(page.includes('red ones are on a dependency cycle, which is an error.'));
        const [flow] = await diagrams(page);
        assert.deepEqual(flow.labels, ['B', 'A']);
    });
});

describe('Docs of a product named in another script (issue 10)', () => {
    it('write café/PRODUCT.md and link to it percent-encoded, with names in any script as code', async () => {
        const { model, problems } = await loadSpec({
            'c.product': 'product café "Café Müller" {\n  stakeholder zoë "Zoë" { group customer }\n  release v1 "One" { date 2027-01-01 capacity 5 }\n  feature 東京 "Tokyo office" { release v1 requestedBy zoë rice { reach 10 impact low confidence 50% effort 1 } }\n}\n'
        });
        assert.deepEqual(problems, []);
        const files = generateDocs(model, problems);
        assert.deepEqual(files.map(f => f.path), ['index.md', 'café/PRODUCT.md']);
        assert.ok(file(files, 'index.md').includes('[Café Müller](caf%C3%A9/PRODUCT.md) (`café`)'));
        assert.ok(file(files, 'café/PRODUCT.md').includes('- **Tokyo office** (`東京`)'));
        for (const page of files) for (const diagram of await diagrams(page.content)) assert.ok(diagram.type, page.path);
    });
});
