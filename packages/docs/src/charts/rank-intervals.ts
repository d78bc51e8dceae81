import { defaultRankUncertainty, rankBand, rankCells, rankMoves, UNCERTAINTY_LIMITS, type FeatureModel, type ProductModel, type RankUncertainty } from '@product-spec/language';
import { displayName } from '../labels.js';
import { ganttText, mermaidBlock, shorten } from '../mermaid.js';

/**
 * How sure each rank is (decide.md §2) as a Mermaid `gantt`: one bar per ranked feature,
 * from the 10th to the 90th percentile of its rank over the draws of its ranges. The draws
 * are the CLI's `rank --uncertainty` with its defaults (10,000 draws, seed 1), so the page
 * and the command agree and the page is the same on every machine.
 *
 * The axis is ranks, written as Mermaid's millisecond timestamps (`dateFormat x`, ticks
 * `%Q`): Mermaid reads a task's start as milliseconds in the timestamp formats, so `x`
 * is the one where start and end agree. A bar covers the cells of ranks p10 to p90.
 */

/** At most this many bars; the rest are named in a sentence. */
export const RANK_INTERVAL_BARS = 30;
const LABEL = 40;

export interface RankIntervals {
    readonly samples: number;
    readonly seed: number;
    readonly rows: ReadonlyArray<{ feature: FeatureModel; rank: number; drawn: RankUncertainty }>;
}

/** The draws of a product's ranking, or undefined when it has no range (nothing would vary) or too many features to draw. */
export function rankIntervals(product: ProductModel): RankIntervals | undefined {
    const ranking = product.ranking;
    const samples = UNCERTAINTY_LIMITS.samples.default;
    const seed = UNCERTAINTY_LIMITS.seed.default;
    if (rankCells(ranking.rankedCount, samples) > UNCERTAINTY_LIMITS.rankCells) return undefined;
    // The draws the hover and the ranking view read too, computed once per workspace state.
    const drawn = defaultRankUncertainty(product);
    if (!drawn) return undefined;
    const rows = ranking.entries.flatMap(entry => {
        const mine = entry.rank !== null ? drawn.get(entry.feature) : undefined;
        return mine && entry.rank !== null ? [{ feature: entry.feature, rank: entry.rank, drawn: mine }] : [];
    });
    return { samples, seed, rows };
}

export function rankIntervalChart(intervals: RankIntervals): string[] {
    const rows = intervals.rows.slice(0, RANK_INTERVAL_BARS);
    return mermaidBlock([
        'gantt',
        `  title Rank over ${intervals.samples.toLocaleString('en-US')} draws: 10th to 90th percentile`,
        '  dateFormat x',
        '  axisFormat %Q',
        '  tickInterval 1millisecond',
        '  todayMarker off',
        '  section Features',
        ...rows.map(({ feature, rank, drawn }, index) => {
            const label = ganttText(`#${rank} ${shorten(displayName(feature), LABEL)} · ${rankBand(drawn)}`, feature.name);
            // `active` (another colour) for a rank that 80% of the draws do not hold.
            const moving = rankMoves(rank, drawn);
            return `    ${label} :${moving ? 'active, ' : ''}r${index + 1}, ${drawn.rankP10}, ${drawn.rankP90 + 1}`;
        })
    ]);
}
