import { formatChance, formatNumber, methodLabel, rankCells, rankReport, UNCERTAINTY_LIMITS, type Method, type RankReport, type RankUncertainty } from '@product-spec/language';
import { codeName, escapeMarkdown, markdownTable } from "@product-spec/docs";
import type { CommandInput } from '../arguments.js';
import { Exit } from '../errors.js';
import type { Output } from '../output.js';
import { csvLine, textTable } from '../table.js';
import { checkDrawMemory, uncertaintyOptions } from '../uncertainty.js';
import { chosenProduct, loadWorkspace } from '../workspace.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const product = chosenProduct(workspace, options.product as string | undefined);
    const method = options.method as Method | undefined;
    const uncertainty = uncertaintyOptions(options);
    if (uncertainty) {
        // Which features get a rank does not depend on the method: the model's own ranking counts them.
        for (const ranked of workspace.model.products.filter(p => product === undefined || p.name === product)) {
            const count = ranked.ranking.rankedCount;
            checkDrawMemory(rankCells(count, uncertainty.samples), count, UNCERTAINTY_LIMITS.rankCells, uncertainty.samples, `the ${count.toLocaleString('en-US')} ranked features of ${ranked.name}`);
        }
    }
    const report = rankReport(workspace.model, { product, method, uncertainty });
    const format = (options.format as string | undefined) ?? 'table';
    if (format === 'json') out.stdout(JSON.stringify(report, null, 2));
    else if (format === 'csv') rankCsv(report).forEach(line => out.stdout(line));
    else if (format === 'markdown') rankMarkdown(report).forEach(line => out.stdout(line));
    else rankTable(report).forEach(line => out.stdout(line));
    return reportSpecErrors(workspace.errors, out);
}

/** Commands that compute still print what they can, then say that the spec has errors. */
export function reportSpecErrors(errors: number, out: Output): number {
    if (errors === 0) return Exit.Ok;
    out.stderr(`The specs have ${errors} error${errors === 1 ? '' : 's'}; results may be incomplete. Run 'product-spec validate' to see them.`);
    return Exit.SpecErrors;
}

type Feature = RankReport['products'][number]['features'][number];

/** The cells the table and the markdown share, after the scores: MoSCoW, Kano, effort, release, status, requires. */
function planCells(f: Feature): string[] {
    return [
        f.moscow ?? '–',
        f.kano ? f.kano.category : '–',
        formatNumber(f.effort),
        f.release ?? '–',
        f.status,
        f.requires.length > 0 ? f.requires.join(', ') : '–'
    ];
}

const PLAN_HEADERS = ['MoSCoW', 'Kano', 'Effort', 'Release', 'Status', 'Requires'];

/** The score column's header: the method, except that Kano already names the category column. */
function scoreHeader(method: string): string {
    return method === 'kano' ? 'Kano score' : methodLabel(method);
}
const PLAN_ALIGN = ['left', 'left', 'right', 'left', 'left', 'left'] as const;

export function rankTable(report: RankReport): string[] {
    const lines: string[] = [];
    for (const product of report.products) {
        if (lines.length > 0) lines.push('');
        lines.push(`${product.name}${product.title ? ` — ${product.title}` : ''} · ranked by ${methodLabel(product.method)}`);
        if (product.features.length === 0) {
            lines.push('(no features)');
            continue;
        }
        const drawn = drawsOf(product);
        const rows = product.features.map(f => [
            f.rank === null ? '–' : String(f.rank),
            ...(drawn ? [drawnRank(f.uncertainty)] : []),
            f.name,
            f.title ?? '',
            formatNumber(f.score),
            f.inheritedFrom ? `${formatNumber(f.effectiveScore)} ← ${f.inheritedFrom}` : formatNumber(f.effectiveScore),
            ...planCells(f)
        ]);
        lines.push(...textTable(
            ['#', ...(drawn ? [drawnHeader(drawn)] : []), 'Feature', 'Title', scoreHeader(product.method), 'Effective', ...PLAN_HEADERS],
            rows,
            ['right', ...(drawn ? ['right' as const] : []), 'left', 'left', 'right', 'right', ...PLAN_ALIGN]
        ));
        if (drawn) lines.push(drawnNote(drawn));
    }
    return lines;
}

export function rankCsv(report: RankReport): string[] {
    // The draws' columns come last, and only with --uncertainty, so scripts reading the plain columns keep working.
    const drawn = report.products.some(product => drawsOf(product));
    const lines = [csvLine(['product', 'method', 'rank', 'name', 'title', 'score', 'effectiveScore', 'inheritedFrom', 'rice', 'ice', 'wsjf',
        'kano', 'kanoBetter', 'kanoWorse', 'moscow', 'opportunity', 'effort', 'release', 'status', 'requires', 'requiredBy',
        ...(drawn ? ['samples', 'seed', 'rankP10', 'rankP50', 'rankP90', 'pTop', 'pFirst', 'stable'] : [])])];
    for (const product of report.products) {
        for (const f of product.features) {
            const u = f.uncertainty;
            lines.push(csvLine([product.name, product.method, f.rank, f.name, f.title, f.score, f.effectiveScore, f.inheritedFrom, f.rice, f.ice, f.wsjf,
                f.kano?.category ?? null, f.kano?.better ?? null, f.kano?.worse ?? null, f.moscow, f.opportunity, f.effort, f.release, f.status,
                f.requires.join(' '), f.requiredBy.join(' '),
                ...(drawn ? (u ? [u.samples, u.seed, u.rankP10, u.rankP50, u.rankP90, u.pTop, u.pFirst, String(u.stable)] : [null, null, null, null, null, null, null, null]) : [])]));
        }
    }
    return lines;
}

export function rankMarkdown(report: RankReport): string[] {
    const lines: string[] = [];
    for (const product of report.products) {
        if (lines.length > 0) lines.push('');
        lines.push(`## ${product.title ?? product.name} — ranked by ${methodLabel(product.method)}`, '');
        const drawn = drawsOf(product);
        lines.push(...markdownTable(
            ['#', ...(drawn ? [drawnHeader(drawn)] : []), 'Feature', scoreHeader(product.method), 'Effective', ...PLAN_HEADERS],
            product.features.map(f => [
                f.rank === null ? '–' : String(f.rank),
                ...(drawn ? [drawnRank(f.uncertainty)] : []),
                f.title ? `${escapeMarkdown(f.title)} (${codeName(f.name)})` : codeName(f.name),
                formatNumber(f.score),
                formatNumber(f.effectiveScore),
                ...planCells(f)
            ]),
            ['right', ...(drawn ? ['right' as const] : []), 'left', 'right', 'right', ...PLAN_ALIGN]
        ));
        if (drawn) lines.push('', drawnNote(drawn));
    }
    return lines;
}

type Product = RankReport['products'][number];
type DrawnSummary = NonNullable<Product['uncertainty']>;

/** The draws of a product's ranking, when --uncertainty asked for them. */
function drawsOf(product: Product): DrawnSummary | undefined {
    return product.uncertainty;
}

function drawnHeader(drawn: DrawnSummary): string {
    return `Drawn rank · top ${drawn.top}`;
}

/** "3 (2–5) · 62%": the median rank over the draws, its 10th to 90th percentile, the share of draws in the top K. */
function drawnRank(u: RankUncertainty | null | undefined): string {
    if (!u) return '–';
    return `${u.rankP50} (${u.rankP10}–${u.rankP90}) · ${formatChance(u.pTop)}`;
}

function drawnNote(drawn: DrawnSummary): string {
    return `Drawn rank: median (10th–90th percentile) over ${formatNumber(drawn.samples)} draws of every range, seed ${drawn.seed}, and the share of draws in the top ${drawn.top}.`;
}
