import { formatNumber, KANO_TIE_ORDER, last, type ProductModel } from '@product-spec/language';
import { kanoChart, kanoQuadrant, surveyed } from '../charts/kano.js';
import { count, KANO_LABEL, plain } from '../labels.js';
import { listText, markdownTable } from '../markdown.js';
import { chartKeyTable } from './chart-key.js';

const KANO_MEANING: Record<string, string> = {
    must: 'expected; missing it makes customers unhappy, having it does not delight',
    performance: 'the more of it, the happier customers are',
    attractive: 'delights when present, not missed when absent',
    indifferent: 'customers do not care either way',
    reverse: 'some customers would rather not have it',
    questionable: 'the survey answers contradict each other'
};

export function kanoSection(product: ProductModel): string[] {
    const withKano = product.features.filter(f => f.kano);
    const lines = ['', '### Kano', ''];
    if (withKano.length === 0) return [...lines, 'No feature has a Kano category yet.'];
    lines.push('How customers feel about each feature (Kano): ' +
        KANO_TIE_ORDER.filter(c => withKano.some(f => f.kano!.category === c)).map(c => `**${KANO_LABEL[c]}** (${KANO_MEANING[c]})`).join('; ') + '. ' +
        'From a survey, **better** (how much having it pleases, 0 to 1) and **worse** (how much missing it displeases, 0 to −1) are Berger\'s coefficients.', '');
    const rows: string[][] = [];
    for (const category of KANO_TIE_ORDER) {
        for (const feature of withKano.filter(f => f.kano!.category === category)) {
            const survey = last(feature.node.kanoSurvey);
            const answers = KANO_TIE_ORDER.reduce((sum, answer) => sum + (last(survey?.[answer]) ?? 0), 0);
            rows.push([
                KANO_LABEL[category],
                plain(feature),
                feature.kano!.surveyed ? `survey of ${count(answers, 'answer')}` : 'declared',
                formatNumber(feature.kano!.better),
                formatNumber(feature.kano!.worse)
            ]);
        }
    }
    lines.push(...markdownTable(['Category', 'Feature', 'From', 'Better', 'Worse'], rows, ['left', 'left', 'left', 'right', 'right']));
    const without = product.features.filter(f => !f.kano && f.status !== 'dropped');
    if (without.length > 0) lines.push('', `No Kano category yet: ${listText(without.map(f => plain(f)))}.`);
    lines.push(...kanoStudy(product));
    return lines;
}

/** The better/worse chart of the surveyed features, and where a feature's quadrant differs from its category. */
function kanoStudy(product: ProductModel): string[] {
    const features = surveyed(product);
    const chart = kanoChart(product, features);
    if (!chart) return [];
    const lines = ['', '#### Better and worse', '',
        'The surveyed features at how much customers would miss them (|worse|, right) and how much they delight (better, up). ' +
        'Above the middle line having it pleases; right of it, missing it displeases. ' +
        'Attractive features delight without being missed, performance features do both, must-be features are missed without delighting, indifferent ones do neither.',
        '', ...chart.lines,
        ...chartKeyTable(chart, ['Feature', 'Better', 'Worse'], i => [plain(features[i]), formatNumber(features[i].kano!.better), formatNumber(features[i].kano!.worse)])];
    const differ = features.filter(f => f.kano!.category !== kanoQuadrant(f.kano!.better!, f.kano!.worse!));
    if (differ.length > 0) {
        lines.push('', 'Where the largest answer count and the coefficients disagree: ' + listText(differ.map(f =>
            `${plain(f)} is ${KANO_LABEL[f.kano!.category]} by its largest count, ${KANO_LABEL[kanoQuadrant(f.kano!.better!, f.kano!.worse!)]} by better and worse`)) + '.');
    }
    return lines;
}
