/**
 * Where the points and labels of a Mermaid `quadrantChart` go: Mermaid draws a point's
 * label centred under it and never moves anything, so overlapping labels are moved apart
 * here, within limits that keep the chart telling the truth.
 */

/** A point to draw, with its label, in chart units (0..1, y upwards). */
export interface ChartPoint {
    readonly label: string;
    readonly x: number;
    readonly y: number;
    /** Where the point may be moved to (its quadrant, so that moving never changes what it says). */
    readonly bounds?: Box;
    /** A shorter label for a crowded place (a key that a table spells out, say). */
    readonly short?: string;
}

/** The size of a quadrant chart and its labels, in pixels (see `quadrantConfig`). */
export interface ChartGeometry {
    readonly width: number;
    readonly height: number;
    /** Point labels. */
    readonly fontSize: number;
    /** Quadrant titles. */
    readonly titleFontSize: number;
}

/** A rectangle in chart units (0..1, y upwards). */
export interface Box {
    readonly left: number;
    readonly right: number;
    readonly bottom: number;
    readonly top: number;
}

function overlap(a: Box, b: Box): number {
    const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const height = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
    return width > 0 && height > 0 ? width * height : 0;
}

/** The plot is about 88% of the chart (Mermaid keeps the rest for axis labels and padding). */
const PLOT = 0.88;

function textWidth(text: string, fontSize: number, size: number): number {
    return ([...text].length * fontSize * 0.6) / (size * PLOT);
}

/** Where Mermaid writes the four quadrant titles: centred at the top of each quadrant. */
export function quadrantTitleBoxes(titles: readonly [string, string, string, string], geometry: ChartGeometry): Box[] {
    const height = (geometry.titleFontSize * 1.3 + 5) / (geometry.height * PLOT);
    const centres: Array<[number, number]> = [[0.75, 1], [0.25, 1], [0.25, 0.5], [0.75, 0.5]];
    return titles.map((title, i) => {
        const half = textWidth(title, geometry.titleFontSize, geometry.width) / 2;
        const [x, top] = centres[i];
        return { left: x - half, right: x + half, top, bottom: top - height };
    });
}

/**
 * Moves points whose labels would overlap a label, a point or a quadrant title placed
 * before them, or a point still to place (points come in priority order: the first stays
 * where it is, if it is free). Mermaid writes a point's label centred under it, so a point is moved, up or
 * down by at most `maxShift` and sideways by at most 0.075, to the nearest free place
 * within its bounds. Where there is none, the point takes its `short` label (if it has
 * one) at the nearest place free for that, else the place of least overlap: a point is
 * never moved further than that, so the chart keeps telling the truth. Deterministic.
 */
export function spreadLabels(points: readonly ChartPoint[], geometry: ChartGeometry, options: { maxShift?: number; obstacles?: readonly Box[] } = {}): ChartPoint[] {
    const maxShift = options.maxShift ?? 0.08;
    const textHeight = (geometry.fontSize * 1.3) / (geometry.height * PLOT);
    const dot = 6 / (geometry.height * PLOT);
    const step = 0.01;
    const candidates: Array<{ dx: number; dy: number; cost: number }> = [];
    for (let i = 0; i <= Math.round(maxShift / step); i++) {
        for (const sign of i === 0 ? [1] : [-1, 1]) {
            for (const dx of [0, 0.025, -0.025, 0.05, -0.05, 0.075, -0.075]) {
                const dy = sign * i * step;
                candidates.push({ dx, dy, cost: Math.abs(dy) + 2 * Math.abs(dx) });
            }
        }
    }
    candidates.sort((a, b) => a.cost - b.cost);
    // Outside the plot counts as taken, so that labels near an edge move inwards rather than being cut off.
    const outside: Box[] = [
        { left: -2, right: 0, bottom: -2, top: 3 }, { left: 1, right: 3, bottom: -2, top: 3 },
        { left: -2, right: 3, bottom: -2, top: 0 }
    ];
    const placed: Box[] = [...outside, ...(options.obstacles ?? [])];
    const labelBox = (label: string, x: number, y: number): Box => {
        const half = Math.max(textWidth(label, geometry.fontSize, geometry.width) / 2, dot);
        return { left: x - half, right: x + half, top: y + dot, bottom: y - dot - textHeight };
    };
    const clamp = (v: number) => Math.min(Math.max(v, 0.02), 0.98);
    // The dots still to place, where they are now: a label placed earlier must not cover them either.
    const dots: Box[] = points.map(p => ({ left: p.x - dot, right: p.x + dot, top: p.y + dot, bottom: p.y - dot }));
    return points.map((point, index) => {
        // Dots at the very same place will move themselves (the first keeps its place).
        const taken = [...placed, ...dots.filter((_, j) => j > index && (points[j].x !== point.x || points[j].y !== point.y))];
        const bounds = point.bounds ?? { left: 0, right: 1, bottom: 0, top: 1 };
        const inside = (x: number, y: number) => x === clamp(x) && y === clamp(y)
            && x >= bounds.left && x <= bounds.right && y >= bounds.bottom && y <= bounds.top;
        let best: { label: string; x: number; y: number; overlap: number } | undefined;
        for (const label of point.short === undefined ? [point.label] : [point.label, point.short]) {
            for (const { dx, dy } of candidates) {
                const x = point.x + dx;
                const y = point.y + dy;
                if (!inside(x, y)) continue;
                const total = taken.reduce((sum, other) => sum + overlap(labelBox(label, x, y), other), 0);
                if (!best || total < best.overlap) best = { label, x, y, overlap: total };
                if (total === 0) break;
            }
            if (best?.overlap === 0) break;
        }
        const chosen = best ?? { label: point.label, x: clamp(point.x), y: clamp(point.y) };
        placed.push(labelBox(chosen.label, chosen.x, chosen.y));
        return { ...point, label: chosen.label, x: chosen.x, y: chosen.y };
    });
}

/** Front matter that sizes a quadrant chart (Mermaid reads `config` from it). */
export function quadrantConfig(geometry: ChartGeometry): string[] {
    return [
        '---',
        'config:',
        '  quadrantChart:',
        `    chartWidth: ${geometry.width}`,
        `    chartHeight: ${geometry.height}`,
        `    pointLabelFontSize: ${geometry.fontSize}`,
        `    quadrantLabelFontSize: ${geometry.titleFontSize}`,
        '---'
    ];
}
