import { formatNumber, methodLabel, rankReport, type Method, type RankReport } from '@product-spec/language';
import { codeName, escapeMarkdown, markdownTable } from "@product-spec/docs";
import type { CommandInput } from '../arguments.js';
import { Exit } from '../errors.js';
import type { Output } from '../output.js';
import { csvLine, textTable } from '../table.js';
import { chosenProduct, loadWorkspace } from '../workspace.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const product = chosenProduct(workspace, options.product as string | undefined);
    const report = rankReport(workspace.model, { product, method: options.method as Method | undefined });
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
        const rows = product.features.map(f => [
            f.rank === null ? '–' : String(f.rank),
            f.name,
            f.title ?? '',
            formatNumber(f.score),
            f.inheritedFrom ? `${formatNumber(f.effectiveScore)} ← ${f.inheritedFrom}` : formatNumber(f.effectiveScore),
            ...planCells(f)
        ]);
        lines.push(...textTable(
            ['#', 'Feature', 'Title', scoreHeader(product.method), 'Effective', ...PLAN_HEADERS],
            rows,
            ['right', 'left', 'left', 'right', 'right', ...PLAN_ALIGN]
        ));
    }
    return lines;
}

export function rankCsv(report: RankReport): string[] {
    const lines = [csvLine(['product', 'method', 'rank', 'name', 'title', 'score', 'effectiveScore', 'inheritedFrom', 'rice', 'ice', 'wsjf',
        'kano', 'kanoBetter', 'kanoWorse', 'moscow', 'opportunity', 'effort', 'release', 'status', 'requires', 'requiredBy'])];
    for (const product of report.products) {
        for (const f of product.features) {
            lines.push(csvLine([product.name, product.method, f.rank, f.name, f.title, f.score, f.effectiveScore, f.inheritedFrom, f.rice, f.ice, f.wsjf,
                f.kano?.category ?? null, f.kano?.better ?? null, f.kano?.worse ?? null, f.moscow, f.opportunity, f.effort, f.release, f.status,
                f.requires.join(' '), f.requiredBy.join(' ')]));
        }
    }
    return lines;
}

export function rankMarkdown(report: RankReport): string[] {
    const lines: string[] = [];
    for (const product of report.products) {
        if (lines.length > 0) lines.push('');
        lines.push(`## ${product.title ?? product.name} — ranked by ${methodLabel(product.method)}`, '');
        lines.push(...markdownTable(
            ['#', 'Feature', scoreHeader(product.method), 'Effective', ...PLAN_HEADERS],
            product.features.map(f => [
                f.rank === null ? '–' : String(f.rank),
                f.title ? `${escapeMarkdown(f.title)} (${codeName(f.name)})` : codeName(f.name),
                formatNumber(f.score),
                formatNumber(f.effectiveScore),
                ...planCells(f)
            ]),
            ['right', 'left', 'right', 'right', ...PLAN_ALIGN]
        ));
    }
    return lines;
}
