import { formatNumber, formatPercent, MUST_SHARE_LIMIT, type ProductModel, type ReleaseModel } from '@product-spec/language';
import { dependencyFlowchart } from '../charts/dependencies.js';
import { roadmapGantt } from '../charts/timeline.js';
import { byRank, dateTime, isoDate, releasesByDate } from '../facts.js';
import { featureRef, featureWithStatus, plain, PRODUCT_BASE, titled } from '../labels.js';
import { escapeMarkdown, listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

function loadText(release: ReleaseModel): string {
    if (release.capacity === undefined) return `${formatNumber(release.load)} (no capacity given)`;
    const text = `${formatNumber(release.load)} of ${formatNumber(release.capacity)}`;
    if (release.load > release.capacity) return `${text}: **over by ${formatNumber(release.load - release.capacity)}**`;
    return release.capacity > 0 ? `${text} (${formatPercent(release.load / release.capacity, 0)})` : text;
}

function mustShareText(release: ReleaseModel): string {
    if (release.mustShare === null) return '–';
    const text = formatPercent(release.mustShare, 0);
    return release.mustShare > MUST_SHARE_LIMIT ? `**${text}**, over ${formatPercent(MUST_SHARE_LIMIT, 0)}` : text;
}

/** The full page's roadmap: the releases, their timeline, what is unplanned, the dependencies. */
export function roadmap(context: ProductContext): string[] {
    return [...releasesPart(context), '', '### Dependencies', '', ...dependencies(context)];
}

/** Releases with load, capacity and must share, their timeline, and what no release holds. */
export function releasesPart({ product }: ProductContext): string[] {
    const releases = releasesByDate(product);
    const lines = [
        'Releases in date order. **Load** is the effort (person-months) of the features in a release, against its capacity; ' +
        `the **must share** is the part of the load that is MoSCoW musts (DSDM advises at most ${formatPercent(MUST_SHARE_LIMIT, 0)}).`
    ];
    if (releases.length === 0) lines.push('', 'No releases planned yet.');
    else {
        lines.push('', ...markdownTable(['Release', 'Date', 'Phase', 'Load / capacity', 'Must share', 'Features, by rank'], releases.map(release => [
            titled(release),
            release.date ?? (release.dateWritten ? `${escapeMarkdown(release.dateWritten)} (not a date)` : 'no date'),
            release.phase ?? '–',
            loadText(release),
            mustShareText(release),
            listText(byRank(product, release.features).map(f => featureWithStatus(f, product)), 'none')
        ])));
        const described = releases.filter(release => release.description);
        if (described.length > 0) lines.push('', ...described.map(release => `- **${plain(release)}**: ${escapeMarkdown(release.description!)}`));
        lines.push(...timeline(product, releases));
    }
    const unplanned = product.ranking.entries.filter(e => e.rank !== null && !e.feature.release).map(e => plain(e.feature));
    lines.push('', `**Unplanned** (in no release yet, by rank): ${listText(unplanned, 'none')}.`);
    return lines;
}

/** The `requires` graph as a flowchart. */
export function dependencies({ product }: ProductContext): string[] {
    const flowchart = dependencyFlowchart(product);
    if (!flowchart) return ['No feature requires another.'];
    return ['An arrow runs from a prerequisite to the feature that needs it. Dashed boxes are features of other products' +
        `${product.features.some(f => f.inCycle) ? '; red ones are on a dependency cycle, which is an error' : ''}.`, '', ...flowchart];
}

/** The timeline of a product's releases, with what its legend promises and what it could not draw. */
export function timeline(product: ProductModel, releases: readonly ReleaseModel[]): string[] {
    const gantt = roadmapGantt(product, releases);
    if (!gantt) return [];
    const lines = ['', '### Timeline', '',
        'Each release\'s features one after another in the order they are built (shipped ones first, then by rank), over the release\'s build window ' +
        `from the previous release to its date (${releases.filter(r => dateTime(r.date) !== undefined).length > 1 ? 'the first window is as long as the next one' : 'for a single release, the 90 days before it'}). ` +
        'A bar is as long as its share of the release\'s capacity, so a release loaded beyond its capacity runs past its date. ' +
        'It shows order and load, not a schedule: a team builds several features at once.', '',
        '**Red** bars are MoSCoW musts not shipped yet (being built or not); **light** bars are other features being built; **grey** bars have shipped. ' +
        'A **red diamond** before a feature is a prerequisite in another product that ships after the feature would start.', '', ...gantt.lines];
    const notes: string[] = [];
    if (gantt.overrun.length > 0) notes.push(`Runs past its date (load over capacity): ${listText(gantt.overrun.map(r => plain(r)))}.`);
    if (gantt.late.length > 0) {
        notes.push(`Waiting for another product: ${listText(gantt.late.map(l => `${plain(l.feature)} needs ${featureRef(l.prerequisite, product, PRODUCT_BASE)}, ` +
            (l.ships === undefined ? 'which is in no release with a date yet' : `which ships ${isoDate(l.ships)}`)))}.`);
    }
    if (gantt.estimated.length > 0) notes.push(`Effort unknown, drawn as long as its release's average: ${listText(gantt.estimated.map(f => plain(f)))}.`);
    const undated = releases.filter(r => dateTime(r.date) === undefined);
    if (undated.length > 0) notes.push(`Not on the timeline (no valid date): ${listText(undated.map(r => plain(r)))}.`);
    for (const note of notes) lines.push('', note);
    return lines;
}
