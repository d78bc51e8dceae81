import type { ForecastResult } from '@product-spec/language';
import { escapeMarkdown } from '../markdown.js';
import { mermaidBlock, mermaidText, shorten } from '../mermaid.js';

/**
 * The business case as Mermaid `xychart-beta` line charts. A chart is a list of series
 * (lines) and bands (a range between two lines, drawn as its two edges in one lighter
 * colour), so that scenarios and forecast ranges are more entries in these lists, not
 * another chart.
 */

/** One line: a value per month. */
export interface ChartSeries {
    /** What the line is, as the legend and the caption name it (plain text). */
    readonly name: string;
    /** One value per month, month 1 first. */
    readonly values: readonly number[];
    /** A CSS hex colour (`#1f5fa8`). */
    readonly color: string;
    /** The colour as the caption names it ("blue"). */
    readonly colorName: string;
}

/** A range of values per month (a 10th to 90th percentile, say), drawn as its lower and upper edges. */
export interface ChartBand {
    readonly name: string;
    readonly lower: readonly number[];
    readonly upper: readonly number[];
    readonly color: string;
    readonly colorName: string;
}

export interface MoneyChart {
    /** What the chart shows, in fixed words ("Cumulative profit"), for its caption. */
    readonly about: string;
    /** The chart's own title (plain text; may hold spec text, such as the forecast's title). */
    readonly title: string;
    /** The y-axis title: the currency, or "amount". */
    readonly unit: string;
    readonly series: readonly ChartSeries[];
    readonly bands?: readonly ChartBand[];
}

/** Colours that stay apart for readers with a red-green deficiency (Okabe and Ito's palette) and in grey print. */
export const MONEY_COLORS = {
    revenue: ['#0072b2', 'blue'],
    cost: ['#d55e00', 'orange'],
    profit: ['#009e73', 'green'],
    cumulative: ['#cc79a7', 'purple'],
    zero: ['#999999', 'grey']
} as const;

const CHART_SIZE = { width: 720, height: 380 };

function series(name: string, values: readonly number[], [color, colorName]: readonly [string, string]): ChartSeries {
    return { name, values, color, colorName };
}

/** Revenue, cost and profit by month, with the zero line that profit crosses at break-even. `name` is the forecast's. */
export function monthlyChart(result: ForecastResult, unit: string, name: string): MoneyChart {
    const months = result.months;
    return {
        about: 'Revenue, cost and profit by month',
        title: `${shorten(name, 50)}: revenue, cost and profit by month`,
        unit,
        series: [
            series('Revenue', months.map(m => m.revenue), MONEY_COLORS.revenue),
            series('Cost', months.map(m => m.cost), MONEY_COLORS.cost),
            series('Profit', months.map(m => m.profit), MONEY_COLORS.profit),
            series('Zero line', months.map(() => 0), MONEY_COLORS.zero)
        ]
    };
}

/** Colours of the scenarios' lines, after the base case's purple (Okabe and Ito's palette, then repeated). */
export const SCENARIO_COLORS = [['#e69f00', 'amber'], ['#56b4e9', 'sky blue'], ['#000000', 'black'], ['#f0e442', 'yellow']] as const;
const BAND_COLOR = ['#e5c7da', 'light purple'] as const;

/** What a cumulative chart adds beside the base case (decide.md §2 and §3). */
export interface CumulativeExtras {
    /** Each scenario's cumulative profit by month, by what people call it (its title, else its name). */
    readonly scenarios?: ReadonlyArray<{ readonly name: string; readonly values: readonly number[] }>;
    /** The 10th to 90th percentile of the base case's cumulative profit over the draws of its ranges. */
    readonly band?: { readonly lower: readonly number[]; readonly upper: readonly number[]; readonly samples: number };
}

/** The running total of profit, with the zero line it crosses at cumulative break-even; its scenarios and its band beside it. */
export function cumulativeChart(result: ForecastResult, unit: string, name: string, extras: CumulativeExtras = {}): MoneyChart {
    const months = result.months;
    const scenarios = extras.scenarios ?? [];
    return {
        about: 'Cumulative profit',
        title: `${shorten(name, 50)}: cumulative profit`,
        unit,
        series: [
            series(scenarios.length > 0 ? 'Cumulative profit, base case' : 'Cumulative profit', months.map(m => m.cumulativeProfit), MONEY_COLORS.cumulative),
            ...scenarios.map((scenario, index) => series(`Scenario ${scenario.name}`, scenario.values, SCENARIO_COLORS[index % SCENARIO_COLORS.length])),
            series('Zero line', months.map(() => 0), MONEY_COLORS.zero)
        ],
        ...(extras.band ? {
            bands: [{
                name: `10th to 90th percentile over ${extras.band.samples.toLocaleString('en-US')} draws of the ranges`,
                lower: extras.band.lower, upper: extras.band.upper, color: BAND_COLOR[0], colorName: BAND_COLOR[1]
            }]
        } : {})
    };
}

/** A number as xychart's lexer reads it (`-12.5`, never `1e21` or `-0`), to the cent. */
export function chartNumber(value: number): string {
    const rounded = Math.round(value * 100) / 100;
    if (!Number.isFinite(rounded) || rounded === 0) return '0';
    return rounded.toFixed(2).replace(/\.?0+$/, '');
}

/** The lines in the order they are drawn (bands first, as the background), with their colours. */
function drawn(chart: MoneyChart): Array<{ name: string; values: readonly number[]; color: string }> {
    return [
        ...(chart.bands ?? []).flatMap(band => [
            { name: `${band.name} (low)`, values: band.lower, color: band.color },
            { name: `${band.name} (high)`, values: band.upper, color: band.color }
        ]),
        ...chart.series.map(s => ({ name: s.name, values: s.values, color: s.color }))
    ];
}

/** The chart as a Mermaid block. Spec text (titles, the unit) goes through `mermaidText`. */
export function moneyChartBlock(chart: MoneyChart): string[] {
    const lines = drawn(chart);
    const months = Math.max(0, ...lines.map(l => l.values.length));
    // A linear month axis (ticks chosen by Mermaid) stays readable over 60 months; one month needs a band axis.
    const xAxis = months > 1 ? `  x-axis "Month" 1 --> ${months}` : '  x-axis "Month" ["1"]';
    return mermaidBlock([
        '---',
        'config:',
        '  xyChart:',
        `    width: ${CHART_SIZE.width}`,
        `    height: ${CHART_SIZE.height}`,
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${lines.map(l => l.color).join(', ')}"`,
        '---',
        'xychart-beta',
        `  title "${mermaidText(chart.title)}"`,
        xAxis,
        `  y-axis "${mermaidText(chart.unit)}"`,
        ...lines.map(l => `  line "${mermaidText(l.name)}" [${l.values.map(chartNumber).join(', ')}]`)
    ]);
}

/** A line's name inside a sentence, as markdown: its first letter lower-case (a scenario's title keeps its own case). */
function inSentence(name: string): string {
    return escapeMarkdown(name.charAt(0).toLowerCase() + name.slice(1));
}

/** Which line is which, for the caption: "revenue (blue), cost (orange) and profit (green)". */
export function chartKey(chart: MoneyChart): string[] {
    return [
        ...chart.series.map(s => `${inSentence(s.name)} (${s.colorName})`),
        ...(chart.bands ?? []).map(b => `${inSentence(b.name)} (between the two ${b.colorName} lines)`)
    ];
}
