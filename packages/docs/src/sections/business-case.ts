import {
    forecastUncertainty, formatChance, formatFixed, formatNumber, formatPercent, type ForecastCase, type ForecastModel, type ForecastUncertainty, type ForecastResult, type ProductModel, UNCERTAINTY_LIMITS
} from '@product-spec/language';
import { chartKey, cumulativeChart, monthlyChart, moneyChartBlock, type MoneyChart } from '../charts/business.js';
import { count, displayName, plain, titled } from '../labels.js';
import { escapeMarkdown, listText, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function businessCase({ product }: ProductContext): string[] {
    if (product.forecasts.length === 0) return ['No forecasts yet.'];
    const currency = product.currency ? ` (${escapeMarkdown(product.currency)})` : '';
    const lines = [`What the product could earn and cost, month by month${currency}. Customers grow each month by the growth rate less the churn rate; ` +
        'revenue is customers × price; cost is the fixed cost plus the variable cost per customer.'];
    for (const forecast of product.forecasts) lines.push('', ...forecastSection(forecast, product));
    return lines;
}

export interface ForecastSectionOptions {
    /** The month-by-month table (default true). */
    readonly table?: boolean;
    /** The charts to draw (default both). */
    readonly charts?: ReadonlyArray<'monthly' | 'cumulative'>;
    /** The heading level of the forecast's title (default 3). */
    readonly level?: number;
}

/** One forecast: its assumptions, its charts with both break-even months in their captions, the table and the totals. */
export function forecastSection(forecast: ForecastModel, product: ProductModel, options: ForecastSectionOptions = {}): string[] {
    const lines = [`${'#'.repeat(options.level ?? 3)} ${titled(forecast)}`, ''];
    if (forecast.description) lines.push(escapeMarkdown(forecast.description), '');
    const result = forecast.result;
    const inputs = forecast.inputs;
    if (!result || !inputs) {
        const missing = forecast.missing.length > 0 ? forecast.missing.join(', ') : 'valid months, growth or churn';
        return [...lines, `Cannot be computed: the forecast lacks ${missing}.`];
    }
    const money = (value: number) => `${formatFixed(value)}${product.currency ? ` ${escapeMarkdown(product.currency)}` : ''}`;
    lines.push(`Assumes a price of ${money(inputs.price)} per customer a month, ${formatNumber(inputs.customers)} customers in month 1, ` +
        `${formatPercent(inputs.growth)} growth and ${formatPercent(inputs.churn)} churn a month, a fixed cost of ${money(inputs.fixedCost)} ` +
        `and a variable cost of ${money(inputs.variableCost)} per customer a month.`, '');
    for (const kind of options.charts ?? ['monthly', 'cumulative']) lines.push(...forecastChart(forecast, result, product, kind), '');
    if (forecast.scenarios.length > 0) lines.push(...scenarioTable(forecast, product), '');
    if (options.table ?? true) {
        const rows = result.months.map(m => [String(m.month), formatFixed(m.customers), formatFixed(m.revenue), formatFixed(m.cost), formatFixed(m.profit), formatFixed(m.cumulativeProfit)]);
        rows.push(['**Total**', '', `**${formatFixed(result.totals.revenue)}**`, `**${formatFixed(result.totals.cost)}**`, `**${formatFixed(result.totals.profit)}**`, '']);
        lines.push(...markdownTable(['Month', 'Customers', 'Revenue', 'Cost', 'Profit', 'Cumulative profit'], rows,
            ['right', 'right', 'right', 'right', 'right', 'right']), '');
    }
    lines.push(
        `- **Margin**: ${formatPercent(result.totals.margin)} (profit ÷ revenue over the ${count(result.months.length, 'month')}).`,
        `- **Break-even** (first month with a profit): ${monthText(result.breakEvenMonth, result)}.`,
        `- **Cumulative break-even** (first month the running total turns positive): ${monthText(result.cumulativeBreakEvenMonth, result)}.`
    );
    const drawn = drawsOf(forecast);
    if (drawn) lines.push(drawnText(drawn, result, money));
    return lines;
}

/** The base case and each scenario side by side (decide.md §3). */
function scenarioTable(forecast: ForecastModel, product: ProductModel): string[] {
    const currency = product.currency ? ` (${escapeMarkdown(product.currency)})` : '';
    const cases: Array<[string, ForecastCase]> = [['Base case', forecast], ...forecast.scenarios.map(s => [`Scenario ${titled(s)}`, s] as [string, ForecastCase])];
    return markdownTable(['Case', `Revenue${currency}`, `Cost${currency}`, `Profit${currency}`, 'Margin', 'Break-even', 'Cumulative break-even'],
        cases.map(([label, c]) => {
            const r = c.result;
            if (!r) return [label, '–', '–', '–', '–', 'cannot be computed', '–'];
            return [label, formatFixed(r.totals.revenue), formatFixed(r.totals.cost), formatFixed(r.totals.profit), formatPercent(r.totals.margin),
                monthText(r.breakEvenMonth, r), monthText(r.cumulativeBreakEvenMonth, r)];
        }), ['left', 'right', 'right', 'right', 'right', 'left', 'left']);
}

/**
 * The draws of a forecast's ranges, as the CLI's `forecast --uncertainty` gives them with
 * its defaults (10,000 draws, seed 1), so the page and the command agree; none without ranges.
 */
function drawsOf(forecast: ForecastCase): ForecastUncertainty | null {
    let drawn = drawnForecasts.get(forecast);
    if (drawn === undefined) {
        const ranged = Object.values(forecast.estimates).some(estimate => estimate && estimate.kind !== 'exact');
        drawn = ranged ? forecastUncertainty(forecast, { samples: UNCERTAINTY_LIMITS.samples.default, seed: UNCERTAINTY_LIMITS.seed.default }) : null;
        drawnForecasts.set(forecast, drawn);
    }
    return drawn;
}
/** Per forecast case of a model (new with each workspace state): the chart and the text share one set of draws. */
const drawnForecasts = new WeakMap<ForecastCase, ForecastUncertainty | null>();

/** "Over 10,000 draws of the ranges, total profit is between … and … in 80% of them; …". */
function drawnText(drawn: ForecastUncertainty, result: ForecastResult, money: (value: number) => string): string {
    const within = count(result.months.length, 'month');
    return `- **How sure** (${formatNumber(drawn.samples)} draws of the ranges, seed ${drawn.seed}): total profit between ${money(drawn.totals.profit.p10)} and ` +
        `${money(drawn.totals.profit.p90)} in 80% of them (median ${money(drawn.totals.profit.p50)}); break-even within ${within} in ` +
        `${formatChance(drawn.breakEven.probability)}, cumulative break-even in ${formatChance(drawn.cumulativeBreakEven.probability)}.`;
}

/** "month 8", or "not within 12 months". */
export function monthText(month: number | null, result: ForecastResult): string {
    return month === null ? `not within ${count(result.months.length, 'month')}` : `month ${month}`;
}

/** A chart of a forecast with its caption. */
export function forecastChart(forecast: ForecastModel, result: ForecastResult, product: ProductModel, kind: 'monthly' | 'cumulative'): string[] {
    const unit = product.currency?.trim() ? product.currency : 'amount';
    const chart = kind === 'monthly' ? monthlyChart(result, unit, displayName(forecast)) : cumulativeChart(result, unit, displayName(forecast), cumulativeExtras(forecast));
    return [...moneyChartBlock(chart), '', chartCaption(chart, result, product)];
}

/** The scenarios' lines and the band of the draws beside the base case's cumulative profit. */
function cumulativeExtras(forecast: ForecastModel) {
    const drawn = drawsOf(forecast);
    return {
        scenarios: forecast.scenarios.flatMap(s => (s.result ? [{ name: displayName(s), values: s.result.months.map(m => m.cumulativeProfit) }] : [])),
        ...(drawn ? { band: { lower: drawn.months.map(m => m.cumulativeProfit.p10), upper: drawn.months.map(m => m.cumulativeProfit.p90), samples: drawn.samples } } : {})
    };
}

/** Under a chart: which line is which, and both break-even months. */
function chartCaption(chart: MoneyChart, result: ForecastResult, product: ProductModel): string {
    const unit = product.currency?.trim() ? ` in ${escapeMarkdown(product.currency)}` : '';
    return `*${chart.about}${unit}: ${listText(chartKey(chart))}. ` +
        `Break-even (first month with a profit): ${monthText(result.breakEvenMonth, result)}; ` +
        `cumulative break-even: ${monthText(result.cumulativeBreakEvenMonth, result)}.*`;
}

/** The product's forecasts in one table: totals, margin and both break-even months (the P&L at a glance). */
export function profitAndLoss(product: ProductModel): string[] {
    if (product.forecasts.length === 0) return ['No forecasts yet.'];
    const currency = product.currency ? ` (${escapeMarkdown(product.currency)})` : '';
    return markdownTable(['Forecast', 'Months', `Revenue${currency}`, `Cost${currency}`, `Profit${currency}`, 'Margin', 'Break-even', 'Cumulative break-even'],
        product.forecasts.map(forecast => {
            const result = forecast.result;
            if (!result) return [plain(forecast), '–', '–', '–', '–', '–', 'cannot be computed', '–'];
            return [
                plain(forecast), String(result.months.length), formatFixed(result.totals.revenue), formatFixed(result.totals.cost),
                formatFixed(result.totals.profit), formatPercent(result.totals.margin),
                monthText(result.breakEvenMonth, result), monthText(result.cumulativeBreakEvenMonth, result)
            ];
        }), ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left']);
}
