import { lazyPlanMoves, type LazyPlanMoves, type NamedPlanMove } from './plan/plan.js';
import { featureInputs, forecastInputs, scoringInputs, type FeatureInputs, type InputValue } from './inputs.js';
import { rankReport, type RankReportFeature } from './reports.js';
import type { Method, ProductModel, WorkspaceModel } from './types.js';

/**
 * How priorities changed between two states of a workspace (spec/decide.md §4): the
 * comparison of two computed models. Pure: whoever calls it builds the two workspaces (the
 * CLI from git revisions, the language server from its open workspace and a revision).
 *
 * Each side is first reduced to a snapshot, plain data holding what the comparison reads,
 * so that one workspace can be built at BASE, reduced, then updated to HEAD (as the CLI
 * does), or a side kept from an earlier request; then the snapshots are compared in time
 * linear in their size (plus the names of the features that passed or fell behind each
 * feature that moved for others' reasons).
 */

/** A diagnostic as `validate --format json` gives it. */
export interface DiagnosticEntry {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

/** A move of the release plan (decide.md §1): a feature whose planned release differs from the spec's. */
export type DiffPlanMove = NamedPlanMove;

export interface DiffOptions {
    /**
     * The release planner (decide.md §1): a product's plan moves. When given, each product's
     * entry lists the moves of HEAD's plan that BASE's plan did not have, as `planMoves`
     * (`planMovesOf` is the planner's). The moves are asked for only when the two keys differ.
     */
    planMoves?: (product: ProductModel) => LazyPlanMoves;
}

/** A feature as `rank --format json` gives it, with its inputs. */
export interface FeatureSnapshot extends RankReportFeature {
    readonly inputs: FeatureInputs;
}

export interface ReleaseSnapshot {
    readonly name: string;
    readonly title: string | null;
    readonly date: string | null;
    readonly capacity: number | null;
    readonly load: number;
    readonly overCapacity: boolean;
}

export interface ForecastSnapshot {
    readonly name: string;
    readonly title: string | null;
    readonly inputs: Readonly<Record<string, InputValue>>;
    readonly totals: { revenue: number; cost: number; profit: number } | null;
    readonly margin: number | null;
    readonly breakEvenMonth: number | null;
    readonly cumulativeBreakEvenMonth: number | null;
}

export interface ProductSnapshot {
    readonly name: string;
    readonly title: string | null;
    readonly method: Method;
    readonly scoring: Readonly<Record<string, InputValue>>;
    /** In rank order, then shipped and dropped ones by name (as the ranking lists them). */
    readonly features: FeatureSnapshot[];
    readonly releases: ReleaseSnapshot[];
    readonly forecasts: ForecastSnapshot[];
    readonly plan?: LazyPlanMoves;
}

export interface WorkspaceSnapshot {
    /** Products by name. */
    readonly products: ProductSnapshot[];
    readonly diagnostics: DiagnosticEntry[];
}

/** What the comparison reads of a computed workspace and its diagnostics. */
export function snapshotWorkspace(model: WorkspaceModel, diagnostics: readonly DiagnosticEntry[], options: DiffOptions = {}): WorkspaceSnapshot {
    const ranked = rankReport(model);
    return {
        products: model.products.map((product, index) => ({
            name: product.name,
            title: product.title ?? null,
            method: product.ranking.method,
            scoring: scoringInputs(product),
            // The ranking lists the product's features in the order of its entries.
            features: ranked.products[index].features.map((feature, rank) => ({
                ...feature,
                inputs: featureInputs(product.ranking.entries[rank].feature)
            })),
            releases: product.releases.map(release => ({
                name: release.name,
                title: release.title ?? null,
                date: release.date ?? null,
                capacity: release.capacity ?? null,
                load: release.load,
                overCapacity: release.capacity !== undefined && release.load > release.capacity
            })),
            forecasts: product.forecasts.map(forecast => ({
                name: forecast.name,
                title: forecast.title ?? null,
                inputs: forecastInputs(forecast),
                totals: forecast.result
                    ? { revenue: forecast.result.totals.revenue, cost: forecast.result.totals.cost, profit: forecast.result.totals.profit }
                    : null,
                margin: forecast.result?.totals.margin ?? null,
                breakEvenMonth: forecast.result?.breakEvenMonth ?? null,
                cumulativeBreakEvenMonth: forecast.result?.cumulativeBreakEvenMonth ?? null
            })),
            ...(options.planMoves ? { plan: options.planMoves(product) } : {})
        })),
        diagnostics: [...diagnostics]
    };
}

// ---- The report (JSON of `product-spec diff --format json`; stable names) ----------------

/** [BASE, HEAD]; null where the side has no value (or no such feature, release, forecast). */
export type BaseHead<T> = [T, T];

/** One changed input. A list (`requires`) gives one entry per name added (`from` null) or removed (`to` null). */
export interface InputChange {
    property: string;
    from: InputValue;
    to: InputValue;
}

export type DiffChange = 'added' | 'removed' | 'changed';
export type DiffCause = 'own-score' | 'inherited' | 'others';

export interface FeatureDiff {
    name: string;
    change: DiffChange;
    rank: BaseHead<number | null>;
    score: BaseHead<number | null>;
    inputs: InputChange[];
    /** Why its rank or effective score changed; null for an added or removed feature. */
    cause: DiffCause | null;
    /** With `inherited`: the feature requiring it whose effective score it takes (or took). */
    from?: string;
    /** With `others`: features now ranked above it that were not (in rank order). */
    passedBy?: string[];
    /** With `others`: features that were ranked above it and are not now (in BASE's rank order). */
    fellBehind?: string[];
    title: string | null;
    effectiveScore: BaseHead<number | null>;
}

export interface ReleaseDiff {
    name: string;
    change: DiffChange;
    load: BaseHead<number | null>;
    capacity: BaseHead<number | null>;
    overCapacity: BaseHead<boolean | null>;
    date: BaseHead<string | null>;
    title: string | null;
}

export interface ForecastDiff {
    name: string;
    change: DiffChange;
    totals: { revenue: BaseHead<number | null>; cost: BaseHead<number | null>; profit: BaseHead<number | null> };
    margin: BaseHead<number | null>;
    breakEvenMonth: BaseHead<number | null>;
    cumulativeBreakEvenMonth: BaseHead<number | null>;
    inputs: InputChange[];
    title: string | null;
}

/** A change of a feature's release, status or MoSCoW (listed whether or not its score or rank changed). */
export interface AssignmentChange {
    feature: string;
    property: 'release' | 'status' | 'moscow';
    from: InputValue;
    to: InputValue;
}

export interface ProductDiff {
    name: string;
    features: FeatureDiff[];
    releases: ReleaseDiff[];
    forecasts: ForecastDiff[];
    change: DiffChange;
    title: string | null;
    /** The method it ranks by (HEAD's; BASE's for a removed product). */
    method: Method;
    assignments: AssignmentChange[];
    /** Changes of the scoring block (method, ICE mode, weights): they change scores without a feature's own inputs. */
    scoring: InputChange[];
    /** Only with DiffOptions.planMoves: moves of HEAD's plan that BASE's plan did not have. */
    planMoves?: DiffPlanMove[];
}

export interface DiffReport {
    base: string;
    head: string;
    products: ProductDiff[];
    diagnostics: { introduced: DiagnosticEntry[]; resolved: DiagnosticEntry[] };
}

/** Compares two computed workspaces; `base` and `head` are the labels of the two sides. */
export function diffWorkspaces(
    base: { label: string; model: WorkspaceModel; diagnostics: readonly DiagnosticEntry[] },
    head: { label: string; model: WorkspaceModel; diagnostics: readonly DiagnosticEntry[] },
    options: DiffOptions = {}
): DiffReport {
    return diffSnapshots(base.label, snapshotWorkspace(base.model, base.diagnostics, options), head.label, snapshotWorkspace(head.model, head.diagnostics, options));
}

/** Compares two snapshots (see snapshotWorkspace). */
export function diffSnapshots(baseLabel: string, base: WorkspaceSnapshot, headLabel: string, head: WorkspaceSnapshot): DiffReport {
    const products: ProductDiff[] = [];
    for (const [before, after] of pairByName(base.products, head.products)) {
        const diff = diffProduct(before, after);
        if (diff) products.push(diff);
    }
    return { base: baseLabel, head: headLabel, products, diagnostics: diffDiagnostics(base.diagnostics, head.diagnostics) };
}

/** The entries of two lists with the same name, in HEAD's order, then those only in BASE in BASE's order. The first of a name wins. */
function pairByName<T extends { name: string }>(base: readonly T[], head: readonly T[]): Array<[T | undefined, T | undefined]> {
    const baseByName = firstByName(base);
    const headByName = firstByName(head);
    const pairs: Array<[T | undefined, T | undefined]> = [];
    for (const [name, after] of headByName) pairs.push([baseByName.get(name), after]);
    for (const [name, before] of baseByName) if (!headByName.has(name)) pairs.push([before, undefined]);
    return pairs;
}

function firstByName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(item.name)) map.set(item.name, item);
    return map;
}

function changeOf(before: unknown, after: unknown): DiffChange {
    return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}

function diffProduct(before: ProductSnapshot | undefined, after: ProductSnapshot | undefined): ProductDiff | undefined {
    const either = (after ?? before)!;
    const pairs = pairByName(before?.features ?? [], after?.features ?? []);
    const features = diffFeatures(pairs, before?.features ?? [], after?.features ?? []);
    const releases: ReleaseDiff[] = [];
    for (const [b, a] of pairByName(before?.releases ?? [], after?.releases ?? [])) {
        const entry: ReleaseDiff = {
            name: (a ?? b)!.name,
            change: changeOf(b, a),
            load: [b?.load ?? null, a?.load ?? null],
            capacity: [b?.capacity ?? null, a?.capacity ?? null],
            overCapacity: [b?.overCapacity ?? null, a?.overCapacity ?? null],
            date: [b?.date ?? null, a?.date ?? null],
            title: (a ?? b)!.title
        };
        if (entry.change !== 'changed' || differs(entry.load) || differs(entry.capacity) || differs(entry.overCapacity) || differs(entry.date)) releases.push(entry);
    }
    const forecasts: ForecastDiff[] = [];
    for (const [b, a] of pairByName(before?.forecasts ?? [], after?.forecasts ?? [])) {
        const entry: ForecastDiff = {
            name: (a ?? b)!.name,
            change: changeOf(b, a),
            totals: {
                revenue: [b?.totals?.revenue ?? null, a?.totals?.revenue ?? null],
                cost: [b?.totals?.cost ?? null, a?.totals?.cost ?? null],
                profit: [b?.totals?.profit ?? null, a?.totals?.profit ?? null]
            },
            margin: [b?.margin ?? null, a?.margin ?? null],
            breakEvenMonth: [b?.breakEvenMonth ?? null, a?.breakEvenMonth ?? null],
            cumulativeBreakEvenMonth: [b?.cumulativeBreakEvenMonth ?? null, a?.cumulativeBreakEvenMonth ?? null],
            inputs: b && a ? valueChanges(b.inputs, a.inputs) : [],
            title: (a ?? b)!.title
        };
        const resultChanged = differs(entry.totals.revenue) || differs(entry.totals.cost) || differs(entry.totals.profit)
            || differs(entry.margin) || differs(entry.breakEvenMonth) || differs(entry.cumulativeBreakEvenMonth);
        if (entry.change !== 'changed' || resultChanged) forecasts.push(entry);
    }
    const assignments: AssignmentChange[] = [];
    for (const [b, a] of pairs) {
        if (!b || !a) continue;
        for (const property of ['release', 'status', 'moscow'] as const) {
            const from = b.inputs.values[property] ?? null;
            const to = a.inputs.values[property] ?? null;
            if (from !== to) assignments.push({ feature: a.name, property, from, to });
        }
    }
    const scoring = before && after ? valueChanges(before.scoring, after.scoring) : [];
    // The same planning problem on both sides has the same moves: none is new, and neither is solved.
    const planMoves = before?.plan && after?.plan
        ? (before.plan.key === after.plan.key ? [] : newMoves(before.plan.moves(), after.plan.moves()))
        : undefined;
    const change = changeOf(before, after);
    const changed = change !== 'changed' || features.length > 0 || releases.length > 0 || forecasts.length > 0
        || assignments.length > 0 || scoring.length > 0 || (planMoves?.length ?? 0) > 0;
    if (!changed) return undefined;
    return {
        name: either.name,
        features, releases, forecasts,
        change,
        title: either.title,
        method: either.method,
        assignments,
        scoring,
        ...(planMoves ? { planMoves } : {})
    };
}

function differs<T>(pair: BaseHead<T>): boolean {
    return pair[0] !== pair[1];
}

/** Changed values of two records of inputs, in the order of HEAD's keys, then BASE's. */
function valueChanges(before: Readonly<Record<string, InputValue>>, after: Readonly<Record<string, InputValue>>): InputChange[] {
    const changes: InputChange[] = [];
    for (const property of Object.keys(after)) {
        const from = before[property] ?? null;
        const to = after[property] ?? null;
        if (from !== to) changes.push({ property, from, to });
    }
    for (const property of Object.keys(before)) {
        if (!(property in after) && before[property] !== null) changes.push({ property, from: before[property], to: null });
    }
    return changes;
}

/** Every input that changed: values as in valueChanges, `requires` name by name (+ added, − removed). */
function inputChanges(before: FeatureInputs, after: FeatureInputs): InputChange[] {
    const changes = valueChanges(before.values, after.values);
    const had = new Set(before.requires);
    const has = new Set(after.requires);
    for (const name of after.requires) if (!had.has(name)) changes.push({ property: 'requires', from: null, to: name });
    for (const name of before.requires) if (!has.has(name)) changes.push({ property: 'requires', from: name, to: null });
    return changes;
}

/** Inputs that decide a rank besides the score: status (ranked or not), MoSCoW (ties), requires (order); effort is compared as the ties read it. */
const RANK_INPUTS: ReadonlySet<string> = new Set(['status', 'moscow', 'requires']);

function diffFeatures(pairs: ReadonlyArray<[FeatureSnapshot | undefined, FeatureSnapshot | undefined]>, base: readonly FeatureSnapshot[], head: readonly FeatureSnapshot[]): FeatureDiff[] {
    const result: FeatureDiff[] = [];
    /** Features whose rank changed for others' reasons: their names are filled in after the pass. */
    const moved = new Map<string, FeatureDiff>();
    for (const [b, a] of pairs) {
        const either = (a ?? b)!;
        const rank: BaseHead<number | null> = [b?.rank ?? null, a?.rank ?? null];
        const score: BaseHead<number | null> = [b?.score ?? null, a?.score ?? null];
        const effectiveScore: BaseHead<number | null> = [b?.effectiveScore ?? null, a?.effectiveScore ?? null];
        const title = either.title;
        // Fields in the contract's order, then the added ones.
        if (!b || !a) {
            result.push({ name: either.name, change: changeOf(b, a), rank, score, inputs: [], cause: null, title, effectiveScore });
            continue;
        }
        if (!differs(rank) && !differs(score) && !differs(effectiveScore)) continue;
        const inputs = inputChanges(b.inputs, a.inputs);
        const common = { name: a.name, change: 'changed' as const, rank, score, inputs };
        if (differs(score) || b.effort !== a.effort || inputs.some(input => RANK_INPUTS.has(input.property))) {
            result.push({ ...common, cause: 'own-score', title, effectiveScore });
        } else if (differs(effectiveScore)) {
            result.push({ ...common, cause: 'inherited', from: (a.inheritedFrom ?? b.inheritedFrom)!, title, effectiveScore });
        } else {
            const entry: FeatureDiff = { ...common, cause: 'others', passedBy: [], fellBehind: [], title, effectiveScore };
            moved.set(a.name, entry);
            result.push(entry);
        }
    }
    if (moved.size > 0) {
        const passedBy = overtaken(ranked(head), ranks(base), moved);
        const fellBehind = overtaken(ranked(base), ranks(head), moved);
        for (const [name, entry] of moved) {
            entry.passedBy = passedBy.get(name)!;
            entry.fellBehind = fellBehind.get(name)!;
        }
    }
    return result;
}

/** The ranked features in rank order (the first of a name). */
function ranked(features: readonly FeatureSnapshot[]): FeatureSnapshot[] {
    const seen = new Set<string>();
    return features.filter(f => f.rank !== null && !seen.has(f.name) && seen.add(f.name));
}

/** Rank by feature name (ranked features only; the first of a name). */
function ranks(features: readonly FeatureSnapshot[]): Map<string, number> {
    const result = new Map<string, number>();
    for (const feature of features) if (feature.rank !== null && !result.has(feature.name)) result.set(feature.name, feature.rank);
    return result;
}

/**
 * For each wanted feature: the features ranked above it in `order` that are not ranked above
 * it by `otherRanks` (lower there, unranked or absent), in `order`'s rank order. A segment
 * tree holds the largest other rank of each span of `order`, so a query descends only into
 * spans holding an answer: O((answers + 1) log n) each, not a scan of everything above.
 */
function overtaken(order: readonly FeatureSnapshot[], otherRanks: ReadonlyMap<string, number>, wanted: ReadonlyMap<string, unknown>): Map<string, string[]> {
    const n = order.length;
    let size = 1;
    while (size < n) size <<= 1;
    const largest = new Float64Array(2 * size).fill(-Infinity);
    for (let i = 0; i < n; i++) largest[size + i] = otherRanks.get(order[i].name) ?? Infinity;
    for (let node = size - 1; node >= 1; node--) largest[node] = Math.max(largest[2 * node], largest[2 * node + 1]);
    const result = new Map<string, string[]>();
    for (let position = 0; position < n; position++) {
        const { name } = order[position];
        if (!wanted.has(name)) continue;
        const own = largest[size + position];
        const found: string[] = [];
        // The spans [low, high) before `position` whose largest other rank is below `own`'s, left to right.
        const visit = (node: number, low: number, high: number): void => {
            if (low >= position || largest[node] <= own) return;
            if (high - low === 1) {
                found.push(order[low].name);
                return;
            }
            const middle = (low + high) >> 1;
            visit(2 * node, low, middle);
            visit(2 * node + 1, middle, high);
        };
        visit(1, 0, size);
        result.set(name, found);
    }
    return result;
}

function newMoves(before: readonly DiffPlanMove[], after: readonly DiffPlanMove[]): DiffPlanMove[] {
    const key = (move: DiffPlanMove) => `${move.feature}\u0000${move.from ?? ''}\u0000${move.to ?? ''}`;
    const old = new Set(before.map(key));
    return after.filter(move => !old.has(key(move)));
}

/**
 * Diagnostics introduced and resolved. A diagnostic is the same on both sides when its
 * file, code and message are (not its line: a line inserted above must not make it new);
 * several alike are paired in line order, and those left over are introduced or resolved.
 */
function diffDiagnostics(base: readonly DiagnosticEntry[], head: readonly DiagnosticEntry[]): DiffReport['diagnostics'] {
    const key = (d: DiagnosticEntry) => `${d.file}\u0000${d.code}\u0000${d.message}`;
    const byLine = (a: DiagnosticEntry, b: DiagnosticEntry) => a.line - b.line || a.column - b.column;
    const waiting = new Map<string, { list: DiagnosticEntry[]; next: number }>();
    for (const d of [...base].sort(byLine)) {
        const alike = waiting.get(key(d));
        if (alike) alike.list.push(d); else waiting.set(key(d), { list: [d], next: 0 });
    }
    const matched = new Set<DiagnosticEntry>();
    const introduced: DiagnosticEntry[] = [];
    for (const d of [...head].sort(byLine)) {
        const alike = waiting.get(key(d));
        if (alike && alike.next < alike.list.length) matched.add(alike.list[alike.next++]);
        else introduced.push(d);
    }
    const resolved = base.filter(d => !matched.has(d));
    const order = (a: DiagnosticEntry, b: DiagnosticEntry) => (a.file < b.file ? -1 : a.file > b.file ? 1 : byLine(a, b));
    return { introduced: introduced.sort(order), resolved: resolved.sort(order) };
}

/** The moves of a product's release plan (model/plan), as the diff compares them. */
export function planMovesOf(product: ProductModel, options: { nodeLimit?: number } = {}): LazyPlanMoves {
    // A node limit, not a time: the same specs give the same diff on every machine.
    return lazyPlanMoves(product, { nodeLimit: options.nodeLimit ?? 20000 });
}
