import { formatNumber, formatPercent } from '@product-spec/language';
import { metricList } from '../facts.js';
import { featureRef, plain, PRODUCT_BASE, titled, withUnit } from '../labels.js';
import { escapeMarkdown, listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function metrics({ product, model }: ProductContext): string[] {
    const all = metricList(product, model);
    if (all.length === 0) return ['No metrics yet.'];
    const lines = ['How the product\'s success is measured. **Progress** = (current − baseline) ÷ (target − baseline): the part of the way to the target already done.', ''];
    lines.push(...markdownTable(['Metric', 'Baseline', 'Current', 'Target', 'Progress', 'Moved by', 'Objectives'], all.map(metric => {
        const number = (value: number | undefined) => withUnit(formatNumber(value), metric.unit);
        return [
            `${titled(metric)}${metric.product ? '' : ' · portfolio'}${metric.description ? `: ${escapeMarkdown(metric.description)}` : ''}`,
            number(metric.baseline),
            number(metric.current),
            `${number(metric.target)}${metric.targetDate ? ` by ${metric.targetDate}` : ''}`,
            formatPercent(metric.progress),
            listText(metric.movedBy.map(f => featureRef(f, product, PRODUCT_BASE)), '**no feature**'),
            listText(metric.objectives.map(o => plain(o)), '**no objective**')
        ];
    }), ['left', 'right', 'right', 'right', 'right', 'left', 'left']));
    return lines;
}
