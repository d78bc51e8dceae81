import { formatPercent, methodLabel } from '@product-spec/language';
import { objectiveMetrics } from '../facts.js';
import { plain, titled } from '../labels.js';
import { escapeMarkdown, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function overview({ model, product }: ProductContext): string[] {
    const lines: string[] = [];
    if (product.vision) lines.push(`**Vision.** ${escapeMarkdown(product.vision)}`, '');
    if (product.strategy) lines.push(`**Strategy.** ${escapeMarkdown(product.strategy)}`, '');
    if (!product.vision && !product.strategy) lines.push('The spec states no vision or strategy yet.', '');
    const manager = product.manager;
    lines.push(
        `- **Stage**: ${product.stage ?? 'not stated'}`,
        `- **Product manager**: ${manager ? titled(manager) : 'not named'}`,
        `- **Currency**: ${product.currency ? escapeMarkdown(product.currency) : 'not stated'}`,
        `- **Prioritised by**: ${methodLabel(product.scoring.method)}${product.scoring.methodDeclared ? '' : ' (the default: the spec names no method)'}`,
        `- **Features**: ${product.ranking.rankedCount} in the backlog, ${product.features.length - product.ranking.rankedCount} shipped or dropped`
    );
    lines.push('', '### Objectives', '');
    if (product.objectives.length === 0) {
        lines.push('No objectives yet.');
        return lines;
    }
    lines.push('What the product is meant to achieve, and the metrics that show whether it does (with the part of the way to each target already done).', '');
    lines.push(...markdownTable(['Objective', 'Measured by'], product.objectives.map(objective => {
        const measured = objectiveMetrics(objective, product, model);
        return [
            `${titled(objective)}${objective.description ? `: ${escapeMarkdown(objective.description)}` : ''}`,
            measured.length > 0 ? measured.map(metric => `${plain(metric)} (${formatPercent(metric.progress)})`).join(', ') : '**no metric yet**'
        ];
    })));
    return lines;
}

