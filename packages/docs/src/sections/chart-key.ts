import type { QuadrantChart } from '../charts/quadrant.js';
import { markdownTable } from '../markdown.js';

/**
 * The table under a quadrant chart that names the points drawn with a key (where their
 * names did not fit): `headers[0]` is the key column; `cells(index)` gives the rest of an
 * item's row (markdown already). Nothing when every point carries its name.
 */
export function chartKeyTable(chart: QuadrantChart, headers: readonly string[], cells: (index: number) => string[]): string[] {
    if (chart.keyed.length === 0) return [];
    return ['', `Points drawn with a letter, where the name did not fit:`, '',
        ...markdownTable(['Key', ...headers], chart.keyed.map(({ key, index }) => [`**${key}**`, ...cells(index)]))];
}
