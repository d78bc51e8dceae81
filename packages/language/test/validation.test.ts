import * as assert from 'node:assert/strict';
import { CONTRACT_EXAMPLE, CONTRACT_INVALID, check, coveredText, product } from './helpers.js';

describe('the contract examples', () => {
    it('validates the big example with no diagnostic at all', async () => {
        const result = await check(CONTRACT_EXAMPLE);
        assert.deepEqual(result.codes, []);
    });

    it('gives exactly the listed codes for the invalid example', async () => {
        const result = await check(CONTRACT_INVALID);
        assert.deepEqual(result.codes, [
            'dependency-cycle@2', 'dependency-cycle@3', 'bad-impact@4', 'out-of-range@5', 'unresolved-reference@6'
        ]);
        assert.ok(result.findings.every(f => f.severity === 'error'));
    });
});

describe('syntax', () => {
    it('reports a missing value with what was expected, at the token found', async () => {
        const result = await check('product p {\n  feature a { moscow }\n}\n');
        assert.deepEqual(result.codes, ['syntax@2']);
        assert.equal(result.findings[0].message, "Expected one of 'must', 'should', 'could' or 'wont' but found '}'.");
    });

    it('names the properties a block accepts when a word is not one of them', async () => {
        const result = await check('product p {\n  stakeholder s { colour red }\n}\n');
        assert.equal(result.errors[0].code, 'syntax');
        // Issue 10: an unknown word is one error that names the block and what it accepts (it used to be a parser error).
        assert.equal(result.errors[0].message, "Unknown word 'colour' in this stakeholder: its properties are group, role, influence, interest, description.");
    });

    it('reports a character the language does not use', async () => {
        const result = await check('product p { @ }\n');
        assert.equal(result.findings[0].code, 'syntax');
        assert.equal(result.findings[0].line, 1);
        assert.equal(result.findings[0].column, 13);
        assert.match(result.findings[0].message, /^Unexpected character "@"/);
    });

    it('reports an unclosed string on its own line', async () => {
        const result = await check('product p "Unclosed {\n}\n');
        assert.equal(result.findings[0].code, 'syntax');
        assert.equal(result.findings[0].line, 1);
        assert.match(result.findings[0].message, /string is not closed/);
    });

    it('asks for a percent where a bare number is written, without losing the rest of the block', async () => {
        const result = await check(product('  release v1 "V1" { date 2027-01-01 }\n  feature a "A" {\n    rice { reach 100 impact high confidence 80 effort 2 }\n    release v1\n    requestedBy s\n  }'));
        assert.deepEqual(result.codes, ['syntax@6']);
        assert.equal(result.errors[0].message, 'Confidence is a percent: write 80%, not 80.');
        assert.equal(coveredText(result, result.errors[0]), 'confidence 80');
        const forecast = await check(product('  forecast f "F" { months 2 price 1 customers 1 growth 5 churn 1% }'));
        assert.deepEqual(forecast.codes, ['syntax@4']);
        assert.equal(forecast.errors[0].message, 'Growth is a percent: write 5%, not 5.');
        assert.equal(forecast.model.productsByName.get('p')!.forecasts[0].result, null);
    });

    it('accepts an empty file and a file of comments', async () => {
        assert.deepEqual((await check('')).codes, []);
        assert.deepEqual((await check('// nothing yet\n/* still\n nothing */\n')).codes, []);
    });

    it('reserves only the declaration words as names', async () => {
        const result = await check(product('  feature feature "F" { requestedBy s }'));
        assert.equal(result.errors[0].code, 'syntax');
        assert.equal(result.errors[0].message, "Expected a name but found 'feature' ('feature' opens a declaration, so it cannot be a name).");
    });

    it('keeps going after an error: later problems are still reported', async () => {
        const result = await check('product p {\n  feature a { moscow }\n  feature b { requestedBy ghost }\n}\n');
        assert.deepEqual(result.codes, ['syntax@2', 'unresolved-reference@3']);
    });

    it('never throws on random bytes', async () => {
        let seed = 7;
        const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
        const text = Array.from({ length: 3000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
        const result = await check(text);
        assert.ok(result.errors.length > 0);
        assert.ok(result.findings.every(f => f.code === 'syntax' || f.code === 'too-many-problems'));
    });

    it('survives mangled specs: every prefix of the big example', async () => {
        for (let cut = 0; cut < CONTRACT_EXAMPLE.length; cut += 97) {
            const result = await check(CONTRACT_EXAMPLE.slice(0, cut));
            assert.ok(result.findings.every(f => typeof f.message === 'string' && f.message.length > 0));
        }
    });
});

describe('unresolved-reference', () => {
    it('reports a name no declaration has, on the name, with the kind looked for', async () => {
        const result = await check(product('  feature e "E" { requestedBy nobody }'));
        assert.deepEqual(result.codes, ['unresolved-reference@4']);
        assert.equal(coveredText(result, result.findings[0]), 'nobody');
        assert.equal(result.findings[0].message, "No stakeholder named 'nobody' in product p or at the top level: declare it, or name an existing stakeholder.");
    });

    it('resolves a top-level declaration from inside a product', async () => {
        const result = await check(`stakeholder nobody "No Body"\n${product('  feature e "E" { requestedBy nobody }')}`);
        assert.deepEqual(result.codes, []);
    });

    it('suggests a close name', async () => {
        const result = await check(product('  stakeholder marco "M"\n  feature e "E" { requestedBy marko }'));
        assert.match(result.errors[0].message, /Did you mean 'marco'\?$/);
    });

    it('resolves members of a product reopened in another file', async () => {
        const result = await check({
            'a.product': 'product acme "Acme" {\n  feature x "X" { requestedBy pm release mvp }\n}\n',
            'b.product': 'product acme {\n  stakeholder pm "PM"\n  release mvp "MVP" { date 2027-01-01 }\n}\n'
        });
        assert.deepEqual(result.codes, []);
    });

    it('reports an unresolved name in the file where it is written', async () => {
        const result = await check({
            'a.product': 'product acme "Acme" {\n  stakeholder pm "PM"\n}\n',
            'b.product': 'product acme {\n  feature x "X" { requestedBy pm, ghost }\n}\n'
        });
        assert.deepEqual(result.codes, ['unresolved-reference@b.product:2']);
    });

    it('resolves a qualified reference to another product, and reports a missing one', async () => {
        const ok = await check({
            'core.product': 'product core "Core" {\n  stakeholder s "S"\n  feature sdk "SDK" { requestedBy s }\n}\n',
            'app.product': 'product app "App" {\n  stakeholder s "S"\n  feature ui "UI" { requestedBy s requires core.sdk }\n}\n'
        });
        assert.deepEqual(ok.codes, []);
        const missing = await check({
            'core.product': 'product core "Core" {\n  stakeholder s "S"\n  feature sdk "SDK" { requestedBy s }\n}\n',
            'app.product': 'product app "App" {\n  stakeholder s "S"\n  feature ui "UI" { requestedBy s requires core.api }\n}\n'
        });
        assert.deepEqual(missing.codes, ['unresolved-reference@app.product:3']);
        assert.match(missing.errors[0].message, /^No feature named 'api' in product core/);
    });

    it('does not see another product\'s members without qualification', async () => {
        const result = await check({
            'core.product': 'product core "Core" {\n  stakeholder s "S"\n  feature sdk "SDK" { requestedBy s }\n}\n',
            'app.product': 'product app "App" {\n  stakeholder s "S"\n  feature ui "UI" { requestedBy s requires sdk }\n}\n'
        });
        assert.deepEqual(result.codes, ['unresolved-reference@app.product:3']);
    });
});

describe('duplicate-name', () => {
    it('reports the second of two features with one name, on its name', async () => {
        const result = await check(product('  feature a "A" { requestedBy s }\n  feature a "A again" { requestedBy s }'));
        assert.deepEqual(result.codes, ['duplicate-name@5']);
        assert.equal(coveredText(result, result.findings[0]), 'a');
        assert.match(result.findings[0].message, /^The feature name 'a' is already declared in product p at main\.product:4:3: give this feature another name\.$/);
    });

    it('allows one name for declarations of different kinds, and in different products', async () => {
        const result = await check(`${product('  feature a "A" { requestedBy s moves a }\n  metric a "A" { baseline 0 current 1 target 2 }')}product q "Q" {\n  stakeholder s "S"\n  feature a "A" { requestedBy s }\n}\n`);
        assert.deepEqual(result.codes, []);
    });

    it('reports a duplicate across the files of one product', async () => {
        const result = await check({
            'a.product': 'product acme "Acme" {\n  stakeholder s "S"\n  feature x "X" { requestedBy s }\n}\n',
            'b.product': 'product acme {\n  feature x "X" { requestedBy s }\n}\n'
        });
        assert.deepEqual(result.codes, ['duplicate-name@b.product:2']);
    });

    it('reports duplicate top-level declarations', async () => {
        const result = await check({ 'a.product': 'stakeholder dana "Dana"\n', 'b.product': 'stakeholder dana "Dana W."\n' });
        assert.deepEqual(result.codes, ['duplicate-name@b.product:1']);
    });
});

describe('duplicate-property', () => {
    it('reports a property given twice, on the second one', async () => {
        const result = await check(product('  feature a "A" { requestedBy s moscow must moscow should }'));
        assert.deepEqual(result.codes, ['duplicate-property@4']);
        assert.equal(coveredText(result, result.findings[0]), 'moscow should');
    });

    it('accepts a list written once with commas', async () => {
        const result = await check(product('  stakeholder t "T"\n  feature a "A" { requestedBy s, t }'));
        assert.deepEqual(result.codes, []);
    });

    it('reports a product property given in two files', async () => {
        const result = await check({
            'a.product': 'product acme "Acme" {\n  vision "One"\n}\n',
            'b.product': 'product acme {\n  vision "Two"\n}\n'
        });
        assert.deepEqual(result.codes, ['duplicate-property@b.product:2']);
        assert.match(result.errors[0].message, /^Product acme's 'vision' is given twice \(already given in the block at a\.product:1:1\)/);
    });

    it('reports a title given in two blocks of a product, and a second scoring block', async () => {
        const result = await check({
            'a.product': 'product acme "Acme" {\n  scoring { method rice }\n}\n',
            'b.product': 'product acme "Acme again" {\n  scoring { method ice }\n}\n'
        });
        assert.deepEqual(result.codes, ['duplicate-property@b.product:1', 'duplicate-property@b.product:2']);
    });

    it('reports a repeated input inside a rice block and a repeated weight', async () => {
        const result = await check(product('  feature a "A" { requestedBy s rice { reach 1 reach 2 impact high confidence 50% effort 1 } }', '  scoring { method rice weights { rice 50% rice 50% } }\n'));
        assert.deepEqual(result.codes, ['duplicate-property@2', 'duplicate-property@4']);
    });

    it('treats cost fixed and cost variable as two properties', async () => {
        const result = await check(product('  forecast f "F" { months 1 price 1 customers 1 cost fixed 1 cost variable 1 }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('out-of-range', () => {
    const cases: Array<[string, string, string]> = [
        ['confidence 0%', 'rice { reach 1 impact high confidence 0% effort 1 }', 'Confidence 0% is out of range: it must be above 0% and at most 100%.'],
        ['confidence 120%', 'rice { reach 1 impact high confidence 120% effort 1 }', 'Confidence 120% is out of range: it must be above 0% and at most 100%.'],
        ['effort 0 in rice', 'rice { reach 1 impact high confidence 50% effort 0 }', 'RICE effort 0 is out of range: it must be more than 0 (person-months).'],
        ['negative reach', 'rice { reach -5 impact high confidence 50% effort 1 }', 'Reach -5 is out of range: it must be 0 or more.'],
        ['feature effort 0', 'effort 0', 'Effort 0 is out of range: it must be more than 0 (person-months).'],
        ['ICE input 0', 'ice { impact 0 confidence 5 ease 5 }', 'ICE impact 0 is out of range: it must be between 1 and 10.'],
        ['ICE input 11', 'ice { impact 5 confidence 5 ease 11 }', 'ICE ease 11 is out of range: it must be between 1 and 10.']
    ];
    for (const [name, property, message] of cases) {
        it(`reports ${name}`, async () => {
            const result = await check(product(`  feature a "A" { requestedBy s ${property} }`));
            assert.deepEqual(result.codes, ['out-of-range@4']);
            assert.equal(result.errors[0].message, message);
        });
    }

    it('reports importance and satisfaction outside 0..10', async () => {
        const result = await check(product('  need n "N" { importance 11 satisfaction -1 }'));
        assert.deepEqual(result.codes, ['out-of-range@4', 'out-of-range@4']);
    });

    it('reports growth or churn of 100% or more', async () => {
        const result = await check(product('  forecast f "F" {\n    months 12 price 1 customers 1\n    growth 150%\n    churn 100%\n  }'));
        assert.deepEqual(result.codes, ['out-of-range@6', 'out-of-range@7']);
        assert.equal(coveredText(result, result.errors[1]), 'churn 100%');
    });

    it('bounds a forecast\'s months to 1..600, so that no spec asks for unbounded work (issue 12)', async () => {
        const result = await check(product('  forecast f "F" { months 1000000000 price 1 customers 1 }\n  forecast g "G" { months 600 price 1 customers 1 }\n  forecast h "H" { months 2.5 price 1 customers 1 }'));
        assert.deepEqual(result.codes, ['out-of-range@4', 'out-of-range@6']);
        assert.equal(result.errors[0].message, 'Months 1000000000 is out of range: it must be a whole number from 1 to 600.');
    });

    it('accepts the boundaries', async () => {
        const result = await check(product(`  need n "N" { importance 10 satisfaction 0 }
  feature a "A" { addresses n rice { reach 0 impact high confidence 100% effort 0.5 } ice { impact 1 confidence 10 ease 10 } }
  forecast f "F" { months 1 price 1 customers 1 growth 99% churn 99.9% }`));
        assert.deepEqual(result.codes, []);
    });

    it('points at the property, not the whole feature', async () => {
        const result = await check(CONTRACT_INVALID);
        const finding = result.findings.find(f => f.code === 'out-of-range')!;
        assert.equal(coveredText(result, finding), 'confidence 120%');
    });
});

describe('bad-impact', () => {
    it('reports a word off the scale, at the impact', async () => {
        const result = await check(CONTRACT_INVALID);
        const finding = result.findings.find(f => f.code === 'bad-impact')!;
        assert.equal(coveredText(result, finding), 'impact huge');
        assert.equal(finding.message, "Impact 'huge' is not on the RICE scale: use massive (3), high (2), medium (1), low (0.5) or minimal (0.25).");
    });

    it('reports a number off the scale', async () => {
        const result = await check(product('  feature a "A" { requestedBy s rice { reach 1 impact 4 confidence 50% effort 1 } }'));
        assert.deepEqual(result.codes, ['bad-impact@4']);
    });

    it('accepts every word and number of the scale', async () => {
        const words = ['massive', 'high', 'medium', 'low', 'minimal', '3', '2', '1', '0.5', '0.25'];
        const result = await check(product(words.map((w, i) => `  feature f${i} "F" { requestedBy s rice { reach 1 impact ${w} confidence 50% effort 1 } }`).join('\n')));
        assert.deepEqual(result.codes, []);
    });
});

describe('dependency-cycle', () => {
    it('reports each feature of a cycle, on its requirement', async () => {
        const result = await check(product('  feature a "A" { requestedBy s requires b }\n  feature b "B" { requestedBy s requires c }\n  feature c "C" { requestedBy s requires a }'));
        assert.deepEqual(result.codes, ['dependency-cycle@4', 'dependency-cycle@5', 'dependency-cycle@6']);
        assert.equal(coveredText(result, result.findings[0]), 'b');
        assert.equal(result.findings[0].message, 'Feature a is on a dependency cycle: a → b → c → a. Remove one of these requirements.');
    });

    it('reports a feature that requires itself', async () => {
        const result = await check(product('  feature a "A" { requestedBy s requires a }'));
        assert.deepEqual(result.codes, ['dependency-cycle@4']);
    });

    it('accepts a chain and a diamond', async () => {
        const result = await check(product('  feature a "A" { requestedBy s requires b, c }\n  feature b "B" { requestedBy s requires d }\n  feature c "C" { requestedBy s requires d }\n  feature d "D" { requestedBy s }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('release-order', () => {
    const releases = '  release mvp "MVP" { date 2027-03-01 }\n  release v2 "V2" { date 2027-07-01 }\n';
    it('reports a feature in an earlier release than what it requires', async () => {
        const result = await check(product(`${releases}  feature a "A" { requestedBy s release mvp requires b }\n  feature b "B" { requestedBy s release v2 }`));
        assert.deepEqual(result.codes, ['release-order@6']);
        assert.match(result.errors[0].message, /^Feature a is in release mvp \(2027-03-01\) but requires b, planned for the later release v2 \(2027-07-01\)/);
    });

    it('reports a requirement on a feature with no release', async () => {
        const result = await check(product(`${releases}  feature a "A" { requestedBy s release mvp requires b }\n  feature b "B" { requestedBy s }`));
        assert.deepEqual(result.codes, ['release-order@6']);
    });

    it('accepts the same release, an earlier one, no release on the requirer, and a shipped prerequisite', async () => {
        const result = await check(product(`${releases}  feature a "A" { requestedBy s release v2 requires b, c }
  feature b "B" { requestedBy s release mvp }
  feature c "C" { requestedBy s release v2 requires d }
  feature d "D" { requestedBy s status shipped }
  feature e "E" { requestedBy s requires a }`));
        assert.deepEqual(result.codes, []);
    });
});

describe('requires-dropped', () => {
    it('reports a feature requiring a dropped one', async () => {
        const result = await check(product('  feature a "A" { requestedBy s requires b }\n  feature b "B" { requestedBy s status dropped }'));
        assert.deepEqual(result.codes, ['requires-dropped@4']);
    });

    it('accepts a dropped feature requiring a dropped one', async () => {
        const result = await check(product('  feature a "A" { requestedBy s status dropped requires b }\n  feature b "B" { requestedBy s status dropped }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('over-capacity and must-share', () => {
    it('warns when the load exceeds the capacity, on the capacity', async () => {
        const result = await check(product('  release r "R" { date 2027-01-01 capacity 4 }\n  feature a "A" { requestedBy s release r effort 3 }\n  feature b "B" { requestedBy s release r effort 2 }'));
        assert.deepEqual(result.codes, ['over-capacity@4']);
        assert.equal(coveredText(result, result.findings[0]), 'capacity 4');
        assert.equal(result.findings[0].message, 'Release r is over capacity: its load is 5 person-months, 1 more than its capacity of 4. Move features out or raise the capacity.');
    });

    it('accepts a load equal to the capacity and does not count dropped features', async () => {
        const result = await check(product('  release r "R" { date 2027-01-01 capacity 5 }\n  feature a "A" { requestedBy s release r effort 3 }\n  feature b "B" { requestedBy s release r effort 2 }\n  feature c "C" { requestedBy s release r effort 9 status dropped }'));
        assert.deepEqual(result.codes, []);
    });

    it('warns when musts take more than 60% of a release', async () => {
        const result = await check(product('  release r "R" { date 2027-01-01 }\n  feature a "A" { requestedBy s release r moscow must effort 7 }\n  feature b "B" { requestedBy s release r moscow should effort 3 }'));
        assert.deepEqual(result.codes, ['must-share@4']);
        assert.match(result.findings[0].message, /^Musts take 70% of release r's load \(7 of 10 person-months\)/);
    });

    it('accepts musts at exactly 60%', async () => {
        const result = await check(product('  release r "R" { date 2027-01-01 }\n  feature a "A" { requestedBy s release r moscow must effort 6 }\n  feature b "B" { requestedBy s release r moscow could effort 4 }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('not-fibonacci', () => {
    it('warns about each WSJF input off the scale', async () => {
        const result = await check(product('  feature a "A" { requestedBy s wsjf { value 4 criticality 5 risk 7 size 5 } }'));
        assert.deepEqual(result.codes, ['not-fibonacci@4', 'not-fibonacci@4']);
        assert.equal(result.findings[0].message, 'WSJF value 4 is off the modified Fibonacci scale (1 2 3 5 8 13 20 40 100): use 3.');
    });

    it('accepts the scale', async () => {
        const result = await check(product('  feature a "A" { requestedBy s wsjf { value 100 criticality 40 risk 20 size 13 } }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('effort-mismatch', () => {
    it('warns when effort and the RICE effort differ, on the effort', async () => {
        const result = await check(product('  feature a "A" { requestedBy s effort 3 rice { reach 1 impact high confidence 50% effort 2 } }'));
        assert.deepEqual(result.codes, ['effort-mismatch@4']);
        assert.equal(coveredText(result, result.findings[0]), 'effort 3');
    });

    it('accepts equal efforts, or only one of them', async () => {
        const result = await check(product('  feature a "A" { requestedBy s effort 2 rice { reach 1 impact high confidence 50% effort 2 } }\n  feature b "B" { requestedBy s effort 2 }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('missing-score-input', () => {
    it('warns when a feature lacks what the declared method needs', async () => {
        const result = await check(product('  feature a "A" { requestedBy s wsjf { value 8 criticality 5 } }', '  scoring { method wsjf }\n'));
        assert.deepEqual(result.codes, ['missing-score-input@4']);
        assert.equal(result.findings[0].message, "Feature a cannot be scored by wsjf, product p's scoring method: it lacks wsjf risk, wsjf size.");
    });

    it('says nothing for a product with no scoring block (RICE by default)', async () => {
        const result = await check(product('  feature a "A" { requestedBy s }'));
        assert.deepEqual(result.codes, []);
    });

    it('says nothing for shipped and dropped features', async () => {
        const result = await check(product('  feature a "A" { requestedBy s status shipped }\n  feature b "B" { requestedBy s status dropped }', '  scoring { method moscow }\n'));
        assert.deepEqual(result.codes, []);
    });
});

describe('orphan-feature', () => {
    it('warns about a feature linked to nothing, on its name', async () => {
        const result = await check('product p "P" {\n  feature lonely "Lonely" { moscow could }\n}\n');
        assert.deepEqual(result.codes, ['orphan-feature@2']);
        assert.equal(coveredText(result, result.findings[0]), 'lonely');
    });

    it('accepts a feature that addresses a need, moves a metric or was requested', async () => {
        const result = await check(`product p "P" {
  stakeholder s "S"
  need n "N" { importance 5 satisfaction 5 }
  metric m "M" { baseline 0 current 0 target 1 }
  feature a "A" { addresses n }
  feature b "B" { moves m }
  feature c "C" { requestedBy s }
}
`);
        assert.deepEqual(result.codes, []);
    });
});

describe('unused-metric', () => {
    it('warns about a metric nothing moves or names', async () => {
        const result = await check(product('  metric m "M" { baseline 0 current 0 target 1 }'));
        assert.deepEqual(result.codes, ['unused-metric@4']);
    });

    it('accepts a metric named by an objective, or moved by a feature of another product', async () => {
        const result = await check(`metric shared "Shared" { baseline 0 current 0 target 1 }\n${product('  objective o "O" { metrics m }\n  metric m "M" { baseline 0 current 0 target 1 }\n  feature a "A" { moves shared }')}`);
        assert.deepEqual(result.codes, []);
    });
});

describe('metric-direction', () => {
    it('warns when current is behind the baseline by more than the interval, on current', async () => {
        const result = await check(product('  objective o "O" { metrics m }\n  metric m "M" { baseline 10 current -1 target 20 }'));
        assert.deepEqual(result.codes, ['metric-direction@5']);
        assert.equal(coveredText(result, result.findings[0]), 'current -1');
    });

    it('handles a target below the baseline', async () => {
        const result = await check(product('  objective o "O" { metrics m }\n  metric m "M" { baseline 4 current 6.5 target 2 }'));
        assert.deepEqual(result.codes, ['metric-direction@5']);
    });

    it('accepts current behind by at most the interval, and beyond the target', async () => {
        const result = await check(product('  objective o "O" { metrics m, n }\n  metric m "M" { baseline 10 current 0 target 20 }\n  metric n "N" { baseline 10 current 35 target 20 }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('reverse-feature', () => {
    it('warns about a planned feature whose Kano category is reverse', async () => {
        const result = await check(product('  feature a "A" { requestedBy s status planned kano reverse }'));
        assert.deepEqual(result.codes, ['reverse-feature@4']);
        assert.equal(coveredText(result, result.findings[0]), 'kano reverse');
    });

    it('uses the surveyed category', async () => {
        const result = await check(product('  feature a "A" { requestedBy s status planned kano { reverse 9 must 2 } }'));
        assert.deepEqual(result.codes, ['reverse-feature@4']);
    });

    it('accepts a dropped reverse feature', async () => {
        const result = await check(product('  feature a "A" { requestedBy s status dropped kano reverse }'));
        assert.deepEqual(result.codes, []);
    });
});

describe('value words as names', () => {
    it('accepts keywords as names and references to them', async () => {
        const result = await check(`product launch "Launch" {
  stakeholder high "High" { influence high interest high }
  persona development "Dev" { size 10 }
  need must "Must" { persona development importance 5 satisfaction 1 }
  metric target "Target" { baseline 0 current 1 target 2 }
  release launch "Launch" { date 2027-01-01 phase launch }
  release mvp "MVP" { date 2027-02-01 }
  feature rice "Rice" { release launch requestedBy high moves target addresses must rice { reach 1 impact high confidence 50% effort 1 } }
  feature must "Must" { moscow must kano must requires rice requestedBy high release mvp }
  feature effort "Effort" { requires must, rice requestedBy high effort 1 }
}
`);
        assert.deepEqual(result.codes, []);
    });
});
