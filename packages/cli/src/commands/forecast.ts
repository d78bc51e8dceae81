import { forecastReport, formatFixed, formatPercent, type ForecastCaseReport, type ForecastReport } from '@product-spec/language';
import type { CommandInput } from '../arguments.js';
import type { Output } from '../output.js';
import { textTable } from '../table.js';
import { chosenProduct, loadWorkspace } from '../workspace.js';
import { reportSpecErrors } from './rank.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const product = chosenProduct(workspace, options.product as string | undefined);
    const report = forecastReport(workspace.model, { product });
    if (options.format === 'json') out.stdout(JSON.stringify(report, null, 2));
    else forecastTable(report).forEach(line => out.stdout(line));
    return reportSpecErrors(workspace.errors, out);
}

export function forecastTable(report: ForecastReport): string[] {
    const lines: string[] = [];
    if (report.forecasts.length === 0) return ['No forecasts in these specs.'];
    for (const forecast of report.forecasts) {
        if (lines.length > 0) lines.push('');
        const currency = forecast.currency ? ` (${forecast.currency})` : '';
        lines.push(`${forecast.product} / ${forecast.name}${forecast.title ? ` — ${forecast.title}` : ''}${currency}`);
        if (forecast.missing.length > 0) {
            lines.push(`Cannot be computed: it lacks ${forecast.missing.join(', ')}.`);
            continue;
        }
        const rows = forecast.months.map(m => [String(m.month), formatFixed(m.customers), formatFixed(m.revenue), formatFixed(m.cost), formatFixed(m.profit), formatFixed(m.cumulativeProfit)]);
        rows.push(['Total', '', formatFixed(forecast.totals.revenue), formatFixed(forecast.totals.cost), formatFixed(forecast.totals.profit), '']);
        lines.push(...textTable(['Month', 'Customers', 'Revenue', 'Cost', 'Profit', 'Cumulative'], rows, ['right', 'right', 'right', 'right', 'right', 'right']));
        const never = `not within ${forecast.months.length} months`;
        lines.push(`Margin ${formatPercent(forecast.totals.margin)} · break-even month ${forecast.breakEvenMonth ?? never} · cumulative break-even month ${forecast.cumulativeBreakEvenMonth ?? never}`);
        if (forecast.scenarios.length > 0) lines.push('', ...scenarioTable(forecast));
    }
    return lines;
}

/** The base case and each scenario side by side (decide.md §3). */
function scenarioTable(forecast: ForecastReport['forecasts'][number]): string[] {
    const cases: ForecastCaseReport[] = [{ ...forecast, name: 'base', title: null }, ...forecast.scenarios];
    const rows = cases.map(c => {
        const label = c.title ? `${c.name} — ${c.title}` : c.name;
        if (c.missing.length > 0) return [label, `lacks ${c.missing.join(', ')}`, '', '', '', '', ''];
        const never = 'never';
        return [label, formatFixed(c.totals.revenue), formatFixed(c.totals.cost), formatFixed(c.totals.profit), formatPercent(c.totals.margin),
            String(c.breakEvenMonth ?? never), String(c.cumulativeBreakEvenMonth ?? never)];
    });
    return textTable(['Scenario', 'Revenue', 'Cost', 'Profit', 'Margin', 'Break-even', 'Cumulative break-even'], rows, ['left', 'right', 'right', 'right', 'right', 'right', 'right']);
}
