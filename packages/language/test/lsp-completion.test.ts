import * as assert from 'node:assert/strict';
import { clearDocuments, expectCompletion } from 'langium/test';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { CONTRACT_EXAMPLE, createServices, mark } from './lsp-helpers.js';

const services = createServices();
const completion = expectCompletion(services.ProductSpec);

function item(list: { items: CompletionItem[] }, label: string): CompletionItem {
    const found = list.items.find(candidate => candidate.label === label);
    assert.ok(found, `no completion item '${label}' among ${list.items.map(i => i.label).join(', ')}`);
    return found;
}

const documentation = (entry: CompletionItem) => (typeof entry.documentation === 'string' ? entry.documentation : entry.documentation?.value);

describe('LSP completion', () => {
    beforeEach(() => clearDocuments(services.shared));

    describe('value words', () => {
        it('offers RICE\'s impact scale after `impact` in a rice block, though the grammar accepts any name there', async () => {
            await completion({
                text: 'product p { feature f { rice { reach 10 impact <|> } } }', index: 0, disposeAfterCheck: true,
                expectedItems: ['massive', 'high', 'medium', 'low', 'minimal']
            });
            await completion({
                text: 'product p { feature f { rice { reach 10 impact h<|> } } }', index: 0, disposeAfterCheck: true,
                expectedItems: ['high']
            });
            await completion({
                text: 'product p { feature f { rice { impact <|> } } }', index: 0, disposeAfterCheck: true,
                assert: list => {
                    const high = item(list, 'high');
                    assert.equal(high.kind, CompletionItemKind.EnumMember);
                    assert.equal(high.detail, 'RICE impact × 2');
                    assert.equal(documentation(high), 'RICE impact high: × 2.');
                }
            });
        });

        it('offers no word after `impact` in an ice block, which takes a number', async () => {
            await completion({ text: 'product p { feature f { ice { impact <|> } } }', index: 0, disposeAfterCheck: true, expectedItems: [] });
        });

        it('offers MoSCoW values after `moscow`, with what each means', async () => {
            await completion({
                text: 'product p { feature f { moscow <|> } }', index: 0, disposeAfterCheck: true,
                expectedItems: ['must', 'should', 'could', 'wont']
            });
            await completion({
                text: 'product p { feature f { moscow <|> } }', index: 0, disposeAfterCheck: true,
                assert: list => {
                    const must = item(list, 'must');
                    assert.equal(must.kind, CompletionItemKind.EnumMember);
                    assert.equal(must.detail, 'MoSCoW');
                    assert.equal(documentation(must), 'Must have: MoSCoW score 4. Musts should take at most 60% of a release\'s load.');
                }
            });
        });

        it('offers stages, statuses, Kano categories, phases, levels, groups and methods', async () => {
            const cases: Array<[string, string[]]> = [
                ['product p { stage <|> }', ['concept', 'development', 'launch', 'growth', 'maturity', 'decline', 'retired']],
                ['product p { feature f { status <|> } }', ['idea', 'planned', 'building', 'shipped', 'dropped']],
                ['product p { feature f { kano <|> } }', ['must', 'performance', 'attractive', 'indifferent', 'reverse']],
                ['product p { release r { phase <|> } }', ['development', 'launch', 'improvement']],
                ['product p { stakeholder s { influence <|> } }', ['low', 'medium', 'high']],
                ['product p { stakeholder s { group <|> } }', ['engineering', 'commercial', 'customer']],
                ['product p { scoring { method <|> } }', ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'weighted']],
                ['product p { scoring { ice <|> } }', ['average', 'product']]
            ];
            for (const [text, expectedItems] of cases) {
                await completion({ text, index: 0, disposeAfterCheck: true, expectedItems });
            }
        });
    });

    describe('keywords', () => {
        it('offers a feature\'s properties, each with one line of documentation', async () => {
            await completion({
                text: 'product p { feature f { <|> } }', index: 0, disposeAfterCheck: true,
                expectedItems: ['description', 'status', 'release', 'moscow', 'kano', 'rice', 'wsjf', 'ice', 'addresses', 'requestedBy', 'moves', 'requires', 'effort']
            });
            await completion({
                text: 'product p { feature f { <|> } }', index: 0, disposeAfterCheck: true,
                assert: list => {
                    for (const entry of list.items) {
                        assert.equal(entry.kind, CompletionItemKind.Keyword);
                        assert.equal(entry.detail, 'property');
                        assert.ok(documentation(entry), `${entry.label} has documentation`);
                    }
                    assert.equal(documentation(item(list, 'status')), 'Where the feature stands: idea (default) | planned | building | shipped | dropped.');
                }
            });
        });

        it('offers a product\'s properties and declarations', async () => {
            await completion({
                text: 'product p { <|> }', index: 0, disposeAfterCheck: true,
                expectedItems: ['vision', 'strategy', 'manager', 'stage', 'currency', 'stakeholder', 'persona', 'need', 'objective', 'metric', 'release', 'feature', 'forecast', 'scoring']
            });
        });

        it('offers no keyword where a new name is written', async () => {
            await completion({ text: 'product p { feature <|> }', index: 0, disposeAfterCheck: true, expectedItems: [] });
        });
    });

    describe('names', () => {
        const portfolio = (cursor: string) => `product acme {
  release mvp "MVP"
  release v2
  feature auth "Single sign-on"
  feature export { ${cursor} }
}
product beta {
  release launch "Beta launch"
  feature sync
}
`;

        it('offers the product\'s releases by short name and other products\' qualified, after `release`', async () => {
            await completion({ text: portfolio('release <|>'), index: 0, disposeAfterCheck: true, expectedItems: ['mvp', 'v2', 'beta.launch'] });
            await completion({
                text: portfolio('release <|>'), index: 0, disposeAfterCheck: true,
                assert: list => {
                    assert.equal(item(list, 'mvp').detail, 'release · MVP');
                    assert.equal(item(list, 'v2').detail, 'release');
                    assert.equal(documentation(item(list, 'mvp')), '**MVP** · release mvp of acme\n\nload 0 person-months');
                }
            });
        });

        it('offers features to require (not the feature itself, nor one already listed), and completes qualified names', async () => {
            await completion({ text: portfolio('requires <|>'), index: 0, disposeAfterCheck: true, expectedItems: ['auth', 'beta.sync'] });
            await completion({ text: portfolio('requires auth, <|>'), index: 0, disposeAfterCheck: true, expectedItems: ['beta.sync'] });
            await completion({ text: portfolio('requires auth<|>, beta.sync'), index: 0, disposeAfterCheck: true, expectedItems: ['auth'] });
            await completion({ text: portfolio('requires beta.<|>'), index: 0, disposeAfterCheck: true, expectedItems: ['beta.sync'] });
            await completion({ text: portfolio('requires be<|>'), index: 0, disposeAfterCheck: true, expectedItems: ['beta.sync'] });
        });

        it('offers the contract\'s stakeholders after `requestedBy`', async () => {
            await completion({
                text: mark(CONTRACT_EXAMPLE, 'requestedBy marco', 12).replace('<|>marco', '<|>'), index: 0, disposeAfterCheck: true,
                expectedItems: ['priya', 'marco']
            });
        });
    });
});
