import { methodLabel, type ProductModel } from '@product-spec/language';
import { valueEffort, valueEffortChart, VALUE_CHART_LIMIT, VALUE_QUADRANTS, type ValueEffortData, type ValueQuadrant } from '../charts/value-effort.js';
import { plain } from '../labels.js';
import { escapeMarkdown, listText } from '../markdown.js';
import { chartKeyTable } from './chart-key.js';

const QUADRANT_TEXT: Record<ValueQuadrant, string> = {
    'quick wins': 'high value for little effort: do these first',
    'big bets': 'high value, high effort: plan them deliberately',
    'fill-ins': 'little value, little effort: do them when there is slack',
    'time sinks': 'little value for much effort: question them'
};

/** What the axes are, in a sentence. */
function axesText(product: ProductModel, data: ValueEffortData): string {
    const method = methodLabel(product.ranking.method);
    const what = `Each open feature's ${data.axes.valueName} (up) against its ${data.axes.effortName} (right)`;
    if (data.axes.scale === 'max') {
        return `${what}, both divided by the largest in the backlog, so the top and the right edge are this product's maximum and the middle lines are half of it. ` +
            'Within each half the value scale is a square root, so that the many small values stay apart.';
    }
    switch (product.ranking.method) {
        case 'ice': return `${what}, on ICE's 1–10 scales: the middle lines are the middle of the scale.`;
        case 'kano': return `${what}: must-be and performance features are above the middle line, attractive and indifferent ones below; effort is divided by the largest in the backlog.`;
        default: return `${what}: musts and shoulds are above the middle line, coulds below; effort is divided by the largest in the backlog (${method}).`;
    }
}

export function valueSection(product: ProductModel): string[] {
    const data = valueEffort(product);
    const chart = valueEffortChart(product, data);
    const method = product.ranking.method === 'weighted' ? 'weighted' : methodLabel(product.ranking.method);
    const lines = ['', '### Value and effort', ''];
    if (!chart) {
        lines.push(`No open feature has both a value and an effort for ${method}, so there is nothing to chart.`);
    } else {
        lines.push(`${axesText(product, data)} Features with equal values may be drawn a little apart so that their names can be read; ` +
            'no feature is ever drawn above one with a larger value, or right of one with a larger effort.', '', ...chart.lines);
        lines.push(...chartKeyTable(chart, ['Feature', data.axes.valueHeader, data.axes.effortHeader], i => {
            const p = data.points[i];
            return [plain(p.entry.feature), escapeMarkdown(p.shown[0]), escapeMarkdown(p.shown[1])];
        }), '');
        for (const quadrant of VALUE_QUADRANTS) {
            const members = data.points.filter(p => p.quadrant === quadrant).map(p => plain(p.entry.feature));
            lines.push(`- **${quadrant[0].toUpperCase()}${quadrant.slice(1)}** (${QUADRANT_TEXT[quadrant]}): ${listText(members, 'none')}.`);
        }
        if (data.points.length > VALUE_CHART_LIMIT) lines.push('', `The chart shows the first ${VALUE_CHART_LIMIT} features by rank; the lists above have them all.`);
    }
    const leftOff = data.left.map(({ entry, reason }) => `${plain(entry.feature)} (${reason})`);
    if (leftOff.length > 0) lines.push('', `Not on the chart: ${listText(leftOff)}.`);
    return lines;
}
