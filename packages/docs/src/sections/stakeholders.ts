import type { StakeholderModel } from '@product-spec/language';
import { stakeholderChart } from '../charts/stakeholder-map.js';
import { productStakeholders } from '../facts.js';
import { plain, PRODUCT_BASE, productPath, titled } from '../labels.js';
import { escapeMarkdown, listText, markdownLink, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';
import { chartKeyTable } from './chart-key.js';

const GROUPS: ReadonlyArray<[string | undefined, string, string]> = [
    ['engineering', 'Engineering', 'The people who build and run the product.'],
    ['commercial', 'Commercial', 'Sales, marketing, finance and operations.'],
    ['customer', 'Customers', 'The people who use the product and pay for it.'],
    [undefined, 'Not in a community', 'The spec gives these stakeholders no group.']
];

export function stakeholders({ model, product }: ProductContext): string[] {
    const all = productStakeholders(product, model);
    if (all.length === 0) return ['No stakeholders yet.'];
    const lines = [
        'Who the product answers to, in the three communities a product manager connects. ' +
        'Portfolio stakeholders (declared for every product) and those of other products appear when they manage this product or asked for one of its features.'
    ];
    for (const [group, heading, about] of GROUPS) {
        const members = all.filter(s => (s.group ?? undefined) === group);
        if (members.length === 0) continue;
        lines.push('', `### ${heading}`, '', about, '');
        lines.push(...markdownTable(['Stakeholder', 'Role', 'Influence', 'Interest', 'Asked for'], members.map(s => [
            `${titled(s)}${s.product === product ? '' : s.product ? ` · of ${markdownLink(plain(s.product), PRODUCT_BASE + productPath(s.product))}` : ' · portfolio'}` +
            `${product.manager === s.node ? ' · manages this product' : ''}`,
            s.role ? escapeMarkdown(s.role) : '–',
            s.influence ?? '–',
            s.interest ?? '–',
            listText(s.requested.filter(f => f.product === product).map(f => plain(f)), 'nothing yet')
        ])));
    }
    const map = stakeholderMap(all);
    if (map.length > 0) lines.push('', '### Influence and interest', '', ...map);
    const unrequested = product.features.filter(f => f.requestedBy.length === 0 && f.status !== 'dropped');
    if (unrequested.length > 0) lines.push('', `Nobody asked for: ${listText(unrequested.map(f => plain(f)))}.`);
    return lines;
}

/**
 * Mendelow's grid of these stakeholders with what it means, the key to any point drawn
 * with a letter, and who is not on it; nothing when nobody has both levels.
 * `about` adds to each stakeholder's name in the key (its product, say).
 */
export function stakeholderMap(all: readonly StakeholderModel[], about: (s: StakeholderModel) => string = () => ''): string[] {
    const map = stakeholderChart(all);
    if (!map) return [];
    const lines = [
        'Where each stakeholder stands (Mendelow\'s grid): manage closely those with high influence and high interest, ' +
        'keep satisfied the influential ones with less interest, keep informed the interested ones with less influence. ' +
        'Medium counts as not high: it is drawn just below (or left of) the middle line. People at the same levels are drawn side by side or one above the other.',
        '', ...map.chart.lines,
        ...chartKeyTable(map.chart, ['Stakeholder', 'Influence', 'Interest'], i => {
            const s = map.placed[i];
            return [`${plain(s)}${about(s)}`, s.influence!, s.interest!];
        })
    ];
    const missing = all.filter(s => !s.influence || !s.interest);
    if (missing.length > 0) lines.push('', `Not on the grid (influence or interest not given): ${listText(missing.map(s => plain(s)))}.`);
    return lines;
}
