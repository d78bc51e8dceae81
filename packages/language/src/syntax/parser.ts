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
            current.content.push(...nodes);
            return;
        }
        // A node just opened: the comments go before it, in the first ancestor with content.
        while (current.container) {
            const siblings = current.container.content;
            const index = siblings.lastIndexOf(current);
            if (index > 0) {
                siblings.splice(index, 0, ...nodes);
                return;
            }
            current = current.container;
        }
        root.content.unshift(...nodes);
    }

    override removeNode(node: CstNode): void {
        const siblings = node.container?.content;
        const index = siblings ? siblings.lastIndexOf(node) : -1;
        if (index >= 0) siblings!.splice(index, 1);
    }
}

/** Langium's parser (as `createLangiumParser` builds it) with the CST builder above. */
export function createProductSpecParser(services: LangiumCoreServices): LangiumParser {
    const parser = new LangiumParser(services);
    (parser as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new ProductSpecCstNodeBuilder();
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
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
