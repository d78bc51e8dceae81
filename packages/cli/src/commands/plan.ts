import {
    formatNumber, formatPercent, methodLabel, PLAN_TIME_LIMIT, planJson, planProduct, releaseName,
    type Method, type ProductPlan, type UnplannedReason
} from '@product-spec/language';
import { codeName, escapeMarkdown, markdownTable } from '@product-spec/docs';
import type { CommandInput } from '../arguments.js';
import { UsageError } from '../errors.js';
import type { Output } from '../output.js';
import { textTable } from '../table.js';
import { chosenProduct, loadWorkspace } from '../workspace.js';
import { reportSpecErrors } from './rank.js';

export async function run({ positionals, options }: CommandInput, out: Output): Promise<number> {
    const timeLimit = timeLimitOption(options['time-limit'] as string | undefined);
    const workspace = await loadWorkspace(positionals.length > 0 ? positionals : ['.'], { exclude: options.exclude as string[] | undefined });
    const product = chosenProduct(workspace, options.product as string | undefined);
    const method = options.method as Method | undefined;
    const plans = workspace.model.products
        .filter(p => product === undefined || p.name === product)
        .map(p => planProduct(p, { method, timeLimit }));
    const format = (options.format as string | undefined) ?? 'table';
    if (format === 'json') out.stdout(JSON.stringify({ plans: plans.map(planJson) }, null, 2));
    else if (format === 'markdown') planMarkdown(plans).forEach(line => out.stdout(line));
    else planTable(plans).forEach(line => out.stdout(line));
    return reportSpecErrors(workspace.errors, out);
}

/** `--time-limit S`: seconds, within the documented bounds. */
export function timeLimitOption(value: string | undefined): number {
    if (value === undefined) return PLAN_TIME_LIMIT.default;
    const seconds = Number(value);
    if (value.trim() === '' || !Number.isFinite(seconds) || seconds < PLAN_TIME_LIMIT.min || seconds > PLAN_TIME_LIMIT.max) {
        throw new UsageError(`Option --time-limit must be a number of seconds from ${PLAN_TIME_LIMIT.min} to ${PLAN_TIME_LIMIT.max}, not '${value}'.`);
    }
    return seconds;
}

/** Why a feature is left out, as a product manager reads it. */
export const REASON_TEXT: Record<UnplannedReason, string> = {
    'capacity': 'no room in any release',
    'no-effort': 'no effort given',
    'prerequisite': 'a prerequisite is not planned',
    'requires-dropped': 'requires a dropped feature',
    'cycle': 'on a dependency cycle'
};

/**
 * The reason as text. A feature that adds nothing (scores 0, not a must) is left out by the
 * fewest-moves rule even where it would fit: its reason is `capacity`, and the text says so.
 */
export function reasonText(feature: ProductPlan['unplanned'][number]): string {
    if (feature.reason === 'capacity' && !feature.score && feature.moscow !== 'must') return 'scores 0: not worth a move';
    return REASON_TEXT[feature.reason];
}

/** "proven optimal", or what is not proven: "not proven (time limit): r1 score 9,500, at most 9,800 (gap 3.06%)". */
export function optimalityText(plan: ProductPlan): string {
    if (plan.optimal) return 'proven optimal';
    const at = plan.gapAt;
    if (!at) return 'not proven (time limit): only the rank-order tie rule is left';
    const what = at.component === 'moves'
        ? `${formatNumber(at.value)} moves, at least ${formatNumber(at.bound)}`
        : `${at.release ? releaseName(at.release, plan.product) : ''} ${at.component} ${formatNumber(at.value)}, at most ${formatNumber(at.bound)}`;
    return `not proven (time limit): ${what} (gap ${formatPercent(plan.gap)})`;
}

function movesText(count: number): string {
    return `${count} move${count === 1 ? '' : 's'}`;
}

/** The note of a planned feature: pinned, kept, or where it moves from. */
function note(plan: ProductPlan, entry: ProductPlan['releases'][number]['features'][number]): string {
    if (entry.pinned) return entry.feature.status === 'building' ? 'pinned (building)' : 'kept (release without capacity)';
    if (entry.from === null) return 'moved in (was unplanned)';
    return entry.from === plan.placement.get(entry.feature) ? '' : `moved from ${releaseName(entry.from, plan.product)}`;
}

export function planTable(plans: readonly ProductPlan[]): string[] {
    const lines: string[] = [];
    for (const plan of plans) {
        if (lines.length > 0) lines.push('');
        const product = plan.product;
        lines.push(`${product.name}${product.title ? ` — ${product.title}` : ''} · release plan by ${methodLabel(plan.method)} · ${optimalityText(plan)} · ${movesText(plan.moves.length)}`);
        if (plan.releases.length === 0 && plan.unplanned.length === 0) {
            lines.push('(no releases and no open features)');
            continue;
        }
        lines.push('');
        lines.push(...textTable(
            ['Release', 'Date', 'Load', 'Capacity', 'Must share', 'Moves'],
            plan.releases.map(r => [
                releaseName(r.release, product)!, r.release.date ?? '–', formatNumber(r.load),
                r.capacity === null ? '–' : formatNumber(r.capacity), formatPercent(r.mustShare), String(r.moves)
            ]),
            ['left', 'left', 'right', 'right', 'right', 'right']
        ));
        const rows: string[][] = [];
        for (const r of plan.releases) {
            for (const f of r.features) {
                rows.push([releaseName(r.release, product)!, f.feature.name, f.feature.title ?? '', formatNumber(f.score), formatNumber(f.effort),
                    f.moscow ?? '–', releaseName(f.from, product) ?? '–', note(plan, f)]);
            }
        }
        for (const f of plan.unplanned) {
            rows.push(['unplanned', f.feature.name, f.feature.title ?? '', formatNumber(f.score), formatNumber(f.effort),
                f.moscow ?? '–', releaseName(f.from, product) ?? '–', reasonText(f)]);
        }
        if (rows.length > 0) {
            lines.push('');
            lines.push(...textTable(
                ['Plan', 'Feature', 'Title', methodLabel(plan.method), 'Effort', 'MoSCoW', 'Spec release', 'Note'],
                rows,
                ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'left']
            ));
        }
        if (plan.moves.length > 0) {
            lines.push('');
            lines.push(`Moves: ${plan.moves.map(m => `${m.feature.name} ${releaseName(m.from, product) ?? 'unplanned'} → ${releaseName(m.to, product) ?? 'unplanned'}`).join(', ')}`);
        }
    }
    return lines;
}

export function planMarkdown(plans: readonly ProductPlan[]): string[] {
    const lines: string[] = [];
    for (const plan of plans) {
        if (lines.length > 0) lines.push('');
        const product = plan.product;
        const name = (release: Parameters<typeof releaseName>[0]) => {
            const text = releaseName(release, product);
            return text === null ? '–' : codeName(text);
        };
        lines.push(`## ${escapeMarkdown(product.title ?? product.name)} — release plan by ${methodLabel(plan.method)}`, '');
        const status = optimalityText(plan);
        lines.push(`${escapeMarkdown(status.charAt(0).toUpperCase() + status.slice(1))}; ${movesText(plan.moves.length)}.`, '');
        lines.push(...markdownTable(
            ['Release', 'Date', 'Load', 'Capacity', 'Must share', 'Features'],
            plan.releases.map(r => [
                name(r.release), r.release.date ?? '–', formatNumber(r.load), r.capacity === null ? '–' : formatNumber(r.capacity),
                formatPercent(r.mustShare), r.features.length > 0 ? r.features.map(f => codeName(f.feature.name) + (f.pinned ? ' (pinned)' : '')).join(', ') : '–'
            ]),
            ['left', 'left', 'right', 'right', 'right', 'left']
        ));
        if (plan.unplanned.length > 0) {
            lines.push('', '### Unplanned', '');
            lines.push(...markdownTable(
                ['Feature', methodLabel(plan.method), 'Effort', 'Spec release', 'Why'],
                plan.unplanned.map(f => [
                    f.feature.title ? `${escapeMarkdown(f.feature.title)} (${codeName(f.feature.name)})` : codeName(f.feature.name),
                    formatNumber(f.score), formatNumber(f.effort), name(f.from), reasonText(f)
                ]),
                ['left', 'right', 'right', 'left', 'left']
            ));
        }
        if (plan.moves.length > 0) {
            lines.push('', '### Moves', '');
            lines.push(...markdownTable(
                ['Feature', 'From', 'To'],
                plan.moves.map(m => [codeName(m.feature.name), m.from ? name(m.from) : 'unplanned', m.to ? name(m.to) : 'unplanned'])
            ));
        }
    }
    return lines;
}
