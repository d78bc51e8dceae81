import { formatFixed, formatNumber, formatPercent, type ProductModel, type ReleaseModel, type WorkspaceModel } from '@product-spec/language';
import { portfolioGantt } from '../charts/timeline.js';
import { objectiveProgress, openFeatures, portfolioStakeholders, releasesByDate } from '../facts.js';
import { plain, productPath } from '../labels.js';
import { escapeMarkdown, listText, markdownLink, markdownTable } from '../markdown.js';
import { stakeholderMap } from './stakeholders.js';

// The portfolio's sections of `index.md` (each starts with its `##` heading).

/** Every product's releases on one timeline, with the cross-product prerequisites marked. */
export function portfolioRoadmap(model: WorkspaceModel): string[] {
    const gantt = portfolioGantt(model.products, releasesByDate);
    if (!gantt) return [];
    return ['', '## Portfolio roadmap', '',
        'Every product\'s releases on one timeline, each over its build window (from the product\'s previous release to its date). ' +
        '**Red** bars are releases loaded beyond their capacity, **grey** ones have shipped everything, **light** ones have work being built. ' +
        'A diamond marks the day a feature\'s prerequisite in another product ships; it is **red** when that is after the feature\'s own release.', '', ...gantt];
}

/** "12 of 12", with the excess in bold. */
function loadCell(release: ReleaseModel): string {
    if (release.capacity === undefined) return `${plain(release)} ${formatNumber(release.load)} (no capacity)`;
    const text = `${plain(release)} ${formatNumber(release.load)} of ${formatNumber(release.capacity)}`;
    return release.load > release.capacity ? `${text} **over by ${formatNumber(release.load - release.capacity)}**` : text;
}

/** Each forecast's total of one figure: "165,325.42 EUR (First year)". */
function forecastTotals(product: ProductModel, figure: 'revenue' | 'profit'): string {
    const currency = product.currency ? ` ${escapeMarkdown(product.currency)}` : '';
    const totals = product.forecasts.filter(f => f.result).map(f => `${formatFixed(f.result!.totals[figure])}${currency} (${plain(f)})`);
    return totals.length > 0 ? totals.join('; ') : '–';
}

/** One row per product: what is open and shipped, how full its releases are, what it could earn, how far its objectives are. */
export function rollup(model: WorkspaceModel, link = true): string[] {
    if (model.products.length === 0) return [];
    return ['', '## Rollup', '',
        'Per product: features in the backlog (idea, planned or building) and shipped; each release\'s load against its capacity (person-months, by date); ' +
        'each forecast\'s total revenue and profit over its months; each objective\'s progress (the mean progress of its metrics).', '',
        ...markdownTable(['Product', 'Open', 'Shipped', 'Releases: load of capacity', 'Revenue', 'Profit', 'Objectives'], model.products.map(product => [
            link ? markdownLink(plain(product), productPath(product)) : plain(product),
            String(openFeatures(product).length),
            String(product.features.filter(f => f.status === 'shipped').length),
            listText(releasesByDate(product).map(loadCell), 'no releases'),
            forecastTotals(product, 'revenue'),
            forecastTotals(product, 'profit'),
            listText(product.objectives.map(o => `${plain(o)} ${formatPercent(objectiveProgress(o, product, model), 0)}`), 'none')
        ]), ['left', 'right', 'right', 'left', 'right', 'right', 'left'])];
}

/** Mendelow's grid of everyone in the portfolio. */
export function portfolioStakeholderMap(model: WorkspaceModel): string[] {
    const all = portfolioStakeholders(model);
    const map = stakeholderMap(all, s => (s.product ? ` (${plain(s.product)})` : ' (portfolio)'));
    return map.length === 0 ? [] : ['', '## Portfolio stakeholder map', '', 'Everyone the products answer to: the portfolio\'s stakeholders and each product\'s.', '', ...map];
}
