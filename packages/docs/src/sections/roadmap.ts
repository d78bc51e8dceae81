import { formatNumber, formatPercent, MUST_SHARE_LIMIT, type ReleaseModel } from '@product-spec/language';
import { dependencyFlowchart } from '../charts/dependencies.js';
import { roadmapGantt } from '../charts/timeline.js';
import { byRank, dateTime, releasesByDate } from '../facts.js';
import { featureWithStatus, plain, titled } from '../labels.js';
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

export function roadmap({ product }: ProductContext): string[] {
    const releases = releasesByDate(product);
    const lines = [
        'Releases in date order. **Load** is the effort (person-months) of the features in a release, against its capacity; ' +
        `the **must share** is the part of the load that is MoSCoW musts (DSDM advises at most ${formatPercent(MUST_SHARE_LIMIT, 0)}).`
    ];
    if (releases.length === 0) lines.push('', 'No releases planned yet.');
    else {
        lines.push('', ...markdownTable(['Release', 'Date', 'Phase', 'Load / capacity', 'Must share', 'Features, by rank'], releases.map(release => [
            titled(release),
            release.date ?? (release.node.date ? `${escapeMarkdown(release.node.date)} (not a date)` : 'no date'),
            release.phase ?? '–',
            loadText(release),
            mustShareText(release),
            listText(byRank(product, release.features).map(f => featureWithStatus(f, product)), 'none')
        ])));
        const described = releases.filter(release => release.node.description);
        if (described.length > 0) lines.push('', ...described.map(release => `- **${plain(release)}**: ${escapeMarkdown(release.node.description!)}`));
        const gantt = roadmapGantt(product, releases);
        if (gantt) {
            lines.push('', '### Timeline', '',
                'Each release\'s features over its build window, from the previous release to this one ' +
                `(${releases.filter(r => dateTime(r.date) !== undefined).length > 1 ? 'the first window is as long as the next one' : 'for a single release, the 90 days before it'}). ` +
                'Critical (red) bars are MoSCoW musts; done and active bars are shipped and building features.', '', ...gantt);
            const undated = releases.filter(r => dateTime(r.date) === undefined);
            if (undated.length > 0) lines.push('', `Not on the timeline (no valid date): ${listText(undated.map(r => plain(r)))}.`);
        }
    }
    const unplanned = product.ranking.entries.filter(e => e.rank !== null && !e.feature.release).map(e => plain(e.feature));
    lines.push('', `**Unplanned** (in no release yet, by rank): ${listText(unplanned, 'none')}.`);
    lines.push('', '### Dependencies', '');
    const flowchart = dependencyFlowchart(product);
    if (!flowchart) lines.push('No feature requires another.');
    else {
        lines.push('An arrow runs from a prerequisite to the feature that needs it. Dashed boxes are features of other products' +
            `${product.features.some(f => f.inCycle) ? '; red ones are on a dependency cycle, which is an error' : ''}.`, '', ...flowchart);
    }
    return lines;
}

