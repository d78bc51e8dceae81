import type { FeatureModel, MetricModel } from '@product-spec/language';
import { byOpportunity, metricList } from '../facts.js';
import { featureRef, plain, PRODUCT_BASE } from '../labels.js';
import { listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function traceability({ product, model }: ProductContext): string[] {
    const lines = ['Each chain runs from a customer need to the features that address it, the metrics those features move, ' +
        'and the objectives that name those metrics. Dropped features are left out.'];
    const live = (f: FeatureModel) => f.status !== 'dropped';
    const metricChain = (metric: MetricModel) => `${plain(metric)} → ${listText(metric.objectives.map(o => plain(o)), '**no objective**')}`;
    const rows: string[][] = [];
    for (const need of byOpportunity(product.needs)) {
        const features = need.addressedBy.filter(live);
        if (features.length === 0) rows.push([plain(need), '**no feature**', '–']);
        features.forEach((feature, i) => rows.push([
            i === 0 ? plain(need) : '',
            featureRef(feature, product, PRODUCT_BASE),
            feature.moves.length > 0 ? feature.moves.map(metricChain).join('; ') : '**no metric**'
        ]));
    }
    if (rows.length > 0) lines.push('', ...markdownTable(['Need', 'Feature', 'Metric → objectives'], rows));
    else lines.push('', 'No needs yet, so there are no chains.');
    const metricsOfProduct = metricList(product, model);
    const gaps: Array<[string, string[]]> = [
        ['Needs no feature addresses', product.needs.filter(n => !n.addressedBy.some(live)).map(n => plain(n))],
        ['Features that address no need', product.features.filter(f => live(f) && f.addresses.length === 0).map(f => plain(f))],
        ['Features that move no metric', product.features.filter(f => live(f) && f.moves.length === 0).map(f => plain(f))],
        ['Metrics no objective names', metricsOfProduct.filter(m => m.objectives.length === 0).map(m => plain(m))],
        ['Objectives without metrics', product.objectives.filter(o => o.metrics.length === 0).map(o => plain(o))]
    ];
    lines.push('', '### Gaps', '');
    for (const [label, items] of gaps) lines.push(`- **${label}**: ${listText(items, 'none')}.`);
    return lines;
}
