import { formatNumber, KANO_DRIVER_VALUE, moscowScore, type Method, type ProductModel, type RankedFeature } from '@product-spec/language';
import { featureChartLabel, KANO_LABEL } from '../labels.js';
import type { ChartGeometry } from './placement.js';
import { axisPosition, quadrantChart, type QuadrantChart } from './quadrant.js';

/**
 * Value against effort, on axes that fit the product's method: what the method values
 * and what it costs, never a score that already divides by the effort (RICE's value is
 * reach × impact × confidence; WSJF's is the cost of delay against the job size; ICE's is
 * impact and confidence against how hard it is, 10 − ease).
 */

export type ValueQuadrant = 'quick wins' | 'big bets' | 'fill-ins' | 'time sinks';
export const VALUE_QUADRANTS: readonly ValueQuadrant[] = ['quick wins', 'big bets', 'fill-ins', 'time sinks'];

export interface ValueEffort {
    readonly entry: RankedFeature;
    /** On the value axis, 0..1 (see `ValueAxes.scale`); high from 0.5. */
    readonly value: number;
    /** On the effort axis, 0..1; high above 0.5. */
    readonly effort: number;
    /** The value and the effort as the method states them ("5,000 × 3 × 80%" is 12,000; "must"). */
    readonly shown: readonly [string, string];
    readonly quadrant: ValueQuadrant;
}

export interface ValueAxes {
    /** The ends of the axes, as the chart writes them. */
    readonly value: readonly [string, string];
    readonly effort: readonly [string, string];
    /** What the value and the effort are, as the page names them ("cost of delay"). */
    readonly valueName: string;
    readonly effortName: string;
    /** The same as the key table's column headers ("Cost of delay", "Job size"). */
    readonly valueHeader: string;
    readonly effortHeader: string;
    /** `max`: each axis divided by its largest value among the charted features; `scale`: the method's own fixed scale. */
    readonly scale: 'max' | 'scale';
}

export interface ValueEffortData {
    readonly axes: ValueAxes;
    /** Charted features, in rank order. */
    readonly points: ValueEffort[];
    /** Open features left off, with the reason (plain text). */
    readonly left: ReadonlyArray<{ readonly entry: RankedFeature; readonly reason: string }>;
}

const effortAxis = ['Less effort', 'More effort'] as const;

const AXES: Record<Method, ValueAxes> = {
    rice: { value: ['Less reach × impact × confidence', 'More reach × impact × confidence'], effort: effortAxis, valueName: 'reach × impact × confidence', effortName: 'effort', valueHeader: 'Reach × impact × confidence', effortHeader: 'Effort', scale: 'max' },
    ice: { value: ['Less impact and confidence', 'More impact and confidence'], effort: ['Easy', 'Hard'], valueName: 'average of impact and confidence', effortName: 'how hard it is (10 − ease)', valueHeader: 'Impact and confidence', effortHeader: 'Hardness (10 − ease)', scale: 'scale' },
    wsjf: { value: ['Low cost of delay', 'High cost of delay'], effort: ['Small job', 'Large job'], valueName: 'cost of delay (value + criticality + risk)', effortName: 'job size', valueHeader: 'Cost of delay', effortHeader: 'Job size', scale: 'max' },
    kano: { value: ['Less needed', 'More needed'], effort: effortAxis, valueName: 'Kano category', effortName: 'effort', valueHeader: 'Kano category', effortHeader: 'Effort', scale: 'scale' },
    moscow: { value: ['Could', 'Must'], effort: effortAxis, valueName: 'MoSCoW priority', effortName: 'effort', valueHeader: 'MoSCoW', effortHeader: 'Effort', scale: 'scale' },
    weighted: { value: ['Lower weighted score', 'Higher weighted score'], effort: effortAxis, valueName: 'weighted score', effortName: 'effort', valueHeader: 'Weighted score', effortHeader: 'Effort', scale: 'max' }
};

interface Inputs {
    readonly value: number;
    readonly effort: number;
    readonly shown: readonly [string, string];
}

/** The value and effort of a feature on the method's axes (before scaling), or why it has none. */
function inputs(entry: RankedFeature, method: Method): Inputs | string {
    const feature = entry.feature;
    const effort = feature.effort !== null && feature.effort > 0 ? feature.effort : undefined;
    const n = formatNumber;
    switch (method) {
        case 'rice': {
            const rice = feature.riceInputs;
            if (!rice) return 'no valid RICE inputs';
            const value = rice.reach * rice.impact * rice.confidence;
            return { value, effort: rice.effort, shown: [n(value), n(rice.effort)] };
        }
        case 'ice': {
            const ice = feature.iceInputs;
            if (!ice) return 'no valid ICE inputs';
            const value = (ice.impact + ice.confidence) / 2;
            return { value, effort: 10 - ice.ease, shown: [n(value), `ease ${n(ice.ease)}`] };
        }
        case 'wsjf': {
            const wsjf = feature.wsjfInputs;
            if (!wsjf) return 'no valid WSJF inputs';
            const value = wsjf.value + wsjf.criticality + wsjf.risk;
            return { value, effort: wsjf.size, shown: [n(value), n(wsjf.size)] };
        }
        case 'kano':
            if (!feature.kano) return 'no Kano category';
            if (effort === undefined) return 'no effort';
            return { value: KANO_DRIVER_VALUE[feature.kano.category], effort, shown: [KANO_LABEL[feature.kano.category], n(effort)] };
        case 'moscow':
            if (!feature.moscow) return 'no MoSCoW priority';
            if (effort === undefined) return 'no effort';
            // must 1, should 0.67, could 0.33 (won't is left off).
            return { value: (moscowScore(feature.moscow) - 1) / 3, effort, shown: [feature.moscow, n(effort)] };
        case 'weighted':
            if (entry.score === null) return 'no weighted score';
            if (effort === undefined) return 'no effort';
            return { value: entry.score, effort, shown: [n(entry.score), n(effort)] };
    }
}

/** ICE's 1..10 scales as 0..1, so that the middle line is the middle of the scale (10 − ease runs 0..9). */
function onScale(method: Method, value: number, effort: number): [number, number] {
    return method === 'ice' ? [(value - 1) / 9, effort / 9] : [value, effort];
}

/**
 * The open features of the backlog on the method's axes. Left off: features whose MoSCoW
 * is won't or whose Kano category is reverse (never a quick win, whatever their numbers),
 * and those without the inputs.
 */
export function valueEffort(product: ProductModel): ValueEffortData {
    const method = product.ranking.method;
    const axes = AXES[method];
    const left: Array<{ entry: RankedFeature; reason: string }> = [];
    const raw: Array<{ entry: RankedFeature } & Inputs> = [];
    for (const entry of product.ranking.entries.filter(e => e.rank !== null)) {
        if (entry.feature.moscow === 'wont') left.push({ entry, reason: 'MoSCoW won\'t' });
        else if (entry.feature.kano?.category === 'reverse') left.push({ entry, reason: 'Kano reverse' });
        else {
            const found = inputs(entry, method);
            if (typeof found === 'string') left.push({ entry, reason: found });
            else raw.push({ entry, ...found });
        }
    }
    const maxValue = Math.max(0, ...raw.map(r => r.value));
    const maxEffort = Math.max(0, ...raw.map(r => r.effort));
    const byMax = (v: number, max: number) => (max > 0 ? Math.max(v, 0) / max : 0);
    const points = raw.map(({ entry, value, effort, shown }) => {
        const [v, e] = axes.scale === 'scale' ? onScale(method, value, method === 'ice' ? effort : byMax(effort, maxEffort))
            : [byMax(value, maxValue), byMax(effort, maxEffort)];
        const quadrant: ValueQuadrant = v >= 0.5 ? (e > 0.5 ? 'big bets' : 'quick wins') : (e > 0.5 ? 'time sinks' : 'fill-ins');
        return { entry, value: v, effort: e, shown, quadrant };
    });
    return { axes, points, left };
}

const VALUE_CHART: ChartGeometry = { width: 640, height: 640, fontSize: 12, titleFontSize: 14 };

/** The value chart shows at most this many features (the first by rank); more would be unreadable. */
export const VALUE_CHART_LIMIT = 25;

export function valueEffortChart(product: ProductModel, data: ValueEffortData): QuadrantChart | undefined {
    if (data.points.length === 0) return undefined;
    return quadrantChart({
        geometry: VALUE_CHART,
        xAxis: data.axes.effort,
        yAxis: data.axes.value,
        quadrants: ['Big bets', 'Quick wins', 'Fill-ins', 'Time sinks'],
        items: data.points.slice(0, VALUE_CHART_LIMIT).map(p => ({
            name: featureChartLabel(p.entry.feature, product),
            x: axisPosition(p.effort, p.effort > 0.5),
            y: axisPosition(p.value, p.value >= 0.5, data.axes.scale === 'max'),
            order: { x: p.effort, y: p.value }
        }))
    });
}
