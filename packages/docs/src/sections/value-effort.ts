import type { ProductModel, RankedFeature } from '@product-spec/language';
import { valueEffort, valueEffortChart, VALUE_CHART_LIMIT, VALUE_QUADRANTS, type ValueQuadrant } from '../charts/value-effort.js';
import { plain } from '../labels.js';
import { listText } from '../markdown.js';

const QUADRANT_TEXT: Record<ValueQuadrant, string> = {
    'quick wins': 'high value for little effort: do these first',
    'big bets': 'high value, high effort: plan them deliberately',
    'fill-ins': 'little value, little effort: do them when there is slack',
    'time sinks': 'little value for much effort: question them'
};

export function valueSection(product: ProductModel, ranked: readonly RankedFeature[], method: string): string[] {
    const points = valueEffort(ranked);
    const chart = valueEffortChart(product, points, method);
    const lines = ['', '### Value and effort', ''];
    if (!chart) return [...lines, `No feature in the backlog has both a ${method} score and an effort, so there is nothing to chart.`];
    lines.push(
        `Each feature's ${method} score against its effort, both divided by the largest in the backlog, so the top and the right edge are this product's maximum. ` +
        'Labels that would overlap are nudged apart a little; where there is no room, a point shows its rank (#) in the table above.', '', ...chart, '');
    for (const quadrant of VALUE_QUADRANTS) {
        const members = points.filter(p => p.quadrant === quadrant).map(p => plain(p.entry.feature));
        lines.push(`- **${quadrant[0].toUpperCase()}${quadrant.slice(1)}** (${QUADRANT_TEXT[quadrant]}): ${listText(members, 'none')}.`);
    }
    if (points.length > VALUE_CHART_LIMIT) lines.push('', `The chart shows the first ${VALUE_CHART_LIMIT} features by rank; the lists above have them all.`);
    const charted = new Set(points.map(p => p.entry));
    const left = ranked.filter(entry => !charted.has(entry));
    if (left.length > 0) lines.push('', `Not on the chart (no score or no effort): ${listText(left.map(e => plain(e.feature)))}.`);
    return lines;
}

