import { GrammarUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import { mayRepeatProperty, propertySegments, type PropertySegment } from '../syntax/properties.js';
import type { PropertyKeywords } from '../syntax/properties.js';
import type { RangeData } from './codes.js';

/** Where diagnostics point: the smallest range that shows the problem. */
export class Locator {
    constructor(private readonly keywords: PropertyKeywords) { }

    /** Every property written in a block, in text order. */
    segments(node: AstNode): PropertySegment[] {
        return propertySegments(node, this.keywords.of(node.$type));
    }

    /** False when no property keyword of the block occurs twice (then no property is repeated). */
    mayRepeatProperty(node: AstNode): boolean {
        return mayRepeatProperty(node, this.keywords.of(node.$type));
    }

    /** The property (keyword and value) whose value the AST holds: the last one written. */
    property(node: AstNode, key: string): Range | undefined {
        const matching = this.segments(node).filter(segment => segment.key === key);
        return matching[matching.length - 1]?.range;
    }

    /** The value of an assigned property (the last one written), or of one element of a list. */
    value(node: AstNode, property: string, index?: number): Range | undefined {
        const nodes = GrammarUtils.findNodesForProperty(node.$cstNode, property);
        const target = index !== undefined ? nodes[index] : nodes[nodes.length - 1];
        return target?.range;
    }

    /** The declaration's name. */
    name(node: AstNode): Range | undefined {
        return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? node.$cstNode?.range;
    }
}

export function rangeData(range: Range): RangeData {
    return { start: { ...range.start }, end: { ...range.end } };
}
