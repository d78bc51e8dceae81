import type { AstNode, ValidationAcceptor } from 'langium';
import type * as ast from '../../generated/ast.js';
import type { Range } from 'vscode-languageserver';
import type { ProductModel, WorkspaceModel } from '../../model/types.js';
import { Codes, type FixData } from '../codes.js';
import type { PropertySegment } from '../../syntax/properties.js';
import { rangeData, type Locator } from '../locate.js';
import { kindWord, whereIs } from '../messages.js';

type Declaration = { $type: string; name: string } & AstNode;

/** Product-level properties: given once across all of a product's blocks. */
const PRODUCT_PROPERTIES = ['vision', 'strategy', 'manager', 'stage', 'currency'] as const;

/**
 * `duplicate-name` (two declarations of one kind and name in one scope, over all files) and
 * `duplicate-property` of product properties given in two blocks of the product. Every
 * occurrence after the first, in workspace order (document URI, then position), is reported.
 */
export class NameChecks {
    constructor(private readonly locate: Locator) { }

    check(model: WorkspaceModel, accept: ValidationAcceptor): void {
        this.checkScope(undefined, [...model.shared.stakeholders.map(s => s.node), ...model.shared.personas, ...model.shared.metrics.map(m => m.node)], accept);
        for (const product of model.products) {
            this.checkScope(product, product.blocks.flatMap(block => block.members), accept);
            if (product.blocks.length > 1) {
                const segments = product.blocks.map(block => this.locate.segments(block));
                product.blocks.forEach((block, index) => this.checkProductProperties(product, block, index, segments, accept));
            }
        }
    }

    private checkScope(product: ProductModel | undefined, nodes: readonly Declaration[], accept: ValidationAcceptor): void {
        const seen = new Map<string, AstNode>();
        for (const node of nodes) {
            if (!node.name) continue;
            const key = `${node.$type}/${node.name}`;
            const first = seen.get(key);
            if (!first) { seen.set(key, node); continue; }
            const kind = kindWord(node.$type);
            const scope = product ? `product ${product.name}` : 'the portfolio (top level)';
            accept('error', `The ${kind} name '${node.name}' is already declared in ${scope} at ${whereIs(first)}: give this ${kind} another name.`,
                { node, range: this.locate.name(node), code: Codes.DuplicateName });
        }
    }

    /**
     * Product-level properties (title, vision, strategy, manager, stage, currency, scoring)
     * may be given once across all blocks of a product, in any file: a property that an
     * earlier block gives is reported here (twice in one block: document/property-checks.ts).
     */
    private checkProductProperties(model: ProductModel, product: ast.Product, index: number, segments: ReadonlyArray<readonly PropertySegment[]>, accept: ValidationAcceptor): void {
        if (index === 0) return;
        const earlier = model.blocks.slice(0, index);
        const firstWhere = (key: string): AstNode | undefined => {
            for (let i = 0; i < earlier.length; i++) {
                const block = earlier[i];
                if (key === 'title' && block.title !== undefined) return block;
                if (key === 'scoring' && block.scoring.length > 0) return block.scoring[0];
                if (segments[i].some(s => s.key === key)) return block;
            }
            return undefined;
        };
        if (product.title !== undefined) {
            const other = firstWhere('title');
            if (other) reportProductProperty(model.name, 'title', this.locate.value(product, 'title')!, false, product, accept, other);
        }
        const seen = new Set<string>();
        for (const segment of segments[index]) {
            if (!isProductProperty(segment.key) || seen.has(segment.key)) continue;
            seen.add(segment.key);
            const other = firstWhere(segment.key);
            if (other) reportProductProperty(model.name, segment.key, segment.range, true, product, accept, other);
        }
        const scoring = product.scoring[0];
        const other = scoring?.$cstNode ? firstWhere('scoring') : undefined;
        if (other) reportProductProperty(model.name, 'scoring', scoring.$cstNode!.range, true, product, accept, other);
    }
}

export function isProductProperty(key: string): boolean {
    return (PRODUCT_PROPERTIES as readonly string[]).includes(key);
}

/** "Product acme's 'vision' is given twice (already given in the block at a.product:1:1): ..." */
export function reportProductProperty(productName: string, key: string, range: Range, removable: boolean, product: ast.Product, accept: ValidationAcceptor, elsewhere?: AstNode): void {
    const where = elsewhere ? ` (already given in the block at ${whereIs(elsewhere)})` : '';
    accept('error', `Product ${productName}'s '${key}' is given twice${where}: a product property may be given once across all of the product's blocks.`,
        { node: product, range, code: Codes.DuplicateProperty, data: removable ? { fix: 'remove', range: rangeData(range), title: `Remove the repeated '${key}'` } satisfies FixData : undefined });
}
