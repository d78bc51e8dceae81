import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { examples, repoRoot, run, runBinary, workspace } from './helpers.js';
import { LspClient } from './support/lsp-client.js';

const INVALID = `product demo "Demo" {
  feature a "A" { requires b }
  feature b "B" { requires a }                                // dependency-cycle on a and b
  feature c "C" { rice { reach 10 impact huge confidence 80% effort 1 } }   // bad-impact
  feature d "D" { rice { reach 10 impact high confidence 120% effort 1 } }  // out-of-range
  feature e "E" { requestedBy nobody }                         // unresolved-reference
}
`;

describe('product-spec validate', () => {
    it('validates the examples with no error and no warning (exit 0)', async () => {
        const result = await run(['validate', examples]);
        assert.equal(result.code, 0);
        assert.equal(result.stdout, '0 errors, 0 warnings in 10 files.\n');
        assert.equal(result.stderr, '');
    });

    it('prints each diagnostic as file:line:col like tsc, and exits 1 on errors', async () => {
        const dir = workspace({ 'specs/demo.product': INVALID });
        const result = await run(['validate', 'specs'], dir);
        assert.equal(result.code, 1);
        assert.equal(result.stdout.split('\n')[0], `${path.join('specs', 'demo.product')}:2:28 - error dependency-cycle: Feature a is on a dependency cycle: a → b → a. Remove one of these requirements.`);
        assert.match(result.stdout, /\n5 errors, 0 warnings in 1 file\.\n$/);
    });

    it('gives the JSON shape of the contract with 1-based positions', async () => {
        const dir = workspace({ 'specs/demo.product': INVALID });
        const result = await run(['validate', './specs/', '--format', 'json'], dir);
        assert.equal(result.code, 1);
        const json = JSON.parse(result.stdout);
        assert.deepEqual(Object.keys(json), ['diagnostics', 'errors', 'warnings']);
        assert.equal(json.errors, 5);
        assert.equal(json.warnings, 0);
        assert.deepEqual(json.diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`),
            ['dependency-cycle@2', 'dependency-cycle@3', 'bad-impact@4', 'out-of-range@5', 'unresolved-reference@6']);
        assert.deepEqual(json.diagnostics[4], {
            file: './specs/demo.product', line: 6, column: 31, endLine: 6, endColumn: 37,
            severity: 'error', code: 'unresolved-reference',
            message: "No stakeholder named 'nobody' in product demo or at the top level: declare it, or name an existing stakeholder."
        });
    });

    it('exits 0 when there are only warnings', async () => {
        const dir = workspace({ 'a.product': 'product p "P" {\n  feature lonely "L" { }\n}\n' });
        const result = await run(['validate', dir, '--format', 'json']);
        assert.equal(result.code, 0);
        const json = JSON.parse(result.stdout);
        assert.equal(json.warnings, 1);
        assert.equal(json.diagnostics[0].severity, 'warning');
        assert.equal(json.diagnostics[0].code, 'orphan-feature');
    });

    it('links files given one by one as one workspace, showing paths as given', async () => {
        const dir = workspace({
            'a.product': 'product acme "Acme" {\n  stakeholder pm "PM"\n}\n',
            'b.product': 'product acme {\n  feature x "X" { requestedBy pm, ghost }\n}\n'
        });
        const result = await run(['validate', './a.product', './b.product'], dir);
        assert.equal(result.code, 1);
        assert.match(result.stdout, /^\.\/b\.product:2:35 - error unresolved-reference: No stakeholder named 'ghost'/);
    });

    it('searches folders for *.product, skipping node_modules and dot-folders', async () => {
        const dir = workspace({
            'specs/good.product': 'product p "P" {\n  stakeholder s "S"\n  feature x "X" { requestedBy s }\n}\n',
            'specs/notes.txt': 'not a spec',
            'specs/node_modules/dep/bad.product': 'garbage {',
            'specs/.hidden/bad.product': 'garbage {'
        });
        const result = await run(['validate', 'specs'], dir);
        assert.equal(result.code, 0);
        assert.equal(result.stdout, '0 errors, 0 warnings in 1 file.\n');
    });

    it('says in one line on stderr that a path does not exist (exit 2)', async () => {
        const result = await run(['validate', 'no/such/place.product']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'product-spec: No such file or folder: no/such/place.product\n');
        assert.equal(result.stdout, '');
    });

    it('rejects an unknown format or option (exit 2)', async () => {
        assert.equal((await run(['validate', examples, '--format', 'xml'])).stderr, 'product-spec: Option --format must be one of text, json, not \'xml\'.\n');
        assert.equal((await run(['validate', examples, '--colour'])).code, 2);
    });

    it('reports random bytes and mangled files as syntax errors: exit 1, no stack trace', () => {
        let seed = 11;
        const bytes = Buffer.from(Array.from({ length: 4000 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256));
        const dir = workspace({
            'random.product': bytes,
            'mangled.product': INVALID.slice(0, 200).replace(/\{/g, '}') + '\u0000\uFFFF',
            'empty.product': ''
        });
        const result = runBinary(['validate', dir, '--format', 'json']);
        assert.equal(result.code, 1);
        assert.equal(result.stderr, '');
        const json = JSON.parse(result.stdout);
        assert.ok(json.errors > 0);
        assert.ok(json.diagnostics.every((d: { code: string }) => d.code === 'syntax' || d.code === 'unresolved-reference' || d.code === 'duplicate-name' || d.code === 'too-many-problems'));
        assert.doesNotMatch(result.stdout + result.stderr, /\bat .*\.js:\d+/);
    });
});

describe('product-spec rank', () => {
    it('prints the ranking of the examples as an aligned table', async () => {
        const result = await run(['rank', path.join(examples, 'acme')]);
        assert.equal(result.code, 0);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], 'acme — Acme Analytics · ranked by RICE');
        assert.match(lines[1], /^ #  Feature +Title +RICE +Effective +MoSCoW +Kano +Effort +Release +Status +Requires$/);
        assert.match(lines[3], /^ 1  bank_import +Bank feed import +4,500 +4,500 +must +– +2 +mvp +building +–$/);
        assert.match(lines[5], /^ 3  auth +Single sign-on +1,500 +3,200 ← bulk_export +should/);
    });

    it('gives the JSON of the contract, one product at a time with --product', async () => {
        const result = await run(['rank', examples, '--product', 'acme', '--format', 'json']);
        assert.equal(result.code, 0);
        const json = JSON.parse(result.stdout);
        assert.equal(json.products.length, 1);
        const auth = json.products[0].features.find((f: { name: string }) => f.name === 'auth');
        assert.deepEqual(auth, {
            name: 'auth', title: 'Single sign-on', rank: 3, score: 1500, effectiveScore: 3200, inheritedFrom: 'bulk_export',
            rice: 1500, ice: null, wsjf: null, kano: null, moscow: 'should', opportunity: 11,
            effort: 2, release: 'mvp', status: 'idea', requires: [], requiredBy: ['bulk_export', 'team_roles', 'api_access']
        });
        const bulk = json.products[0].features.find((f: { name: string }) => f.name === 'bulk_export');
        assert.deepEqual(bulk.kano, { category: 'performance', better: 14 / 19, worse: -13 / 19 });
        const shipped = json.products[0].features.find((f: { name: string }) => f.name === 'pdf_export');
        assert.equal(shipped.rank, null);
    });

    it('ranks by another method with --method', async () => {
        const result = await run(['rank', examples, '--product', 'sync', '--method', 'moscow', '--format', 'json']);
        const json = JSON.parse(result.stdout);
        assert.equal(json.products[0].method, 'moscow');
        assert.deepEqual(json.products[0].features.map((f: { name: string; score: number }) => [f.name, f.score]),
            [['calendar_link', 4], ['room_booking', 3], ['outlook_support', 2]]);
    });

    it('writes CSV with quoted fields and markdown with escaped text', async () => {
        const dir = workspace({ 'a.product': 'product p "P" {\n  stakeholder s "S"\n  feature x "Pipes | and, \\"quotes\\"" { requestedBy s }\n}\n' });
        const csv = await run(['rank', dir, '--format', 'csv']);
        assert.equal(csv.stdout.split('\n')[1], 'p,rice,1,x,"Pipes | and, ""quotes""",,,,,,,,,,,,,,idea,,');
        const markdown = await run(['rank', dir, '--format', 'markdown']);
        assert.match(markdown.stdout, /\| 1 \| Pipes \\\| and, "quotes" \(`x`\) \|/);
    });

    it('still prints what it can when the spec has errors, and exits 1', async () => {
        const dir = workspace({ 'demo.product': INVALID });
        const result = await run(['rank', dir, '--format', 'json']);
        assert.equal(result.code, 1);
        assert.equal(JSON.parse(result.stdout).products[0].features.length, 5);
        assert.match(result.stderr, /^The specs have 5 errors; results may be incomplete\./);
    });

    it('refuses an unknown product or method (exit 2)', async () => {
        const product = await run(['rank', examples, '--product', 'nope']);
        assert.equal(product.code, 2);
        assert.equal(product.stderr, "product-spec: No product named 'nope' in these specs (products: acme, notes, sync).\n");
        assert.equal((await run(['rank', examples, '--method', 'vibes'])).code, 2);
    });

    it('gives the same bytes twice', async () => {
        const first = await run(['rank', examples, '--format', 'json']);
        const second = await run(['rank', examples, '--format', 'json']);
        assert.equal(first.stdout, second.stdout);
    });
});

describe('product-spec forecast', () => {
    it('prints months, totals, margin and break-even as a table', async () => {
        const result = await run(['forecast', path.join(examples, 'acme')]);
        assert.equal(result.code, 0);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], 'acme / fy27 — First year (EUR)');
        assert.match(lines[3], /^ +1 +200\.00 +9,800\.00 +41,200\.00 +-31,400\.00 +-31,400\.00$/);
        assert.match(result.stdout, /Margin -202\.58% · break-even month not within 12 months · cumulative break-even month not within 12 months/);
        assert.match(result.stdout, /acme \/ fy28 — Second year, with the first finance teams \(EUR\)/);
    });

    it('gives the JSON of the contract', async () => {
        const result = await run(['forecast', examples, '--format', 'json']);
        const json = JSON.parse(result.stdout);
        const fy27 = json.forecasts.find((f: { name: string }) => f.name === 'fy27');
        assert.equal(fy27.product, 'acme');
        assert.equal(fy27.title, 'First year');
        assert.deepEqual(fy27.months[0], { month: 1, customers: 200, revenue: 9800, cost: 41200, profit: -31400, cumulativeProfit: -31400 });
        assert.equal(fy27.months.length, 12);
        assert.deepEqual(Object.keys(fy27.totals), ['revenue', 'cost', 'profit', 'margin']);
        const fy28 = json.forecasts.find((f: { name: string }) => f.name === 'fy28');
        assert.equal(fy28.breakEvenMonth, 8);
    });

    describe('scenarios (decide.md §3)', () => {
        const spec = `product p "P" {
  forecast f "F" {
    months 2 price 10 customers 100 growth 50% churn 0% cost fixed 1500
    scenario up "Higher price" { price 20 }
    scenario down { customers 50 growth 0% }
  }
}
`;
        it('reports each scenario beside the base case, computed by hand', async () => {
            const dir = workspace({ 'p.product': spec });
            const json = JSON.parse((await run(['forecast', dir, '--format', 'json'])).stdout);
            const [f] = json.forecasts;
            assert.deepEqual([f.totals, f.breakEvenMonth, f.cumulativeBreakEvenMonth], [{ revenue: 2500, cost: 3000, profit: -500, margin: -0.2 }, 2, null]);
            assert.deepEqual(f.scenarios.map((s: { name: string; title: string | null }) => [s.name, s.title]), [['up', 'Higher price'], ['down', null]]);
            const [up, down] = f.scenarios;
            assert.deepEqual(up.months[1], { month: 2, customers: 150, revenue: 3000, cost: 1500, profit: 1500, cumulativeProfit: 2000 });
            assert.deepEqual([up.totals, up.breakEvenMonth, up.cumulativeBreakEvenMonth], [{ revenue: 5000, cost: 3000, profit: 2000, margin: 0.4 }, 1, 1]);
            assert.deepEqual([down.totals, down.breakEvenMonth, down.cumulativeBreakEvenMonth, down.missing], [{ revenue: 1000, cost: 3000, profit: -2000, margin: -2 }, null, null, []]);
        });

        it('shows them side by side in the table', async () => {
            const dir = workspace({ 'p.product': spec });
            const lines = (await run(['forecast', dir])).stdout.split('\n');
            const header = lines.findIndex(line => line.startsWith('Scenario'));
            assert.deepEqual([lines[header], ...lines.slice(header + 2, header + 5)].map(line => line.split(/ {2,}/).filter(Boolean)), [
                ['Scenario', 'Revenue', 'Cost', 'Profit', 'Margin', 'Break-even', 'Cumulative break-even'],
                ['base', '2,500.00', '3,000.00', '-500.00', '-20%', '2', 'never'],
                ['up — Higher price', '5,000.00', '3,000.00', '2,000.00', '40%', '1', '1'],
                ['down', '1,000.00', '3,000.00', '-2,000.00', '-200%', 'never', 'never']
            ]);
        });
    });
});

describe('product-spec init', () => {
    it('writes a starter spec that validates cleanly, and refuses to overwrite it', async () => {
        const dir = workspace({});
        const first = await run(['init', 'starter'], dir);
        assert.equal(first.code, 0);
        assert.equal(first.stdout, `Wrote ${path.join('starter', 'product.product')}. Next: npx product-spec rank starter\n`);
        const validated = await run(['validate', 'starter'], dir);
        assert.equal(validated.stdout, '0 errors, 0 warnings in 1 file.\n');
        // A starter shows a plausible business case: it breaks even within its year.
        const forecast = await run(['forecast', 'starter'], dir);
        assert.match(forecast.stdout, /\nMargin 20\.26% · break-even month 5 · cumulative break-even month 8\n$/);
        writeFileSync(path.join(dir, 'starter/product.product'), '// mine\n');
        const second = await run(['init', 'starter'], dir);
        assert.equal(second.code, 2);
        assert.match(second.stderr, /already exists; init never overwrites a file/);
        assert.equal(readFileSync(path.join(dir, 'starter/product.product'), 'utf8'), '// mine\n');
        assert.ok(!existsSync(path.join(dir, 'starter/.product.product.tmp')));
    });
});

describe('help and version', () => {
    it('answers --help and --version everywhere', async () => {
        assert.match((await run(['--help'])).stdout, /^Usage: product-spec <command>/);
        assert.match((await run(['rank', '--help'])).stdout, /^Usage: product-spec rank PATH\.\.\./);
        assert.match((await run(['validate', 'x', '--version'])).stdout, /^\d+\.\d+\.\d+\n$/);
        const unknown = await run(['frobnicate']);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /^product-spec: Unknown command 'frobnicate'/);
    });

    it('reads -v and -V as --version, and reports a repeated, unknown or incomplete option in one sentence', async () => {
        assert.match((await run(['-v'])).stdout, /^\d+\.\d+\.\d+\n$/);
        assert.match((await run(['-V'])).stdout, /^\d+\.\d+\.\d+\n$/);
        const twice = await run(['rank', examples, '--product', 'acme', '--product', 'sync']);
        assert.deepEqual([twice.code, twice.stderr], [2, 'product-spec: Option --product is given twice; give it once.\n']);
        assert.equal((await run(['rank', examples, '--nope'])).stderr, "product-spec: Unknown option --nope for 'rank'; see 'product-spec rank --help'.\n");
        assert.equal((await run(['docs', examples, '-o'])).stderr, 'product-spec: Option --output needs a value.\n');
        assert.equal((await run(['docs', examples, '--check=yes', '-o', 'x'])).stderr, 'product-spec: Option --check takes no value.\n');
        assert.equal((await run(['rank', examples, '--format', 'xml'])).stderr, "product-spec: Option --format must be one of table, json, csv, markdown, not 'xml'.\n");
    });

    it('loads nothing of the language for --version and --help', () => {
        const trace = path.join(repoRoot, 'packages/cli/test/support/trace-imports.mjs');
        for (const args of [['--version'], ['--help'], ['rank', '--help']]) {
            const result = spawnSync(process.execPath, ['--import', trace, path.join(repoRoot, 'packages/cli/bin/product-spec.js'), ...args], { encoding: 'utf8' });
            assert.equal(result.status, 0);
            const loaded = result.stderr.split('\n').filter(line => line.startsWith('import '));
            assert.ok(loaded.some(line => line.includes('/cli/')), 'the trace sees the CLI load');
            assert.deepEqual(loaded.filter(line => /langium|chevrotain|\/language\/out\/src\/(index|product-spec-module)/.test(line)), [], `${args.join(' ')} loads no language code`);
        }
    });

    it('ends quietly when the reader closes the pipe (rank | head -1)', () => {
        const result = spawnSync('bash', ['-c', `"${process.execPath}" "${path.join(repoRoot, 'packages/cli/bin/product-spec.js')}" rank examples | head -1; exit \${PIPESTATUS[0]}`], { cwd: repoRoot, encoding: 'utf8' });
        assert.deepEqual([result.status, result.stdout, result.stderr], [0, 'acme — Acme Analytics · ranked by RICE\n', '']);
    });

    it('reads a file with a UTF-8 byte order mark without shifting its first line, and names a file that is not a .product file', async () => {
        const dir = workspace({ 'bom.product': '\uFEFFproduct p { stakeholder s feature a { requestedBy s effort -1 } }\n', 'notes.txt': 'x' });
        const result = await run(['validate', dir, '--format', 'json']);
        assert.deepEqual(JSON.parse(result.stdout).diagnostics.map((d: { line: number; column: number; code: string }) => `${d.line}:${d.column} ${d.code}`), ['1:53 out-of-range']);
        const text = await run(['validate', path.join(dir, 'notes.txt')]);
        assert.deepEqual([text.code, text.stderr], [2, `product-spec: ${path.join(dir, 'notes.txt')} is not a .product file: product-spec reads only .product files.\n`]);
    });

    it('finds the files the language server finds, and leaves out --exclude globs', async () => {
        const dir = workspace({ 'a/x.product': 'product p { stakeholder s feature a { requestedBy s } }\n', 'out/y.product': 'garbage {\n', '.hidden.product': 'product q { stakeholder s feature b { requestedBy s } }\n', '.git/z.product': 'garbage {' });
        assert.match((await run(['validate', dir])).stdout, /2 errors, 0 warnings in 3 files\.\n$/);
        assert.equal((await run(['validate', dir, '--exclude', 'out/**'])).stdout, '0 errors, 0 warnings in 2 files.\n');
        assert.equal((await run(['validate', dir, '--exclude', 'out', '--exclude', '*.product'])).stdout, '0 errors, 0 warnings in 1 file.\n');
        // The language server reads the same files, and leaves out the productSpec.exclude globs.
        for (const [settings, expected] of [[undefined, ['.hidden.product', 'a/x.product', 'out/y.product']], [{ productSpec: { exclude: ['out/**'] } }, ['.hidden.product', 'a/x.product']]] as const) {
            const client = LspClient.start();
            try {
                await client.initialize(dir, settings);
                // productSpec/rank answers once the first build is done: by then every file read is published.
                await client.request('productSpec/rank', {});
                const files = [...client.published.keys()].map(uri => path.relative(dir, fileURLToPath(uri)).split(path.sep).join('/')).sort();
                assert.deepEqual(files, expected, JSON.stringify(settings));
            } finally {
                await client.stop();
            }
        }
    });

    it('small things: one message for an unknown product everywhere, init on a file, one Kano column, wide characters', async () => {
        const forecast = await run(['forecast', examples, '--product', 'nope']);
        assert.deepEqual([forecast.code, forecast.stderr], [2, "product-spec: No product named 'nope' in these specs (products: acme, notes, sync).\n"]);
        const dir = workspace({ 'existing/product.product': '// mine\n' });
        const init = await run(['init', path.join('existing', 'product.product')], dir);
        assert.deepEqual([init.code, init.stderr], [2, `product-spec: ${path.join('existing', 'product.product')} is a file, and init never overwrites a file: give the folder to write product.product into.\n`]);
        const kano = await run(['rank', examples, '--method', 'kano', '--product', 'acme']);
        assert.equal(kano.stdout.split('\n')[1].match(/\bKano\b/g)?.length, 2, 'the score column says "Kano score", the category column "Kano"');
        assert.match(kano.stdout.split('\n')[1], /Kano score/);
        const wide = workspace({ 'w.product': 'product w "W" { stakeholder s feature a "東京の機能" { requestedBy s } feature b "Plain" { requestedBy s } }\n' });
        const lines = (await run(['rank', wide])).stdout.split('\n');
        const column = (line: string) => { let c = 0; for (const ch of line.slice(0, line.indexOf('–'))) c += /[\u3000-\u9fff]/.test(ch) ? 2 : 1; return c; };
        assert.equal(column(lines[3]), column(lines[4]), 'the columns after a CJK title line up');
    });

    it('the real executable exits with the contract codes', () => {
        assert.equal(runBinary(['validate', 'examples']).code, 0);
        assert.equal(runBinary(['validate', 'nowhere']).code, 2);
        assert.equal(runBinary(['--version']).code, 0);
    });
});

describe('spec text that tries to reach the terminal or a spreadsheet (issue 12)', () => {
    // Real control characters in the file (the language's strings take them as written).
    const hostile = 'product p "\u001b[2JCleared\u009b31m \u202eevil" {\n'
        + '  feature a "=HYPERLINK(\\"http://x\\")\u0007" { rice { reach 10 impact high confidence 80% effort 1 } }\n'
        + '  feature b "-2+3" { rice { reach 5 impact high confidence 80% effort 1 } }\n'
        + '  forecast f "\u001b]0;title\u0007F" { months 1 price 1 customers 1 }\n}\n';
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

    it('prints no control or bidirectional character in any format, showing them as \\u001B', async () => {
        const dir = workspace({ 'p.product': hostile });
        for (const args of [['rank', dir], ['rank', dir, '--format', 'csv'], ['rank', dir, '--format', 'markdown'], ['rank', dir, '--format', 'json'],
            ['forecast', dir], ['forecast', dir, '--format', 'json'], ['plan', dir], ['validate', dir]]) {
            const result = await run(args);
            assert.ok(!raw.test(result.stdout) && !raw.test(result.stderr), `${args.join(' ')}: ${JSON.stringify(result.stdout)}`);
        }
        const table = (await run(['rank', dir])).stdout;
        assert.ok(table.startsWith('p — \\u001B[2JCleared\\u009B31m \\u202Eevil · ranked by RICE\n'), table);
        const json = JSON.parse((await run(['rank', dir, '--format', 'json'])).stdout);
        assert.equal(json.products[0].title, '\u001b[2JCleared\u009b31m \u202eevil', 'JSON keeps the text exact, as escapes');
    });

    it('writes CSV text cells that a spreadsheet would run as formulas with a leading apostrophe, numbers as numbers', async () => {
        const lines = (await run(['rank', workspace({ 'p.product': hostile }), '--format', 'csv'])).stdout.split('\n');
        assert.ok(lines[1].startsWith('p,rice,1,a,"\'=HYPERLINK(""http://x"")\\u0007",16,16,'), lines[1]);
        assert.ok(lines[2].startsWith("p,rice,2,b,'-2+3,8,8,"), lines[2]);
    });
});

describe('a file with thousands of problems (issue 12)', () => {
    it('shows the first 100 (errors first), then one line that counts the rest, and totals them all', async () => {
        const features = Array.from({ length: 150 }, (_, i) => `  feature f${i} { requires missing${i} }`).join('\n');
        const warnings = Array.from({ length: 30 }, (_, i) => `  metric m${i}`).join('\n');
        const dir = workspace({ 'p.product': `product p {\n${warnings}\n${features}\n}\n` });
        const result = await run(['validate', dir]);
        const lines = result.stdout.trimEnd().split('\n');
        assert.equal(result.code, 1);
        assert.equal(lines.length, 102, 'the first 100, the count of the rest, the summary');
        assert.ok(lines.slice(0, 100).every(line => line.includes(' - error unresolved-reference: ')), 'errors before warnings');
        assert.equal(lines[100], `${path.join(dir, 'p.product')}:132:27 - error too-many-problems: 80 more problems in this file are not shown (50 errors and 30 warnings), the next here: fix the 100 shown first.`);
        assert.equal(lines[101], '150 errors, 30 warnings in 1 file.');
        const json = JSON.parse((await run(['validate', dir, '--format', 'json'])).stdout);
        assert.deepEqual([json.diagnostics.length, json.errors, json.warnings], [101, 150, 30]);
    });
});

describe('huge and odd input (issue 12)', () => {
    it('reads a 5 MB string and 100,000 nested braces without a stack overflow: an answer, a clear message', () => {
        const dir = workspace({
            'long.product': `product p "${'x'.repeat(5_000_000)}" { }\n`,
            'deep.product': `product q {\n${'{'.repeat(100_000)}\n`
        });
        const result = runBinary(['validate', dir]);
        assert.equal(result.stderr, '');
        assert.equal(result.stdout, `${path.join(dir, 'deep.product')}:2:64 - error syntax: Braces are nested more than 64 levels deep here (a spec needs 4): the file is not read until they are fewer.\n`
            + '1 error, 0 warnings in 2 files.\n');
        assert.equal(result.code, 1);
    });
});

describe('a file that is not UTF-8 (issue 12)', () => {
    it('says which file and where, as one error, instead of changing the text silently', async () => {
        const dir = workspace({ 'latin.product': Buffer.from('product p "caf\xe9" {}\n', 'latin1'), 'ok.product': 'product q {}\n' });
        const result = await run(['validate', dir]);
        assert.equal(result.code, 1);
        assert.equal(result.stdout, `${path.join(dir, 'latin.product')}:1:15 - error syntax: This file is not UTF-8: the byte here is not (it reads as \uFFFD); save the file as UTF-8.\n1 error, 0 warnings in 2 files.\n`);
    });
});
