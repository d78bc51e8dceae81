import { formatNumber, formatPercent, MUST_SHARE_LIMIT, type ProductModel } from '@product-spec/language';
import { crossRequirements } from '../charts/timeline.js';
import { byRank, openFeatures, releasesByDate } from '../facts.js';
import { displayName, plain } from '../labels.js';
import { escapeMarkdown, listText } from '../markdown.js';

/**
 * What could stop a product's plan, for the board: releases loaded beyond their capacity,
 * releases whose MoSCoW musts take more than the DSDM limit of their load, musts in no
 * release, and prerequisites in another product that come after the release that needs
 * them (or in no release with a date). One sentence each.
 */
export function risks(product: ProductModel): string[] {
    const found: string[] = [];
    for (const release of releasesByDate(product)) {
        if (release.capacity !== undefined && release.load > release.capacity) {
            found.push(`**Over capacity**: ${plain(release)} holds ${formatNumber(release.load)} person-months of work for a capacity of ${formatNumber(release.capacity)} ` +
                `(over by ${formatNumber(release.load - release.capacity)}).`);
        }
        if (release.mustShare !== null && release.mustShare > MUST_SHARE_LIMIT) {
            found.push(`**Must share**: musts are ${formatPercent(release.mustShare, 0)} of ${plain(release)}'s load, above the ${formatPercent(MUST_SHARE_LIMIT, 0)} that leaves room to cut scope.`);
        }
    }
    const unplanned = byRank(product, openFeatures(product).filter(f => f.moscow === 'must' && !f.release));
    if (unplanned.length > 0) found.push(`**Unplanned musts**: ${listText(unplanned.map(f => plain(f)))} ${unplanned.length === 1 ? 'is' : 'are'} in no release.`);
    for (const { feature, prerequisite, late } of crossRequirements([product])) {
        if (!late) continue;
        found.push(`**Waits for another product**: ${plain(feature)} (${feature.release ? plain(feature.release) : 'no release'}) needs ` +
            `${plain(prerequisite)} of ${escapeMarkdown(displayName(prerequisite.product))}, which ` +
            `${prerequisite.release?.date ? `ships later (${prerequisite.release.date})` : 'is in no release with a date'}.`);
    }
    if (found.length === 0) {
        return [`None found: every release within its capacity, musts at most ${formatPercent(MUST_SHARE_LIMIT, 0)} of each release's load, every must in a release, ` +
            'no prerequisite of another product arriving late.'];
    }
    return found.map(text => `- ${text}`);
}
