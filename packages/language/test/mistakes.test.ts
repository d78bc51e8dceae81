import * as assert from 'node:assert/strict';
import { rankReport } from '../src/model/reports.js';
import { check, fixes } from './helpers.js';

/**
 * A mistake costs one precise error, and the rest of the spec survives (issue 10): each
 * case with its exact message (line:column code message), its quick fix where there is one,
 * and what still ranks.
 */
async function seen(text: string): Promise<{ diagnostics: string[]; ranked: string[] }> {
    const checked = await check(text);
    return {
        diagnostics: checked.findings.filter(f => f.severity === 'error').map(f => `${f.line}:${f.column} ${f.code} ${f.message}`),
        ranked: rankReport(checked.model).products.flatMap(p => p.features.map(f => `${p.name}.${f.name}`))
    };
}

const PRODUCT = (members: string) => `product p "P" {\n  stakeholder s "S"\n${members}\n}\n`;

describe('a mistake costs one error', () => {
    it('a misspelled declaration word: did you mean, with the fix; the other features still rank', async () => {
        const text = PRODUCT('  feture cart "Cart" { release mvp requestedBy s }\n  feature a "A" { requestedBy s }\n  feature b "B" { requestedBy s }');
        assert.deepEqual(await seen(text), {
            diagnostics: ["3:3 syntax Unknown word 'feture' in this product: did you mean 'feature'?"],
            ranked: ['p.a', 'p.b']
        });
        const found = await fixes(text, 'syntax');
        assert.deepEqual(found.map(f => f.title), ["Change to 'feature'"]);
        assert.match(found[0].result, /\n {2}feature cart "Cart" \{ release mvp/);
    });

    it('a capitalised keyword: keywords are lower-case, with the fix', async () => {
        const text = PRODUCT('  Feature a "A" { requestedBy s }\n  feature b "B" { requestedBy s }');
        assert.deepEqual(await seen(text), {
            diagnostics: ["3:3 syntax Keywords are lower-case: write 'feature', not 'Feature'."],
            ranked: ['p.b']
        });
        assert.match((await fixes(text, 'syntax'))[0].result, /\n {2}feature a "A"/);
        assert.deepEqual((await seen('Product p "P" {\n  feature a "A" { requestedBy s }\n}\nstakeholder s "S"\n')).diagnostics,
            ["1:1 syntax Keywords are lower-case: write 'product', not 'Product'."]);
    });

    it('an unknown property after a nested block names the block that is really open', async () => {
        const text = PRODUCT('  feature a { rice { reach 1 impact high confidence 50% effort 1 } requestedBy s reech 4 }');
        assert.deepEqual((await seen(text)).diagnostics,
            ["3:82 syntax Unknown word 'reech' in this feature: its properties are description, status, release, moscow, kano, rice, wsjf, ice, addresses, requestedBy, moves, requires, effort."]);
        assert.deepEqual((await seen(PRODUCT('  feature a { requestedBy s reach 4 }'))).diagnostics,
            ["3:29 syntax 'reach' is a property of a rice block, not of this feature: write it inside that block."]);
    });

    it('an unknown word inside weights lists the drivers', async () => {
        assert.deepEqual((await seen('product p {\n  scoring { method weighted weights { rice 50% bogus 20% } }\n}\n')).diagnostics,
            ["2:48 syntax Unknown word 'bogus' in these weights: weights are given to rice, ice, wsjf, kano, moscow, opportunity."]);
    });

    it('a product never closed is named, with the line it opens on', async () => {
        assert.deepEqual((await seen('product p "P" {\n  stakeholder s\n  feature a { requestedBy s }\n')).diagnostics,
            ["3:30 syntax The product p opened at line 1 is not closed: end it with '}'."]);
    });

    it("one '}' too many: one error at it, with the fix, and the product's later members stay in it", async () => {
        const text = PRODUCT('  feature a { requestedBy s rice { reach 1 impact high confidence 50% effort 1 } } }\n  feature b { requestedBy s }\n  release v1 { date 2027-01-01 }');
        assert.deepEqual(await seen(text), {
            diagnostics: ["3:84 syntax This '}' has no '{' to match: it would close product p (opened at line 1) before the feature on line 4. Remove it."],
            ranked: ['p.a', 'p.b']
        });
        const found = await fixes(text, 'syntax');
        assert.deepEqual(found.map(f => f.title), ["Remove this '}'"]);
        assert.equal(found[0].result, text.replace('effort 1 } } }', 'effort 1 } }'));
        assert.deepEqual((await seen(found[0].result)).diagnostics, []);
        // Balanced braces, or a '}' followed by a top-level declaration, are left to the parser.
        assert.deepEqual((await seen(PRODUCT('  feature a { requestedBy s }') + 'stakeholder t "T"\n')).diagnostics, []);
    });

    it('a fraction for a percent is a fraction: write 80%, fixed to 80%', async () => {
        const text = PRODUCT('  feature a { requestedBy s rice { reach 1 impact high confidence 0.8 effort 1 } }');
        assert.deepEqual((await seen(text)).diagnostics, ['3:56 syntax Confidence is a percent: write 80%, not 0.8.']);
        assert.match((await fixes(text, 'syntax'))[0].result, /confidence 80% effort/);
        assert.deepEqual((await seen(PRODUCT('  feature a { requestedBy s rice { reach 1 impact high confidence 80 effort 1 } }'))).diagnostics,
            ['3:56 syntax Confidence is a percent: write 80%, not 80.']);
    });

    it('habits from elsewhere: a colon, a trailing comma, thousands separators, a second release', async () => {
        const colon = PRODUCT('  feature a { requestedBy s rice { reach: 1000 impact high confidence 80% effort 1 } }');
        assert.deepEqual(await seen(colon), {
            diagnostics: ['3:41 syntax A colon does not belong here: write a property and its value with a space between them (reach 1000).'],
            ranked: ['p.a']
        });
        assert.match((await fixes(colon, 'syntax'))[0].result, /reach 1000 impact/);
        assert.deepEqual((await seen(PRODUCT('  feature a { requestedBy s rice { reach 1000, impact high confidence 80% effort 1 } }'))).diagnostics,
            ['3:46 syntax A comma separates the names of a list (requires a, b), not properties: remove it.']);
        const thousands = PRODUCT('  feature a { requestedBy s rice { reach 4,000 impact high confidence 80% effort 1 } }');
        assert.deepEqual((await seen(thousands)).diagnostics, ['3:42 syntax Numbers are written without thousands separators: 4000, not 4,000.']);
        assert.match((await fixes(thousands, 'syntax'))[0].result, /reach 4000 impact/);
        assert.deepEqual((await seen(PRODUCT('  release mvp\n  release v2\n  feature a { requestedBy s release mvp, v2 }'))).diagnostics,
            ['5:40 syntax A feature is in one release: write one name after release.']);
    });

    it('an unclosed comment and an unknown product', async () => {
        assert.deepEqual((await seen('stakeholder s /* never closed\nproduct p { }\n')).diagnostics,
            ['1:15 syntax This comment is not closed: end it with */ (everything after /* is the comment until then).']);
        assert.deepEqual((await seen(PRODUCT('  feature a { requestedBy s requires nosuch.y }'))).diagnostics,
            ["3:38 unresolved-reference No product named 'nosuch' (for its feature 'y'): declare it, or name an existing feature."]);
    });

    it('names in any script', async () => {
        const checked = await check('product café { stakeholder zoë feature Müller { requestedBy zoë } feature 東京 { requestedBy zoë requires Müller } }\n');
        assert.deepEqual(checked.codes, []);
        assert.deepEqual(rankReport(checked.model).products[0].features.map(f => f.name), ['Müller', '東京']);
    });

    it('a negative capacity is out of range, and not also over capacity', async () => {
        assert.deepEqual((await check(PRODUCT('  release r { capacity -1 }\n  feature a { requestedBy s release r effort 2 }'))).codes, ['out-of-range@3']);
    });

    it('weighted scoring warns only for a feature with no input for any driver', async () => {
        const checked = await check(PRODUCT('  scoring { method weighted }\n  feature a { requestedBy s rice { reach 1 impact high confidence 50% effort 1 } }\n  feature b { requestedBy s moscow must }'));
        assert.deepEqual(checked.warnings.map(w => `${w.line} ${w.message}`),
            ["5 Feature b has no input for any weighted driver (rice, wsjf, kano, opportunity): it scores 0. Give one, or drop the feature's weights."]);
    });
});
