import * as assert from 'node:assert/strict';
import { check, fixes, product } from './helpers.js';

describe('quick fixes', () => {
    it('bad-impact: the nearest scale words, nearest first', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s rice { reach 1 impact hihg confidence 50% effort 1 } }'), 'bad-impact');
        assert.equal(found[0].title, 'Change to high');
        assert.equal(found[0].preferred, true);
        assert.match(found[0].result, /impact high confidence/);
        assert.deepEqual(found.map(f => f.title).sort(), ['Change to high', 'Change to low', 'Change to massive', 'Change to medium', 'Change to minimal']);
    });

    it('out-of-range: the nearest valid value', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s rice { reach 1 impact high confidence 120% effort 1 } }'), 'out-of-range');
        assert.deepEqual(found.map(f => f.title), ['Change to 100%']);
        assert.match(found[0].result, /confidence 100% effort/);
        const importance = await fixes(product('  need n "N" { importance 12 satisfaction 3 }'), 'out-of-range');
        assert.match(importance[0].result, /importance 10 satisfaction 3/);
    });

    it('a percent written as a bare number: add the %', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s rice { reach 1 impact high confidence 80 effort 1 } }'), 'syntax');
        assert.deepEqual(found.map(f => f.title), ['Change to 80%']);
        assert.match(found[0].result, /confidence 80% effort/);
    });

    it('not-fibonacci: the nearest value on the scale', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s wsjf { value 4 criticality 5 risk 3 size 5 } }'), 'not-fibonacci');
        assert.deepEqual(found.map(f => f.title), ['Change to 3']);
        assert.match(found[0].result, /value 3 criticality/);
    });

    it('effort-mismatch: make either effort agree with the other', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s effort 3 rice { reach 1 impact high confidence 50% effort 2 } }'), 'effort-mismatch');
        assert.deepEqual(found.map(f => f.title), ['Set effort to the RICE effort (2)', 'Set the RICE effort to effort (3)']);
        assert.match(found[0].result, /effort 2 rice \{ reach 1 impact high confidence 50% effort 2 \}/);
        assert.match(found[1].result, /effort 3 rice \{ reach 1 impact high confidence 50% effort 3 \}/);
    });

    it('duplicate-property: remove the repeated property', async () => {
        const found = await fixes(product('  feature a "A" { requestedBy s moscow must moscow should }'), 'duplicate-property');
        assert.deepEqual(found.map(f => f.title), ["Remove the repeated 'moscow'"]);
        assert.match(found[0].result, /\{ requestedBy s moscow must \}/);
    });

    it('unresolved-reference: did you mean, and declare it in the product', async () => {
        const text = 'product p "P" {\n  stakeholder marco "M"\n  feature a "A" { requestedBy marko }\n}\n';
        const found = await fixes(text, 'unresolved-reference');
        assert.deepEqual(found.map(f => f.title), ["Change to 'marco'", 'Declare stakeholder marko in product p']);
        assert.equal(found[0].result, text.replace('marko', 'marco'));
        assert.equal(found[1].result, 'product p "P" {\n  stakeholder marco "M"\n  feature a "A" { requestedBy marko }\n  stakeholder marko\n}\n');
        const after = await check(found[1].result);
        assert.deepEqual(after.errors, []);
    });
});
