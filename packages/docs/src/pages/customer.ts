import type { WorkspaceModel } from '@product-spec/language';
import { plain, productPath } from '../labels.js';
import { escapeMarkdown, markdownLink, markdownTable } from '../markdown.js';
import type { ProductContext, Section } from '../page.js';
import { publicRoadmap, releaseNotes, roadmapForCustomers } from '../sections/public-roadmap.js';

/**
 * The pages customers may read: a public roadmap and release notes. Never a score, an
 * effort, a cost, a price, a forecast, a stakeholder, a dropped feature or a problem of
 * the spec (a property test plants markers in all of those and looks for them).
 */
export const CUSTOMER_SECTIONS: readonly Section[] = [
    { anchor: 'roadmap', heading: 'Roadmap', lines: roadmapForCustomers },
    { anchor: 'release-notes', heading: 'Release notes', lines: releaseNotes }
];

/** The product's vision, under its title. */
export function customerIntro({ product }: ProductContext): string[] {
    return product.vision ? [escapeMarkdown(product.vision)] : [];
}

export function customerIndex(model: WorkspaceModel): string[] {
    const lines = ['# Products', ''];
    if (model.products.length === 0) return [...lines, 'No products yet.'];
    lines.push('What each product is for and what it is working on now.', '',
        ...markdownTable(['Product', 'What it is for', 'Now'], model.products.map(product => {
            const now = publicRoadmap(product).now;
            return [markdownLink(plain(product), productPath(product)), product.vision ? escapeMarkdown(product.vision) : '–', now ? plain(now) : '–'];
        })));
    return lines;
}
