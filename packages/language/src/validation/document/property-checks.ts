import type { AstNode, ValidationAcceptor } from 'langium';
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

    checkDuplicateWeights(scoring: ast.Scoring, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const weight of scoring.weights) {
            if (!seen.has(weight.driver)) { seen.add(weight.driver); continue; }
            accept('error', `The weight of '${weight.driver}' is given twice: keep one of them.`,
                { node: weight, code: Codes.DuplicateProperty, data: { fix: 'remove', range: rangeData(weight.$cstNode!.range), title: `Remove the repeated '${weight.driver}' weight` } satisfies FixData });
        }
    }
}
