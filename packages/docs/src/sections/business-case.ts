import { formatFixed, formatNumber, formatPercent, type ForecastModel, type ProductModel } from '@product-spec/language';
import { count, titled } from '../labels.js';
import { escapeMarkdown, markdownTable } from '../markdown.js';
import type { ProductContext } from '../page.js';

export function businessCase({ product }: ProductContext): string[] {
    if (product.forecasts.length === 0) return ['No forecasts yet.'];
    const currency = product.currency ? ` (${escapeMarkdown(product.currency)})` : '';
    const lines = [`What the product could earn and cost, month by month${currency}. Customers grow each month by the growth rate less the churn rate; ` +
        'revenue is customers × price; cost is the fixed cost plus the variable cost per customer.'];
    for (const forecast of product.forecasts) lines.push('', ...forecastSection(forecast, product));
    return lines;
}

function forecastSection(forecast: ForecastModel, product: ProductModel): string[] {
    const lines = [`### ${titled(forecast)}`, ''];
    if (forecast.node.description) lines.push(escapeMarkdown(forecast.node.description), '');
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
    const rows = result.months.map(m => [String(m.month), formatFixed(m.customers), formatFixed(m.revenue), formatFixed(m.cost), formatFixed(m.profit), formatFixed(m.cumulativeProfit)]);
    rows.push(['**Total**', '', `**${formatFixed(result.totals.revenue)}**`, `**${formatFixed(result.totals.cost)}**`, `**${formatFixed(result.totals.profit)}**`, '']);
    lines.push(...markdownTable(['Month', 'Customers', 'Revenue', 'Cost', 'Profit', 'Cumulative profit'], rows,
        ['right', 'right', 'right', 'right', 'right', 'right']), '');
    const never = `not within ${result.months.length} months`;
    lines.push(
        `- **Margin**: ${formatPercent(result.totals.margin)} (profit ÷ revenue over the ${count(result.months.length, 'month')}).`,
        `- **Break-even** (first month with a profit): ${result.breakEvenMonth === null ? never : `month ${result.breakEvenMonth}`}.`,
        `- **Cumulative break-even** (first month the running total turns positive): ${result.cumulativeBreakEvenMonth === null ? never : `month ${result.cumulativeBreakEvenMonth}`}.`
    );
    return lines;
}
