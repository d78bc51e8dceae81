import type { FeatureModel, ProductModel, ReleaseModel } from '@product-spec/language';
import { byRank, releasesByDate } from '../facts.js';
import { plain } from '../labels.js';
import { escapeMarkdown } from '../markdown.js';
import type { ProductContext } from '../page.js';
import { featureInCustomerWords, promised } from './launches.js';

/**
 * The public roadmap: Now, Next and Later, decided from the spec alone (never from today's
 * date, so the page is the same whenever it is generated). Releases are taken in date order
 * (undated ones last); only features that are promised count (not shipped, not dropped, not
 * won't). **Now** is the first release with such features, **Next** the one after it,
 * **Later** every further release and the backlog in no release. A feature being built
 * that no release holds is Now. No dates, scores, efforts or people: a customer page.
 */
export interface PublicRoadmap {
    readonly now?: ReleaseModel;
    readonly next?: ReleaseModel;
    readonly nowFeatures: FeatureModel[];
    readonly nextFeatures: FeatureModel[];
    readonly laterFeatures: FeatureModel[];
}

const coming = (f: FeatureModel) => promised(f) && f.status !== 'shipped';

export function publicRoadmap(product: ProductModel): PublicRoadmap {
    const releases = releasesByDate(product).filter(r => r.features.some(coming));
    const [now, next, ...later] = releases;
    const of = (release: ReleaseModel | undefined) => (release ? byRank(product, release.features.filter(coming)) : []);
    const unreleased = byRank(product, product.features.filter(f => !f.release && coming(f)));
    return {
        now, next,
        nowFeatures: [...of(now), ...unreleased.filter(f => f.status === 'building')],
        nextFeatures: of(next),
        laterFeatures: [...later.flatMap(r => of(r)), ...unreleased.filter(f => f.status !== 'building')]
    };
}

function list(features: readonly FeatureModel[], none: string): string[] {
    return features.length === 0 ? [none] : features.map(f => `- ${featureInCustomerWords(f)}`);
}

export function roadmapForCustomers({ product }: ProductContext): string[] {
    const roadmap = publicRoadmap(product);
    const releaseLine = (release: ReleaseModel | undefined) => (release ? [`In ${plain(release)}.`, ''] : []);
    return [
        'What we are working on now, what comes next and what comes later. Plans can change; nothing here is a promise of a date.',
        '', '### Now', '', ...releaseLine(roadmap.now), ...list(roadmap.nowFeatures, 'Nothing announced yet.'),
        '', '### Next', '', ...releaseLine(roadmap.next), ...list(roadmap.nextFeatures, 'Nothing announced yet.'),
        '', '### Later', '', ...list(roadmap.laterFeatures, 'Nothing announced yet.')
    ];
}

/** What shipped, by release (latest date first, undated ones after), then what shipped outside any release. */
export function releaseNotes({ product }: ProductContext): string[] {
    const shipped = (features: readonly FeatureModel[]) => byRank(product, features.filter(f => f.status === 'shipped'));
    const lines = ['What is available today.'];
    const byDate = releasesByDate(product);
    const releases = [...byDate.filter(r => r.date).reverse(), ...byDate.filter(r => !r.date)].filter(r => shipped(r.features).length > 0);
    for (const release of releases) {
        lines.push('', `### ${plain(release)}`, '');
        if (release.description) lines.push(escapeMarkdown(release.description), '');
        lines.push(...shipped(release.features).map(f => `- ${featureInCustomerWords(f)}`));
    }
    const earlier = shipped(product.features.filter(f => !f.release));
    if (earlier.length > 0) lines.push('', releases.length > 0 ? '### Earlier' : '### Available', '', ...earlier.map(f => `- ${featureInCustomerWords(f)}`));
    if (releases.length === 0 && earlier.length === 0) lines.push('', 'Nothing has shipped yet.');
    return lines;
}
