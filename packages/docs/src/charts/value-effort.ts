import type { ProductModel, RankedFeature } from '@product-spec/language';
import { featureChartLabel } from '../labels.js';
import { mermaidBlock, mermaidText, quadrantPoint, shorten } from '../mermaid.js';
import { quadrantConfig, quadrantTitleBoxes, spreadLabels, type ChartGeometry } from './placement.js';

export type ValueQuadrant = 'quick wins' | 'big bets' | 'fill-ins' | 'time sinks';
export const VALUE_QUADRANTS: readonly ValueQuadrant[] = ['quick wins', 'big bets', 'fill-ins', 'time sinks'];

export interface ValueEffort {
    readonly entry: RankedFeature;
    /** Score ÷ the largest score among the charted features, 0..1. */
    readonly value: number;
    /** Effort ÷ the largest effort among them, 0..1. */
    readonly effort: number;
    readonly quadrant: ValueQuadrant;
}

/**
 * Ranked features with a score and an effort, each normalised by the product's largest.
 * High value is ≥ 0.5, high effort is > 0.5 (the chart's middle lines).
 */
export function valueEffort(entries: readonly RankedFeature[]): ValueEffort[] {
    const charted = entries.filter(e => e.rank !== null && e.score !== null && e.feature.effort !== null && e.feature.effort > 0);
    const maxScore = Math.max(0, ...charted.map(e => e.score!));
    const maxEffort = Math.max(0, ...charted.map(e => e.feature.effort!));
    if (maxScore <= 0 || maxEffort <= 0) return [];
    return charted.map(entry => {
        const value = Math.max(entry.score!, 0) / maxScore;
        const effort = entry.feature.effort! / maxEffort;
        const quadrant: ValueQuadrant = value >= 0.5 ? (effort > 0.5 ? 'big bets' : 'quick wins') : (effort > 0.5 ? 'time sinks' : 'fill-ins');
        return { entry, value, effort, quadrant };
    });
}

const VALUE_CHART: ChartGeometry = { width: 640, height: 640, fontSize: 12, titleFontSize: 14 };
const VALUE_QUADRANT_TITLES = ['Big bets', 'Quick wins', 'Fill-ins', 'Time sinks'] as const;

/** The value chart shows at most this many features (the first by rank); more would be unreadable. */
export const VALUE_CHART_LIMIT = 25;

export function valueEffortChart(product: ProductModel, points: readonly ValueEffort[], methodName: string): string[] | undefined {
    if (points.length === 0) return undefined;
    // Drawn inside a margin so that points on the largest effort or value keep their labels on the chart.
    const inset = (v: number) => 0.1 + 0.8 * v;
    const placed = spreadLabels(points.slice(0, VALUE_CHART_LIMIT).map(p => {
        const highValue = p.quadrant === 'quick wins' || p.quadrant === 'big bets';
        const highEffort = p.quadrant === 'big bets' || p.quadrant === 'time sinks';
        const bounds = {
            left: highEffort ? 0.5 : 0, right: highEffort ? 1 : 0.5,
            bottom: highValue ? 0.5 : 0, top: highValue ? 1 : 0.5
        };
        return { label: shorten(featureChartLabel(p.entry.feature, product), 26), short: `#${p.entry.rank}`, x: inset(p.effort), y: inset(p.value), bounds };
    }), VALUE_CHART, { obstacles: quadrantTitleBoxes(VALUE_QUADRANT_TITLES, VALUE_CHART) });
    return mermaidBlock([
        ...quadrantConfig(VALUE_CHART),
        'quadrantChart',
        '  x-axis Low effort --> High effort',
        `  y-axis Low ${mermaidText(methodName)} score --> High ${mermaidText(methodName)} score`,
        ...VALUE_QUADRANT_TITLES.map((title, i) => `  quadrant-${i + 1} ${title}`),
        ...placed.map(p => `  ${quadrantPoint(p.label, p.x, p.y)}`)
    ]);
}
