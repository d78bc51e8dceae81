import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type LeafCstNode, type ValidationAcceptor } from 'langium';
import type { PropertySegment } from '../../syntax/properties.js';
import { describeTerminal, oneOf } from '../../syntax/parser-messages.js';
import type * as ast from '../../generated/ast.js';
import { Codes, type FixData } from '../codes.js';
import { rangeData, type Locator } from '../locate.js';
import { blockWord } from '../messages.js';
import { isProductProperty, reportProductProperty } from '../workspace/name-checks.js';

/** `duplicate-property` inside one block (a product's properties across its blocks: workspace/name-checks.ts). */
export class PropertyChecks {
    constructor(private readonly locate: Locator) { }

    /** A property written twice inside one block. */
    checkDuplicateProperty(node: AstNode, accept: ValidationAcceptor): void {
        if (!this.locate.mayRepeatProperty(node)) return;
        const seen = new Set<string>();
        for (const segment of this.locate.segments(node)) {
            if (!seen.has(segment.key)) { seen.add(segment.key); continue; }
            const data: FixData = { fix: 'remove', range: rangeData(segment.range), title: `Remove the repeated '${segment.key}'` };
            accept('error', `'${segment.key}' is given twice in this ${blockWord(node.$type)}: keep one of them.`,
                { node, range: segment.range, code: Codes.DuplicateProperty, data });
        }
    }

    /** A product property written twice in one product block. */
    checkProductBlock(product: ast.Product, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const segment of this.locate.segments(product)) {
            if (!isProductProperty(segment.key)) continue;
            if (seen.has(segment.key)) reportProductProperty(product.name, segment.key, segment.range, true, product, accept);
            seen.add(segment.key);
        }
        product.scoring.forEach((scoring, index) => {
            if (index > 0 && scoring.$cstNode) reportProductProperty(product.name, 'scoring', scoring.$cstNode.range, true, product, accept);
        });
    }

    /**
     * A property written without its value (`moscow }`): what was expected, at the token
     * found instead. (The grammar takes the value as optional, so that the rest of the block
     * still parses.)
     */
    checkMissingValues(node: AstNode, accept: ValidationAcceptor): void {
        for (const segment of this.locate.segments(node)) {
            if (segment.end !== segment.keyword.end && !segment.key.includes(' ')) continue;
            const keyword = segment.key.includes(' ') ? lastKeywordOf(segment) : segment.keyword;
            if (!keyword || keyword.end !== segment.end) continue;
            const expected = expectedAfter(keyword);
            if (!expected) continue;
            const next = nextLeaf(keyword);
            const found = next ? `'${next.text}'` : 'the end of the file';
            accept('error', `Expected ${expected} but found ${found}.`, { node, range: next?.range ?? keyword.range, code: Codes.Syntax });
        }
    }

    checkDuplicateWeights(scoring: ast.Scoring, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const weight of scoring.weights) {
            if (!seen.has(weight.driver)) { seen.add(weight.driver); continue; }
            accept('error', `The weight of '${weight.driver}' is given twice: keep one of them.`,
                { node: weight, code: Codes.DuplicateProperty, data: { fix: 'remove', range: rangeData(weight.$cstNode!.range), title: `Remove the repeated '${weight.driver}' weight` } satisfies FixData });
        }
    }
}

/** The last keyword of a compound property (`cost fixed`). */
function lastKeywordOf(segment: PropertySegment): LeafCstNode | undefined {
    const parent = segment.keyword.container;
    const leaves = parent ? parent.content.filter((c): c is LeafCstNode => isLeafCstNode(c) && !c.hidden && c.offset >= segment.offset && c.end <= segment.end) : [];
    return leaves[leaves.length - 1];
}

/** What the grammar takes after a property keyword, when it is a value that may be missing. */
function expectedAfter(keyword: LeafCstNode): string | undefined {
    const source = keyword.grammarSource;
    if (!GrammarAST.isKeyword(source)) return undefined;
    const group = source.$container as GrammarAST.AbstractElement | undefined;
    if (!group || !GrammarAST.isGroup(group)) return undefined;
    const elements = group.elements;
    const next = elements[elements.indexOf(source) + 1];
    if (!next || next.cardinality !== '?') return undefined;
    const choices = GrammarAST.isAlternatives(next) ? next.elements : [next];
    const described = choices.flatMap(choice => describeValue(choice));
    return described.length > 0 ? oneOf(described) : undefined;
}

function describeValue(element: GrammarAST.AbstractElement): string[] {
    const terminal = GrammarAST.isAssignment(element) ? element.terminal : element;
    if (GrammarAST.isRuleCall(terminal)) {
        const rule = terminal.rule.ref;
        if (!rule) return [];
        if (rule.name === 'Amount') return [describeTerminal('NUMBER')!];
        if (rule.name === 'Percentage') return [describeTerminal('PERCENT')!];
        if (GrammarAST.isTerminalRule(rule)) return [describeTerminal(rule.name) ?? rule.name];
        if (GrammarAST.isParserRule(rule) && rule.dataType) {
            return AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(k => `'${k.value}'`).toArray();
        }
        // A nested block (`kano { ... }`): it opens with a brace.
        return ["'{'"];
    }
    return [];
}

/** The token after a leaf in the text (skipping comments). */
function nextLeaf(leaf: LeafCstNode): LeafCstNode | undefined {
    for (const candidate of CstUtils.streamCst(leaf.root)) {
        if (isLeafCstNode(candidate) && !candidate.hidden && candidate.offset >= leaf.end) return candidate;
    }
    return undefined;
}
