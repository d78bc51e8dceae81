import type { WorkspaceModel } from '@product-spec/language';
import { byRank, nextLaunch, openFeatures } from '../facts.js';
import { count, plain, productPath } from '../labels.js';
import { escapeMarkdown, listText, markdownLink, markdownTable } from '../markdown.js';
import type { ProductContext, Section } from '../page.js';
import { businessCase } from '../sections/business-case.js';
import { launches } from '../sections/launches.js';
import { metrics } from '../sections/metrics.js';
import { objectives, visionAndStrategy } from '../sections/overview.js';
import { portfolioRoadmap, rollup } from '../sections/portfolio.js';

function commercialOverview({ product }: ProductContext): string[] {
    const lines = visionAndStrategy(product);
    const next = nextLaunch(product);
    lines.push(
        `- **Stage**: ${product.stage ?? 'not stated'}`,
        `- **Next launch**: ${next ? `${plain(next)}, ${next.date}` : 'none dated yet'}`,
        `- **In the backlog**: ${count(openFeatures(product).length, 'feature')}, led by ${listText(byRank(product, openFeatures(product)).slice(0, 3).map(f => plain(f)), 'nothing yet')}`
    );
    return lines;
}

function metricsAndObjectives(context: ProductContext): string[] {
    return ['### Objectives', '', ...objectives(context.model, context.product, { progress: true }), '', '### Metrics', '', ...metrics(context)];
}

/** What marketing, sales and finance need: the story, the launches in customers' words, the money, the targets. */
export const COMMERCIAL_SECTIONS: readonly Section[] = [
    { anchor: 'overview', heading: 'Overview', lines: commercialOverview },
    { anchor: 'launches', heading: 'Launches', lines: launches },
    { anchor: 'business-case', heading: 'Business case', lines: businessCase },
    { anchor: 'metrics-and-objectives', heading: 'Metrics and objectives', lines: metricsAndObjectives }
];

export function commercialIndex(model: WorkspaceModel): string[] {
    const lines = ['# Product portfolio: commercial', ''];
    if (model.products.length === 0) return [...lines, 'The specs declare no product yet.'];
    lines.push(`${count(model.products.length, 'product')}: the story of each, its launches in the customers' words, its business case and its targets.`, '',
        ...markdownTable(['Product', 'Stage', 'Vision', 'Next launch'], model.products.map(product => {
            const next = nextLaunch(product);
            return [
                markdownLink(plain(product), productPath(product)),
                product.stage ?? '–',
                product.vision ? escapeMarkdown(product.vision) : '–',
                next ? `${plain(next)}, ${next.date}` : '–'
            ];
        })));
    lines.push(...portfolioRoadmap(model), ...rollup(model));
    return lines;
}
