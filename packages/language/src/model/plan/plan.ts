import { rankProductBy } from '../build.js';
import { PLAN_TIME_LIMIT, type FeatureModel, type Method, type ProductModel, type ReleaseModel, type WorkspaceModel } from '../types.js';
import { decimalScale, toUnits } from './exact.js';
import { buildProblem, compareNames, knownEffort, type PlanProblem, type UnplannedReason } from './problem.js';
import { PlanSolver, type SolverLimits, type SolverResult } from './solver.js';

/** `--time-limit`'s default, in seconds (bounds: PLAN_TIME_LIMIT). */
export const DEFAULT_TIME_LIMIT = PLAN_TIME_LIMIT.default;
const SEARCH_SHARE = 0.9;
const FINISH_SHARE = 0.97;

export interface PlanOptions {
    /** Score by this method instead of the product's own. */
    readonly method?: Method;
    /** Seconds the search may take, 0.1 to 600 (default 10); the best plan found by then is returned, not proven. */
    readonly timeLimit?: number;
    /** At most this many search nodes: unlike time, gives the same plan on every machine. */
    readonly nodeLimit?: number;
}

export interface PlannedFeature {
    readonly feature: FeatureModel;
    /** Its own score by the plan's method (null: unscored, counted 0). */
    readonly score: number | null;
    readonly effort: number | null;
    readonly moscow: string | null;
    /** The release the spec gives it (null: none). */
    readonly from: ReleaseModel | null;
    /** Kept where the spec puts it: `building`, or in a release the planner does not use. */
    readonly pinned: boolean;
}

export interface PlannedRelease {
    readonly release: ReleaseModel;
    /** Its capacity; null when the planner does not use it (no capacity, or another product's release). */
    readonly capacity: number | null;
    /** Σ effort of the features planned in it (an unknown effort counts 0). */
    readonly load: number;
    readonly mustLoad: number;
    /** mustLoad ÷ load; null when the load is 0. */
    readonly mustShare: number | null;
    /** In rank order. */
    readonly features: PlannedFeature[];
    /** How many moves go into or out of this release. */
    readonly moves: number;
}

export interface UnplannedFeature {
    readonly feature: FeatureModel;
    readonly score: number | null;
    readonly effort: number | null;
    readonly moscow: string | null;
    readonly from: ReleaseModel | null;
    readonly reason: UnplannedReason;
}

export interface PlanMove {
    readonly feature: FeatureModel;
    /** The spec's release (null: none). */
    readonly from: ReleaseModel | null;
    /** The plan's release (null: unplanned). */
    readonly to: ReleaseModel | null;
}

/** A product's release plan (decide.md §1). */
export interface ProductPlan {
    readonly product: ProductModel;
    readonly method: Method;
    /** True when the plan is proven the best under every rule of the objective. */
    readonly optimal: boolean;
    /** 0 when optimal; else the proven gap (README, "The release plan"). */
    readonly gap: number;
    /**
     * When not optimal, what is not proven: a release's musts or score (the plan's value and
     * the bound no plan can beat), or the number of moves (the plan's and a lower bound).
     * Null when only the rank-order tie rule is left unproven, or the plan is optimal.
     */
    readonly gapAt: { readonly component: 'musts' | 'score' | 'moves'; readonly release: ReleaseModel | null; readonly value: number; readonly bound: number } | null;
    /** Releases in date order (undated last), ties by name. */
    readonly releases: PlannedRelease[];
    /** In rank order. */
    readonly unplanned: UnplannedFeature[];
    /** By feature name. */
    readonly moves: PlanMove[];
    /** The release each open feature is planned in (null: unplanned). */
    readonly placement: ReadonlyMap<FeatureModel, ReleaseModel | null>;
    /** Search nodes explored. */
    readonly nodes: number;
    /** Where the search stopped (null: it finished) and what each phase took. */
    readonly stats: SolverResult['stats'];
}

/** Thrown by planProductAsync when its caller cancels. */
export class PlanCancelled extends Error {
    constructor() {
        super('The release plan was cancelled.');
        this.name = 'PlanCancelled';
    }
}

function solverFor(product: ProductModel, options: PlanOptions, start: number): { problem: PlanProblem; method: Method; solver: PlanSolver } {
    const method = options.method ?? product.ranking.method;
    const problem = buildProblem(product, rankProductBy(product, method));
    return { problem, method, solver: new PlanSolver(problem.input, limitsOf(options, start)) };
}

function limitsOf(options: PlanOptions, start: number): SolverLimits {
    const seconds = options.timeLimit ?? DEFAULT_TIME_LIMIT;
    if (!(seconds >= PLAN_TIME_LIMIT.min && seconds <= PLAN_TIME_LIMIT.max)) {
        throw new RangeError(`The plan's time limit must be from ${PLAN_TIME_LIMIT.min} to ${PLAN_TIME_LIMIT.max} seconds, not ${seconds}.`);
    }
    if (options.nodeLimit !== undefined && !(Number.isInteger(options.nodeLimit) && options.nodeLimit >= 1)) {
        throw new RangeError(`The plan's node limit must be a whole number of at least 1, not ${options.nodeLimit}.`);
    }
    // The search stops at 90% of the limit: the rest is for proving the gap and writing the plan.
    return {
        deadline: start + seconds * 1000 * SEARCH_SHARE,
        finishBy: start + seconds * 1000 * FINISH_SHARE,
        nodeLimit: options.nodeLimit
    };
}

/** A plan's move by names, as the diff compares them. */
export interface NamedPlanMove {
    feature: string;
    from: string | null;
    to: string | null;
}

/**
 * A product's plan moves by name, solved only when asked, with a key that is the whole
 * planning problem: the solver is deterministic under a node limit, so two problems with
 * the same key have the same moves, and a diff need not solve a product that did not
 * change. Plain data only: the model it came from may be gone when the moves are asked for.
 */
export interface LazyPlanMoves {
    readonly key: string;
    moves(): NamedPlanMove[];
}

export function lazyPlanMoves(product: ProductModel, options: PlanOptions & { readonly nodeLimit: number }): LazyPlanMoves {
    const method = options.method ?? product.ranking.method;
    const problem = buildProblem(product, rankProductBy(product, method));
    limitsOf(options, 0); // bad options fail now, not when asked
    const stages = problem.stages.map(release => release.name);
    // A movable feature's release is none or one of the stages (problem.ts): names say which.
    const items = problem.items.map(feature => [feature.name, feature.release?.name ?? null] as const);
    const excluded = [...problem.excluded.keys()].map(feature => [feature.name, feature.release?.name ?? null] as const);
    const input = problem.input;
    const key = JSON.stringify({ stages, items, excluded, input }, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    let moves: NamedPlanMove[] | undefined;
    return {
        key,
        moves: () => {
            if (moves) return moves;
            const solver = new PlanSolver(input, limitsOf(options, performance.now()));
            while (!solver.step(Infinity)) { /* to the end or a limit */ }
            const { stageOf } = solver.result();
            const found: NamedPlanMove[] = [];
            items.forEach(([feature, from], index) => {
                const to = stageOf[index] >= 0 ? stages[stageOf[index]] : null;
                if (from !== to) found.push({ feature, from, to });
            });
            for (const [feature, from] of excluded) if (from !== null) found.push({ feature, from, to: null });
            return (moves = found.sort((a, b) => compareNames(a.feature, b.feature)));
        }
    };
}

/**
 * The best release plan of a product under capacity and dependencies, proven optimal
 * unless a limit stops the search first (then the best found, with `optimal: false` and
 * the gap). One implementation for the CLI, the language server and the docs.
 */
export function planProduct(product: ProductModel, options: PlanOptions = {}): ProductPlan {
    const { problem, method, solver } = solverFor(product, options, performance.now());
    while (!solver.step(Infinity)) { /* to the end or the deadline */ }
    return assemblePlan(problem, method, solver.result());
}

/**
 * The same plan, computed in slices of `sliceMs` that yield to the event loop between
 * them, so that a server stays responsive; `isCancelled` is asked after each slice
 * (PlanCancelled is thrown when it says yes).
 */
export async function planProductAsync(product: ProductModel, options: PlanOptions = {}, control: { isCancelled?: () => boolean; sliceMs?: number } = {}): Promise<ProductPlan> {
    const { problem, method, solver } = solverFor(product, options, performance.now());
    const slice = control.sliceMs ?? 20;
    while (!solver.step(performance.now() + slice)) {
        await new Promise<void>(resolve => setImmediate(resolve));
        if (control.isCancelled?.()) throw new PlanCancelled();
    }
    return assemblePlan(problem, method, solver.result());
}

function assemblePlan(problem: PlanProblem, method: Method, result: SolverResult): ProductPlan {
    const { product, ranking, stages, items } = problem;
    const placement = new Map<FeatureModel, ReleaseModel | null>();
    for (const feature of problem.fixed) placement.set(feature, feature.release!);
    for (const feature of problem.excluded.keys()) placement.set(feature, null);
    items.forEach((feature, index) => placement.set(feature, result.stageOf[index] >= 0 ? stages[result.stageOf[index]] : null));

    const scoreOf = (feature: FeatureModel) => ranking.byFeature.get(feature)?.score ?? null;
    const fixed = new Set(problem.fixed);
    const moves: PlanMove[] = [];
    for (const [feature, to] of placement) {
        const from = feature.release ?? null;
        if (!fixed.has(feature) && from !== to) moves.push({ feature, from, to });
    }
    moves.sort((a, b) => compareNames(a.feature.name, b.feature.name));

    const inRankOrder = ranking.entries.map(entry => entry.feature).filter(feature => placement.has(feature));
    const stageOfRelease = new Set(stages);
    const releases: PlannedRelease[] = problem.releases.map(release => {
        const planned = inRankOrder.filter(feature => placement.get(feature) === release);
        const efforts = planned.map(feature => knownEffort(feature) ?? 0);
        const mustEfforts = planned.filter(feature => feature.moscow === 'must').map(feature => knownEffort(feature) ?? 0);
        const load = exactSum(efforts);
        const mustLoad = exactSum(mustEfforts, efforts);
        return {
            release,
            capacity: stageOfRelease.has(release) ? release.capacity! : null,
            load,
            mustLoad,
            mustShare: load > 0 ? mustLoad / load : null,
            features: planned.map(feature => ({
                feature,
                score: scoreOf(feature),
                effort: feature.effort,
                moscow: feature.moscow ?? null,
                from: feature.release ?? null,
                pinned: fixed.has(feature)
            })),
            moves: moves.filter(move => move.from === release || move.to === release).length
        };
    });

    // Its own problem first (cycle, requires-dropped, no-effort), then a prerequisite that is
    // unplanned or cannot be met, else capacity: "if B is unplanned, so is A (reason prerequisite)".
    const unplanned: UnplannedFeature[] = inRankOrder.filter(feature => placement.get(feature) === null).map(feature => {
        let reason = problem.excluded.get(feature) ?? 'capacity';
        if (reason === 'capacity' && feature.requires.some(required => required !== feature && placement.get(required) === null)) reason = 'prerequisite';
        return { feature, score: scoreOf(feature), effort: feature.effort, moscow: feature.moscow ?? null, from: feature.release ?? null, reason };
    });

    // The solver counts the moves of its items; the plan's also include those of features it cannot place.
    const forced = moves.length - result.stageOf.reduce((count, stage, index) => count + (stage !== problem.input.spec[index] ? 1 : 0), 0);
    const gapAt = result.gapAt && {
        component: result.gapAt.component,
        release: result.gapAt.stage >= 0 ? stages[result.gapAt.stage] : null,
        value: result.gapAt.value + (result.gapAt.component === 'moves' ? forced : 0),
        bound: result.gapAt.bound + (result.gapAt.component === 'moves' ? forced : 0)
    };
    const gap = gapAt?.component === 'moves' ? (gapAt.value - gapAt.bound) / gapAt.value : result.gap;
    return { product, method, optimal: result.optimal, gap, gapAt, releases, unplanned, moves, placement, nodes: result.nodes, stats: result.stats };
}

/** A sum of decimals taken exactly (0.1 + 0.2 = 0.3), in the unit that `scaleOf` needs. */
function exactSum(values: readonly number[], scaleOf: readonly number[] = values): number {
    const scale = decimalScale(scaleOf);
    return values.reduce((sum, value) => sum + toUnits(value, scale), 0) / scale;
}

// ---- JSON (cli.md's `plan --format json`, decide.md §1): stable field names.

export interface PlanReport {
    plans: PlanReportEntry[];
}

export interface PlanReportEntry {
    product: string;
    method: Method;
    optimal: boolean;
    gap: number;
    releases: Array<{
        name: string;
        date: string | null;
        capacity: number | null;
        load: number;
        /** Rounded to 4 decimals, as the contract shows it. */
        mustShare: number | null;
        features: Array<{ name: string; score: number | null; effort: number | null; moscow: string | null; from: string | null; pinned: boolean }>;
    }>;
    unplanned: Array<{ name: string; from: string | null; reason: UnplannedReason }>;
    moves: Array<{ feature: string; from: string | null; to: string | null }>;
}

/** A release as named from inside a product: its own by name, another product's qualified. */
export function releaseName(release: ReleaseModel | null, from: ProductModel): string | null {
    if (!release) return null;
    return release.product === from ? release.name : `${release.product.name}.${release.name}`;
}

export function planJson(plan: ProductPlan): PlanReportEntry {
    const name = (release: ReleaseModel | null) => releaseName(release, plan.product);
    return {
        product: plan.product.name,
        method: plan.method,
        optimal: plan.optimal,
        gap: plan.gap,
        releases: plan.releases.map(entry => ({
            name: name(entry.release)!,
            date: entry.release.date ?? null,
            capacity: entry.capacity,
            load: entry.load,
            mustShare: entry.mustShare === null ? null : Math.round(entry.mustShare * 10000) / 10000,
            features: entry.features.map(f => ({ name: f.feature.name, score: f.score, effort: f.effort, moscow: f.moscow, from: name(f.from), pinned: f.pinned }))
        })),
        unplanned: plan.unplanned.map(f => ({ name: f.feature.name, from: name(f.from), reason: f.reason })),
        moves: plan.moves.map(move => ({ feature: move.feature.name, from: name(move.from), to: name(move.to) }))
    };
}

/** The plans of a workspace's products (or of one), by product name. */
export function planReport(model: WorkspaceModel, options: PlanOptions & { product?: string } = {}): PlanReport {
    const products = model.products.filter(product => options.product === undefined || product.name === options.product);
    return { plans: products.map(product => planJson(planProduct(product, options))) };
}
