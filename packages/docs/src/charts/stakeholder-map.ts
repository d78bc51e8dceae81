import type { StakeholderModel } from '@product-spec/language';
import { displayName } from '../labels.js';
import type { ChartGeometry } from './placement.js';
import { quadrantChart, type QuadrantChart } from './quadrant.js';

// Mendelow's power/interest grid.

/**
 * Where a level sits on an axis. The grid has two halves: high is the upper (or right)
 * half; medium is not high, so it sits in the lower half, near the middle line.
 */
const LEVEL_POSITION: Record<string, number> = { low: 0.17, medium: 0.4, high: 0.8 };
const STAKEHOLDER_CHART: ChartGeometry = { width: 560, height: 560, fontSize: 12, titleFontSize: 14 };

/** Stakeholders who have both an influence and an interest level. */
export function onTheGrid(stakeholders: readonly StakeholderModel[]): StakeholderModel[] {
    return stakeholders.filter(s => LEVEL_POSITION[s.interest ?? ''] !== undefined && LEVEL_POSITION[s.influence ?? ''] !== undefined);
}

/**
 * Stakeholders placed on the grid, most influential first (they keep their exact place
 * when labels would collide), then most interested; `label` names each (its name by default).
 */
export function stakeholderChart(
    stakeholders: readonly StakeholderModel[], label: (s: StakeholderModel) => string = displayName
): { chart: QuadrantChart; placed: StakeholderModel[] } | undefined {
    const placed = onTheGrid(stakeholders);
    if (placed.length === 0) return undefined;
    const ordered = [...placed].sort((a, b) => LEVEL_POSITION[b.influence!] - LEVEL_POSITION[a.influence!]
        || LEVEL_POSITION[b.interest!] - LEVEL_POSITION[a.interest!]);
    const chart = quadrantChart({
        geometry: STAKEHOLDER_CHART,
        xAxis: ['Low interest', 'High interest'],
        yAxis: ['Low influence', 'High influence'],
        quadrants: ['Manage closely', 'Keep satisfied', 'Monitor', 'Keep informed'],
        items: ordered.map(s => ({ name: label(s), x: LEVEL_POSITION[s.interest!], y: LEVEL_POSITION[s.influence!] })),
        maxLabel: 28,
        maxShift: 0.15
    });
    return { chart, placed: ordered };
}
