import type { ProductModel, ReleaseModel } from '@product-spec/language';
import { DAY, dateTime, isoDate } from '../facts.js';
import { displayName, featureChartLabel } from '../labels.js';
import { ganttText, mermaidBlock, shorten } from '../mermaid.js';

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
