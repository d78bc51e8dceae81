import * as assert from 'node:assert/strict';
import { clearDocuments, expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { CONTRACT_EXAMPLE, createServices } from './lsp-helpers.js';

const services = createServices();
const highlight = highlightHelper(services.ProductSpec);
const provider = services.ProductSpec.lsp.SemanticTokenProvider!;

/** Every token as `text type[+modifiers]`, in document order. */
async function tokens(text: string): Promise<string[]> {
    const result = await highlight(text);
    return result.tokens.map(token => {
        const modifiers = Object.entries(provider.tokenModifiers)
            .filter(([, bit]) => (token.tokenModifiers & bit) !== 0)
            .map(([name]) => name);
        return `${token.text} ${token.tokenType}${modifiers.length > 0 ? `+${modifiers.join('+')}` : ''}`;
    });
}

describe('LSP semantic tokens', () => {
    beforeEach(() => clearDocuments(services.shared));

    it('classifies every token of a feature: keywords, declaration, references, value words, numbers', async () => {
        const text = `product acme {
  release launch "Launch" { date 2027-03-01 capacity 12 }
  feature auth
  feature export "Export" {
    status planned
    release launch
    requires auth, beta.sync
    rice { reach 4000 impact high confidence 80% effort 2 }
  }
}
product beta { feature sync { status dropped } }
`;
        assert.deepEqual(await tokens(text), [
            'product keyword', 'acme namespace+declaration',
            'release keyword', 'launch class+declaration', '"Launch" string', 'date keyword', '2027-03-01 number', 'capacity keyword', '12 number',
            'feature keyword', 'auth function+declaration',
            'feature keyword', 'export function+declaration', '"Export" string',
            'status keyword', 'planned enumMember',
            'release keyword', 'launch class',
            'requires keyword', 'auth function', 'beta namespace', 'sync function+deprecated',
            'rice keyword', 'reach keyword', '4000 number', 'impact keyword', 'high enumMember', 'confidence keyword', '80% number', 'effort keyword', '2 number',
            'product keyword', 'beta namespace+declaration', 'feature keyword', 'sync function+declaration+deprecated', 'status keyword', 'dropped enumMember'
        ]);
    });

    it('marks declarations by kind in the contract\'s big example', async () => {
        const marked = CONTRACT_EXAMPLE
            .replace('product acme', 'product <|acme|>')
            .replace('stakeholder priya', 'stakeholder <|priya|>')
            .replace('persona owner "', 'persona <|owner|> "')
            .replace('need quick_report', 'need <|quick_report|>')
            .replace('objective grow_smb', 'objective <|grow_smb|>')
            .replace('metric activation', 'metric <|activation|>')
            .replace('release mvp "', 'release <|mvp|> "')
            .replace('feature bulk_export', 'feature <|bulk_export|>')
            .replace('forecast fy27', 'forecast <|fy27|>')
            .replace('moscow must', 'moscow <|must|>')
            .replace('stage development', '<|stage|> development')
            .replace('growth 8%', 'growth <|8%|>');
        const result = await highlight(marked);
        // The marked ranges, in text order.
        const expected = [
            SemanticTokenTypes.namespace, SemanticTokenTypes.keyword, SemanticTokenTypes.variable, SemanticTokenTypes.variable,
            SemanticTokenTypes.interface, SemanticTokenTypes.struct, SemanticTokenTypes.property, SemanticTokenTypes.class,
            SemanticTokenTypes.function, SemanticTokenTypes.enumMember, SemanticTokenTypes.method, SemanticTokenTypes.number
        ];
        assert.equal(result.ranges.length, expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(result, { rangeIndex, tokenType }));
        const declaration = provider.tokenModifiers[SemanticTokenModifiers.declaration];
        const acme = result.tokens.find(token => token.text === 'acme')!;
        assert.equal(acme.tokenModifiers & declaration, declaration);
    });

    it('treats a keyword used as a name as a name', async () => {
        assert.deepEqual(await tokens('product p { release launch feature must { release launch } }'), [
            'product keyword', 'p namespace+declaration', 'release keyword', 'launch class+declaration',
            'feature keyword', 'must function+declaration', 'release keyword', 'launch class'
        ]);
    });
});
