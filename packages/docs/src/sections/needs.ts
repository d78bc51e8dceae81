import { formatNumber, last, type ast } from '@product-spec/language';
import { byOpportunity } from '../facts.js';
import { featureWithStatus, plain, titled } from '../labels.js';
import { codeName, escapeMarkdown, listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function personasAndNeeds({ product }: ProductContext): string[] {
    if (product.needs.length === 0 && product.personas.length === 0) return ['No personas or needs yet.'];
    const lines = [
        'Who the product is for and what they need. **Opportunity** = importance + max(importance − satisfaction, 0) ' +
        '(Ulwick): an important need that is poorly met today scores high. Needs are listed by opportunity, highest first.'
    ];
    const personas: Array<ast.Persona | undefined> = [...product.personas];
    for (const need of product.needs) if (need.persona && !personas.includes(need.persona)) personas.push(need.persona);
    if (product.needs.some(need => !need.persona)) personas.push(undefined);
    for (const persona of personas) {
        const needs = byOpportunity(product.needs.filter(need => need.persona === persona));
        if (persona) {
            const shared = !product.personas.includes(persona);
            lines.push('', `### ${plain(persona)}`, '');
            const facts = [
                `${codeName(persona.name)}${shared ? ' (portfolio persona)' : ''}`,
                ...(last(persona.size) !== undefined ? [`${formatNumber(last(persona.size))} people`] : [])
            ];
            const description = last(persona.description);
            lines.push(`${facts.join(' · ')}${description ? `. ${escapeMarkdown(description)}` : ''}`, '');
        } else {
            lines.push('', '### Needs without a persona', '');
        }
        if (needs.length === 0) {
            lines.push('No needs recorded for this persona yet.');
            continue;
        }
        lines.push(...markdownTable(['Need', 'Importance', 'Satisfaction', 'Opportunity', 'Addressed by'], needs.map(need => [
            `${titled(need)}${need.description ? `: ${escapeMarkdown(need.description)}` : ''}`,
            formatNumber(need.importance?.mean),
            formatNumber(need.satisfaction?.mean),
            formatNumber(need.opportunity),
            listText(need.addressedBy.map(f => featureWithStatus(f, product)), '**nothing yet**')
        ]), ['left', 'right', 'right', 'right', 'left']));
    }
    return lines;
}

