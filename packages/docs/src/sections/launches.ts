import type { FeatureModel, ProductModel } from '@product-spec/language';
import { byRank, releasesByDate } from '../facts.js';
import { displayName, plain } from '../labels.js';
import { escapeMarkdown, listText } from '../markdown.js';
import type { ProductContext } from '../page.js';

/**
 * What each release brings, in the customers' words: the features' titles and
 * descriptions, the needs they address and whose needs those are. Dropped features and
 * MoSCoW won'ts are left out (they are not coming).
 */

/** Features a release page may promise: not dropped, not won't. */
export function promised(feature: FeatureModel): boolean {
    return feature.status !== 'dropped' && feature.moscow !== 'wont';
}

/** Text ending a sentence: a full stop unless it already ends with one (or ? or !). */
function sentence(text: string): string {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** One feature as a customer would read it, as whole sentences: title, description, the needs it meets and for whom. */
export function featureInCustomerWords(feature: FeatureModel, note = ''): string {
    const description = feature.description ? `: ${escapeMarkdown(feature.description.trim())}` : '';
    const needs = feature.addresses.map(need => `${plain(need)}${need.persona ? ` (${escapeMarkdown(displayName(need.persona))})` : ''}`);
    return `${sentence(`**${plain(feature)}**${note}${description}`)}${needs.length > 0 ? ` *For*: ${sentence(listText(needs))}` : ''}`;
}

function personasOf(features: readonly FeatureModel[]): string[] {
    const names = new Set<string>();
    for (const f of features) for (const need of f.addresses) if (need.persona) names.add(displayName(need.persona));
    return [...names].map(escapeMarkdown);
}

export function launches({ product }: ProductContext): string[] {
    const releases = releasesByDate(product);
    const lines = ['Releases by date, with what each brings to customers: the features, the needs they meet and whose needs those are.'];
    if (releases.length === 0) lines.push('', 'No releases planned yet.');
    for (const release of releases) {
        const features = byRank(product, release.features.filter(promised));
        const facts = [release.date ?? 'no date yet', ...(release.phase ? [release.phase] : [])];
        lines.push('', `### ${plain(release)} · ${facts.join(' · ')}`, '');
        if (release.description) lines.push(escapeMarkdown(release.description), '');
        const personas = personasOf(features);
        if (personas.length > 0) lines.push(`For ${listText(personas)}.`, '');
        if (features.length === 0) lines.push('Nothing announced for this release yet.');
        for (const f of features) lines.push(`- ${featureInCustomerWords(f, f.status === 'shipped' ? ' (available)' : '')}`);
    }
    const later = laterFeatures(product);
    if (later.length > 0) lines.push('', '### Later', '', 'In the backlog, in no release yet (by rank):', '', ...later.map(f => `- ${featureInCustomerWords(f)}`));
    return lines;
}

/** Open features that no release holds, by rank (not won't). */
function laterFeatures(product: ProductModel): FeatureModel[] {
    return byRank(product, product.features.filter(f => !f.release && promised(f) && f.status !== 'shipped'));
}
