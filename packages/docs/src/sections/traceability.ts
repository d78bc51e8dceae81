import type { FeatureModel, MetricModel, NeedModel, ProductModel, WorkspaceModel, ast } from '@product-spec/language';
import { byOpportunity, byRank, metricList } from '../facts.js';
import { featureRef, plain, PRODUCT_BASE } from '../labels.js';
import { listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

/** The holes in the chains, what the section names first. */
export interface Holes {
    readonly needsWithoutFeature: readonly NeedModel[];
    readonly metricsNotMoved: readonly MetricModel[];
    /** Objectives with no metric, or whose metrics no feature moves. */
    readonly objectivesNotMoved: readonly ast.Objective[];
}

const live = (f: FeatureModel) => f.status !== 'dropped';

export function holes(product: ProductModel, model: WorkspaceModel): Holes {
    const metrics = metricList(product, model);
    const moved = (m: MetricModel) => m.movedBy.some(f => live(f) && f.product === product);
    return {
        needsWithoutFeature: product.needs.filter(n => !n.addressedBy.some(live)),
        metricsNotMoved: metrics.filter(m => !moved(m)),
        objectivesNotMoved: product.objectives.filter(o => !metrics.some(m => m.objectives.includes(o) && moved(m)))
    };
}

const NO = (what: string) => `**no ${what}**`;

/**
 * One row per chain need → feature → objective → metric. Rows with a hole come first, in
 * this order: needs no feature addresses, metrics no feature moves, objectives with no
 * metric, features that address no need, features that move no metric, metrics no
 * objective names; then the whole chains, by need (highest opportunity first) and feature rank.
 */
function matrixRows(product: ProductModel, model: WorkspaceModel): string[][] {
    const metrics = metricList(product, model);
    const feature = (f: FeatureModel) => featureRef(f, product, PRODUCT_BASE);
    const features = byRank(product, product.features.filter(live));
    const groups: string[][][] = [[], [], [], [], [], [], []];
    const [needHole, metricHole, objectiveHole, noNeed, noMetric, noObjective, whole] = groups;
    for (const need of byOpportunity(product.needs)) {
        const addressing = byRank(product, need.addressedBy.filter(live));
        if (addressing.length === 0) needHole.push([plain(need), NO('feature'), '–', '–']);
        for (const f of addressing) {
            if (f.moves.length === 0) noMetric.push([plain(need), feature(f), '–', NO('metric')]);
            for (const m of f.moves) {
                const objectives = m.objectives;
                if (objectives.length === 0) noObjective.push([plain(need), feature(f), NO('objective'), plain(m)]);
                for (const o of objectives) whole.push([plain(need), feature(f), plain(o), plain(m)]);
            }
        }
    }
    for (const f of features.filter(f => f.addresses.length === 0)) {
        if (f.moves.length === 0) noNeed.push([NO('need'), feature(f), '–', NO('metric')]);
        for (const m of f.moves) {
            const objectives = m.objectives;
            if (objectives.length === 0) noNeed.push([NO('need'), feature(f), NO('objective'), plain(m)]);
            for (const o of objectives) noNeed.push([NO('need'), feature(f), plain(o), plain(m)]);
        }
    }
    const { metricsNotMoved } = holes(product, model);
    for (const m of metricsNotMoved) {
        const objectives = m.objectives;
        if (objectives.length === 0) metricHole.push(['–', NO('feature'), NO('objective'), plain(m)]);
        for (const o of objectives) metricHole.push(['–', NO('feature'), plain(o), plain(m)]);
    }
    for (const o of product.objectives.filter(o => !metrics.some(m => m.objectives.includes(o)))) objectiveHole.push(['–', '–', plain(o), NO('metric')]);
    return groups.flat();
}

export function traceability({ product, model }: ProductContext): string[] {
    const lines = ['Each chain runs from a customer need to the features that address it, the objectives they serve and the metrics through which they serve them ' +
        '(a feature moves a metric; an objective names it). Dropped features are left out. The holes come first.'];
    const found = holes(product, model);
    const metricsOfProduct = metricList(product, model);
    const objectiveText = (o: ast.Objective) => `${plain(o)}${metricsOfProduct.some(m => m.objectives.includes(o)) ? '' : ' (no metric)'}`;
    const gaps: Array<[string, string[]]> = [
        ['Needs no feature addresses', found.needsWithoutFeature.map(n => plain(n))],
        ['Metrics no feature moves', found.metricsNotMoved.map(m => plain(m))],
        ['Objectives whose metrics nothing moves', found.objectivesNotMoved.map(objectiveText)],
        ['Features that address no need', product.features.filter(f => live(f) && f.addresses.length === 0).map(f => plain(f))],
        ['Features that move no metric', product.features.filter(f => live(f) && f.moves.length === 0).map(f => plain(f))],
        ['Metrics no objective names', metricsOfProduct.filter(m => m.objectives.length === 0).map(m => plain(m))]
    ];
    lines.push('', '### Holes', '');
    for (const [label, items] of gaps) lines.push(`- **${label}**: ${listText(items, 'none')}.`);
    const rows = matrixRows(product, model);
    lines.push('', '### Matrix', '');
    if (rows.length === 0) lines.push('No needs, features, metrics or objectives yet, so there are no chains.');
    else lines.push(...markdownTable(['Need', 'Feature', 'Objective', 'Metric'], rows));
    return lines;
}
