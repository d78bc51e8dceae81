import { mermaidBlock, mermaidText, quadrantPoint, shorten } from '../mermaid.js';
import { quadrantConfig, quadrantTitleBoxes, spreadLabels, type Box, type ChartGeometry } from './placement.js';

/**
 * A Mermaid `quadrantChart` that tells the truth: every point stays in its quadrant and
 * off the middle lines, no nudge passes a point of another value on either axis (two
 * features with equal scores may be drawn apart, but never one above a feature with a
 * larger score), and every point is named: by its name where it fits, else by a key
 * (A, B, ...) that a table under the chart spells out.
 */

/** One thing to draw, in priority order (the first keeps its exact place and its name). */
export interface QuadrantItem {
    /** Its name (plain text; shortened on the chart, whole in the key table). */
    readonly name: string;
    /** Where it is, in chart units (0..1, y upwards), from `axisPosition` or a fixed scale. */
    readonly x: number;
    readonly y: number;
    /** The values whose order the chart keeps, when they are not the positions themselves (default: x and y). */
    readonly order?: { readonly x: number; readonly y: number };
}

export interface QuadrantChartSpec {
    readonly geometry: ChartGeometry;
    /** Low and high end of each axis (plain text). */
    readonly xAxis: readonly [string, string];
    readonly yAxis: readonly [string, string];
    /** Quadrant titles, Mermaid's order: top right, top left, bottom left, bottom right. */
    readonly quadrants: readonly [string, string, string, string];
    readonly items: readonly QuadrantItem[];
    /** Longest name drawn (characters). */
    readonly maxLabel?: number;
    /** How far a point may move up or down to free its label (chart units; default 0.08). */
    readonly maxShift?: number;
}

export interface QuadrantChart {
    /** The Mermaid block. */
    readonly lines: string[];
    /** The items drawn with a key instead of their name, with the key, in key order. */
    readonly keyed: ReadonlyArray<{ readonly key: string; readonly index: number }>;
    /** Where each item was drawn (chart units, before Mermaid's three decimals) and its label, in item order. */
    readonly drawn: ReadonlyArray<{ readonly x: number; readonly y: number; readonly label: string }>;
}

/** Half the width of the band around each middle line that no point enters. */
export const LINE_GAP = 0.03;

/**
 * A value on a 0..1 scale (the product's maximum, or a fixed scale) as a chart position:
 * the low side of the middle line maps to 0.1 .. 0.5 − LINE_GAP and the high side to
 * 0.5 + LINE_GAP .. 0.9, so no point sits on a line or on the edge, and the order of
 * values is kept (the map increases). `high` says on which side the value counts. With
 * `stretch`, each half is a square-root scale from its lower end, so that many small
 * values (a long tail of scores) stay apart; the middle line stays at half the scale.
 */
export function axisPosition(value: number, high: boolean, stretch = false): number {
    const v = Math.min(Math.max(value, 0), 1);
    const span = 0.4 - LINE_GAP;
    const within = high ? Math.max(0, (v - 0.5) / 0.5) : Math.min(1, v / 0.5);
    const t = stretch ? Math.sqrt(within) : within;
    return high ? 0.5 + LINE_GAP + span * t : 0.1 + span * t;
}

/** Keys for points whose name does not fit: A … Z, then AA, AB, … */
export function pointKey(n: number): string {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return n < 26 ? letters[n] : pointKey(Math.floor(n / 26) - 1) + letters[n % 26];
}

const MIN_SEPARATION = 0.003;

/**
 * For each position, the interval it may move in without reaching the half-way point to
 * the position of the nearest other value on either side (less a small margin, so that
 * rounding to three decimals cannot make them equal), within `lo..hi`. `keys` are the
 * values whose order counts (default: the positions): items of equal key may move past
 * each other, items of different keys never do, even where their positions coincide.
 */
export function orderIntervals(positions: readonly number[], keys: readonly number[] = positions, lo = 0, hi = 1): Array<[number, number]> {
    const distinct = [...new Set(keys)].sort((a, b) => a - b);
    const where = new Map(keys.map((key, i) => [key, positions[i]]));
    return positions.map((position, i) => {
        const k = distinct.indexOf(keys[i]);
        const below = k > 0 ? (where.get(distinct[k - 1])! + position) / 2 + MIN_SEPARATION : lo;
        const above = k < distinct.length - 1 ? (position + where.get(distinct[k + 1])!) / 2 - MIN_SEPARATION : hi;
        return [Math.max(lo, Math.min(below, position)), Math.min(hi, Math.max(above, position))];
    });
}

/** The half of an axis a position lies in, less the band around the middle line. */
function half(position: number): [number, number] {
    return position > 0.5 ? [0.5 + LINE_GAP / 2, 1] : [0, 0.5 - LINE_GAP / 2];
}

/** A placeholder as wide as a two-letter key, while placing. */
const KEY_PLACEHOLDER = '\u0001\u0001';

export function quadrantChart(spec: QuadrantChartSpec): QuadrantChart {
    const xs = orderIntervals(spec.items.map(item => item.x), spec.items.map(item => item.order?.x ?? item.x));
    const ys = orderIntervals(spec.items.map(item => item.y), spec.items.map(item => item.order?.y ?? item.y));
    const points = spec.items.map((item, i) => {
        const [xLow, xHigh] = half(item.x);
        const [yLow, yHigh] = half(item.y);
        const bounds: Box = {
            left: Math.max(xLow, xs[i][0]), right: Math.min(xHigh, xs[i][1]),
            bottom: Math.max(yLow, ys[i][0]), top: Math.min(yHigh, ys[i][1])
        };
        return { label: shorten(item.name, spec.maxLabel ?? 26), short: KEY_PLACEHOLDER, x: item.x, y: item.y, bounds };
    });
    const placed = spreadLabels(points, spec.geometry, { maxShift: spec.maxShift, obstacles: quadrantTitleBoxes(spec.quadrants, spec.geometry) });
    const keyed: Array<{ key: string; index: number }> = [];
    const drawn = placed.map((point, index) => {
        // A name that is empty once on one line (control characters only) is keyed too.
        if (point.label !== KEY_PLACEHOLDER && point.label !== '') return { x: point.x, y: point.y, label: point.label };
        const key = pointKey(keyed.length);
        keyed.push({ key, index });
        return { x: point.x, y: point.y, label: key };
    });
    const lines = mermaidBlock([
        ...quadrantConfig(spec.geometry),
        'quadrantChart',
        `  x-axis ${mermaidText(spec.xAxis[0])} --> ${mermaidText(spec.xAxis[1])}`,
        `  y-axis ${mermaidText(spec.yAxis[0])} --> ${mermaidText(spec.yAxis[1])}`,
        ...spec.quadrants.map((title, i) => `  quadrant-${i + 1} ${mermaidText(title)}`),
        ...drawn.map(p => `  ${quadrantPoint(p.label, p.x, p.y)}`)
    ]);
    return { lines, keyed, drawn };
}
