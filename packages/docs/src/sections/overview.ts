import { formatPercent, last, methodLabel, type ProductModel, type WorkspaceModel } from '@product-spec/language';
import { objectiveMetrics, objectiveProgress } from '../facts.js';
import { plain, titled } from '../labels.js';
import { escapeMarkdown, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

/** The product's vision and strategy, each a paragraph (or a line saying there are none). */
export function visionAndStrategy(product: ProductModel): string[] {
    const lines: string[] = [];
    if (product.vision) lines.push(`**Vision.** ${escapeMarkdown(product.vision)}`, '');
    if (product.strategy) lines.push(`**Strategy.** ${escapeMarkdown(product.strategy)}`, '');
    if (!product.vision && !product.strategy) lines.push('The spec states no vision or strategy yet.', '');
    return lines;
}

export function overview({ model, product }: ProductContext): string[] {
    const lines = visionAndStrategy(product);
    const manager = product.manager;
    lines.push(
        `- **Stage**: ${product.stage ?? 'not stated'}`,
        `- **Product manager**: ${manager ? titled(manager) : 'not named'}`,
        `- **Currency**: ${product.currency ? escapeMarkdown(product.currency) : 'not stated'}`,
        `- **Prioritised by**: ${methodLabel(product.scoring.method)}${product.scoring.methodDeclared ? '' : ' (the default: the spec names no method)'}`,
        `- **Features**: ${product.ranking.rankedCount} in the backlog, ${product.features.length - product.ranking.rankedCount} shipped or dropped`
    );
    lines.push('', '### Objectives', '', ...objectives(model, product));
    return lines;
}

/**
 * The product's objectives with the metrics that measure them (and the part of the way to
 * each target already done); with `progress`, also each objective's progress (the mean of
 * its metrics').
 */
export function objectives(model: WorkspaceModel, product: ProductModel, options: { progress?: boolean } = {}): string[] {
    if (product.objectives.length === 0) return ['No objectives yet.'];
    const headers = options.progress ? ['Objective', 'Progress', 'Measured by'] : ['Objective', 'Measured by'];
    return ['What the product is meant to achieve, and the metrics that show whether it does (with the part of the way to each target already done).', '',
        ...markdownTable(headers, product.objectives.map(objective => {
            const measured = objectiveMetrics(objective, product, model);
            return [
                `${titled(objective)}${last(objective.description) ? `: ${escapeMarkdown(last(objective.description)!)}` : ''}`,
                ...(options.progress ? [formatPercent(objectiveProgress(objective, product, model), 0)] : []),
                measured.length > 0 ? measured.map(metric => `${plain(metric)} (${formatPercent(metric.progress)})`).join(', ') : '**no metric yet**'
            ];
        }), options.progress ? ['left', 'right', 'left'] : undefined)];
}
