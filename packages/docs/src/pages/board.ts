import type { WorkspaceModel } from '@product-spec/language';
import { count, plain, titled } from '../labels.js';
import { escapeMarkdown, listText } from '../markdown.js';
import type { SortedProblems } from '../problems.js';
import { forecastChart, profitAndLoss } from '../sections/business-case.js';
import { objectives } from '../sections/overview.js';
import { rollup } from '../sections/portfolio.js';
import { risks } from '../sections/risks.js';

/**
 * The board's one page (`index.md`, the only file of this audience): the portfolio
 * rollup, then per product its objectives with their progress, its profit and loss with
 * both break-even months (and the running total of profit as a picture), and its risks.
 */
export function boardPage(model: WorkspaceModel, problems: SortedProblems): string[] {
    const lines = ['# Board summary', ''];
    if (model.products.length === 0) return [...lines, 'The specs declare no product yet.'];
    lines.push(`${count(model.products.length, 'product')}: ${listText(model.products.map(p => plain(p)))}. ` +
        'For each, what it is meant to achieve and how far it is, what it could earn, and what could stop it.');
    const errors = [...problems.byProduct.values(), problems.outside].flat().filter(p => p.severity === 'error').length;
    if (errors > 0) lines.push('', `**Note**: the specs have ${count(errors, 'error')}, so some figures below may be incomplete.`);
    lines.push(...rollup(model, false));
    for (const product of model.products) {
        lines.push('', `## ${plain(product)}`, '');
        if (product.vision) lines.push(escapeMarkdown(product.vision), '');
        lines.push('### Objectives', '', ...objectives(model, product, { progress: true }));
        lines.push('', '### Profit and loss', '', ...profitAndLoss(product));
        for (const forecast of product.forecasts) {
            if (!forecast.result) continue;
            lines.push('', `${titled(forecast)}:`, '', ...forecastChart(forecast, forecast.result, product, 'cumulative'));
        }
        lines.push('', '### Risks', '', ...risks(product));
    }
    return lines;
}
