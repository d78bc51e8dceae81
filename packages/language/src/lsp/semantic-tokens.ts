import { last } from '../model/values.js';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isFeature, isRice } from '../generated/ast.js';
import { VALUE_DOCS } from './vocabulary.js';

/**
 * The semantic token type of each kind of declaration, for its name and every reference to it.
 * Standard LSP types, so that every theme colours them:
 * - product → namespace: it qualifies its members (`acme.auth`);
 * - feature → function: a capability the product performs; `requires` links features the
 *   way calls link functions, and themes give functions a strong, distinct colour;
 * - release → class: a timebox that contains features, as a class contains members;
 * - need → interface: features address needs as classes implement interfaces;
 * - objective → struct: a goal that groups metrics;
 * - metric → property: a measured value;
 * - stakeholder, persona → variable: people and the roles they stand for;
 * - forecast → method: a computation over months.
 */
export const DECLARATION_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Product: SemanticTokenTypes.namespace,
    Feature: SemanticTokenTypes.function,
    Release: SemanticTokenTypes.class,
    Need: SemanticTokenTypes.interface,
    Objective: SemanticTokenTypes.struct,
    Metric: SemanticTokenTypes.property,
    Stakeholder: SemanticTokenTypes.variable,
    Persona: SemanticTokenTypes.variable,
    Forecast: SemanticTokenTypes.method
};

/** Rules whose words are values (stages, levels, MoSCoW, ...): shown as enum members. */
const VALUE_RULES = new Set(Object.keys(VALUE_DOCS));

/**
 * Semantic tokens: declaration names (with the `declaration` modifier) and references by
 * the kind of what they name (see DECLARATION_TOKEN_TYPES; the product part of a
 * qualified name is a namespace; a dropped feature carries `deprecated`); value words and
 * RICE impact words as `enumMember`; keywords as `keyword` (a keyword used as a name is a
 * name); numbers, percents and dates as `number`; strings as `string`.
 */
export class ProductSpecSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const cst = node.$cstNode;
        if (!cst) return;
        const nameNode = 'name' in node ? GrammarUtils.findNodeForProperty(cst, 'name') : undefined;
        const impactNode = isRice(node) ? GrammarUtils.findNodeForProperty(cst, 'impactWord') : undefined;
        const references = AstUtils.streamReferences(node).toArray();
        for (const leaf of ownLeaves(node)) {
            if (nameNode && contains(nameNode, leaf)) {
                const type = DECLARATION_TOKEN_TYPES[node.$type];
                if (type) acceptor({ cst: leaf, type, modifier: modifiersOf(node, [SemanticTokenModifiers.declaration]) });
                continue;
            }
            const reference = references.find(info => info.reference.$refNode && contains(info.reference.$refNode, leaf));
            if (reference) {
                const target = 'ref' in reference.reference ? reference.reference.ref : undefined;
                const refNode = reference.reference.$refNode!;
                const qualifier = leaf.text !== '.' && refNode.text.includes('.') && leaf.end < refNode.end;
                const type = qualifier ? SemanticTokenTypes.namespace : target ? DECLARATION_TOKEN_TYPES[target.$type] : undefined;
                if (type && leaf.text !== '.') acceptor({ cst: leaf, type, modifier: qualifier || !target ? [] : modifiersOf(target, []) });
                continue;
            }
            if (impactNode && contains(impactNode, leaf)) {
                acceptor({ cst: leaf, type: SemanticTokenTypes.enumMember });
                continue;
            }
            const type = leafType(leaf);
            if (type) acceptor({ cst: leaf, type });
        }
    }
}

function modifiersOf(node: AstNode, modifiers: string[]): string[] {
    return isFeature(node) && last(node.status) === 'dropped' ? [...modifiers, SemanticTokenModifiers.deprecated] : modifiers;
}

function leafType(leaf: LeafCstNode): string | undefined {
    const source = leaf.grammarSource;
    if (GrammarAST.isKeyword(source)) {
        const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name ?? '';
        if (VALUE_RULES.has(rule)) return SemanticTokenTypes.enumMember;
        return /\p{L}/u.test(source.value) ? SemanticTokenTypes.keyword : undefined;
    }
    switch (leaf.tokenType.name) {
        case 'NUMBER':
        case 'PERCENT':
        case 'DATE':
            return SemanticTokenTypes.number;
        case 'STRING':
            return SemanticTokenTypes.string;
        default:
            return undefined;
    }
}

/** The visible tokens that belong to the node itself, not to the nodes it contains. */
function ownLeaves(node: AstNode): LeafCstNode[] {
    const leaves: LeafCstNode[] = [];
    const root = node.$cstNode!;
    const iterator = CstUtils.streamCst(root).iterator();
    for (let result = iterator.next(); !result.done; result = iterator.next()) {
        const cst = result.value;
        if (cst !== root && isCompositeCstNode(cst) && cst.astNode !== node) {
            iterator.prune();
        } else if (isLeafCstNode(cst) && !cst.hidden && cst.astNode === node) {
            leaves.push(cst);
        }
    }
    return leaves;
}

function contains(outer: CstNode, inner: CstNode): boolean {
    return outer.offset <= inner.offset && inner.end <= outer.end;
}
