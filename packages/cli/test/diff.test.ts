import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { forecast } from '@product-spec/language';
import { buildSides, sideOf, type DiffSide } from '../src/diff-sides.js';
import { buildSpecWorkspace } from '../src/workspace.js';
import { diffMarkdown } from '../src/diff-format.js';
import { examples, run, runBinary } from './helpers.js';

// Real git repositories in temporary folders. Git is run with a fixed identity and dates and
// without the machine's configuration, so that the tests depend on nothing but git itself.
const GIT_ENV = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z'
};

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
        { cwd, env: GIT_ENV, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
}

function write(dir: string, files: Record<string, string>): void {
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    }
}

/** A repository with one commit per set of files (each set written over the last, then committed). */
function repository(...commits: Array<Record<string, string>>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'product-spec-diff-'));
    git(dir, 'init', '-q', '-b', 'main');
    commits.forEach((files, index) => {
        write(dir, files);
        git(dir, 'add', '-A');
        git(dir, 'commit', '-q', '-m', `commit ${index + 1}`);
    });
    return dir;
}

const short = (dir: string, revision: string) => git(dir, 'rev-parse', '--short=7', revision).trim();

const PRODUCT = (churn: string) => `product shop "Shop" {
  stakeholder pm "PM" { group engineering }
  release r1 "First" { date 2027-01-01 capacity 4 }
  scoring { method rice }
  forecast fy "Year one" { months 12 price 10 customers 100 growth 10% churn ${churn} cost fixed 1500 }
}
`;

/** Scores: a 200, b 150, c 100, d 20, z 0.05. z requests a stakeholder that does not exist. */
const FEATURES_1 = `product shop {
  feature a "Alpha" { release r1 requestedBy pm rice { reach 100 impact high confidence 100% effort 1 } }
  feature b "Beta" { release r1 requestedBy pm rice { reach 150 impact high confidence 100% effort 2 } }
  feature c "Gamma" { release r1 requestedBy pm rice { reach 50 impact high confidence 100% effort 1 } }
  feature d "Delta" { requestedBy pm rice { reach 10 impact high confidence 100% effort 1 } }
  feature z "Zeta" { requestedBy pm, ghost rice { reach 1 impact low confidence 50% effort 5 } }
}
`;

/**
 * c's reach 50 → 200 (it rises, a falls behind it); b now requires d, which inherits b's
 * score and moves into r1 (now over capacity); z renamed, its unknown stakeholder gone.
 */
const FEATURES_2 = `product shop {
  feature a "Alpha" { release r1 requestedBy pm rice { reach 100 impact high confidence 100% effort 1 } }
  feature b "Beta" { release r1 requestedBy pm requires d rice { reach 150 impact high confidence 100% effort 2 } }
  feature c "Gamma" { release r1 requestedBy pm rice { reach 200 impact high confidence 100% effort 1 } }
  feature d "Delta" { release r1 requestedBy pm rice { reach 10 impact high confidence 100% effort 1 } }
  feature z "Zeta, renamed" { requestedBy pm rice { reach 1 impact low confidence 50% effort 5 } }
}
`;

function shopRepository(): string {
    return repository(
        {
            'specs/product.product': PRODUCT('2%'),
            'specs/backlog/features.product': FEATURES_1,
            // Not specs: the search skips dot-folders and node_modules at every revision.
            'specs/.drafts/draft.product': 'garbage {',
            'specs/node_modules/dep/dep.product': 'garbage {',
            'README.md': 'A shop.'
        },
        { 'specs/product.product': PRODUCT('5%'), 'specs/backlog/features.product': FEATURES_2 }
    );
}

const fy = (churn: number) => forecast({ months: 12, price: 10, customers: 100, growth: 0.1, churn, fixedCost: 1500, variableCost: 0 });

describe('product-spec diff', () => {
    let repo: string;
    before(() => { repo = shopRepository(); });

    it('compares two revisions: every changed input, each rank with its cause, releases, forecasts, diagnostics (exact JSON)', async () => {
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--', 'specs'], repo);
        assert.equal(result.stderr, '');
        assert.equal(result.code, 0);
        const [before, after] = [fy(0.02), fy(0.05)];
        assert.deepEqual(JSON.parse(result.stdout), {
            base: short(repo, 'HEAD~1'),
            head: short(repo, 'HEAD'),
            products: [{
                name: 'shop',
                features: [
                    { name: 'c', change: 'changed', rank: [3, 1], score: [100, 400], inputs: [{ property: 'rice.reach', from: 50, to: 200 }],
                        cause: 'own-score', title: 'Gamma', effectiveScore: [100, 400] },
                    { name: 'a', change: 'changed', rank: [1, 2], score: [200, 200], inputs: [],
                        cause: 'others', passedBy: ['c'], fellBehind: [], title: 'Alpha', effectiveScore: [200, 200] },
                    { name: 'd', change: 'changed', rank: [4, 3], score: [20, 20], inputs: [{ property: 'release', from: null, to: 'r1' }],
                        cause: 'inherited', from: 'b', title: 'Delta', effectiveScore: [20, 150] },
                    { name: 'b', change: 'changed', rank: [2, 4], score: [150, 150], inputs: [{ property: 'requires', from: null, to: 'd' }],
                        cause: 'own-score', title: 'Beta', effectiveScore: [150, 150] }
                ],
                releases: [
                    { name: 'r1', change: 'changed', load: [4, 5], capacity: [4, 4], overCapacity: [false, true], date: ['2027-01-01', '2027-01-01'], title: 'First' }
                ],
                forecasts: [{
                    name: 'fy', change: 'changed',
                    totals: {
                        revenue: [before.totals.revenue, after.totals.revenue],
                        cost: [18000, 18000],
                        profit: [before.totals.profit, after.totals.profit]
                    },
                    margin: [before.totals.margin, after.totals.margin],
                    breakEvenMonth: [7, 10],
                    cumulativeBreakEvenMonth: [11, null],
                    inputs: [{ property: 'churn', from: 0.02, to: 0.05 }],
                    title: 'Year one'
                }],
                change: 'changed',
                title: 'Shop',
                method: 'rice',
                assignments: [{ feature: 'd', property: 'release', from: null, to: 'r1' }],
                scoring: [],
                // HEAD's plan fits r1's capacity of 4 with c, a and d (620): b leaves r1; BASE's plan was the spec's.
                planMoves: [{ feature: 'b', from: 'r1', to: null }]
            }],
            diagnostics: {
                introduced: [{
                    file: path.join('specs', 'product.product'), line: 3, column: 40, endLine: 3, endColumn: 50, severity: 'warning', code: 'over-capacity',
                    message: 'Release r1 is over capacity: its load is 5 person-months, 1 more than its capacity of 4. Move features out or raise the capacity.'
                }],
                resolved: [{
                    file: path.join('specs', 'backlog', 'features.product'), line: 6, column: 38, endLine: 6, endColumn: 43, severity: 'error', code: 'unresolved-reference',
                    message: "No stakeholder named 'ghost' in product shop or at the top level: declare it, or name an existing stakeholder."
                }]
            }
        });
        // z only changed its title (and lost a stakeholder): its score and rank did not change, so it is not listed.
        assert.equal(JSON.parse(result.stdout).products[0].features.some((f: { name: string }) => f.name === 'z'), false);
    });

    it('writes a pull-request comment: the summary line first, then tables (exact markdown)', async () => {
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown', '--', 'specs'], repo);
        assert.equal(result.code, 0);
        assert.equal(result.stdout, [
            '4 features re-ranked; 1 feature moved release; 1 new plan move in shop; r1 over capacity; fy break-even month 7 → 10, cumulative break-even month 11 → none; 1 new warning, 1 resolved',
            '',
            `Compared \`${short(repo, 'HEAD~1')}\` → \`${short(repo, 'HEAD')}\`.`,
            '',
            '### Shop (`shop`) · ranked by RICE',
            '',
            '**Features**',
            '',
            '| Feature | Rank | RICE | Changed inputs | Why |',
            '| --- | ---: | ---: | --- | --- |',
            '| Gamma (`c`) | 3 → 1 | 100 → 400 | rice.reach 50 → 200 | own score |',
            '| Delta (`d`) | 4 → 3 | 20 (effective 20 → 150) | release none → r1 | inherited from `b` |',
            '| Beta (`b`) | 2 → 4 | 150 | requires +d | own score |',
            '',
            "**Moved by others' changes**",
            '',
            '| Feature | Rank | RICE | Changed inputs | Why |',
            '| --- | ---: | ---: | --- | --- |',
            '| Alpha (`a`) | 1 → 2 | 200 | – | passed by `c` |',
            '',
            '**Release, status and MoSCoW**',
            '',
            '| Feature | Property | Before | After |',
            '| --- | --- | --- | --- |',
            '| `d` | release | none | r1 |',
            '',
            '**Releases**',
            '',
            '| Release | Date | Load | Capacity | Over capacity |',
            '| --- | --- | ---: | ---: | --- |',
            '| First (`r1`) | 2027-01-01 | 4 → 5 | 4 | no → yes |',
            '',
            '**Forecasts**',
            '',
            '| Forecast | Revenue | Profit | Margin | Break-even month | Cumulative break-even | Changed inputs |',
            '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
            '| Year one (`fy`) | 18,977.13 → 15,917.13 | 977.13 → -2,082.87 | 5.15% → -13.09% | 7 → 10 | 11 → – | churn 2% → 5% |',
            '',
            '**New plan moves**',
            '',
            '| Feature | From | To |',
            '| --- | --- | --- |',
            '| `b` | `r1` | unplanned |',
            '',
            '### Diagnostics',
            '',
            '|  | Where | Severity | Code | Message |',
            '| --- | --- | --- | --- | --- |',
            '| introduced | specs/product.product:3 | warning | `over-capacity` | Release r1 is over capacity: its load is 5 person-months, 1 more than its capacity of 4. Move features out or raise the capacity. |',
            "| resolved | specs/backlog/features.product:6 | error | `unresolved-reference` | No stakeholder named 'ghost' in product shop or at the top level: declare it, or name an existing stakeholder. |",
            ''
        ].join('\n'));
    });

    it('prints text for a terminal, with the summary on the first line', async () => {
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--', 'specs'], repo);
        assert.equal(result.code, 0);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], `${short(repo, 'HEAD~1')} → ${short(repo, 'HEAD')}: 4 features re-ranked; 1 feature moved release; 1 new plan move in shop; r1 over capacity; fy break-even month 7 → 10, cumulative break-even month 11 → none; 1 new warning, 1 resolved`);
        assert.ok(lines.includes('d (Delta)  4 → 3  20 (effective 20 → 150)  release none → r1    inherited from b'), result.stdout);
        assert.ok(lines.includes('b (Beta)   2 → 4                      150  requires +d          own score'), result.stdout);
    });

    it('compares HEAD with the working tree by default, from a subfolder, and touches neither the working tree nor the index', async () => {
        const dir = shopRepository();
        // Uncommitted: a line inserted above the over-capacity warning (the same warning, not a new one),
        // a new file with a feature that passes z, and a resolved reference broken again.
        write(dir, {
            'specs/product.product': `// The shop.\n${PRODUCT('5%')}`,
            'specs/backlog/more.product': 'product shop {\n  feature n "New" { requestedBy pm, nobody rice { reach 2 impact high confidence 100% effort 1 } }\n}\n'
        });
        // (--no-optional-locks: git status itself must not refresh the index.)
        const status = git(dir, '--no-optional-locks', 'status', '--porcelain=v1', '-uall');
        const stamps = mtimes(dir);
        const result = await run(['diff', '--format', 'json'], path.join(dir, 'specs'));
        assert.equal(result.code, 1, 'HEAD (the working tree) has an error');
        assert.equal(result.stderr, "The specs have 1 error; results may be incomplete. Run 'product-spec validate' to see them.\n");
        const report = JSON.parse(result.stdout);
        assert.equal(report.base, short(dir, 'HEAD'));
        assert.equal(report.head, 'working tree');
        assert.deepEqual(report.products[0].features, [
            { name: 'n', change: 'added', rank: [null, 5], score: [null, 4], inputs: [], cause: null, title: 'New', effectiveScore: [null, 4] },
            { name: 'z', change: 'changed', rank: [5, 6], score: [0.05, 0.05], inputs: [], cause: 'others', passedBy: ['n'], fellBehind: [], title: 'Zeta, renamed', effectiveScore: [0.05, 0.05] }
        ]);
        assert.deepEqual(report.products[0].releases, []);
        assert.deepEqual(report.diagnostics, {
            introduced: [{
                file: ['.', 'backlog', 'more.product'].join(path.sep), line: 2, column: 37, endLine: 2, endColumn: 43, severity: 'error', code: 'unresolved-reference',
                message: "No stakeholder named 'nobody' in product shop or at the top level: declare it, or name an existing stakeholder."
            }],
            resolved: []
        });
        assert.deepEqual(mtimes(dir), stamps);
        assert.equal(git(dir, '--no-optional-locks', 'status', '--porcelain=v1', '-uall'), status);
    });

    it('takes paths relative to the current folder, files and folders alike, at both revisions', async () => {
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json', '--', path.join('..', 'product.product'), '.'], path.join(repo, 'specs', 'backlog'));
        assert.equal(result.code, 0);
        const { introduced, resolved } = JSON.parse(result.stdout).diagnostics;
        assert.deepEqual([...introduced, ...resolved].map((d: { file: string; code: string }) => `${d.file} ${d.code}`),
            [`${path.join('..', 'product.product')} over-capacity`, `${['.', 'features.product'].join(path.sep)} unresolved-reference`]);
    });

    it('says when nothing changed (exit 0)', async () => {
        const result = await run(['diff', '--format', 'markdown'], repo);
        assert.equal(result.code, 0);
        assert.equal(result.stdout, `No change in priorities, releases, forecasts or diagnostics.\n\nCompared \`${short(repo, 'HEAD')}\` → working tree.\n`);
    });

    it('reports added and removed products and features between revisions', async () => {
        const dir = repository(
            { 'a.product': 'product p "P" {\n  stakeholder s "S"\n  feature x "X" { requestedBy s rice { reach 10 impact high confidence 100% effort 1 } }\n}\n' },
            {
                'a.product': 'product p "P" {\n  stakeholder s "S"\n  feature y "Y" { requestedBy s rice { reach 10 impact high confidence 100% effort 1 } }\n}\n',
                'b.product': 'product q "Q" {\n  stakeholder s "S"\n  feature w "W" { requestedBy s }\n}\n'
            }
        );
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], dir);
        assert.equal(result.code, 0);
        const report = JSON.parse(result.stdout);
        assert.deepEqual(report.products.map((p: { name: string; change: string; features: Array<{ name: string; change: string }> }) =>
            [p.name, p.change, p.features.map(f => `${f.name} ${f.change}`)]), [
            ['p', 'changed', ['y added', 'x removed']],
            ['q', 'added', ['w added']]
        ]);
        const markdown = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir);
        assert.equal(markdown.stdout.split('\n')[0], '2 features added, 1 removed; product q added');
    });

    it('escapes spec text in the markdown', async () => {
        const dir = repository(
            { 'a.product': 'product p "P" {\n  stakeholder s "S"\n  feature x "<script>x</script> | `y`" { requestedBy s rice { reach 10 impact high confidence 100% effort 1 } }\n}\n' },
            { 'a.product': 'product p "P" {\n  stakeholder s "S"\n  feature x "<script>x</script> | `y`" { requestedBy s rice { reach 20 impact high confidence 100% effort 1 } }\n}\n' }
        );
        const result = await run(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir);
        assert.ok(result.stdout.includes('| \\<script\\>x\\</script\\> \\| \\`y\\` (`x`) | 1 | 20 → 40 | rice.reach 10 → 20 | own score |'), result.stdout);
    });

    it('cuts a long table of the markdown (a comment has a size limit), saying how many rows are left out', async () => {
        const backlog = (top: number) => `product p "P" {\n  stakeholder s "S"\n${Array.from({ length: 103 }, (_, i) =>
            `  feature f${i} "F${i}" { requestedBy s rice { reach ${i === 102 ? top : 200 - i} impact high confidence 100% effort 1 } }\n`).join('')}}\n`;
        const dir = repository({ 'p.product': backlog(1) }, { 'p.product': backlog(1000) });
        const lines = (await run(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir)).stdout.split('\n');
        assert.equal(lines[0], '103 features re-ranked');
        const others = lines.indexOf("**Moved by others' changes**");
        assert.equal(lines[others + 4], '| F0 (`f0`) | 1 → 2 | 400 | – | passed by `f102` |');
        assert.equal(lines[others + 103], '| F99 (`f99`) | 100 → 101 | 202 | – | passed by `f102` |');
        assert.deepEqual(lines.slice(others + 104, others + 107), ['', '…and 2 more; `--format json` lists every one.', '']);
        const json = JSON.parse((await run(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], dir)).stdout);
        assert.equal(json.products[0].features.length, 103);
    });

    it('shows a change of the scoring method and the plan\'s new moves (once a planner is wired)', () => {
        const lines = diffMarkdown({
            base: 'abc1234', head: 'working tree', diagnostics: { introduced: [], resolved: [] },
            products: [{
                name: 'p', features: [], releases: [], forecasts: [], change: 'changed', title: null, method: 'wsjf', assignments: [],
                scoring: [{ property: 'scoring.method', from: 'rice', to: 'wsjf' }],
                planMoves: [{ feature: 'a', from: 'r1', to: null }, { feature: 'b', from: null, to: 'r2' }]
            }]
        });
        assert.deepEqual(lines, [
            'scoring.method rice → wsjf; 2 new plan moves in p', '', 'Compared `abc1234` → working tree.', '',
            '### `p` · ranked by WSJF', '', 'Scoring: scoring.method rice → wsjf', '',
            '**New plan moves**', '', '| Feature | From | To |', '| --- | --- | --- |', '| `a` | `r1` | unplanned |', '| `b` | unplanned | `r2` |'
        ]);
    });

    it('refuses an unknown revision, a path given as a revision and a third revision (exit 2, one sentence)', async () => {
        const unknown = await run(['diff', 'nope'], repo);
        assert.equal(unknown.code, 2);
        assert.equal(unknown.stderr, "product-spec: Unknown revision 'nope': git has no commit by that name.\n");
        const asPath = await run(['diff', 'specs'], repo);
        assert.equal(asPath.code, 2);
        assert.equal(asPath.stderr, "product-spec: Unknown revision 'specs'; it is a path here: put paths after --, as in 'product-spec diff -- specs'.\n");
        const three = await run(['diff', 'HEAD~1', 'HEAD', 'main'], repo);
        assert.equal(three.code, 2);
        assert.match(three.stderr, /^product-spec: diff takes at most two revisions \(BASE and HEAD\), not 3; put paths after --/);
        assert.equal(unknown.stdout + asPath.stdout + three.stdout, '');
    });

    /** A side with each product's plan moves solved (after the workspace moved on to HEAD: they are plain data). */
    const solved = (side: DiffSide) => ({
        ...side,
        snapshot: { ...side.snapshot, products: side.snapshot.products.map(({ plan, ...product }) => ({ ...product, plan: plan && { key: plan.key, moves: plan.moves() } })) }
    });

    it('updates the workspace from BASE to HEAD in place, with the result of a fresh build of HEAD', async () => {
        const file = (name: string, text: string) => ({ display: name, absolute: path.join(tmpdir(), 'shop', name), text });
        const extra = 'product shop {\n  metric lonely "Lonely" { baseline 1 current 2 target 3 by 2027-01-01 }\n}\n';
        const added = 'product shop {\n  feature n "New" { requestedBy pm, nobody rice { reach 2 impact high confidence 100% effort 1 } }\n}\n';
        const base = [file('product.product', PRODUCT('2%')), file('features.product', FEATURES_1), file('extra.product', extra)];
        const head = [file('product.product', PRODUCT('5%')), file('features.product', FEATURES_2), file('added.product', added)];
        const sides = await buildSides(base, head);
        assert.deepEqual(solved(sides.base), solved(sideOf(await buildSpecWorkspace(base))));
        assert.deepEqual(solved(sides.head), solved(sideOf(await buildSpecWorkspace(head))));
        assert.equal(sides.head.errors, 1);
        const same = await buildSides(head, head);
        assert.equal(same.head, same.base, 'when no file differs, one build serves both sides');
    });

    it('updated in place, the examples give what a fresh build gives, edit after edit', async () => {
        const names = ['acme/business.product', 'acme/customers.product', 'acme/features.product', 'acme/goals.product', 'acme/product.product',
            'acme/roadmap.product', 'acme/stakeholders.product', 'portfolio/notes.product', 'portfolio/shared.product', 'portfolio/sync.product'];
        const base = names.map(name => ({ display: name, absolute: path.join(examples, name), text: readFileSync(path.join(examples, name), 'utf8') }));
        const edit = (name: string, change: (text: string) => string) => base.map(f => (f.display === name ? { ...f, text: change(f.text) } : f));
        const edits = {
            'a raised reach': edit('acme/features.product', t => t.replace('reach 4000', 'reach 6000')),
            'a feature deleted': edit('acme/features.product', t => t.replace(/feature ai_insights[^}]*\}[^}]*\}/, '')),
            'a stakeholder renamed': edit('acme/stakeholders.product', t => t.replace('stakeholder priya ', 'stakeholder priyanka ')),
            'a syntax error': edit('acme/features.product', t => t.replace('moscow must', 'moscow must {')),
            'the releases file removed': base.filter(f => f.display !== 'acme/roadmap.product'),
            'a file added': [...base, { display: 'acme/more.product', absolute: path.join(examples, 'acme/more.product'), text: 'product acme {\n  feature sso2 "More" { requires auth requestedBy priya }\n}\n' }]
        };
        for (const [what, head] of Object.entries(edits)) {
            const sides = await buildSides(base, head);
            assert.notDeepEqual(solved(sides.head).snapshot, solved(sides.base).snapshot, `${what} changes something`);
            assert.deepEqual(solved(sides.head), solved(sideOf(await buildSpecWorkspace(head))), what);
        }
    });

    it('outside a git repository exits 2 with one sentence (the real executable)', () => {
        const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'product-spec-nogit-')));
        write(dir, { 'a.product': 'product p "P" { }\n' });
        const result = runBinary(['diff'], dir);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, `product-spec: ${dir} is not inside a git repository's work tree; diff compares git revisions, so run it in one.\n`);
        assert.equal(result.stdout, '');
    });
});

/** Modification times of every file of the work tree and of git's index. */
function mtimes(dir: string): Record<string, number> {
    const stamps: Record<string, number> = {};
    const walk = (folder: string) => {
        for (const name of readdirSync(folder).sort()) {
            const file = path.join(folder, name);
            if (file === path.join(dir, '.git')) continue;
            const stat = statSync(file);
            if (stat.isDirectory()) walk(file); else stamps[path.relative(dir, file)] = stat.mtimeMs;
        }
    };
    walk(dir);
    stamps['.git/index'] = statSync(path.join(dir, '.git', 'index')).mtimeMs;
    return stamps;
}
