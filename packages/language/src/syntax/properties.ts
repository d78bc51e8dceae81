import { GrammarAST, isCompositeCstNode, isLeafCstNode, type AstNode, type CompositeCstNode, type CstNode, type LeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';

/**
 * A property as written inside a block: its keyword and everything up to the next
 * property, e.g. `target 25 by 2027-06-30`. Diagnostics about a property point at this
 * range, and quick fixes that remove or rewrite a property edit it.
 */
export interface PropertySegment {
    /** The property's key: its keyword (`cost fixed` and `cost variable` are two properties). */
    readonly key: string;
    readonly keyword: LeafCstNode;
    /** From the keyword to the end of its value. */
    readonly range: Range;
    readonly offset: number;
    readonly end: number;
}

/** Properties whose key includes the next keyword. */
const COMPOUND_KEYWORDS = new Set(['cost']);

/**
 * The keywords that start a property of each block type, read from the grammar: the first
 * keyword of each alternative of the rule's repeated group (so the grammar stays the only
 * list of properties).
 */
export class PropertyKeywords {
    private readonly byType = new Map<string, string[]>();

    constructor(grammar: GrammarAST.Grammar) {
        for (const rule of grammar.rules) {
            if (!GrammarAST.isParserRule(rule) || rule.dataType) continue;
            const keywords: string[] = [];
            collectPropertyKeywords(rule.definition, keywords);
            if (keywords.length > 0) this.byType.set(rule.name, keywords);
        }
    }

    /** Property keywords of a block type in grammar order (e.g. `Feature`: description, status, ...). */
    of(type: string): readonly string[] {
        return this.byType.get(type) ?? [];
    }
}

function collectPropertyKeywords(element: GrammarAST.AbstractElement, into: string[]): void {
    if (GrammarAST.isAlternatives(element) && (element.cardinality === '*' || element.cardinality === '+')) {
        for (const alternative of element.elements) collectFirstKeywords(alternative, into);
        return;
    }
    if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) {
        for (const child of element.elements) collectPropertyKeywords(child, into);
    }
}

/** The keyword an alternative starts with; through a fragment (`ForecastInput`), each of its alternatives'. */
function collectFirstKeywords(alternative: GrammarAST.AbstractElement, into: string[]): void {
    if (GrammarAST.isRuleCall(alternative) && GrammarAST.isParserRule(alternative.rule.ref) && alternative.rule.ref.fragment) {
        const definition = alternative.rule.ref.definition;
        for (const inner of GrammarAST.isAlternatives(definition) ? definition.elements : [definition]) collectFirstKeywords(inner, into);
        return;
    }
    const first = GrammarAST.isGroup(alternative) ? alternative.elements[0] : alternative;
    if (GrammarAST.isKeyword(first) && !into.includes(first.value)) into.push(first.value);
}

/**
 * The CST node whose children are the node's own tokens. A node reached through a rule
 * call (`Member: ... | Feature`) sits in a wrapper node with the real one as only child.
 */
export function ownCstNode(node: AstNode): CompositeCstNode | undefined {
    let cst = node.$cstNode;
    while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]) && cst.content[0].astNode === node) {
        cst = cst.content[0];
    }
    return cst && isCompositeCstNode(cst) ? cst : undefined;
}

/**
 * Whether a property keyword occurs twice among the block's own tokens: a quick test that
 * most blocks pass, before `propertySegments` says which property is repeated.
 */
export function mayRepeatProperty(node: AstNode, keywords: readonly string[]): boolean {
    const cst = ownCstNode(node);
    if (!cst) return false;
    const seen = new Set<string>();
    for (const child of cst.content) {
        if (child.hidden || !isLeafCstNode(child) || !GrammarAST.isKeyword(child.grammarSource) || !keywords.includes(child.text)) continue;
        if (seen.has(child.text)) return true;
        seen.add(child.text);
    }
    return false;
}

/** The properties written in a block, in text order. Members nested in a product are not properties. */
export function propertySegments(node: AstNode, keywords: readonly string[]): PropertySegment[] {
    const cst = ownCstNode(node);
    if (!cst) return [];
    const children = cst.content;
    const open = children.findIndex(child => isLeafCstNode(child) && child.text === '{' && !child.hidden);
    if (open < 0) return [];
    const segments: PropertySegment[] = [];
    let current: { key: string; keyword: LeafCstNode; last: CstNode } | undefined;
    const close = () => {
        if (current) {
            segments.push({
                key: current.key, keyword: current.keyword,
                range: { start: current.keyword.range.start, end: current.last.range.end },
                offset: current.keyword.offset, end: current.last.end
            });
        }
        current = undefined;
    };
    for (let i = open + 1; i < children.length; i++) {
        const child = children[i];
        if (child.hidden) continue;
        if (isLeafCstNode(child) && GrammarAST.isKeyword(child.grammarSource) && keywords.includes(child.text)) {
            close();
            let key = child.text;
            if (COMPOUND_KEYWORDS.has(key)) {
                const next = children.slice(i + 1).find(c => !c.hidden);
                if (next && isLeafCstNode(next) && GrammarAST.isKeyword(next.grammarSource)) key = `${key} ${next.text}`;
            }
            current = { key, keyword: child, last: child };
            continue;
        }
        const childNode = child.astNode;
        if (childNode !== node && (childNode.$containerProperty === 'members' || childNode.$containerProperty === 'scoring' || childNode.$containerProperty === 'scenarios' || childNode.$containerProperty === 'unknown')) {
            close();
            continue;
        }
        if (i === children.length - 1 && isLeafCstNode(child) && child.text === '}') {
            close();
            continue;
        }
        if (current) current.last = child;
    }
    close();
    return segments;
}
