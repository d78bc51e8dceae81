import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { clearDocuments, expectHover } from 'langium/test';
import { CONTRACT_EXAMPLE, createServices, mark, open } from './lsp-helpers.js';

const services = createServices();
const hover = expectHover(services.ProductSpec);

/** The hover markdown at the `occurrence`-th `needle` (cursor `shift` characters in) of an opened document. */
async function hoverAt(document: LangiumDocument, needle: string, shift = 1, occurrence = 0): Promise<string | undefined> {
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `'${needle}' not found`);
    const result = await services.ProductSpec.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(index + shift)
    });
    const contents = result?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

const AUTH = [
    '**Single sign-on** · feature auth of acme',
    'RICE = 3,000 × 1 × 1 ÷ 2 = 1,500',
    'rank 1 of 2 · effective score 3,200, inherited from bulk_export, which requires it',
    'MoSCoW should · status idea · effort 2 · release mvp (2027-03-01)',
    'requested by priya',
    'required by bulk_export'
].join('\n\n');

const BULK_EXPORT = [
    '**Bulk export to CSV** · feature bulk_export of acme',
    'RICE = 4,000 × 2 × 0.8 ÷ 2 = 3,200',
    'rank 2 of 2',
    'Kano performance · MoSCoW must · status planned · effort 2 · release mvp (2027-03-01)',
    'addresses quick_report (opportunity 15) · moves activation · requested by marco',
    'requires auth'
].join('\n\n');

describe('LSP hover', () => {
    beforeEach(() => clearDocuments(services.shared));

    describe('on the contract\'s big example', () => {
        it('shows a feature\'s RICE arithmetic, rank, inheritance and links on its declaration', async () => {
            await hover({ text: mark(CONTRACT_EXAMPLE, 'auth "Single', 1), index: 0, hover: AUTH, disposeAfterCheck: true });
        });

        it('shows the same on a reference in `requires`', async () => {
            await hover({ text: mark(CONTRACT_EXAMPLE, 'requires auth', 10), index: 0, hover: AUTH, disposeAfterCheck: true });
        });

        it('shows a feature that keeps its own score, with its Kano category and what it requires', async () => {
            await hover({ text: mark(CONTRACT_EXAMPLE, 'bulk_export "', 3), index: 0, hover: BULK_EXPORT, disposeAfterCheck: true });
        });

        it('shows a release\'s date, phase, load against capacity and the musts\' share', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'release mvp moscow', 9), index: 0, disposeAfterCheck: true,
                hover: [
                    '**MVP** · release mvp of acme',
                    '2027-03-01 · phase launch',
                    'load 4 / 12 person-months · musts 50%',
                    'features: bulk_export, auth'
                ].join('\n\n')
            });
        });

        it('shows a metric\'s baseline → current → target, progress, and who moves and names it', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'metric activation', 8), index: 0, disposeAfterCheck: true,
                hover: [
                    '**Weekly active teams** · metric activation of acme',
                    'baseline 12% → current 15% → target 25% by 2027-06-30 · progress 23.08%',
                    'moved by bulk_export · objective grow_smb'
                ].join('\n\n')
            });
        });

        it('shows a metric\'s progress of 30% once current is 15.9', async () => {
            const text = mark(CONTRACT_EXAMPLE.replace('current 15\n', 'current 15.9\n'), 'metrics activation', 9);
            await hover({
                text, index: 0, disposeAfterCheck: true,
                hover: [
                    '**Weekly active teams** · metric activation of acme',
                    'baseline 12% → current 15.9% → target 25% by 2027-06-30 · progress 30%',
                    'moved by bulk_export · objective grow_smb'
                ].join('\n\n')
            });
        });

        it('shows a need\'s opportunity with its arithmetic and the features that address it', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'addresses quick_report', 11), index: 0, disposeAfterCheck: true,
                hover: [
                    '**See last month\'s revenue without a spreadsheet** · need quick_report of acme',
                    'opportunity = 9 + max(9 − 3, 0) = 15',
                    'persona owner · addressed by bulk_export'
                ].join('\n\n')
            });
        });

        it('shows a stakeholder\'s group, role, influence, interest, what they manage and requested', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'manager priya', 9), index: 0, disposeAfterCheck: true,
                hover: [
                    '**Priya Shah** · stakeholder priya of acme',
                    'group engineering · role Product manager · influence high · interest high',
                    'manager of acme · requested auth'
                ].join('\n\n')
            });
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'requestedBy marco', 13), index: 0, disposeAfterCheck: true,
                hover: [
                    '**Marco Ruiz** · stakeholder marco of acme',
                    'group commercial · role Head of sales · influence high · interest medium',
                    'requested bulk_export'
                ].join('\n\n')
            });
        });

        it('shows a forecast\'s totals, margin and both break-even months', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'fy27', 1), index: 0, disposeAfterCheck: true,
                hover: [
                    '**First year** · forecast fy27 of acme',
                    '12 months · revenue 165,325.42 EUR · cost 500,243.93 EUR · profit -334,918.51 EUR · margin -202.58%',
                    'no month with profit ≥ 0 in 12 months · no cumulative break-even in 12 months'
                ].join('\n\n')
            });
        });

        it('shows ranges with their means, and how sure the rank is over the draws (decide.md §2)', async () => {
            const spec = `product p {
  feature a { rice { reach 1000..3000 impact high confidence 60%..80%..100% effort 2 } }
  feature b { rice { reach 1900 impact high confidence 80% effort 2 } }
  feature c { rice { reach 100 impact high confidence 80% effort 2 } }
  feature d { effort 1..3 rice { reach 10 impact high confidence 80% } }
  forecast f { months 2 price 10..20 customers 100 growth 0% churn 1%..3% }
}
`;
            const [document] = await open(services, { 'p.product': spec });
            // a (1,600 on its means) and b (1,520) swap in some draws; c and d keep their places.
            assert.equal(await hoverAt(document, 'a {', 0), [
                '**feature a** of p',
                'RICE = 2,000 × 2 × 0.8 ÷ 2 = 1,600',
                'ranges: reach 1,000..3,000 (mean 2,000) · confidence 60%..80%..100% (mean 80%)',
                'rank 1 of 4 · 80% of draws between 1 and 2',
                'status idea · effort 2'
            ].join('\n\n'));
            assert.equal(await hoverAt(document, 'c {', 0), [
                '**feature c** of p',
                'RICE = 100 × 2 × 0.8 ÷ 2 = 80',
                'rank 3 of 4 · the same in every draw',
                'status idea · effort 2'
            ].join('\n\n'));
            assert.match((await hoverAt(document, 'd {', 0))!, /\n\nranges: effort 1\.\.3 \(mean 2\)\n\nrank 4 of 4 · the same in every draw\n\n/);
            assert.match((await hoverAt(document, 'f {', 0))!, /\n\nranges: price 10\.\.20 \(mean 15\) · churn 1%\.\.3% \(mean 2%\)$/);
            await clearDocuments(services.shared);
        });

        it('lists a forecast\'s scenarios, and shows a scenario\'s own figures (decide.md §3)', async () => {
            const spec = `product p {
  forecast f "F" {
    months 2 price 10 customers 100 growth 50% churn 0% cost fixed 1500
    scenario up "Higher price" { price 20 }
    scenario down { customers 50 growth 0% }
  }
}
`;
            await hover({
                text: mark(spec, 'f "F"', 0), index: 0, disposeAfterCheck: true,
                hover: [
                    '**F** · forecast f of p',
                    '2 months · revenue 2,500.00 · cost 3,000.00 · profit -500.00 · margin -20%',
                    'break-even month 2 · no cumulative break-even in 2 months',
                    '- scenario up (Higher price): break-even month 1 · margin 40%\n- scenario down: no break-even in 2 months · margin -200%'
                ].join('\n\n')
            });
            await hover({
                text: mark(spec, 'up "Higher', 0), index: 0, disposeAfterCheck: true,
                hover: [
                    '**Higher price** · scenario up of p',
                    '2 months · revenue 5,000.00 · cost 3,000.00 · profit 2,000.00 · margin 40%',
                    'break-even month 1 · cumulative break-even month 1',
                    'of forecast f'
                ].join('\n\n')
            });
        });

        it('shows a product\'s title, vision, stage, method and top features', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'acme', 1), index: 0, disposeAfterCheck: true,
                hover: [
                    '**Acme Analytics** · product acme',
                    'Every small team understands its numbers in five minutes.',
                    'stage development · ranks by RICE · 2 features, 2 ranked',
                    'top: #1 auth (3,200), #2 bulk_export (3,200)'
                ].join('\n\n')
            });
        });

        it('shows persona and objective summaries', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'persona owner\n', 9), index: 0, disposeAfterCheck: true,
                hover: '**Small-business owner** · persona owner of acme\n\nsize 120,000\n\nneeds quick_report'
            });
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'grow_smb', 1), index: 0, disposeAfterCheck: true,
                hover: '**Win self-serve small businesses** · objective grow_smb of acme\n\nmeasured by activation (progress 23.08%)'
            });
        });

        it('explains a property keyword and a value word', async () => {
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'rice { reach 4000', 1), index: 0, disposeAfterCheck: true,
                hover: '**rice**: RICE inputs: `{ reach 4000 impact high confidence 80% effort 2 }`; RICE = reach × impact × confidence ÷ effort.'
            });
            await hover({
                text: mark(CONTRACT_EXAMPLE, 'moscow must', 8), index: 0, disposeAfterCheck: true,
                hover: '**must**: Must have: MoSCoW score 4. Musts should take at most 60% of a release\'s load.'
            });
        });
    });

    describe('scores by every method', () => {
        const spec = (method: string) => `product p {
  need n { importance 8 satisfaction 2 }
  feature a "A" {
    moscow must
    kano { must 3 performance 10 attractive 4 indifferent 2 reverse 0 questionable 1 }
    rice { reach 100 impact high confidence 50% effort 1 }
    wsjf { value 8 criticality 5 risk 3 size 5 }
    ice { impact 7 confidence 6 ease 8 }
    addresses n
  }
  feature b { moscow could rice { reach 300 impact low confidence 100% effort 3 } requires a }
  feature c { status shipped }
  feature d { status dropped }
  feature e { effort 2 }
  scoring { method ${method} }
}
`;
        const scoreLines = async (method: string, feature: string) => {
            const [document] = await open(services, { 'p.product': spec(method) });
            const markdown = await hoverAt(document, `feature ${feature}`, 8);
            return markdown?.split('\n\n').slice(1, 3);
        };

        it('ICE as an average and as a product', async () => {
            assert.deepEqual(await scoreLines('ice', 'a'), ['ICE = (7 + 6 + 8) ÷ 3 = 7', 'rank 1 of 3']);
            assert.deepEqual(await scoreLines('ice ice product', 'a'), ['ICE = 7 × 6 × 8 = 336', 'rank 1 of 3']);
        });

        it('WSJF, Kano with Berger\'s coefficients, MoSCoW', async () => {
            assert.deepEqual(await scoreLines('wsjf', 'a'), ['WSJF = (8 + 5 + 3) ÷ 5 = 3.2', 'rank 1 of 3']);
            assert.deepEqual(await scoreLines('kano', 'a'), ['Kano = 0.67 (performance)', 'rank 1 of 3']);
            assert.deepEqual(await scoreLines('moscow', 'b'), ['MoSCoW = 2 (could)', 'rank 2 of 3']);
            const [document] = await open(services, { 'p.product': spec('kano') });
            assert.equal((await hoverAt(document, 'feature a', 8))?.split('\n\n')[3],
                'Kano performance (better 0.74, worse -0.68) · MoSCoW must · status idea · effort 1');
        });

        it('weighted: each driver\'s weight and value against the largest', async () => {
            assert.deepEqual(await scoreLines('weighted', 'b'), [
                'Weighted = 40% × RICE 50 ÷ 100 + 30% × WSJF 0 + 10% × Kano 0 + 20% × opportunity 0 = 0.2',
                'rank 2 of 3'
            ]);
        });

        it('unscored, shipped and dropped features say so', async () => {
            assert.deepEqual(await scoreLines('rice', 'e'), ['RICE unscored: lacks rice reach, rice impact, rice confidence', 'rank 3 of 3 (unscored: ranks after every scored feature)']);
            assert.deepEqual(await scoreLines('rice', 'c'), ['RICE unscored: lacks rice reach, rice impact, rice confidence, rice effort', 'shipped: listed, not ranked']);
            assert.deepEqual(await scoreLines('rice', 'd'), ['RICE unscored: lacks rice reach, rice impact, rice confidence, rice effort', 'dropped: listed, not ranked']);
        });
    });

    it('names another product\'s members qualified, across files', async () => {
        const [, beta] = await open(services, {
            'acme.product': CONTRACT_EXAMPLE,
            'beta.product': 'product beta "Beta" {\n  feature sync "Sync" { requires acme.auth rice { reach 9000 impact high confidence 100% effort 1 } }\n}\n'
        });
        const markdown = await hoverAt(beta, 'acme.auth', 6);
        assert.equal(markdown?.split('\n\n')[0], '**Single sign-on** · feature auth of acme');
        assert.equal(markdown?.split('\n\n').at(-1), 'required by bulk_export, beta.sync');
        const sync = await hoverAt(beta, 'sync', 1);
        assert.equal(sync?.split('\n\n').at(-1), 'requires acme.auth');
        // auth's rank in acme does not take beta's score: priority is inherited within a product.
        assert.equal(markdown?.split('\n\n')[2], 'rank 1 of 2 · effective score 3,200, inherited from bulk_export, which requires it');
    });

    it('escapes text from the spec', async () => {
        await hover({
            text: 'product p { feature <|>x "Use *bold* <b>|a|</b> `code` [l](javascript:x)" }',
            index: 0, disposeAfterCheck: true,
            hover: [
                '**Use \\*bold\\* \\<b\\>\\|a\\|\\</b\\> \\`code\\` \\[l\\](javascript:x)** · feature x of p',
                'RICE unscored: lacks rice reach, rice impact, rice confidence, rice effort',
                'rank 1 of 1 (unscored: ranks after every scored feature)',
                'status idea'
            ].join('\n\n')
        });
    });

    it('gives nothing over punctuation and numbers', async () => {
        await hover({ text: mark(CONTRACT_EXAMPLE, 'reach 4000', 7), index: 0, hover: undefined, disposeAfterCheck: true });
    });
});
