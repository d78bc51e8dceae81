import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import type { ModelService } from '../model/model-service.js';
import type { WorkspaceModel } from '../model/types.js';
import { Codes, type FixData } from './codes.js';
import { rangeData, type Locator } from './locate.js';

/** `file:line:col` of a node, for messages that point elsewhere (1-based, like the CLI). */
export function whereIs(node: AstNode): string {
    const document = AstUtils.getDocument(node);
    const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
    const path = document.uri.path;
    return `${path.slice(path.lastIndexOf('/') + 1)}:${start.line + 1}:${start.character + 1}`;
}

const KIND_WORD: Record<string, string> = {
    Stakeholder: 'stakeholder', Persona: 'persona', Need: 'need', Objective: 'objective',
    Metric: 'metric', Release: 'release', Feature: 'feature', Forecast: 'forecast'
};

/** Declarations that repeat an earlier one's kind and name in the same scope, with that earlier one. */
const duplicatesByModel = new WeakMap<WorkspaceModel, Map<AstNode, AstNode>>();

function duplicateNames(model: WorkspaceModel): Map<AstNode, AstNode> {
    let result = duplicatesByModel.get(model);
    if (result) return result;
    result = new Map();
    const scan = (scope: string, nodes: Iterable<{ $type: string; name: string } & AstNode>) => {
        const seen = new Map<string, AstNode>();
        for (const node of nodes) {
            if (!node.name) continue;
            const key = `${scope}/${node.$type}/${node.name}`;
            const first = seen.get(key);
            if (first) result!.set(node, first); else seen.set(key, node);
        }
    };
    scan('', [...model.shared.stakeholders.map(s => s.node), ...model.shared.personas, ...model.shared.metrics.map(m => m.node)]);
    for (const product of model.products) {
        scan(product.name, product.blocks.flatMap(block => block.members));
    }
    duplicatesByModel.set(model, result);
    return result;
}

/** Product-level properties: given once across all of a product's blocks. */
const PRODUCT_PROPERTIES = ['vision', 'strategy', 'manager', 'stage', 'currency'] as const;

/** `duplicate-name` and `duplicate-property`. */
export class DuplicateChecks {
    constructor(private readonly models: ModelService, private readonly locate: Locator) { }

    checkDuplicateName(node: ast.Member | ast.Stakeholder | ast.Persona | ast.Metric, accept: ValidationAcceptor): void {
        const first = duplicateNames(this.models.model).get(node);
        if (!first) return;
        const kind = KIND_WORD[node.$type] ?? node.$type.toLowerCase();
        const scope = node.$container.$type === 'Product' ? `product ${(node.$container as ast.Product).name}` : 'the portfolio (top level)';
        accept('error', `The ${kind} name '${node.name}' is already declared in ${scope} at ${whereIs(first)}: give this ${kind} another name.`,
            { node, range: this.locate.name(node), code: Codes.DuplicateName });
    }

    /** A property written twice inside one block (products are checked across their blocks). */
    checkDuplicateProperty(node: AstNode, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const segment of this.locate.segments(node)) {
            if (!seen.has(segment.key)) { seen.add(segment.key); continue; }
            const data: FixData = { fix: 'remove', range: rangeData(segment.range), title: `Remove the repeated '${segment.key}'` };
            accept('error', `'${segment.key}' is given twice in this ${blockWord(node)}: keep one of them.`,
                { node, range: segment.range, code: Codes.DuplicateProperty, data });
        }
        if (node.$type === 'Scoring') this.checkDuplicateWeights(node as ast.Scoring, accept);
    }

    private checkDuplicateWeights(scoring: ast.Scoring, accept: ValidationAcceptor): void {
        const seen = new Set<string>();
        for (const weight of scoring.weights) {
            if (!seen.has(weight.driver)) { seen.add(weight.driver); continue; }
            accept('error', `The weight of '${weight.driver}' is given twice: keep one of them.`,
                { node: weight, code: Codes.DuplicateProperty, data: { fix: 'remove', range: rangeData(weight.$cstNode!.range), title: `Remove the repeated '${weight.driver}' weight` } satisfies FixData });
        }
    }

    /**
     * Product-level properties (title, vision, strategy, manager, stage, currency, scoring)
     * may be given once across all blocks of a product, in any file. Every occurrence after
     * the first (in workspace order) is reported where it is written.
     */
    checkProductProperties(product: ast.Product, accept: ValidationAcceptor): void {
        const model = this.models.model.productsByName.get(product.name);
        const blocks = model?.blocks ?? [product];
        const earlier = blocks.slice(0, Math.max(blocks.indexOf(product), 0));
        const firstWhere = (key: string): AstNode | undefined => {
            for (const block of earlier) {
                if (key === 'title' && block.title !== undefined) return block;
                if (key === 'scoring' && block.scoring.length > 0) return block.scoring[0];
                const segment = this.locate.segments(block).find(s => s.key === key);
                if (segment) return block;
            }
            return undefined;
        };
        const report = (key: string, range: import('vscode-languageserver').Range, removable: boolean, elsewhere?: AstNode) => {
            const where = elsewhere ? ` (already given in the block at ${whereIs(elsewhere)})` : '';
            accept('error', `Product ${product.name}'s '${key}' is given twice${where}: a product property may be given once across all of the product's blocks.`,
                { node: product, range, code: Codes.DuplicateProperty, data: removable ? { fix: 'remove', range: rangeData(range), title: `Remove the repeated '${key}'` } satisfies FixData : undefined });
        };
        if (product.title !== undefined) {
            const other = firstWhere('title');
            if (other) report('title', this.locate.value(product, 'title')!, false, other);
        }
        const seen = new Set<string>();
        for (const segment of this.locate.segments(product)) {
            if (!(PRODUCT_PROPERTIES as readonly string[]).includes(segment.key)) continue;
            const other = seen.has(segment.key) ? product : firstWhere(segment.key);
            seen.add(segment.key);
            if (other) report(segment.key, segment.range, true, other === product ? undefined : other);
        }
        product.scoring.forEach((scoring, index) => {
            const other = index > 0 ? product : firstWhere('scoring');
            if (other && scoring.$cstNode) report('scoring', scoring.$cstNode.range, true, other === product ? undefined : other);
        });
    }
}

function blockWord(node: AstNode): string {
    switch (node.$type) {
        case 'Rice': return 'rice block';
        case 'Wsjf': return 'wsjf block';
        case 'Ice': return 'ice block';
        case 'KanoSurvey': return 'kano survey';
        case 'Scoring': return 'scoring block';
        default: return KIND_WORD[node.$type] ?? node.$type.toLowerCase();
    }
}
