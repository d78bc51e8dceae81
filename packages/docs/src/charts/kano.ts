import type { FeatureModel, ProductModel } from '@product-spec/language';
import { featureChartLabel } from '../labels.js';
import type { ChartGeometry } from './placement.js';
import { axisPosition, quadrantChart, type QuadrantChart } from './quadrant.js';

/**
 * The standard picture of a Kano study: each surveyed feature at its dissatisfaction if
 * absent (|worse|, right) and its satisfaction if present (better, up), Berger's
 * coefficients. The quadrants split at 0.5: attractive (top left), performance (top
 * right), must-be (bottom right), indifferent (bottom left).
 */

/** The features with a survey (better and worse known), not dropped, in rank order. */
export function surveyed(product: ProductModel): FeatureModel[] {
    const order = new Map(product.ranking.entries.map((e, i) => [e.feature, i]));
    return product.features
        .filter(f => f.status !== 'dropped' && f.kano?.better !== null && f.kano?.better !== undefined && f.kano.worse !== null)
        .sort((a, b) => order.get(a)! - order.get(b)!);
}

/** Which quadrant a feature's coefficients put it in (0.5 and above is high, as on the chart). */
export function kanoQuadrant(better: number, worse: number): 'attractive' | 'performance' | 'must' | 'indifferent' {
    const satisfies = better >= 0.5;
    const dissatisfies = Math.abs(worse) >= 0.5;
    return satisfies ? (dissatisfies ? 'performance' : 'attractive') : (dissatisfies ? 'must' : 'indifferent');
}

const KANO_CHART: ChartGeometry = { width: 560, height: 560, fontSize: 12, titleFontSize: 14 };

export function kanoChart(product: ProductModel, features: readonly FeatureModel[]): QuadrantChart | undefined {
    if (features.length === 0) return undefined;
    return quadrantChart({
        geometry: KANO_CHART,
        xAxis: ['Not missed if absent', 'Missed if absent'],
        yAxis: ['No delight if present', 'Delights if present'],
        quadrants: ['Performance', 'Attractive', 'Indifferent', 'Must-be'],
        items: features.map(f => {
            const worse = Math.abs(f.kano!.worse!);
            const better = f.kano!.better!;
            return { name: featureChartLabel(f, product), x: axisPosition(worse, worse >= 0.5), y: axisPosition(better, better >= 0.5), order: { x: worse, y: better } };
        })
    });
}
