import type { StakeholderModel } from '@product-spec/language';
import { displayName } from '../labels.js';
import { mermaidBlock, quadrantPoint, shorten } from '../mermaid.js';
import { quadrantConfig, quadrantTitleBoxes, spreadLabels, type ChartGeometry, type ChartPoint } from './placement.js';

// Mendelow's power/interest grid.

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
