import { forecastReport, formatChance, formatFixed, formatNumber, formatPercent, UNCERTAINTY_LIMITS, type ForecastCaseReport, type ForecastReport, type ForecastUncertainty } from '@product-spec/language';
import type { CommandInput } from '../arguments.js';
import type { Output } from '../output.js';
import { textTable } from '../table.js';
import { checkDrawMemory, uncertaintyOptions } from '../uncertainty.js';
import { chosenProduct, loadWorkspace } from '../workspace.js';
import { reportSpecErrors } from './rank.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const product = chosenProduct(workspace, options.product as string | undefined);
    const uncertainty = uncertaintyOptions(options);
    if (uncertainty) {
        for (const owner of workspace.model.products.filter(p => product === undefined || p.name === product)) {
            for (const forecast of owner.forecasts) {
                for (const months of [forecast, ...forecast.scenarios].map(c => c.inputs?.months ?? 0)) {
                    checkDrawMemory(months * uncertainty.samples, Math.max(1, months), UNCERTAINTY_LIMITS.monthCells, uncertainty.samples, `the ${months} months of ${owner.name} / ${forecast.name}`);
                }
            }
        }
    }
    const report = forecastReport(workspace.model, { product, uncertainty });
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
        if (forecast.uncertainty) lines.push('', ...drawnLines(forecast.uncertainty, forecast.months.length));
        if (forecast.scenarios.length > 0) lines.push('', ...scenarioTable(forecast));
    }
    return lines;
}

/** The draws of a case: the percentiles of its totals, of cumulative profit by month, and the chance of each break-even (decide.md §2). */
function drawnLines(u: ForecastUncertainty, horizon: number): string[] {
    const band = (p: { p10: number; p50: number; p90: number }) => [formatFixed(p.p10), formatFixed(p.p50), formatFixed(p.p90)];
    const month = (value: number | null) => (value === null ? `not within ${horizon}` : String(value));
    const chance = (b: ForecastUncertainty['breakEven']) => `${formatChance(b.probability)} of draws within ${horizon === 1 ? '1 month' : `${horizon} months`}; month P10 ${month(b.p10)}, P50 ${month(b.p50)}, P90 ${month(b.p90)}`;
    return [
        `Over ${formatNumber(u.samples)} draws of every range (seed ${u.seed}):`,
        ...textTable(['', 'P10', 'P50', 'P90'], [
            ['Total revenue', ...band(u.totals.revenue)],
            ['Total profit', ...band(u.totals.profit)],
            ...u.months.map(m => [`Cumulative profit, month ${m.month}`, ...band(m.cumulativeProfit)])
        ], ['left', 'right', 'right', 'right']),
        `Break-even: ${chance(u.breakEven)}.`,
        `Cumulative break-even: ${chance(u.cumulativeBreakEven)}.`
    ];
}

/** The base case and each scenario side by side (decide.md §3). */
function scenarioTable(forecast: ForecastReport['forecasts'][number]): string[] {
    const cases: ForecastCaseReport[] = [{ ...forecast, name: 'base', title: null }, ...forecast.scenarios];
    const drawn = cases.some(c => c.uncertainty);
    const rows = cases.map(c => {
        const label = c.title ? `${c.name} — ${c.title}` : c.name;
        if (c.missing.length > 0) return [label, `lacks ${c.missing.join(', ')}`, '', '', '', '', ''];
        const never = 'never';
        const u = c.uncertainty;
        return [label, formatFixed(c.totals.revenue), formatFixed(c.totals.cost), formatFixed(c.totals.profit), formatPercent(c.totals.margin),
            String(c.breakEvenMonth ?? never), String(c.cumulativeBreakEvenMonth ?? never),
            ...(drawn ? (u ? [`${formatFixed(u.totals.profit.p10)} – ${formatFixed(u.totals.profit.p90)}`, formatChance(u.cumulativeBreakEven.probability)] : ['–', '–']) : [])];
    });
    return textTable(['Scenario', 'Revenue', 'Cost', 'Profit', 'Margin', 'Break-even', 'Cumulative break-even', ...(drawn ? ['Profit P10 – P90', 'Cumulative break-even chance'] : [])], rows,
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', ...(drawn ? ['right' as const, 'right' as const] : [])]);
}
