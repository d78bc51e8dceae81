import {
    formatNumber, formatPercent, methodLabel, PERCENT_INPUTS,
    type BaseHead, type DiagnosticEntry, type DiffReport, type FeatureDiff, type ForecastDiff, type InputChange,
    type InputValue, type ProductDiff, type ReleaseDiff
} from '@product-spec/language';
import { codeName, escapeMarkdown, markdownTable } from '@product-spec/docs';
import { textTable } from './table.js';

/**
 * `product-spec diff` as text for a terminal and as markdown for a pull-request comment.
 * Both read only the report (the JSON), so that the language server can show the same.
 */

/** At most this many names of features that passed or fell behind are shown (JSON has them all). */
const NAMES_SHOWN = 5;

/**
 * A pull-request comment holds at most 65,536 characters (GitHub): each table of the
 * markdown shows at most this many rows, and says how many more there are.
 */
const MARKDOWN_ROWS = 100;

/** What a cut table leaves out, if anything. */
function more(rows: number): string | undefined {
    return rows > MARKDOWN_ROWS ? `…and ${formatNumber(rows - MARKDOWN_ROWS)} more; \`--format json\` lists every one.` : undefined;
}

const MOVED_BY_OTHERS = "Moved by others' changes";

/** The one line that says what changed: "3 features re-ranked, 1 added; fy27 break-even month 8 → 10". */
export function diffSummary(report: DiffReport): string {
    const qualified = report.products.length > 1;
    const named = (product: ProductDiff, name: string) => (qualified ? `${product.name}.${name}` : name);
    const features = report.products.flatMap(p => p.features);
    const counts: Array<[number, string]> = [
        [features.filter(f => f.change === 'changed' && f.rank[0] !== f.rank[1]).length, 're-ranked'],
        [features.filter(f => f.change === 'changed' && f.rank[0] === f.rank[1]).length, 'rescored'],
        [features.filter(f => f.change === 'added').length, 'added'],
        [features.filter(f => f.change === 'removed').length, 'removed']
    ];
    const groups: string[] = [];
    const featureCounts = counts.filter(([n]) => n > 0)
        .map(([n, word], i) => (i === 0 ? `${plural(n, 'feature')} ${word}` : `${n} ${word}`));
    if (featureCounts.length > 0) groups.push(featureCounts.join(', '));

    const assignments = report.products.flatMap(p => p.assignments);
    const moved = assignments.filter(a => a.property === 'release').length;
    const byProperty = [
        ...(moved > 0 ? [`${plural(moved, 'feature')} moved release`] : []),
        ...(['status', 'moscow'] as const)
            .map(property => [assignments.filter(a => a.property === property).length, property === 'moscow' ? 'MoSCoW' : property] as const)
            .filter(([n]) => n > 0)
            .map(([n, label]) => plural(n, `${label} change`))
    ];
    if (byProperty.length > 0) groups.push(byProperty.join(', '));

    for (const product of report.products) {
        if (product.change !== 'changed') groups.push(`product ${product.name} ${product.change}`);
        for (const change of product.scoring) groups.push(`${qualified ? `${product.name} ` : ''}${inputText(change)}`);
        if (product.planMoves && product.planMoves.length > 0) groups.push(`${plural(product.planMoves.length, 'new plan move')} in ${product.name}`);
        for (const release of product.releases) {
            const name = named(product, release.name);
            if (release.change !== 'changed') groups.push(`release ${name} ${release.change}`);
            else if (release.overCapacity[1] && !release.overCapacity[0]) groups.push(`${name} over capacity`);
            else if (release.overCapacity[0] && !release.overCapacity[1]) groups.push(`${name} back within capacity`);
        }
        for (const forecast of product.forecasts) {
            const name = named(product, forecast.name);
            if (forecast.change !== 'changed') {
                groups.push(`forecast ${name} ${forecast.change}`);
                continue;
            }
            const months: string[] = [];
            if (forecast.breakEvenMonth[0] !== forecast.breakEvenMonth[1]) months.push(`break-even month ${monthsText(forecast.breakEvenMonth)}`);
            if (forecast.cumulativeBreakEvenMonth[0] !== forecast.cumulativeBreakEvenMonth[1]) months.push(`cumulative break-even month ${monthsText(forecast.cumulativeBreakEvenMonth)}`);
            groups.push(months.length > 0 ? `${name} ${months.join(', ')}` : `${name} margin ${pairText(forecast.margin, formatPercent)}`);
        }
    }

    const { introduced, resolved } = report.diagnostics;
    const diagnostics = ([
        [introduced.filter(d => d.severity === 'error').length, 'new error'],
        [introduced.filter(d => d.severity === 'warning').length, 'new warning'],
        [introduced.filter(d => d.severity !== 'error' && d.severity !== 'warning').length, 'new note']
    ] as Array<[number, string]>).filter(([n]) => n > 0).map(([n, word]) => plural(n, word));
    if (resolved.length > 0) diagnostics.push(diagnostics.length > 0 ? `${resolved.length} resolved` : `${plural(resolved.length, 'diagnostic')} resolved`);
    if (diagnostics.length > 0) groups.push(diagnostics.join(', '));

    return groups.length > 0 ? groups.join('; ') : 'No change in priorities, releases, forecasts or diagnostics.';
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Break-even months in the summary: `8 → 10`, `11 → none` (not within the forecast's months). */
function monthsText([before, after]: BaseHead<number | null>): string {
    return `${before ?? 'none'} → ${after ?? 'none'}`;
}

/** `a → b`, or `a` when both are the same; null as '–'. */
function pairText<T>(pair: BaseHead<T | null>, format: (value: T) => string): string {
    const text = (value: T | null) => (value === null ? '–' : format(value));
    return pair[0] === pair[1] ? text(pair[0]) : `${text(pair[0])} → ${text(pair[1])}`;
}

/** An input's value as a spec would show it: `80%`, `4,000`, `must`, `none`. */
export function valueText(property: string, value: InputValue): string {
    if (value === null) return 'none';
    if (typeof value === 'number') return PERCENT_INPUTS.has(property) ? formatPercent(value) : formatNumber(value);
    return value;
}

/** `rice.reach 4,000 → 6,000`, `requires +auth`, `requires -x`. */
export function inputText(change: InputChange): string {
    if (change.property === 'requires') return change.to !== null ? `requires +${change.to}` : `requires -${change.from}`;
    return `${change.property} ${valueText(change.property, change.from)} → ${valueText(change.property, change.to)}`;
}

function names(list: readonly string[], format: (name: string) => string): string {
    const shown = list.slice(0, NAMES_SHOWN).map(format).join(', ');
    return list.length > NAMES_SHOWN ? `${shown} and ${list.length - NAMES_SHOWN} more` : shown;
}

/** Why a feature moved, in words: "own score", "inherited from bulk_export", "passed by a, b". */
function causeText(feature: FeatureDiff, format: (name: string) => string): string {
    switch (feature.cause) {
        case null: return feature.change;
        case 'own-score': return 'own score';
        case 'inherited': return `inherited from ${format(feature.from!)}`;
        case 'others': {
            const parts: string[] = [];
            if (feature.passedBy!.length > 0) parts.push(`passed by ${names(feature.passedBy!, format)}`);
            if (feature.fellBehind!.length > 0) parts.push(`${names(feature.fellBehind!, format)} fell behind`);
            return parts.join('; ');
        }
    }
}

function scoreCell(feature: FeatureDiff): string {
    const own = pairText(feature.score, formatNumber);
    const [b, a] = feature.effectiveScore;
    const inherited = b !== feature.score[0] || a !== feature.score[1];
    return inherited ? `${own} (effective ${pairText(feature.effectiveScore, formatNumber)})` : own;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The rows each format shows, as plain text; markdown escapes spec text and names. */
interface Rows {
    /** Features that changed (own score, inherited, added, removed)... */
    features: string[][];
    /** ...and those that only moved because others did. */
    movedByOthers: string[][];
    assignments: string[][];
    releases: string[][];
    forecasts: string[][];
    planMoves: string[][];
}

function rows(product: ProductDiff, name: (name: string) => string, title: (item: { name: string; title: string | null }) => string, text: (s: string) => string): Rows {
    const featureRow = (f: FeatureDiff) => [
        title(f),
        pairText(f.rank, String),
        scoreCell(f),
        f.inputs.length > 0 ? text(f.inputs.map(inputText).join(', ')) : '–',
        causeText(f, name)
    ];
    return {
        features: product.features.filter(f => f.cause !== 'others').map(featureRow),
        movedByOthers: product.features.filter(f => f.cause === 'others').map(featureRow),
        assignments: product.assignments.map(a => [name(a.feature), a.property === 'moscow' ? 'MoSCoW' : a.property, text(valueText(a.property, a.from)), text(valueText(a.property, a.to))]),
        releases: product.releases.map((r: ReleaseDiff) => [
            title(r),
            r.change === 'changed' ? pairText(r.date, String) : `${pairText(r.date, String)} (${r.change})`,
            pairText(r.load, formatNumber),
            pairText(r.capacity, formatNumber),
            pairText(r.overCapacity, yesNo)
        ]),
        forecasts: product.forecasts.map((f: ForecastDiff) => [
            f.change === 'changed' ? title(f) : `${title(f)} (${f.change})`,
            pairText(f.totals.revenue, formatNumber),
            pairText(f.totals.profit, formatNumber),
            pairText(f.margin, formatPercent),
            pairText(f.breakEvenMonth, String),
            pairText(f.cumulativeBreakEvenMonth, String),
            f.inputs.length > 0 ? text(f.inputs.map(inputText).join(', ')) : '–'
        ]),
        planMoves: (product.planMoves ?? []).map(m => [name(m.feature), m.from ? name(m.from) : 'unplanned', m.to ? name(m.to) : 'unplanned'])
    };
}

const FEATURE_ALIGN = ['left', 'right', 'right', 'left', 'left'] as const;
const ASSIGNMENT_HEADERS = ['Feature', 'Property', 'Before', 'After'];
const RELEASE_HEADERS = ['Release', 'Date', 'Load', 'Capacity', 'Over capacity'];
const RELEASE_ALIGN = ['left', 'left', 'right', 'right', 'left'] as const;
const FORECAST_HEADERS = ['Forecast', 'Revenue', 'Profit', 'Margin', 'Break-even month', 'Cumulative break-even', 'Changed inputs'];
const FORECAST_ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'left'] as const;
const DIAGNOSTIC_HEADERS = ['', 'Where', 'Severity', 'Code', 'Message'];
const PLAN_MOVE_HEADERS = ['Feature', 'From', 'To'];

function featureHeaders(product: ProductDiff): string[] {
    return ['Feature', 'Rank', methodLabel(product.method), 'Changed inputs', 'Why'];
}

function productHeading(product: ProductDiff, title: (item: { name: string; title: string | null }) => string): string {
    return `${title(product)}${product.change === 'changed' ? '' : ` (${product.change})`} · ranked by ${methodLabel(product.method)}`;
}

function diagnosticRows(report: DiffReport, where: (d: DiagnosticEntry) => string, code: (s: string) => string, text: (s: string) => string): string[][] {
    const row = (label: string) => (d: DiagnosticEntry) => [label, where(d), d.severity, code(d.code), text(d.message)];
    return [...report.diagnostics.introduced.map(row('introduced')), ...report.diagnostics.resolved.map(row('resolved'))];
}

/** For a terminal: the summary, then per product aligned tables. */
export function diffText(report: DiffReport): string[] {
    const lines = [`${report.base} → ${report.head}: ${diffSummary(report)}`];
    const same = (s: string) => s;
    for (const product of report.products) {
        const title = (item: { name: string; title: string | null }) => (item.title ? `${item.name} (${item.title})` : item.name);
        const r = rows(product, same, title, same);
        lines.push('', productHeading(product, title));
        for (const change of product.scoring) lines.push(`Scoring: ${inputText(change)}`);
        const section = (heading: string, headers: string[], body: string[][], align: readonly ('left' | 'right')[]) => {
            if (body.length > 0) lines.push('', heading, ...textTable(headers, body, align));
        };
        section('Features', featureHeaders(product), r.features, FEATURE_ALIGN);
        section(MOVED_BY_OTHERS, featureHeaders(product), r.movedByOthers, FEATURE_ALIGN);
        section('Release, status and MoSCoW', ASSIGNMENT_HEADERS, r.assignments, ['left', 'left', 'left', 'left']);
        section('Releases', RELEASE_HEADERS, r.releases, RELEASE_ALIGN);
        section('Forecasts', FORECAST_HEADERS, r.forecasts, FORECAST_ALIGN);
        section('New plan moves', PLAN_MOVE_HEADERS, r.planMoves, ['left', 'left', 'left']);
    }
    const diagnostics = diagnosticRows(report, d => `${d.file}:${d.line}:${d.column}`, same, same);
    if (diagnostics.length > 0) lines.push('', 'Diagnostics', ...textTable(DIAGNOSTIC_HEADERS, diagnostics, ['left', 'left', 'left', 'left', 'left']));
    return lines;
}

/** A pull-request comment: the summary line first, then tables; spec text escaped. */
export function diffMarkdown(report: DiffReport): string[] {
    const lines = [diffSummary(report), '', `Compared ${codeName(report.base)} → ${codeName(report.head)}.`];
    const title = (item: { name: string; title: string | null }) => (item.title ? `${escapeMarkdown(item.title)} (${codeName(item.name)})` : codeName(item.name));
    for (const product of report.products) {
        const r = rows(product, codeName, title, escapeMarkdown);
        lines.push('', `### ${productHeading(product, title)}`);
        for (const change of product.scoring) lines.push('', `Scoring: ${escapeMarkdown(inputText(change))}`);
        const section = (heading: string, headers: string[], body: string[][], align?: readonly ('left' | 'right')[], more?: string) => {
            if (body.length > 0) lines.push('', `**${heading}**`, '', ...markdownTable(headers, body, align), ...(more ? ['', more] : []));
        };
        section('Features', featureHeaders(product), r.features.slice(0, MARKDOWN_ROWS), FEATURE_ALIGN, more(r.features.length));
        section(MOVED_BY_OTHERS, featureHeaders(product), r.movedByOthers.slice(0, MARKDOWN_ROWS), FEATURE_ALIGN, more(r.movedByOthers.length));
        section('Release, status and MoSCoW', ASSIGNMENT_HEADERS, r.assignments.slice(0, MARKDOWN_ROWS), undefined, more(r.assignments.length));
        section('Releases', RELEASE_HEADERS, r.releases, RELEASE_ALIGN);
        section('Forecasts', FORECAST_HEADERS, r.forecasts, FORECAST_ALIGN);
        section('New plan moves', PLAN_MOVE_HEADERS, r.planMoves);
    }
    const diagnostics = diagnosticRows(report, d => escapeMarkdown(`${d.file}:${d.line}`), codeName, escapeMarkdown);
    if (diagnostics.length > 0) lines.push('', '### Diagnostics', '', ...markdownTable(DIAGNOSTIC_HEADERS, diagnostics.slice(0, MARKDOWN_ROWS)));
    const left = more(diagnostics.length);
    if (left) lines.push('', left);
    return lines;
}
