import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { CONTRACT_EXAMPLE, createServices, open, wholeRange } from './lsp-helpers.js';

const services = createServices();
const lsp = services.ProductSpec.lsp;

/** Each lens as `name: title`, in document order. */
async function lenses(document: LangiumDocument): Promise<string[]> {
    const result = await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return result.map(lens => `${document.textDocument.getText(lens.range)}: ${lens.command?.title}`);
}

/** Each hint as `its line up to the hint⟨label⟩`. */
async function hints(document: LangiumDocument): Promise<string[]> {
    const result = await lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: wholeRange(document) }) ?? [];
    return result.map(hint => {
        const line = document.textDocument.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position });
        return `${line.trim()}⟨${hint.label}⟩${hint.paddingLeft ? '' : ' (no padding)'}`;
    });
}

describe('LSP code lens', () => {
    beforeEach(() => clearDocuments(services.shared));

    it('titles every feature, release and forecast of the contract\'s big example', async () => {
        const [document] = await open(services, { 'acme.product': CONTRACT_EXAMPLE });
        assert.deepEqual(await lenses(document), [
            'mvp: load 4 / 12 · musts 50%',
            'mvp: plan: load 4 / 12 · 0 moves',
            'v2: load 0 / 10',
            'v2: plan: load 0 / 10 · 0 moves',
            'bulk_export: #2 · RICE 3,200',
            'auth: #1 · RICE 1,500 → 3,200 (from bulk_export)',
            'fy27: no break-even in 12 months · margin -202.58%'
        ]);
    });

    it('says shipped, dropped and what an unscored feature lacks; shows break-even and over capacity', async () => {
        const [document] = await open(services, {
            'p.product': `product p {
  release r { capacity 3 }
  feature a { release r effort 2 moscow must rice { reach 10 impact low confidence 50% effort 2 } }
  feature b { release r effort 2 rice { reach 10 impact high } }
  feature c { status shipped }
  feature d { status dropped release r effort 5 }
  forecast f { months 24 price 100 customers 100 growth 10% cost fixed 12000 scenario flat { growth 0% } }
  forecast g { months 12 customers 10 }
}
`
        });
        assert.deepEqual(await lenses(document), [
            'r: load 4 / 3 (over capacity) · musts 50%',
            'r: plan: load 2 / 3 · 1 move',
            'a: #1 · RICE 1.25',
            'b: #2 · unscored: lacks rice confidence',
            'c: shipped',
            'd: dropped',
            'f: break-even month 3 · margin 67.46% · flat: no break-even in 24 months, margin -20%',
            'g: no forecast: lacks price'
        ]);
    });
});

describe('LSP inlay hints', () => {
    beforeEach(() => clearDocuments(services.shared));

    it('shows RICE, WSJF and ICE after their blocks, opportunity after satisfaction, progress after current', async () => {
        const [document] = await open(services, { 'acme.product': CONTRACT_EXAMPLE });
        assert.deepEqual(await hints(document), [
            'satisfaction 3⟨opportunity 15⟩',
            'current 15⟨progress 23.08%⟩',
            'rice { reach 4000 impact high confidence 80% effort 2 }⟨= 3,200⟩',
            'wsjf { value 8 criticality 5 risk 3 size 5 }⟨= 3.2⟩',
            'ice { impact 7 confidence 6 ease 8 }⟨= 7⟩',
            'rice { reach 3000 impact medium confidence 100% effort 2 }⟨= 1,500⟩'
        ]);
    });

    it('shows a surveyed Kano category and nothing for incomplete inputs', async () => {
        const [document] = await open(services, {
            'p.product': 'product p {\n  feature a {\n    kano { must 3 performance 10 attractive 4 }\n    rice { reach 10 }\n  }\n}\n'
        });
        assert.deepEqual(await hints(document), ['kano { must 3 performance 10 attractive 4 }⟨= performance⟩']);
    });
});

describe('the computed model behind hover, code lens and inlay hints', () => {
    beforeEach(() => clearDocuments(services.shared));

    it('is built once per workspace state, however many features read it', async () => {
        const models = services.ProductSpec.model.ModelService;
        const parse = parseHelper(services.ProductSpec);
        // Parsed and linked, not validated: nothing has read the model yet.
        const document = await parse(CONTRACT_EXAMPLE);
        const before = models.builds;
        const run = async () => {
            const text = document.textDocument.getText();
            const position = document.textDocument.positionAt(text.indexOf('auth "'));
            await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
            await lenses(document);
            await hints(document);
            await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        };
        await run();
        await run();
        assert.equal(models.builds - before, 1);

        // A change makes a new state: the next reader builds the model once more, then it is reused.
        const changed = await open(services, { 'acme.product': CONTRACT_EXAMPLE.replace('reach 3000', 'reach 6000') });
        const afterValidation = models.builds;
        assert.equal(afterValidation - before, 2, 'validation of the new state builds it once');
        assert.deepEqual((await lenses(changed[0])).slice(4, 6), ['bulk_export: #2 · RICE 3,200', 'auth: #1 · RICE 3,000 → 3,200 (from bulk_export)']);
        await hints(changed[0]);
        assert.equal(models.builds, afterValidation);
    });
});
