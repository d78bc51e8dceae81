import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanCancelled } from '../src/model/plan/plan.js';
import { createServices, open } from './lsp-helpers.js';

const services = createServices();
const lsp = services.ProductSpec.lsp;
const EXAMPLE = readFileSync(new URL('../../test/fixtures/plan-contract.product', import.meta.url), 'utf8');

/** The plan lenses of a document, as `release: title`. */
async function planLenses(document: LangiumDocument): Promise<string[]> {
    const lenses = await lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
    return lenses.filter(lens => lens.command?.title.startsWith('plan:')).map(lens => `${document.textDocument.getText(lens.range)}: ${lens.command!.title}`);
}

/** The code actions offered on the over-capacity diagnostic of a document. */
async function overCapacityActions(document: LangiumDocument): Promise<CodeAction[]> {
    const diagnostic = document.diagnostics?.find(d => d.code === 'over-capacity');
    assert.ok(diagnostic, 'an over-capacity diagnostic');
    return await lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
}

/** Each file's text after applying an action's workspace edit (files it does not touch are left out). */
function applied(action: CodeAction, documents: LangiumDocument[]): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const document = documents.find(d => d.uri.toString() === uri)!;
        const text = document.textDocument.getText();
        result[document.uri.path.split('/').pop()!] = TextDocument.applyEdits(TextDocument.create(uri, 'product', 1, text), edits);
    }
    return result;
}

describe('LSP release plan', () => {
    it('shows the plan on each release with a capacity: its load and the moves into or out of it', async () => {
        const [document] = await open(services, { 'p.product': EXAMPLE });
        assert.deepEqual(await planLenses(document), ['r1: plan: load 3 / 5 · 2 moves', 'r2: plan: load 3 / 5 · 1 move']);
        const [none] = await open(services, { 'q.product': 'product q {\n  release later { }\n  feature x { release later effort 1 }\n}\n' });
        assert.deepEqual(await planLenses(none), []);
    });

    it('on over-capacity, offers the plan\'s move out of the release and the whole plan, as the formatter writes them', async () => {
        const [document] = await open(services, { 'p.product': EXAMPLE });
        const actions = await overCapacityActions(document);
        const plan = actions.filter(a => a.title.startsWith('Remove') || a.title.startsWith('Move') || a.title.startsWith('Apply'));
        assert.deepEqual(plan.map(a => a.title), ['Remove a from r1', 'Apply the release plan of product p']);
        assert.deepEqual(applied(plan[0], [document]), {
            'p.product': EXAMPLE.replace('feature a "A" { release r1 rice', 'feature a "A" { rice')
        });
        assert.deepEqual(applied(plan[1], [document]), {
            'p.product': EXAMPLE
                .replace('feature a "A" { release r1 rice', 'feature a "A" { rice')
                .replace('feature c "C" { rice', 'feature c "C" { release r2 rice')
                .replace('feature d "D" { moscow', 'feature d "D" { release r1 moscow')
        });
    });

    it('applies the whole plan as one edit across files: adding, changing and removing release properties', async () => {
        const files = {
            'releases.product': `product p {
  release r1 { date 2027-01-01 capacity 3 }
  release r2 { date 2027-02-01 capacity 6 }
  feature early {
    release r1
    rice { reach 900 impact high confidence 100% effort 3 }
  }
}
`,
            'backlog.product': `product p {
  feature late {
    release r1 // too much for r1
    rice { reach 100 impact high confidence 100% effort 3 }
  }
  feature dropped_in {
    rice { reach 50 impact high confidence 100% effort 3 }
  }
  feature bare "Bare"
  feature spare { release r1 rice { reach 1 impact low confidence 50% effort 1 } }
  feature gone {
    release r1
    rice { reach 2 impact low confidence 50% effort 1 }
  }
}
`
        };
        const documents = await open(services, files);
        const actions = await overCapacityActions(documents[0]);
        assert.deepEqual(actions.map(a => a.title), ['Remove gone from r1', 'Move late to r2', 'Remove spare from r1', 'Apply the release plan of product p']);
        assert.deepEqual(applied(actions[3], documents), {
            'backlog.product': `product p {
  feature late {
    release r2 // too much for r1
    rice { reach 100 impact high confidence 100% effort 3 }
  }
  feature dropped_in {
    release r2
    rice { reach 50 impact high confidence 100% effort 3 }
  }
  feature bare "Bare"
  feature spare { rice { reach 1 impact low confidence 50% effort 1 } }
  feature gone {
    rice { reach 2 impact low confidence 50% effort 1 }
  }
}
`
        });
    });

    it('writes a release on its own line in a block over several lines, after a comment on the brace line', async () => {
        const [document] = await open(services, {
            'p.product': `product p {
  release r1 { capacity 4 }
  feature big { release r1 effort 5 moscow could rice { reach 1 impact low confidence 50% effort 5 } }
  feature wide { // comment after the brace
    rice { reach 50 impact high confidence 100% effort 2 }
  }
  feature wip { status building release r1 effort 1 }
}
`
        });
        const actions = await overCapacityActions(document);
        assert.deepEqual(actions.map(a => a.title), ['Remove big from r1', 'Apply the release plan of product p']);
        assert.deepEqual(applied(actions[1], [document]), {
            'p.product': `product p {
  release r1 { capacity 4 }
  feature big { effort 5 moscow could rice { reach 1 impact low confidence 50% effort 5 } }
  feature wide { // comment after the brace
    release r1
    rice { reach 50 impact high confidence 100% effort 2 }
  }
  feature wip { status building release r1 effort 1 }
}
`
        });
    });

    it('computes each plan once per model state, lazily, and abandons it when the documents change', async () => {
        const [document] = await open(services, { 'p.product': EXAMPLE });
        const product = services.ProductSpec.model.ModelService.model.productsByName.get('p')!;
        const plans = services.ProductSpec.model.PlanService;
        assert.equal(plans.plan(product), plans.plan(product));
        await planLenses(document);
        assert.equal(plans.plan(product), plans.plan(product));
        // A backlog big enough to take more than one slice of the search, then a change.
        const features = Array.from({ length: 300 }, (_, i) =>
            `  feature f${i} { ${i % 7 === 0 ? 'moscow must ' : ''}${i % 5 === 0 ? `release r${1 + (i % 3)} ` : ''}rice { reach ${100 + ((i * 7919) % 9000)} impact high confidence 80% effort ${1 + (i % 5)} }${i > 3 && i % 4 === 0 ? ` requires f${i - 3}` : ''} }`);
        await open(services, { 'big.product': `product big {\n  release r1 { date 2027-01-01 capacity 60 }\n  release r2 { date 2027-02-01 capacity 60 }\n  release r3 { date 2027-03-01 capacity 60 }\n${features.join('\n')}\n}\n` });
        const big = services.ProductSpec.model.ModelService.model.productsByName.get('big')!;
        const pending = plans.plan(big);
        await open(services, { 'p.product': EXAMPLE });
        await assert.rejects(pending, PlanCancelled);
    });
});
