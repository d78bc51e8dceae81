import type { IToken } from 'chevrotain';
import { AstUtils, CstNodeBuilder, CstUtils, GrammarAST, LangiumCompletionParser, LangiumParser, LeafCstNodeImpl, createParser, type CompositeCstNode, type CstNode, type LangiumCoreServices, type RootCstNode } from 'langium';

/**
 * Langium's CST builder with two linear-time fixes (Langium 4.2.1). While parsing, the node
 * being built is always the last child of its container, yet Langium finds it with
 * `indexOf` from the front: once per token for hidden tokens (even when there are none)
 * and once per removed empty node, so a product with thousands of members took quadratic
 * time (a third of the parse of a 10,000-feature file, measured).
 */
class ProductSpecCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const root = (this as unknown as { rootNode: RootCstNode }).rootNode;
        const nodes = tokens.map(token => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = root;
            return leaf;
        });
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            pushAll(current.content, nodes);
            return;
        }
        // A node just opened: the comments go before it, in the first ancestor with content.
        while (current.container) {
            const siblings = current.container.content;
            const index = siblings.lastIndexOf(current);
            if (index > 0) {
                insertAll(siblings, index, nodes);
                return;
            }
            current = current.container;
        }
        insertAll(root.content, 0, nodes);
    }

    override removeNode(node: CstNode): void {
        const siblings = node.container?.content;
        const index = siblings ? siblings.lastIndexOf(node) : -1;
        if (index >= 0) siblings!.splice(index, 1);
    }
}

// Without spreading: a file of a million comments would pass a million arguments (a RangeError).
function pushAll<T>(into: T[], items: readonly T[]): void {
    for (const item of items) into.push(item);
}

function insertAll<T>(into: T[], index: number, items: readonly T[]): void {
    // Langium's CST arrays pass `count` on to Array#splice, where undefined means 0: give it.
    const tail = into.splice(index, into.length - index);
    pushAll(into, items);
    pushAll(into, tail);
}

/** Langium's parser (as `createLangiumParser` builds it) with the CST builder above. */
export function createProductSpecParser(services: LangiumCoreServices): LangiumParser {
    const parser = new LangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new ProductSpecCstNodeBuilder();
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    const parse = parser.parse.bind(parser);
    parser.parse = ((text: string, options?: unknown) => {
        const tooDeep = nestingBeyond(text, MAX_NESTING);
        if (tooDeep === undefined) return parse(text, options as never);
        // Langium's syntax tree recurses per level: 100,000 nested braces overflowed the stack.
        // Such a file is parsed as empty (newlines kept, so positions stay) with one error.
        const result = parse(text.replace(/[^\r\n]/g, ' '), options as never);
        const { line, column } = lineAndColumn(text, tooDeep);
        result.lexerErrors.push({ offset: tooDeep, length: 1, line, column, message: `${NESTING_MESSAGE} ${MAX_NESTING} levels deep here (a spec needs 4): the file is not read until they are fewer.` });
        return result;
    }) as typeof parser.parse;
    return parser;
}

/** Braces nest at most this deep (product, feature, rice: 3 are used); deeper is no spec. */
export const MAX_NESTING = 64;
export const NESTING_MESSAGE = 'Braces are nested more than';

/** The offset of the first `{` (outside strings and comments) that opens a level beyond `limit`, if any. */
function nestingBeyond(text: string, limit: number): number | undefined {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x7b /* { */) {
            if (++depth > limit) return i;
        } else if (c === 0x7d /* } */) {
            if (depth > 0) depth--;
        } else if (c === 0x22 /* " */) {
            // A string ends at its quote or at the line's end.
            for (i++; i < text.length; i++) {
                const d = text.charCodeAt(i);
                if (d === 0x5c) i++;
                else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
            }
        } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
            while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
        } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 1;
        }
    }
    return undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; start = i + 1; }
    return { line, column: offset - start + 1 };
}

/**
 * Langium's completion parser, with one difference: an unknown word (the grammar's `Unknown`,
 * which takes any name so that a misplaced keyword is kept as one error) takes only words
 * that are no keyword. Completion parses the text up to the cursor; cut off there, `moscow`
 * alone would be read as an unknown word rather than as the property whose value comes next.
 */
export function createProductSpecCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const unknown = services.Grammar.rules.find(rule => rule.name === 'Unknown');
    const word = unknown && AstUtils.streamAllContents(unknown).filter(GrammarAST.isAssignment).find(assignment => assignment.feature === 'word');
    const id = word && AstUtils.streamAllContents(word).filter(GrammarAST.isRuleCall).find(call => call.rule.ref?.name === 'ID');
    const original = id?.rule;
    const parser = new LangiumCompletionParser(services);
    try {
        if (id && original?.ref) {
            // The lexer's word token (syntax/token-builder.ts), for building this parser only.
            (id as { rule: unknown }).rule = { ref: { ...original.ref, name: 'WORD' }, $refText: 'WORD' };
        }
        createParser(services.Grammar, parser, services.parser.Lexer.definition);
        parser.finalize();
    } finally {
        if (id && original) (id as { rule: unknown }).rule = original;
    }
    return parser;
}
