import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatFixed, formatNumber } from '@product-spec/language';
import { AUDIENCES, docPages, generateDocPage, generateDocs, GENERATED_MARKER, type Audience, type DocFile } from '../src/index.js';
import { assertNoInjection, assertTablesWhole, diagrams, exampleFiles, hostileSpec, loadSpec, type Loaded } from './helpers.js';

const headings = (content: string) => content.split('\n').filter(line => line.startsWith('## ')).map(line => line.slice(3));
const page = (files: readonly DocFile[], path: string) => files.find(f => f.path === path)!.content;

const PRODUCT_SECTIONS: Record<Exclude<Audience, 'board'>, string[]> = {
    full: ['Overview', 'Stakeholders', 'Personas and needs', 'Backlog', 'Roadmap', 'Metrics', 'Business case', 'Traceability', 'Open problems'],
    engineering: ['Backlog', 'Dependencies', 'Releases', 'Open problems'],
    commercial: ['Overview', 'Launches', 'Business case', 'Metrics and objectives'],
    customer: ['Roadmap', 'Release notes']
};

describe('The docs for each audience', () => {
    let examples: Loaded;
    let hostile: Loaded;
    before(async () => {
        hostile = await loadSpec({ 'evil.product': hostileSpec() });
        examples = await loadSpec(await exampleFiles());
    });

    for (const audience of AUDIENCES) {
        it(`${audience}: the same file names (the board: index.md only), the marker, the sections, diagrams Mermaid parses, text escaped`, async () => {
            for (const { model, problems } of [examples, hostile]) {
                const files = generateDocs(model, problems, { audience });
                assert.deepEqual(files.map(f => f.path), audience === 'board' ? ['index.md'] : ['index.md', ...model.products.map(p => `${p.name}/PRODUCT.md`)]);
                for (const f of files) {
                    assert.ok(f.content.startsWith(`${GENERATED_MARKER}\n\n`), f.path);
                    assertTablesWhole(f.content);
                    assertNoInjection(f.content);
                    await diagrams(f.content);
                    if (f.path !== 'index.md') assert.deepEqual(headings(f.content), PRODUCT_SECTIONS[audience as Exclude<Audience, 'board'>], f.path);
                }
            }
        });
    }

    it('full is what generateDocs gives without options, and generateDocPage gives each page alone', () => {
        const { model, problems } = examples;
        assert.deepEqual(generateDocs(model, problems, { audience: 'full' }), generateDocs(model, problems));
        for (const audience of AUDIENCES) {
            const files = generateDocs(model, problems, { audience });
            assert.deepEqual(docPages(model, { audience }).map(p => generateDocPage(model, p, problems, { audience })), files);
        }
        assert.equal(generateDocPage(model, model.products[0], problems, { audience: 'board' }).path, 'index.md', 'the board has one page');
    });

    it('engineering: the backlog in rank order with efforts and what each requires and unblocks, releases with load, the problems', () => {
        const acme = page(generateDocs(examples.model, examples.problems, { audience: 'engineering' }), 'acme/PRODUCT.md');
        assert.ok(acme.includes('| 3 | Single sign-on | `auth` | 1,500 | 3,200 | 2 | should | idea | MVP | – | Bulk export to CSV, Team roles and permissions and Public API |'));
        assert.ok(acme.includes('| MVP (`mvp`) | 2027-03-01 | launch | 12 of 12 (100%) | 58% |'));
        assert.ok(acme.includes('```mermaid\nflowchart LR\n'));
        assert.ok(acme.includes('Not in the backlog: PDF export (shipped) and Drag-and-drop report builder (dropped).'));
    });

    it('commercial: the launches in the customers\' words, the business case with its charts, the objectives with progress', () => {
        const acme = page(generateDocs(examples.model, examples.problems, { audience: 'commercial' }), 'acme/PRODUCT.md');
        assert.ok(acme.includes('### MVP · 2027-03-01 · launch\n\nReporting for owners and their bookkeepers.\n\nFor Small-business owner, Finance lead and Freelance bookkeeper.\n'));
        assert.ok(acme.includes('- **Bulk export to CSV**: Export every report as CSV in one click. *For*: Share numbers with clients in their format (Freelance bookkeeper).'));
        assert.ok(!acme.includes('Dark mode'), 'a won\'t is not a launch');
        assert.ok(acme.includes('xychart-beta'));
        assert.ok(acme.includes('| Win self-serve small businesses (`grow_smb`) | 24% | Weekly active teams (23.08%), Trial-to-paid conversion (25%) |'));
        assert.ok(!acme.includes('RICE') && !acme.includes('Open problems'));
    });

    it('board: one page with the rollup, objectives, the P&L with break-even and the risks', async () => {
        const [board] = generateDocs(examples.model, examples.problems, { audience: 'board' });
        assert.deepEqual(headings(board.content), ['Rollup', 'Acme Analytics', 'Team Notes', 'Calendar Sync']);
        assert.ok(board.content.includes('| Second year, with the first finance teams | 12 | 593,519.32 | 600,103.22 | -6,583.91 | -1.11% | month 8 | not within 12 months |'));
        assert.ok(!board.content.includes('](acme/PRODUCT.md)'), 'no link to pages the board folder does not have');
        assert.deepEqual((await diagrams(board.content)).map(d => d.groups[0]), ['First year: cumulative profit', 'Second year, with the first finance teams: cumulative profit']);
    });
});

describe('The board\'s risks', () => {
    it('name releases over capacity or with too many musts, musts in no release, prerequisites of another product that come too late', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  stakeholder s
  release r1 "First" { date 2027-01-01 capacity 3 }
  feature a "A" { requestedBy s release r1 moscow must effort 3 }
  feature b "B" { requestedBy s release r1 effort 1 }
  feature c "C" { requestedBy s moscow must effort 1 }
  feature d "D" { requestedBy s release r1 effort 1 requires q.x }
}
product q "Q" {
  stakeholder t
  release later "Later" { date 2027-06-01 }
  feature x "X" { requestedBy t release later effort 1 }
}
`
        });
        const [board] = generateDocs(model, problems, { audience: 'board' });
        assert.ok(board.content.includes('**Note**: the specs have 1 error, so some figures below may be incomplete.'), 'the release-order error');
        const p = board.content.slice(board.content.indexOf('## P'), board.content.indexOf('## Q'));
        assert.ok(p.includes('- **Over capacity**: First holds 5 person-months of work for a capacity of 3 (over by 2).'));
        assert.ok(p.includes('- **Must share**: musts are 60% of First\'s load') === false, '60% is at the limit, not above it');
        assert.ok(p.includes('- **Unplanned musts**: C is in no release.'));
        assert.ok(p.includes('- **Waits for another product**: D (First) needs X of Q, which ships later (2027-06-01).'));
    });
});

describe('The customer roadmap', () => {
    it('is Now, Next and Later from the releases and statuses alone, with release notes of what shipped', async () => {
        const { model, problems } = await loadSpec({
            'p.product': `product p "P" {
  vision "Calm books."
  stakeholder s
  release done "Done" { date 2026-01-01 }
  release one "One" { date 2026-06-01 }
  release two "Two" { date 2026-09-01 }
  release three "Three" { date 2027-01-01 }
  release open "Open date" { }
  feature shipped1 "Old thing" { requestedBy s release done status shipped description "It works." effort 1 }
  feature a "A" { requestedBy s release one status building effort 1 }
  feature half "Half" { requestedBy s release one status shipped effort 1 }
  feature b "B" { requestedBy s release two effort 1 }
  feature c "C" { requestedBy s release three effort 1 }
  feature u "Undated" { requestedBy s release open effort 1 }
  feature w "Not this time" { requestedBy s release two moscow wont effort 1 }
  feature x "Gone" { requestedBy s release two status dropped effort 1 }
  feature y "Being built" { requestedBy s status building effort 1 }
  feature z "Idea" { requestedBy s effort 1 }
}
`
        });
        const files = generateDocs(model, problems, { audience: 'customer' });
        const p = page(files, 'p/PRODUCT.md');
        const section = (from: string, to: string) => p.slice(p.indexOf(from), p.indexOf(to));
        assert.equal(section('### Now', '### Next'), '### Now\n\nIn One.\n\n- **A**.\n- **Being built**.\n\n');
        assert.equal(section('### Next', '### Later'), '### Next\n\nIn Two.\n\n- **B**.\n\n');
        assert.equal(section('### Later', '## Release notes'), '### Later\n\n- **C**.\n- **Undated**.\n- **Idea**.\n\n');
        assert.ok(p.endsWith('### One\n\n- **Half**.\n\n### Done\n\n- **Old thing**: It works.\n'), 'latest release first');
        assert.ok(p.includes('\n\nCalm books.\n\n## Roadmap'));
        assert.ok(!p.includes('Not this time') && !p.includes('Gone'));
        assert.ok(page(files, 'index.md').includes('| [P](p/PRODUCT.md) | Calm books. | One |'));
    });

    /**
     * Specs with a marker in every field the customer view must never show: scores and
     * their inputs, efforts and capacities, prices, costs and forecasts, stakeholders
     * (names, titles, roles), dropped features and the spec's problems. The public fields
     * carry markers too, so that the test sees the page is not simply empty.
     */
    const spec = fc.record({
        features: fc.array(fc.record({
            status: fc.constantFrom('idea', 'planned', 'building', 'shipped', 'dropped'),
            moscow: fc.constantFrom('must', 'should', 'could', ''),
            release: fc.nat(2),
            described: fc.boolean(),
            requested: fc.boolean(),
            broken: fc.boolean()
        }), { minLength: 1, maxLength: 6 }),
        stakeholders: fc.integer({ min: 1, max: 3 }),
        forecast: fc.boolean()
    });

    it('never shows a score, an effort, a cost, a price, a forecast, a stakeholder, a dropped feature or a problem', async () => {
        await fc.assert(fc.asyncProperty(spec, async ({ features, stakeholders, forecast }) => {
            const people = Array.from({ length: stakeholders }, (_, i) =>
                `  stakeholder s${i} "SECRETPERSON${i}" { group ${['engineering', 'commercial', 'customer'][i % 3]} role "SECRETROLE${i}" influence high interest low }`);
            const body = features.map((f, i) => {
                const dropped = f.status === 'dropped';
                const title = dropped ? `SECRETDROPPED${i}` : `PUBLICFEATURE${i}`;
                return `  feature f${i} "${title}" {
    status ${f.status}${f.moscow ? ` moscow ${f.moscow}` : ''}${f.release > 0 ? ` release r${f.release}` : ''}
    ${f.described ? `description "${dropped ? 'SECRETDROPDESC' : 'PUBLICDESC'}${i}"` : ''}
    rice { reach ${7770001 + i} impact high confidence 80% effort ${4.73 + i} }
    wsjf { value 20 criticality 40 risk 100 size 3 }
    addresses need${i % 2}
    ${f.requested ? `requestedBy s${i % stakeholders}` : ''}
    ${f.broken ? `requires SECRETMISSING${i}` : ''}
  }`;
            });
            const text = `product p "PUBLICPRODUCT" {
  vision "PUBLICVISION"
  strategy "SECRETSTRATEGY"
  manager s0
  currency SECRETCURRENCY
${people.join('\n')}
  persona buyer "PUBLICPERSONA" { size 123457 }
  need need0 "PUBLICNEED0" { persona buyer importance 9.37 satisfaction 1.23 }
  need need1 "PUBLICNEED1" { persona buyer importance 8.37 satisfaction 2.23 }
  release r1 "PUBLICRELEASE1" { date 2027-01-01 capacity 9191 }
  release r2 "PUBLICRELEASE2" { date 2027-06-01 capacity 9292 }
${body.join('\n')}
${forecast ? '  forecast fc "SECRETFORECAST" { description "SECRETFORECASTDESC" months 3 price 8765.43 customers 4321 growth 7% churn 3% cost fixed 98765 cost variable 55.55 }' : ''}
  scoring { method rice }
}
`;
            const { model, problems } = await loadSpec({ 'secret-file.product': text });
            const files = generateDocs(model, problems, { audience: 'customer' });
            const all = files.map(f => f.content).join('\n');
            const product = model.products[0];
            const forbidden = [
                'SECRET', 'secret-file', ...problems.map(p => p.code), 'Open problems',
                ...features.flatMap((_, i) => [String(7770001 + i), formatNumber(7770001 + i), formatNumber(4.73 + i)]),
                ...product.features.flatMap(f => [f.rice, f.wsjf, f.opportunity].filter((v): v is number => v !== null).map(v => formatNumber(v))),
                '9191', '9,191', '9292', '9,292', '9.37', '8.37', '123,457', '123457', '8765.43', '8,765.43', '98,765', '55.55', '4,321',
                ...product.forecasts.flatMap(f => f.result?.months.flatMap(m => [formatFixed(m.revenue), formatFixed(m.cost), formatFixed(m.profit)]) ?? [])
            ];
            // (Numbers of three characters or fewer, such as a WSJF of 2, would be found in any date.)
            for (const marker of forbidden.filter(m => m.length > 3)) assert.ok(!all.includes(marker), `the customer page shows ${marker}`);
            // What customers may see is there.
            for (const marker of ['PUBLICPRODUCT', 'PUBLICVISION']) assert.ok(all.includes(marker), marker);
            features.forEach((f, i) => {
                if (f.status !== 'dropped') assert.ok(all.includes(`PUBLICFEATURE${i}`), `feature ${i} (${f.status}) is missing`);
            });
        }), { numRuns: 60, seed: 16 });
    });
});
