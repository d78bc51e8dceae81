import * as assert from 'node:assert/strict';
import { clearDocuments, expectFormatting, parseHelper } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver';
import { CONTRACT_EXAMPLE, createServices } from './lsp-helpers.js';

const services = createServices();
const formatting = expectFormatting(services.ProductSpec);
const parse = parseHelper(services.ProductSpec);

async function format(text: string, options: FormattingOptions = { tabSize: 4, insertSpaces: true }): Promise<string> {
    const document = await parse(text);
    const edits = await services.ProductSpec.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Every token and comment, in order. */
function tokens(text: string): string[] {
    const result = services.ProductSpec.parser.Lexer.tokenize(text);
    return [...result.tokens, ...(result.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset).map(token => token.image);
}

describe('LSP formatting', () => {
    beforeEach(() => clearDocuments(services.shared));

    it('keeps ranges as written, with no space around `..` (decide.md §2)', async () => {
        const formatted = await format('product p {\n feature a { effort 2 .. 3..5 rice { reach 2000..6000 impact high confidence 50%..  90% } }\n forecast f { customers 150 ..250 growth 4%..10% }\n}\n');
        assert.equal(formatted, [
            'product p {',
            '  feature a { effort 2..3..5 rice { reach 2000..6000 impact high confidence 50%..90% } }',
            '  forecast f { customers 150..250 growth 4%..10% }',
            '}',
            ''
        ].join('\n'));
    });

    it('indents 2 spaces per level, one property per line in multi-line blocks, single spaces on one-line blocks', async () => {
        await formatting({
            disposeAfterCheck: true,
            before: [
                '// portfolio',
                'stakeholder  cfo "CFO"{group commercial}',
                '',
                '',
                '',
                'product   acme "Acme"{',
                'vision "V"   // trailing',
                '      stage development currency EUR',
                '',
                '',
                '   /* block */',
                ' feature a "A" { release mvp moscow must requires b ,c  rice {reach 10 impact high confidence 80% effort 2}',
                '  }',
                '  feature b { requires other . x }',
                ' feature c',
                '    {',
                '  // inside',
                ' rice {',
                ' reach 1',
                ' impact low',
                ' }',
                '',
                '',
                ' }',
                '  scoring{method rice weights{rice 40% wsjf 60%}}',
                '  release mvp "MVP" {',
                '    date 2027-01-01 }',
                '}',
                'product other { feature x }'
            ].join('\n'),
            after: [
                '// portfolio',
                'stakeholder cfo "CFO" { group commercial }',
                '',
                'product acme "Acme" {',
                '  vision "V"   // trailing',
                '  stage development',
                '  currency EUR',
                '',
                '  /* block */',
                '  feature a "A" {',
                '    release mvp',
                '    moscow must',
                '    requires b, c',
                '    rice { reach 10 impact high confidence 80% effort 2 }',
                '  }',
                '  feature b { requires other.x }',
                '  feature c {',
                '    // inside',
                '    rice {',
                '      reach 1',
                '      impact low',
                '    }',
                '  }',
                '  scoring { method rice weights { rice 40% wsjf 60% } }',
                '  release mvp "MVP" {',
                '    date 2027-01-01',
                '  }',
                '}',
                'product other { feature x }',
                ''
            ].join('\n')
        });
    });

    it('keeps the contract\'s big example as written, except one property per line, and changes no token', async () => {
        const formatted = await format(CONTRACT_EXAMPLE);
        assert.equal(formatted, CONTRACT_EXAMPLE.replace(
            '    release mvp moscow should requestedBy priya\n',
            '    release mvp\n    moscow should\n    requestedBy priya\n'));
        assert.deepEqual(tokens(formatted), tokens(CONTRACT_EXAMPLE));
        assert.equal(await format(formatted), formatted, 'formatting is stable');
    });

    it('restores the big example from a flattened, badly indented copy', async () => {
        const expected = await format(CONTRACT_EXAMPLE);
        const messy = expected.split('\n').map((line, index) => (index % 3 === 0 ? `\t ${line.trim()}` : line.trim())).join('\n').replace(/\n\n/g, '\n\n\n\n');
        assert.equal(await format(messy), expected);
    });

    it('keeps a one-line block on one line, with single spaces', async () => {
        await formatting({
            disposeAfterCheck: true,
            before: 'product acme {\n  stakeholder marco "Marco Ruiz"   {  group commercial   role "Head of sales" influence high interest medium}\n}\n',
            after: 'product acme {\n  stakeholder marco "Marco Ruiz" { group commercial role "Head of sales" influence high interest medium }\n}\n'
        });
    });

    it('puts one space after each comma and none before', async () => {
        await formatting({
            disposeAfterCheck: true,
            before: 'product p {\n  feature a { requires b ,c,d  ,  e addresses n1,n2 }\n}\n',
            after: 'product p {\n  feature a { requires b, c, d, e addresses n1, n2 }\n}\n'
        });
    });

    it('indents own-line comments with the code they precede and keeps end-of-line comments in place', async () => {
        await formatting({
            disposeAfterCheck: true,
            before: [
                'product p {',
                '// about a',
                '      feature a {',
                '/* status */ status planned     // not yet',
                '        // last',
                '}',
                '    // at the end',
                '}'
            ].join('\n'),
            after: [
                'product p {',
                '  // about a',
                '  feature a {',
                '    /* status */ status planned     // not yet',
                '    // last',
                '  }',
                '  // at the end',
                '}',
                ''
            ].join('\n')
        });
    });

    it('formats only the lines of a range', async () => {
        await formatting({
            disposeAfterCheck: true,
            range: { start: { line: 3, character: 0 }, end: { line: 4, character: 14 } },
            before: 'product p {\nfeature a {\nstatus idea }\nfeature   b {\nstatus idea }\n}\n',
            after: 'product p {\nfeature a {\nstatus idea }\n  feature b {\n    status idea\n  }\n}\n'
        });
    });

    it('uses 2 spaces whatever the editor\'s tab settings', async () => {
        assert.equal(await format('product p {\nfeature a {\nstatus idea\n}\n}\n', { tabSize: 8, insertSpaces: false }),
            'product p {\n  feature a {\n    status idea\n  }\n}\n');
    });

    it('keeps Windows line ends', async () => {
        assert.equal(await format('product p {\r\nfeature a {\r\n\r\n\r\nstatus idea }\r\n}'),
            'product p {\r\n  feature a {\r\n    status idea\r\n  }\r\n}\r\n');
    });

    it('leaves a document with syntax errors alone', async () => {
        assert.equal(await format('product p {\nfeature a { status }\n'), 'product p {\nfeature a { status }\n');
    });
});
