import type { IToken } from 'chevrotain';
import { CstNodeBuilder, CstUtils, LangiumParser, LeafCstNodeImpl, createParser, type CompositeCstNode, type CstNode, type LangiumCoreServices, type RootCstNode } from 'langium';

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
