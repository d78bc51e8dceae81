import { GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { formatNumber, formatPercent } from '../model/display.js';
import type { ModelService } from '../model/model-service.js';
import type { ProductSpecServices } from '../product-spec-module.js';

/**
 * A few computed values where their inputs are written: `= 3,200` after a `rice { }` block
 * (likewise ice, wsjf and a Kano survey's category), `opportunity 15` after a need's
 * satisfaction, `progress 23.08%` after a metric's current value.
 */
export class ProductSpecInlayHintProvider extends AbstractInlayHintProvider {
    private readonly models: ModelService;

    constructor(services: ProductSpecServices) {
        super();
        this.models = services.model.ModelService;
    }

    /** Waits for the build in progress: the hints read the whole workspace's model. */
    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        await this.models.ready(cancelToken);
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        const model = this.models.model;
        const hint = (position: Position | undefined, label: string) => {
            if (position) acceptor({ position, label, paddingLeft: true });
        };
        if (ast.isRice(node) || ast.isIce(node) || ast.isWsjf(node) || ast.isKanoSurvey(node)) {
            const feature = ast.isFeature(node.$container) ? model.features.get(node.$container) : undefined;
            if (!feature) return;
            const end = node.$cstNode?.range.end;
            if (ast.isRice(node) && feature.rice !== null) hint(end, `= ${formatNumber(feature.rice)}`);
            if (ast.isIce(node) && feature.ice !== null) hint(end, `= ${formatNumber(feature.ice)}`);
            if (ast.isWsjf(node) && feature.wsjf !== null) hint(end, `= ${formatNumber(feature.wsjf)}`);
            if (ast.isKanoSurvey(node) && feature.kano) hint(end, `= ${feature.kano.category}`);
        } else if (ast.isNeed(node)) {
            const need = model.needs.get(node);
            if (need && need.opportunity !== null) hint(propertyEnd(node, 'satisfaction'), `opportunity ${formatNumber(need.opportunity)}`);
        } else if (ast.isMetric(node)) {
            const metric = model.metrics.get(node);
            if (metric && metric.progress !== null) hint(propertyEnd(node, 'current'), `progress ${formatPercent(metric.progress)}`);
        }
    }
}

function propertyEnd<T extends AstNode>(node: T, property: string): Position | undefined {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range.end;
}
