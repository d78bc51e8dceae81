import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CstNode } from 'langium';
import { EmptyFileSystem, isCompositeCstNode } from 'langium';
import { createProductSpecServices } from '../src/product-spec-module.js';
import { reparseDeclaration } from '../src/syntax/incremental.js';
import type { Model } from '../src/generated/ast.js';

/**
 * The incremental reparse (syntax/incremental.ts) against the obvious oracle, a full parse of
 * the new text: every token at the same offset and position, with the same text.
 */
const parser = createProductSpecServices(EmptyFileSystem).ProductSpec.parser.LangiumParser;

function leaves(node: CstNode, into: string[] = []): string[] {
    if (isCompositeCstNode(node)) for (const child of node.content) leaves(child, into);
    else into.push(`${node.offset} ${node.range.start.line}:${node.range.start.character}-${node.range.end.line}:${node.range.end.character} ${node.text}`);
    return into;
}

function reparsedLeaves(oldText: string, newText: string): string[] | undefined {
    const previous = parser.parse<Model>(oldText);
    const result = reparseDeclaration(parser, previous, oldText, newText);
    return result ? leaves(result.value.$cstNode!) : undefined;
}

const SPEC = 'product p {\n  release r { capacity 8 } feature a "A" { effort 1 }\n  feature b { rice { reach 1 impact high confidence 80% effort 1 } }\n}\n';

describe('the incremental reparse', () => {
    it('moves every later token by the lines typed right after a declaration\'s closing brace (live-diagnostics seed -1962091367)', () => {
        const at = SPEC.indexOf('} feature a') + 1;
        const newText = `${SPEC.slice(0, at)}\n\n ${SPEC.slice(at)}`;
        const grafted = reparsedLeaves(SPEC, newText);
        assert.ok(grafted, 'reparsed incrementally');
        assert.deepEqual(grafted, leaves(parser.parse(newText).value.$cstNode!));
    });

    it('gives the positions of a full parse for random insertions and deletions', () => {
        fc.assert(fc.property(fc.nat(SPEC.length), fc.nat(6), fc.constantFrom('', ' ', '\n', '\n\n  ', '\r\n', ' effort 2', '1', 'x'), (at, cut, typed) => {
            const newText = SPEC.slice(0, at) + typed + SPEC.slice(Math.min(SPEC.length, at + cut));
            const grafted = reparsedLeaves(SPEC, newText);
            if (grafted) assert.deepEqual(grafted, leaves(parser.parse(newText).value.$cstNode!), JSON.stringify(newText));
        }), { numRuns: 2000, seed: 5 });
    });
});
