import type { FeatureModel, ProductModel, RankedFeature, ReleaseModel, StakeholderModel } from '@product-spec/language';
import { displayName, featureChartLabel } from './labels.js';
import {
    flowchartNode, ganttText, mermaidBlock, mermaidText, quadrantConfig, quadrantPoint, quadrantTitleBoxes, shorten, spreadLabels,
    type ChartGeometry, type ChartPoint
} from './mermaid.js';

// ---- stakeholder map (Mendelow's power/interest grid) -----------------------------------

/**
 * Where a level sits on an axis. The grid has two halves: high is the upper (or right)
 * half; medium is not high, so it sits in the lower half, near the middle line.
 */
const LEVEL_POSITION: Record<string, number> = { low: 0.17, medium: 0.4, high: 0.8 };
const half = (position: number): [number, number] => (position > 0.5 ? [0.53, 0.98] : [0.02, 0.47]);
const STAKEHOLDER_CHART: ChartGeometry = { width: 560, height: 560, fontSize: 12, titleFontSize: 14 };
const STAKEHOLDER_QUADRANTS = ['Manage closely', 'Keep satisfied', 'Monitor', 'Keep informed'] as const;

/** Stakeholders who have both an influence and an interest level, placed on the grid. */
export function stakeholderChart(stakeholders: readonly StakeholderModel[]): string[] | undefined {
    const placed = stakeholders.filter(s => LEVEL_POSITION[s.node.interest ?? ''] !== undefined && LEVEL_POSITION[s.node.influence ?? ''] !== undefined);
    if (placed.length === 0) return undefined;
    // Most influential first, so they keep their exact place when labels would collide.
    const ordered = [...placed].sort((a, b) => LEVEL_POSITION[b.node.influence!] - LEVEL_POSITION[a.node.influence!]
        || LEVEL_POSITION[b.node.interest!] - LEVEL_POSITION[a.node.interest!]);
    const points: ChartPoint[] = ordered.map(s => {
        const x = LEVEL_POSITION[s.node.interest!];
        const y = LEVEL_POSITION[s.node.influence!];
        const [left, right] = half(x);
        const [bottom, top] = half(y);
        return { label: shorten(displayName(s), 28), x, y, bounds: { left, right, bottom, top } };
    });
    return mermaidBlock([
        ...quadrantConfig(STAKEHOLDER_CHART),
        'quadrantChart',
        '  x-axis Low interest --> High interest',
        '  y-axis Low influence --> High influence',
        ...STAKEHOLDER_QUADRANTS.map((title, i) => `  quadrant-${i + 1} ${title}`),
        ...spreadLabels(points, STAKEHOLDER_CHART, { maxShift: 0.15, obstacles: quadrantTitleBoxes(STAKEHOLDER_QUADRANTS, STAKEHOLDER_CHART) })
            .map(p => `  ${quadrantPoint(p.label, p.x, p.y)}`)
    ]);
}

// ---- value against effort -------------------------------------------------------------

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

// ---- roadmap -----------------------------------------------------------------------------

const DAY = 24 * 60 * 60 * 1000;

/** A real calendar date written YYYY-MM-DD, as milliseconds (UTC); undefined otherwise. */
/** The time of an ISO date (the model keeps only dates that exist). */
export function dateTime(date: string | undefined): number | undefined {
    return date === undefined ? undefined : Date.parse(`${date}T00:00:00Z`);
}

function isoDate(time: number): string {
    return new Date(time).toISOString().slice(0, 10);
}

/**
 * Releases with a valid date as gantt sections, in date order. Each feature (not dropped)
 * is a bar over its release's build window: from the previous release to this one (before
 * the first release, one release interval, or 90 days when there is one release); the
 * release itself is a milestone. Shipped features show as done, building ones as active,
 * MoSCoW musts as critical.
 */
export function roadmapGantt(product: ProductModel, releases: readonly ReleaseModel[]): string[] | undefined {
    const dated = releases
        .map(release => ({ release, time: dateTime(release.date) }))
        .filter((r): r is { release: ReleaseModel; time: number } => r.time !== undefined);
    if (dated.length === 0) return undefined;
    const firstWindow = dated.length > 1 ? Math.max(dated[1].time - dated[0].time, 14 * DAY) : 90 * DAY;
    // Ticks far enough apart that their labels never overlap.
    const span = dated[dated.length - 1].time - (dated[0].time - firstWindow);
    const axis = span <= 270 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 1month']
        : span <= 2 * 365 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 3month']
            : span <= 5 * 365 * DAY ? ['  axisFormat %Y-%m', '  tickInterval 6month'] : ['  axisFormat %Y', '  tickInterval 12month'];
    // No "today" line: the picture must not depend on the day it is rendered.
    const lines = ['gantt', '  dateFormat YYYY-MM-DD', '  todayMarker off', ...axis];
    const rank = new Map(product.ranking.entries.map((entry, i) => [entry.feature, i]));
    let task = 0;
    dated.forEach(({ release, time }, index) => {
        const previous = index === 0 ? time - firstWindow : dated[index - 1].time;
        const start = Math.min(previous, time - 14 * DAY);
        lines.push(`  section ${ganttText(shorten(displayName(release), 40), release.name)}`);
        const features = [...release.features].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
        for (const feature of features) {
            if (feature.status === 'dropped') continue;
            const tags = [
                ...(feature.moscow === 'must' ? ['crit'] : []),
                ...(feature.status === 'shipped' ? ['done'] : feature.status === 'building' ? ['active'] : [])
            ];
            const name = ganttText(shorten(featureChartLabel(feature, product), 40), feature.name);
            lines.push(`    ${name} :${[...tags, `t${++task}`, isoDate(start), isoDate(time)].join(', ')}`);
        }
        lines.push(`    ${ganttText(`${shorten(displayName(release), 40)} ships`, release.name)} :milestone, m${index + 1}, ${isoDate(time)}, 0d`);
    });
    return mermaidBlock(lines);
}

// ---- dependencies --------------------------------------------------------------------------

/**
 * The `requires` graph around a product's features, as a flowchart read left to right: an
 * arrow runs from a prerequisite to the feature that needs it. Features of other products
 * are dashed; features on a dependency cycle are outlined in red.
 */
export function dependencyFlowchart(product: ProductModel): string[] | undefined {
    const ids = new Map<FeatureModel, string>();
    const id = (feature: FeatureModel) => {
        let existing = ids.get(feature);
        if (!existing) {
            existing = `f${ids.size + 1}`;
            ids.set(feature, existing);
        }
        return existing;
    };
    const edges: string[] = [];
    const seen = new Set<string>();
    const edge = (from: FeatureModel, to: FeatureModel) => {
        const line = `  ${id(from)} --> ${id(to)}`;
        if (!seen.has(line)) {
            seen.add(line);
            edges.push(line);
        }
    };
    for (const feature of product.features) {
        for (const required of feature.requires) edge(required, feature);
        for (const dependent of feature.requiredBy) if (dependent.product !== product) edge(feature, dependent);
    }
    if (edges.length === 0) return undefined;
    const nodes = [...ids].map(([feature, nodeId]) => `  ${flowchartNode(nodeId, featureChartLabel(feature, product))}`);
    const classes: string[] = [];
    const other = [...ids].filter(([feature]) => feature.product !== product).map(([, nodeId]) => nodeId);
    const cycle = [...ids].filter(([feature]) => feature.inCycle).map(([, nodeId]) => nodeId);
    const done = [...ids].filter(([feature]) => feature.status === 'shipped' || feature.status === 'dropped').map(([, nodeId]) => nodeId);
    if (other.length > 0) classes.push('  classDef other stroke-dasharray: 5 5', `  class ${other.join(',')} other`);
    if (done.length > 0) classes.push('  classDef done fill:#eeeeee,color:#555555', `  class ${done.join(',')} done`);
    if (cycle.length > 0) classes.push('  classDef cycle stroke:#cc0000,stroke-width:3px', `  class ${cycle.join(',')} cycle`);
    return mermaidBlock(['flowchart LR', ...nodes, ...edges, ...classes]);
}
