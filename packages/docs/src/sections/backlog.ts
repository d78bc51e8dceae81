import {
    formatNumber, formatPercent, last, methodLabel, missingInputs, moscowScore, rankBand, rankMoves, rangeText, DRIVERS, IMPACT_SCALE, KANO_DRIVER_VALUE,
    type Driver, type FeatureModel, type ProductModel, type RankedFeature, type ast
} from '@product-spec/language';
import { featureRef, KANO_LABEL, plain, PRODUCT_BASE } from '../labels.js';
import { codeName, escapeMarkdown, listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';
import { RANK_INTERVAL_BARS, rankIntervalChart, rankIntervals } from '../charts/rank-intervals.js';
import { kanoSection } from './kano.js';
import { valueSection } from './value-effort.js';

const scale = (entries: ReadonlyArray<[string, number]>) => entries.map(([word, value]) => `${word} ${formatNumber(value)}`).join(', ');

/** Each method in a sentence, with the scales the language's formulas use. */
const METHOD_EXPLAINED: Record<string, string> = {
    rice: `RICE = reach × impact × confidence ÷ effort (impact: ${scale(Object.entries(IMPACT_SCALE))})`,
    ice: 'ICE = the average of impact, confidence and ease (1–10 each)',
    wsjf: 'WSJF = (business value + time criticality + risk reduction) ÷ job size',
    kano: `the Kano category (${scale((['must', 'performance', 'attractive', 'indifferent', 'reverse'] as const).map(c => [KANO_LABEL[c], KANO_DRIVER_VALUE[c]]))})`,
    moscow: `MoSCoW (${scale((['must', 'should', 'could', 'wont'] as const).map(m => [m, moscowScore(m)]))})`,
    weighted: 'a weighted sum of drivers, each divided by its largest value in the product'
};

/** A driver of weighted scoring as people say it. */
export function driverName(driver: Driver): string {
    return driver === 'opportunity' ? 'opportunity' : methodLabel(driver);
}

export function backlog({ product }: ProductContext): string[] {
    const ranking = product.ranking;
    const method = methodLabel(ranking.method);
    const ranked = ranking.entries.filter(e => e.rank !== null);
    const closed = ranking.entries.filter(e => e.rank === null);
    const explained = ranking.method === 'ice' && product.scoring.iceMode === 'product'
        ? 'ICE = impact × confidence × ease' : METHOD_EXPLAINED[ranking.method];
    const lines = [
        `Ranked by ${ranking.method === 'weighted' ? 'weighted scoring' : method}: ${explained}${ranking.method === 'weighted' ? ` (${weightsText(product)})` : ''}. ` +
        'A prerequisite takes on the score of the most valuable feature that needs it (its *effective* score), ' +
        'so it is always built first. Ties go to MoSCoW musts, then to the smaller effort.'
    ];
    if (ranked.length === 0) lines.push('', 'Nothing in the backlog.');
    else {
        lines.push('', ...markdownTable(
            ['#', 'Feature', method, 'Inputs', 'Effective', 'MoSCoW', 'Kano', 'Effort', 'Release', 'Status', 'Requires'],
            ranked.map(entry => backlogRow(product, entry)),
            ['right', 'left', 'right', 'left', 'right', 'left', 'left', 'right', 'left', 'left', 'left']
        ));
        lines.push('', 'Effort is in person-months. The names in the spec are listed under [the features](#the-features).');
        lines.push(...rankIntervalSection(product));
    }
    if (closed.length > 0) {
        lines.push('', '### Shipped and dropped', '', ...markdownTable(['Feature', 'Status', method, 'MoSCoW', 'Release'], closed.map(entry => [
            plain(entry.feature), entry.feature.status, formatNumber(entry.score), entry.feature.moscow ?? '–',
            entry.feature.release ? plain(entry.feature.release) : '–'
        ]), ['left', 'left', 'right', 'left', 'left']));
    }
    if (ranking.entries.length > 0) {
        lines.push('', '### The features', '', 'In rank order, with their names in the spec.', '');
        for (const { feature } of ranking.entries) {
            const description = feature.description ? `: ${escapeMarkdown(feature.description)}` : '';
            lines.push(`- **${plain(feature)}** (${codeName(feature.name)})${description}`);
        }
    }
    lines.push(...valueSection(product));
    lines.push(...kanoSection(product));
    return lines;
}

/** The ranks' intervals over the draws of the ranges, when the backlog has ranges (decide.md §2). */
function rankIntervalSection(product: ProductModel): string[] {
    const intervals = rankIntervals(product);
    if (!intervals) return [];
    const moving = intervals.rows.filter(({ rank, drawn }) => rankMoves(rank, drawn));
    const rest = intervals.rows.length - RANK_INTERVAL_BARS;
    return [
        '', '### How sure is the order', '',
        `Some inputs are ranges, so the backlog was also ranked in ${formatNumber(intervals.samples)} draws of them (seed ${intervals.seed}). ` +
        'Each bar covers the ranks a feature takes in 80% of the draws (10th to 90th percentile); ' +
        (moving.length === 0 ? 'every rank above holds in them.' : `${moving.length === 1 ? 'one rank moves' : `${formatNumber(moving.length)} ranks move`} (the bars in the second colour): ` +
            `${listText(moving.slice(0, 10).map(({ feature, drawn }) => `${plain(feature)} ${rankBand(drawn)}`))}${moving.length > 10 ? ', …' : ''}.`),
        '', ...rankIntervalChart(intervals),
        ...(rest > 0 ? ['', `…and ${formatNumber(rest)} more features; \`product-spec rank --uncertainty\` lists every one.`] : [])
    ];
}

function backlogRow(product: ProductModel, entry: RankedFeature): string[] {
    const feature = entry.feature;
    const effective = entry.inheritedFrom
        ? `${formatNumber(entry.effectiveScore)} (from ${featureRef(entry.inheritedFrom, product, PRODUCT_BASE)})`
        : formatNumber(entry.effectiveScore);
    return [
        String(entry.rank),
        plain(feature),
        formatNumber(entry.score),
        // Non-breaking spaces keep a formula on one line (a wide table scrolls; a formula broken over four lines is hard to read).
        `${scoreInputs(product, feature)}${entry.score === null && missingInputs(feature.node, product.ranking.method).length === 0 ? ', an input is invalid' : ''}`
            .replace(/ /g, '\u00a0'),
        effective,
        feature.moscow ?? '–',
        feature.kano ? KANO_LABEL[feature.kano.category] : '–',
        formatNumber(feature.effort),
        feature.release ? plain(feature.release) : 'unplanned',
        feature.status,
        listText(feature.requires.map(f => featureRef(f, product, PRODUCT_BASE)))
    ];
}

function impactText(rice: ast.Rice): string | undefined {
    const word = last(rice.impactWord);
    if (word !== undefined) return escapeMarkdown(word);
    const number = last(rice.impactNumber);
    return number !== undefined ? rangeText(number.values) : undefined;
}

/** A feature's value for a driver of weighted scoring, in words where the driver is a category. */
function driverText(feature: FeatureModel, driver: Driver): string {
    switch (driver) {
        case 'kano': return feature.kano ? KANO_LABEL[feature.kano.category] : '–';
        case 'moscow': return feature.moscow ?? 'none';
        default: return formatNumber(feature[driver]);
    }
}

/** The inputs of the product's method, as the formula reads: "5,000 × high × 80% ÷ 3". */
function scoreInputs(product: ProductModel, feature: FeatureModel): string {
    const node = feature.node;
    const method = product.ranking.method;
    const missing = missingInputs(node, method);
    if (missing.length > 0) return `missing ${missing.join(', ')}`;
    const n = (value: number | undefined) => (value === undefined ? '?' : formatNumber(value));
    switch (method) {
        // The computed inputs; when one is invalid (no score), the values as written.
        case 'rice': {
            const rice = feature.riceInputs;
            const written = last(node.rice)!;
            const as = (values: ReadonlyArray<ast.Amount | ast.Percentage>, percent = false) => {
                const value = last(values);
                return value ? rangeText(value.values, percent) : '?';
            };
            // The impact as written: a word reads better than its multiplier.
            return rice
                ? `${n(rice.reach)} × ${impactText(written) ?? n(rice.impact)} × ${formatPercent(rice.confidence)} ÷ ${n(rice.effort)}`
                : `${as(written.reach)} × ${impactText(written) ?? '?'} × ${as(written.confidence, true)} ÷ ${as(written.effort.length > 0 ? written.effort : node.effort)}`;
        }
        case 'ice': {
            const written = last(node.ice)!;
            const as = (values: readonly ast.Amount[]) => (last(values) ? rangeText(last(values)!.values) : '?');
            const ice = feature.iceInputs
                ? { impact: n(feature.iceInputs.impact), confidence: n(feature.iceInputs.confidence), ease: n(feature.iceInputs.ease) }
                : { impact: as(written.impact), confidence: as(written.confidence), ease: as(written.ease) };
            return product.scoring.iceMode === 'product'
                ? `${ice.impact} × ${ice.confidence} × ${ice.ease}`
                : `(${ice.impact} + ${ice.confidence} + ${ice.ease}) ÷ 3`;
        }
        case 'wsjf': {
            const written = last(node.wsjf)!;
            const as = (values: readonly ast.Amount[]) => (last(values) ? rangeText(last(values)!.values) : '?');
            const wsjf = feature.wsjfInputs
                ? { value: n(feature.wsjfInputs.value), criticality: n(feature.wsjfInputs.criticality), risk: n(feature.wsjfInputs.risk), size: n(feature.wsjfInputs.size) }
                : { value: as(written.value), criticality: as(written.criticality), risk: as(written.risk), size: as(written.size) };
            return `(${wsjf.value} + ${wsjf.criticality} + ${wsjf.risk}) ÷ ${wsjf.size}`;
        }
        case 'kano':
            return feature.kano ? KANO_LABEL[feature.kano.category] : '–';
        case 'moscow':
            return feature.moscow ?? 'none';
        case 'weighted':
            return weightedDrivers(product).map(driver => `${driverName(driver)} ${driverText(feature, driver)}`).join(' · ');
    }
}

/** The drivers the product's weighted scoring uses (weight above 0), in the language's order. */
function weightedDrivers(product: ProductModel): Driver[] {
    const weights = product.ranking.weighted?.weights ?? product.scoring.weights;
    return DRIVERS.filter(driver => (weights[driver] ?? 0) > 0);
}

function weightsText(product: ProductModel): string {
    const weights = product.ranking.weighted?.weights ?? product.scoring.weights;
    const total = DRIVERS.reduce((sum, driver) => sum + (weights[driver] ?? 0), 0);
    return weightedDrivers(product).map(driver => `${driverName(driver)} ${formatPercent(weights[driver]! / total)}`).join(', ');
}


/**
 * The backlog as engineering reads it: rank order with the names in the spec, the score
 * and the effective score, the effort, and what each feature requires and unblocks.
 */
export function engineeringBacklog({ product }: ProductContext): string[] {
    const ranking = product.ranking;
    const method = methodLabel(ranking.method);
    const ranked = ranking.entries.filter(e => e.rank !== null);
    const lines = [`In rank order (by ${ranking.method === 'weighted' ? 'weighted scoring' : method}); a prerequisite always comes before what requires it. Effort is in person-months.`];
    if (ranked.length === 0) return [...lines, '', 'Nothing in the backlog.'];
    lines.push('', ...markdownTable(
        ['#', 'Feature', 'Name', method, 'Effective', 'Effort', 'MoSCoW', 'Status', 'Release', 'Requires', 'Required by'],
        ranked.map(entry => {
            const f = entry.feature;
            return [
                String(entry.rank), plain(f), codeName(f.name), formatNumber(entry.score), formatNumber(entry.effectiveScore),
                f.effort === null ? '**unknown**' : formatNumber(f.effort), f.moscow ?? '–', f.status, f.release ? plain(f.release) : 'unplanned',
                listText(f.requires.map(r => featureRef(r, product, PRODUCT_BASE))),
                listText(f.requiredBy.filter(r => r.status !== 'dropped').map(r => featureRef(r, product, PRODUCT_BASE)))
            ];
        }),
        ['right', 'left', 'left', 'right', 'right', 'right', 'left', 'left', 'left', 'left', 'left']));
    lines.push(...rankIntervalSection(product));
    const closed = ranking.entries.filter(e => e.rank === null);
    if (closed.length > 0) lines.push('', `Not in the backlog: ${listText(closed.map(e => `${plain(e.feature)} (${e.feature.status})`))}.`);
    return lines;
}
