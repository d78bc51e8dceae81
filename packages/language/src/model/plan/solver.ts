import { exactToNumber } from './exact.js';

/**
 * The release planner's exact search (decide.md §1), on plain numbers.
 *
 * Items are the features the planner may place, in rank order (item 0 ranks first);
 * stages are the releases with a capacity, in date order. An item goes into one stage of
 * its domain [lo, hi] or stays unplanned. Constraints: the efforts placed in a stage fit
 * its free capacity; an item's prerequisites are placed in the same stage or an earlier
 * one. Objective, lexicographic: musts in stage 0, score in stage 0, musts in stage 1, ...;
 * then fewest moves (items whose stage differs from `spec`); then rank order (the first
 * item, in rank order, placed earlier decides; unplanned is later than every stage).
 * That last rule makes the best plan unique.
 *
 * Method: a depth-first branch and bound over the stages in order, deciding within a
 * stage each item in or out (an item brings its unplaced prerequisites along; leaving one
 * out leaves out what requires it). Bounds per stage: the largest number of musts that fit
 * (cheapest first, a must's cost being its effort plus its share of the efforts of the
 * non-must prerequisites it needs) and, for the score given that many musts, the lower of
 * the musts' best scores plus the fractional knapsack (LP relaxation) of the other items,
 * and a Lagrangian bound pricing capacity at the linear relaxation's rate (found by
 * bisection). Later stages are bounded the same way from every item still unplaced.
 * Scores are compared exactly (BigInt sums); a bound computed in floating point prunes
 * only when it is below its target by more than its proven rounding error, so rounding
 * can cost pruning, never a plan.
 *
 * Phases:
 * 1. heuristic: each stage in turn by the same search restricted to that stage (the best
 *    stage given the earlier ones), which is the optimum whenever no stage has ties; each
 *    stage gets a share of the limits, so that a large backlog still gets a whole plan;
 * 2. value: the lexicographic optimum of (musts, score) per stage, V*, proven by the full
 *    search. Features that score 0, are not musts and enable no valued feature ("tails")
 *    cannot change V* and are left out here; identical independent items are
 *    interchangeable for V*, so the search keeps them in rank order (symmetry breaking);
 * 3. ties: among the plans reaching V* exactly, fewest moves, then rank order, with every
 *    item; lower bounds on the moves (committed ones, and those the stages still to fill
 *    force: see forcedMoves) and on the rank-order vector prune.
 *
 * The search is iterative and resumable: `step(until)` works until a time and returns, so
 * a caller can yield to its event loop between slices and stop at a deadline or on
 * cancellation. When a limit stops it first, the best plan found is returned with
 * `optimal: false` and the proven gap (see `gapOf`).
 */

export interface SolverInput {
    /** How many stages (releases with a capacity), in date order. */
    readonly stages: number;
    /** Free capacity of each stage in integer units (capacity minus pinned load; may be negative). */
    readonly capacity: readonly number[];
    /** Effort of each item in integer units, > 0. */
    readonly effort: readonly number[];
    /** Score of each item (a double; an unscored item has 0). */
    readonly score: readonly number[];
    /** The same scores exactly: score = scoreExact × 2^scoreExponent. */
    readonly scoreExact: readonly bigint[];
    readonly scoreExponent: number;
    readonly must: readonly boolean[];
    /** The stages an item may go in: lo..hi (lo > hi: none). */
    readonly lo: readonly number[];
    readonly hi: readonly number[];
    /** The stage the spec gives the item, -1 for none (a move is a stage that differs). */
    readonly spec: readonly number[];
    /** Prerequisites of each item among the items. */
    readonly prereqs: ReadonlyArray<readonly number[]>;
}

export interface SolverLimits {
    /** `performance.now()` time at which the search stops. */
    readonly deadline: number;
    /** At most this many search nodes: a bound that does not depend on the machine's speed. */
    readonly nodeLimit?: number;
    /** When stopped, the gap is proven by then (coarser past it); default: the deadline plus 1 s. */
    readonly finishBy?: number;
}

export interface SolverResult {
    /** The stage of each item, -1 for unplanned. */
    readonly stageOf: Int32Array;
    /** True when the search finished: the plan is proven the best under every rule. */
    readonly optimal: boolean;
    /** 0 when optimal; else the proven gap of the first objective component not proven (see gapOf). */
    readonly gap: number;
    /** The component the gap is on: a stage's musts or score (value and proven bound), or the moves (value and lower bound). */
    readonly gapAt: GapAt | null;
    /** Search nodes explored. */
    readonly nodes: number;
    /** Where the search ended, and the nodes and milliseconds each phase took. */
    readonly stats: { readonly stoppedIn: 'heuristic' | 'value' | 'ties' | null; readonly phases: Record<'heuristic' | 'value' | 'ties', { nodes: number; ms: number }> };
}

export interface GapAt {
    readonly component: 'musts' | 'score' | 'moves';
    /** The stage, for musts and score. */
    readonly stage: number;
    /** The plan's value, and the best value not excluded yet (a bound). */
    readonly value: number;
    readonly bound: number;
}

/** Solves to the end or to a limit. */
export function solvePlan(input: SolverInput, limits: SolverLimits): SolverResult {
    const solver = new PlanSolver(input, limits);
    while (!solver.step(Infinity)) { /* runs to the deadline */ }
    return solver.result();
}

const NONE = 0;
const PENDING_EXCLUDE = 1;
const PENDING_INCLUDE = 2;
const NO_ITEMS = new Int32Array(0);
/** Nodes between two looks at the clock. */
const CLOCK_EVERY = 128;

interface Budget {
    nodes: number;
    readonly nodeLimit: number;
    readonly deadline: number;
    /** Where the current search stops (the heuristic gives each stage a share of what is left). */
    stopNodes: number;
    stopTime: number;
    /** Where the current slice ends (the search pauses, to be resumed). */
    sliceEnd: number;
}

/** The heuristic takes about this share of the time or node limit, divided among the stages. */
const HEURISTIC_SHARE = 0.5;

type RunStatus = 'done' | 'paused' | 'stopped';

interface Incumbent {
    readonly placed: Int32Array;
    readonly m: Int32Array;
    readonly s: bigint[];
    readonly moves: number;
}

/** A bound vector: per stage musts and score (exact when known exactly). */
interface BoundVector {
    readonly m: number[];
    readonly s: number[];
    readonly sExact: Array<bigint | null>;
}

/** What the searches share: the input and its graph. */
interface Shared {
    readonly input: SolverInput;
    readonly n: number;
    readonly K: number;
    readonly dependents: number[][];
    /** Items the value phase considers (all but the tails). */
    readonly core: Uint8Array;
}

/** The top-level state machine: heuristic, value, ties, done. */
export class PlanSolver {
    private readonly shared: Shared;
    private readonly budget: Budget;
    private phase: 'heuristic' | 'value' | 'ties' | 'done' = 'heuristic';
    private heuristicStage = 0;
    private heuristicPlaced: Int32Array;
    private search: Search | undefined;
    private valueBest: Incumbent | undefined;
    private final: SolverResult | undefined;
    private readonly finishBy: number;
    private readonly phases = { heuristic: { nodes: 0, ms: 0 }, value: { nodes: 0, ms: 0 }, ties: { nodes: 0, ms: 0 } };

    constructor(input: SolverInput, limits: SolverLimits) {
        const n = input.effort.length;
        const dependents: number[][] = Array.from({ length: n }, () => []);
        input.prereqs.forEach((list, item) => list.forEach(p => dependents[p].push(item)));
        this.shared = { input, n, K: input.stages, dependents, core: coreItems(input) };
        const nodeLimit = limits.nodeLimit ?? Infinity;
        this.finishBy = limits.finishBy ?? limits.deadline + 1000;
        this.budget = { nodes: 0, nodeLimit, deadline: limits.deadline, stopNodes: nodeLimit, stopTime: limits.deadline, sliceEnd: Infinity };
        this.heuristicPlaced = new Int32Array(n).fill(-1);
    }

    /** Works until `until` (a `performance.now()` time); true when finished. */
    step(until: number): boolean {
        this.budget.sliceEnd = until;
        try {
            return this.work();
        } finally {
            this.account();
        }
    }

    private lastNodes = 0;
    private lastTime = performance.now();

    /** Adds the nodes and time since the last call to the current phase. */
    private account(): void {
        const now = performance.now();
        if (this.phase !== 'done') {
            this.phases[this.phase].nodes += this.budget.nodes - this.lastNodes;
            this.phases[this.phase].ms += now - this.lastTime;
        }
        this.lastNodes = this.budget.nodes;
        this.lastTime = now;
    }

    private work(): boolean {
        const { K } = this.shared;
        while (this.phase !== 'done') {
            if (this.phase === 'heuristic') {
                if (this.heuristicStage >= K) {
                    this.account();
                    this.valueBest = incumbentOf(this.shared, this.heuristicPlaced, false);
                    this.phase = 'value';
                    this.search = undefined;
                    continue;
                }
                const stage = this.heuristicStage;
                const budget = this.budget;
                if (!this.search) {
                    this.search = new Search(this.shared, 'value', stage, stage, this.heuristicPlaced, null, null, true);
                    const share = HEURISTIC_SHARE / (K - stage);
                    const now = performance.now();
                    budget.stopTime = Math.min(budget.deadline, now + (budget.deadline - now) * share);
                    budget.stopNodes = Math.min(budget.nodeLimit, budget.nodes + Math.ceil((budget.nodeLimit - budget.nodes) * share));
                }
                const status = this.search.run(budget);
                if (status === 'paused') return false;
                // Done, or stopped by its budget: keep the stage's best (a first dive always completes).
                this.heuristicPlaced = this.search.bestPlaced()!;
                this.search = undefined;
                this.heuristicStage++;
                budget.stopTime = budget.deadline;
                budget.stopNodes = budget.nodeLimit;
                if (status === 'stopped' && this.outOfBudget()) {
                    // Out of time: finish the remaining stages greedily (one dive each).
                    for (let stage2 = this.heuristicStage; stage2 < K; stage2++) {
                        const dive = new Search(this.shared, 'value', stage2, stage2, this.heuristicPlaced, null, null, true);
                        dive.run(budget);
                        this.heuristicPlaced = dive.bestPlaced()!;
                    }
                    const best = incumbentOf(this.shared, this.heuristicPlaced, false);
                    const root = new Search(this.shared, 'value', 0, K - 1, new Int32Array(this.shared.n).fill(-1), best, null, false);
                    this.finish(withTails(this.shared, best.placed), false, ...gapOf(this.shared, best, top => root.openBound(top, this.finishBy)));
                }
                continue;
            }
            if (this.phase === 'value') {
                this.search ??= new Search(this.shared, 'value', 0, K - 1, new Int32Array(this.shared.n).fill(-1), this.valueBest!, null, false);
                const status = this.search.run(this.budget);
                if (status === 'paused') return false;
                const best = this.search.incumbent()!;
                if (status === 'stopped') {
                    this.finish(withTails(this.shared, best.placed), false, ...gapOf(this.shared, best, top => this.search!.openBound(top, this.finishBy)));
                    continue;
                }
                this.valueBest = best;
                this.account();
                this.phase = 'ties';
                const start = incumbentOf(this.shared, withTails(this.shared, best.placed), true);
                this.search = new Search(this.shared, 'ties', 0, K - 1, new Int32Array(this.shared.n).fill(-1), start, best, false);
                continue;
            }
            // ties
            const search = this.search!;
            const status = search.run(this.budget);
            if (status === 'paused') return false;
            const best = search.incumbent()!;
            if (status === 'stopped') {
                const lower = search.openMovesBound();
                this.finish(best.placed, false, relative(best.moves, lower), lower < best.moves ? { component: 'moves', stage: -1, value: best.moves, bound: lower } : null);
                continue;
            }
            this.finish(best.placed, true, 0, null);
        }
        return true;
    }

    /** The time or node limit of the whole search is reached. */
    private outOfBudget(): boolean {
        return this.budget.nodes >= this.budget.nodeLimit || performance.now() >= this.budget.deadline;
    }

    result(): SolverResult {
        if (!this.final) throw new Error('The planner has not finished.');
        return this.final;
    }

    private finish(placed: Int32Array, optimal: boolean, gap: number, gapAt: GapAt | null): void {
        this.account();
        const stoppedIn = optimal || this.phase === 'done' ? null : this.phase;
        this.final = { stageOf: placed, optimal, gap, gapAt, nodes: this.budget.nodes, stats: { stoppedIn, phases: this.phases } };
        this.phase = 'done';
        this.search = undefined;
    }
}

/**
 * Items that may change the (musts, score) vector: musts, items with a non-zero score,
 * and the prerequisites (transitively) of those. The others, "tails", only take capacity.
 */
function coreItems(input: SolverInput): Uint8Array {
    const n = input.effort.length;
    const core = new Uint8Array(n);
    const stack: number[] = [];
    for (let i = 0; i < n; i++) {
        if (input.must[i] || input.scoreExact[i] !== 0n) {
            core[i] = 1;
            stack.push(i);
        }
    }
    while (stack.length > 0) {
        const item = stack.pop()!;
        for (const p of input.prereqs[item]) {
            if (!core[p]) {
                core[p] = 1;
                stack.push(p);
            }
        }
    }
    return core;
}

/** The per-stage values (and moves, when asked) of a placement. */
function incumbentOf(shared: Shared, placed: Int32Array, withMoves: boolean): Incumbent {
    const { input, K } = shared;
    const m = new Int32Array(K);
    const s: bigint[] = new Array<bigint>(K).fill(0n);
    let moves = 0;
    for (let i = 0; i < shared.n; i++) {
        const stage = placed[i];
        if (stage >= 0) {
            if (input.must[i]) m[stage]++;
            s[stage] += input.scoreExact[i];
        }
        if (withMoves && stage !== input.spec[i]) moves++;
    }
    return { placed: placed.slice(), m, s, moves };
}

/**
 * Places the tails greedily into what the core plan leaves: in each stage, first those the
 * spec puts there, then those whose spec stage has passed, in rank order (no move is
 * added that can be avoided one item at a time; the ties phase then proves or improves).
 */
function withTails(shared: Shared, corePlaced: Int32Array): Int32Array {
    const { input, n, K, core } = shared;
    const placed = corePlaced.slice();
    const rem = input.capacity.slice();
    for (let i = 0; i < n; i++) if (placed[i] >= 0) rem[placed[i]] -= input.effort[i];
    for (let stage = 0; stage < K; stage++) {
        for (const wanted of [(spec: number) => spec === stage, (spec: number) => spec >= 0 && spec < stage]) {
            for (let i = 0; i < n; i++) {
                if (core[i] || placed[i] >= 0 || !wanted(input.spec[i])) continue;
                if (input.lo[i] > stage || input.hi[i] < stage || input.effort[i] > rem[stage]) continue;
                if (input.prereqs[i].some(p => placed[p] < 0 || placed[p] > stage)) continue;
                placed[i] = stage;
                rem[stage] -= input.effort[i];
            }
        }
    }
    return placed;
}

/**
 * The gap of an interrupted value search: B = the lexicographic maximum of the bound
 * vectors of the open nodes (and of the incumbent I); on the first component, in objective
 * order (musts r1, score r1, musts r2, ...), where B exceeds I: (B − I) / max(|B|, |I|).
 */
function gapOf(shared: Shared, best: Incumbent, raise: (top: BoundVector) => BoundVector): [number, GapAt | null] {
    const { K, input } = shared;
    const bestS = best.s.map(value => exactToNumber(value, input.scoreExponent));
    const top = raise({ m: Array.from(best.m), s: bestS, sExact: best.s.slice() });
    for (let stage = 0; stage < K; stage++) {
        if (top.m[stage] !== best.m[stage]) {
            return [relative(top.m[stage], best.m[stage]), { component: 'musts', stage, value: best.m[stage], bound: top.m[stage] }];
        }
        const exact = top.sExact[stage];
        if (exact !== null && exact === best.s[stage]) continue;
        if (nearlyEqual(top.s[stage], bestS[stage])) continue;
        return [relative(top.s[stage], bestS[stage]), { component: 'score', stage, value: bestS[stage], bound: top.s[stage] }];
    }
    return [0, null];
}

function relative(bound: number, value: number): number {
    const scale = Math.max(Math.abs(bound), Math.abs(value));
    return scale === 0 ? 0 : Math.max(0, bound - value) / scale;
}

function nearlyEqual(a: number, b: number): boolean {
    return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/** A component (stage j's musts, then score) against stage j of a vector. */
function compareComponent(part: { m: number; s: number; sExact: bigint | null }, vector: BoundVector, j: number): number {
    if (part.m !== vector.m[j]) return part.m - vector.m[j];
    const x = part.sExact;
    const y = vector.sExact[j];
    if (x !== null && y !== null) return x === y ? 0 : x < y ? -1 : 1;
    return nearlyEqual(part.s, vector.s[j]) ? 0 : part.s - vector.s[j];
}

/**
 * Reorders items[0..n) so that its first `take` entries have the largest keys (quickselect,
 * expected linear time).
 */
function selectLargest(items: Float64Array, n: number, take: number, key: Float64Array): void {
    let left = 0;
    let right = n - 1;
    while (take > 0 && take < n && left < right) {
        const pivot = key[items[(left + right) >> 1]];
        let i = left;
        let j = right;
        while (i <= j) {
            while (key[items[i]] > pivot) i++;
            while (key[items[j]] < pivot) j--;
            if (i <= j) {
                const swap = items[i];
                items[i] = items[j];
                items[j] = swap;
                i++;
                j--;
            }
        }
        // [left, j] ≥ pivot ≥ [i, right]
        if (take - 1 <= j) right = j;
        else if (take - 1 >= i) left = i;
        else return;
    }
}

/**
 * One depth-first search over stages from..to. Mode 'value' maximises the (musts, score)
 * vector over the core items; mode 'ties' keeps the vector at `target` and minimises
 * moves, then the rank-order vector, over all items.
 */
class Search {
    private readonly input: SolverInput;
    private readonly n: number;
    private readonly K: number;
    private readonly dependents: number[][];
    private readonly active: Uint8Array;
    private readonly ties: boolean;
    /** Per stage: the items of the stage's domain in decision order. */
    private readonly order: Int32Array[] = [];
    /** Per stage: where the musts end and where the positive-score non-musts end in `order`. */
    private readonly mustEnd: number[] = [];
    private readonly positiveEnd: number[] = [];
    /** Per stage: the smallest effort at or after each position of `order`. */
    private readonly suffixMin: Float64Array[] = [];
    /** Per stage: the musts by score, highest first, and by effort, smallest first. */
    private readonly mustsByScore: Int32Array[] = [];
    private readonly mustsByEffort: Int32Array[] = [];
    /** Per must: its non-must prerequisites (transitively), null for none; and per item, how many musts need it. */
    private readonly mustClosure: Array<Int32Array | null>;
    private readonly share: Float64Array;
    private readonly plainCosts: Float64Array;
    private readonly closureCosts: Float64Array;
    /** Per stage: the largest score ÷ effort of its items (where the Lagrangian price search ends). */
    private readonly maxRatio: number[] = [];
    /** Ties mode, per stage: the zero-score non-musts the spec puts there (smallest first), and the items with a positive score by ratio. */
    private readonly zeroSpec: Int32Array[] = [];
    private readonly valuedByRatio: Int32Array[] = [];
    /** Ties mode, per stage: the musts the spec puts there. */
    private readonly mustSpec: Int32Array[] = [];
    /** Per stage and position of `order`: take the item first (1) or leave it out first (0). */
    private readonly includeFirst: Uint8Array[] = [];
    /** The previous item of the same symmetry class, -1 for none. */
    private readonly symPred: Int32Array;

    // State.
    private readonly placed: Int32Array;
    private readonly decided: Int32Array;
    private readonly rem: number[];
    private readonly mCount: Int32Array;
    private readonly sExact: bigint[];
    private moves = 0;
    private readonly logItem: number[] = [];
    private readonly logPrev: number[] = [];
    private readonly logKind: number[] = [];
    private readonly logStage: number[] = [];
    private readonly stamp: Int32Array;
    private stampCounter = 0;
    private readonly closure: Int32Array;
    private readonly work: Int32Array;

    // Depth-first stack.
    private readonly frameStage: number[] = [];
    private readonly frameCursor: number[] = [];
    private readonly frameItem: number[] = [];
    private readonly frameMark: number[] = [];
    private readonly framePending: number[] = [];
    private k: number;
    private c = 0;
    private finished = false;
    private best: Incumbent | null;

    // The last bound's parts (no allocation per node).
    private boundMusts = 0;
    private boundExtra = 0;
    private boundTerms = 0;
    private boundAbs = 0;
    private boundRatio = 0;
    private readonly missingCache: Array<{ score: bigint; target: bigint; sign: number; needed: number } | undefined> = [];

    constructor(
        shared: Shared,
        mode: 'value' | 'ties',
        private readonly from: number,
        private readonly to: number,
        placedBefore: Int32Array,
        best: Incumbent | null,
        private readonly target: Incumbent | null,
        /** Do not stop for a limit before the first complete plan. */
        private readonly diveFirst: boolean
    ) {
        const input = shared.input;
        this.input = input;
        this.n = shared.n;
        this.K = shared.K;
        this.dependents = shared.dependents;
        this.ties = mode === 'ties';
        this.active = this.ties ? new Uint8Array(this.n).fill(1) : shared.core;
        this.best = best;
        this.k = from;
        const n = this.n;
        this.placed = placedBefore.slice();
        this.decided = new Int32Array(n).fill(-1);
        this.stamp = new Int32Array(n);
        this.closure = new Int32Array(n);
        this.work = new Int32Array(n);
        this.rem = input.capacity.slice();
        this.mCount = new Int32Array(this.K);
        this.sExact = new Array<bigint>(this.K).fill(0n);
        for (let i = 0; i < n; i++) {
            const stage = this.placed[i];
            if (stage < 0) continue;
            this.rem[stage] -= input.effort[i];
            if (input.must[i]) this.mCount[stage]++;
            this.sExact[stage] += input.scoreExact[i];
        }
        if (this.ties) {
            // Moves no stage can avoid: the spec's stage is outside the item's domain.
            for (let i = 0; i < n; i++) {
                const spec = input.spec[i];
                if (spec >= 0 && (spec < input.lo[i] || spec > input.hi[i])) this.moves++;
            }
        }
        this.symPred = this.symmetry();
        this.mustClosure = new Array<Int32Array | null>(n).fill(null);
        this.share = new Float64Array(n);
        this.plainCosts = new Float64Array(n);
        this.closureCosts = new Float64Array(n);
        this.mustCosts();
        for (let stage = from; stage <= to; stage++) this.prepareStage(stage);
    }

    /** Identical independent items: same effort, exact score, must, domain (and spec for ties). */
    private symmetry(): Int32Array {
        const input = this.input;
        const pred = new Int32Array(this.n).fill(-1);
        const last = new Map<string, number>();
        for (let i = 0; i < this.n; i++) {
            if (!this.active[i] || input.prereqs[i].length > 0) continue;
            if (this.dependents[i].some(d => this.active[d])) continue;
            const key = `${input.effort[i]}|${input.scoreExact[i]}|${input.must[i] ? 1 : 0}|${input.lo[i]}|${input.hi[i]}${this.ties ? `|${input.spec[i]}` : ''}`;
            const previous = last.get(key);
            if (previous !== undefined) pred[i] = previous;
            last.set(key, i);
        }
        return pred;
    }

    /** Each active must's non-must prerequisites (transitively, unplaced) and how many musts share each. */
    private mustCosts(): void {
        const { input, active, placed } = this;
        const seen = new Int32Array(this.n).fill(-1);
        for (let i = 0; i < this.n; i++) {
            if (!active[i] || !input.must[i] || input.prereqs[i].length === 0) continue;
            const found: number[] = [];
            const stack = [...input.prereqs[i]];
            while (stack.length > 0) {
                const q = stack.pop()!;
                if (seen[q] === i) continue;
                seen[q] = i;
                if (placed[q] >= 0) continue;
                if (!input.must[q]) found.push(q);
                stack.push(...input.prereqs[q]);
            }
            if (found.length === 0) continue;
            this.mustClosure[i] = Int32Array.from(found);
            for (const q of found) this.share[q]++;
        }
    }

    private prepareStage(stage: number): void {
        const input = this.input;
        const musts: number[] = [];
        const positives: number[] = [];
        const negatives: number[] = [];
        const zerosHere: number[] = [];
        const zerosLate: number[] = [];
        const zerosOther: number[] = [];
        for (let i = 0; i < this.n; i++) {
            if (!this.active[i] || input.lo[i] > stage || input.hi[i] < stage) continue;
            const sign = input.scoreExact[i];
            if (input.must[i]) musts.push(i);
            else if (sign > 0n) positives.push(i);
            else if (sign < 0n) negatives.push(i);
            else if (!this.ties || input.spec[i] === stage) zerosHere.push(i);
            else if (input.spec[i] >= 0 && input.spec[i] < stage) zerosLate.push(i);
            else zerosOther.push(i);
        }
        const e = input.effort;
        const s = input.score;
        // Musts cheapest first (counting their shares of prerequisites): as many as fit come first.
        const cost = (i: number) => {
            let total = e[i];
            for (const q of this.mustClosure[i] ?? []) if (this.placed[q] < 0) total += e[q] / this.share[q];
            return total;
        };
        const costs = new Map(musts.map(i => [i, cost(i)]));
        musts.sort((a, b) => costs.get(a)! - costs.get(b)! || s[b] - s[a] || a - b);
        positives.sort((a, b) => s[b] / e[b] - s[a] / e[a] || a - b);
        const order = [...musts, ...positives, ...zerosHere, ...zerosLate, ...negatives, ...zerosOther];
        const first = new Uint8Array(order.length);
        first.fill(1, 0, musts.length + positives.length + zerosHere.length + zerosLate.length);
        this.order[stage] = Int32Array.from(order);
        this.mustEnd[stage] = musts.length;
        this.positiveEnd[stage] = musts.length + positives.length;
        this.includeFirst[stage] = first;
        this.mustsByScore[stage] = Int32Array.from([...musts].sort((a, b) => s[b] - s[a] || a - b));
        this.mustsByEffort[stage] = Int32Array.from([...musts].sort((a, b) => e[a] - e[b] || a - b));
        this.maxRatio[stage] = order.reduce((max, i) => Math.max(max, s[i] / e[i]), 0);
        if (this.ties) {
            this.zeroSpec[stage] = Int32Array.from(zerosHere.sort((a, b) => e[a] - e[b] || a - b));
            this.mustSpec[stage] = Int32Array.from(musts.filter(i => input.spec[i] === stage));
            this.valuedByRatio[stage] = Int32Array.from([...musts, ...positives].filter(i => s[i] > 0).sort((a, b) => s[b] / e[b] - s[a] / e[a] || a - b));
        }
        const list = this.order[stage];
        const suffix = new Float64Array(list.length + 1);
        suffix[list.length] = Infinity;
        for (let p = list.length - 1; p >= 0; p--) suffix[p] = Math.min(suffix[p + 1], e[list[p]]);
        this.suffixMin[stage] = suffix;
    }

    /** The best complete plan found so far (its placement), or null. */
    bestPlaced(): Int32Array | null {
        return this.best ? this.best.placed.slice() : null;
    }

    incumbent(): Incumbent | null {
        return this.best;
    }

    run(budget: Budget): RunStatus {
        if (this.finished) return 'done';
        const { placed, decided, rem } = this;
        for (;;) {
            budget.nodes++;
            if (this.best !== null || !this.diveFirst) {
                if (budget.nodes >= budget.stopNodes) return 'stopped';
                if (budget.nodes % CLOCK_EVERY === 0) {
                    const now = performance.now();
                    if (now >= budget.stopTime) return 'stopped';
                    if (now >= budget.sliceEnd) return 'paused';
                }
            }
            const k = this.k;
            if (k <= this.to) {
                const list = this.order[k];
                let c = this.c;
                while (c < list.length && (placed[list[c]] >= 0 || decided[list[c]] === k)) c++;
                // Nothing left in the stage fits: the stage is complete.
                if (c < list.length && rem[k] < this.suffixMin[k][c]) c = list.length;
                if (c === list.length) {
                    this.k = k + 1;
                    this.c = 0;
                    continue;
                }
                this.c = c;
            }
            if (this.k > this.to) {
                this.leaf();
                if (!this.backtrack()) {
                    this.finished = true;
                    return 'done';
                }
                continue;
            }
            if (this.prune()) {
                if (!this.backtrack()) {
                    this.finished = true;
                    return 'done';
                }
                continue;
            }
            const item = this.order[k][this.c];
            const mark = this.logItem.length;
            if (this.includeFirst[k][this.c]) {
                if (this.tryInclude(item, k)) this.pushFrame(k, this.c, item, mark, PENDING_EXCLUDE);
                else this.exclude(item, k);
            } else {
                this.exclude(item, k);
                this.pushFrame(k, this.c, item, mark, PENDING_INCLUDE);
            }
        }
    }

    private pushFrame(stage: number, cursor: number, item: number, mark: number, pending: number): void {
        this.frameStage.push(stage);
        this.frameCursor.push(cursor);
        this.frameItem.push(item);
        this.frameMark.push(mark);
        this.framePending.push(pending);
    }

    private popFrame(): void {
        this.frameStage.pop();
        this.frameCursor.pop();
        this.frameItem.pop();
        this.frameMark.pop();
        this.framePending.pop();
    }

    /** Back to the deepest frame with a branch left, taking that branch; false when none is left. */
    private backtrack(): boolean {
        while (this.frameStage.length > 0) {
            const f = this.frameStage.length - 1;
            this.undoTo(this.frameMark[f]);
            const pending = this.framePending[f];
            const stage = this.frameStage[f];
            const item = this.frameItem[f];
            this.framePending[f] = NONE;
            if (pending === PENDING_EXCLUDE) {
                this.exclude(item, stage);
                this.k = stage;
                this.c = this.frameCursor[f];
                return true;
            }
            if (pending === PENDING_INCLUDE && this.tryInclude(item, stage)) {
                this.k = stage;
                this.c = this.frameCursor[f];
                return true;
            }
            this.popFrame();
        }
        return false;
    }

    /** Puts an item and its unplaced prerequisites into stage k, if they may go there and fit. */
    private tryInclude(item: number, k: number): boolean {
        const { input, placed, decided, active, symPred, stamp, closure, work } = this;
        const mark = ++this.stampCounter;
        let top = 0;
        let count = 0;
        let effort = 0;
        work[top++] = item;
        stamp[item] = mark;
        while (top > 0) {
            const x = work[--top];
            if (!active[x] || decided[x] === k || input.lo[x] > k || input.hi[x] < k) return false;
            const p = symPred[x];
            if (p >= 0 && placed[p] < 0) return false;
            effort += input.effort[x];
            if (effort > this.rem[k]) return false;
            closure[count++] = x;
            for (const q of input.prereqs[x]) {
                if (placed[q] < 0 && stamp[q] !== mark) {
                    stamp[q] = mark;
                    work[top++] = q;
                }
            }
        }
        for (let t = 0; t < count; t++) {
            const x = closure[t];
            this.log(x, 1, k);
            placed[x] = k;
            decided[x] = k;
            this.rem[k] -= input.effort[x];
            if (input.must[x]) this.mCount[k]++;
            this.sExact[k] += input.scoreExact[x];
            if (this.placementMoves(x, k)) this.moves++;
        }
        return true;
    }

    /** Leaves an item out of stage k, and with it whatever requires it. */
    private exclude(item: number, k: number): void {
        const { input, placed, decided, active, stamp, work } = this;
        const mark = ++this.stampCounter;
        let top = 0;
        work[top++] = item;
        stamp[item] = mark;
        while (top > 0) {
            const x = work[--top];
            if (active[x] && placed[x] < 0 && decided[x] !== k && input.lo[x] <= k && input.hi[x] >= k) {
                this.log(x, 0, k);
                decided[x] = k;
                if (input.spec[x] === k) this.moves++;
            }
            for (const d of this.dependents[x]) {
                if (stamp[d] !== mark) {
                    stamp[d] = mark;
                    work[top++] = d;
                }
            }
        }
    }

    private log(item: number, kind: number, stage: number): void {
        this.logItem.push(item);
        this.logPrev.push(this.decided[item]);
        this.logKind.push(kind);
        this.logStage.push(stage);
    }

    private undoTo(mark: number): void {
        const { input, placed, decided } = this;
        while (this.logItem.length > mark) {
            const x = this.logItem.pop()!;
            const previous = this.logPrev.pop()!;
            const kind = this.logKind.pop()!;
            const stage = this.logStage.pop()!;
            decided[x] = previous;
            if (kind === 1) {
                placed[x] = -1;
                this.rem[stage] += input.effort[x];
                if (input.must[x]) this.mCount[stage]--;
                this.sExact[stage] -= input.scoreExact[x];
                if (this.placementMoves(x, stage)) this.moves--;
            } else if (input.spec[x] === stage) {
                this.moves--;
            }
        }
    }

    /**
     * Whether placing item x in stage k makes it a move not counted yet: it has no spec stage,
     * or comes before it. (One after it was counted when it was left out of its spec stage;
     * a spec stage outside the domain was counted at the start.)
     */
    private placementMoves(x: number, k: number): boolean {
        const spec = this.input.spec[x];
        return spec < 0 || (k < spec && spec <= this.input.hi[x] && spec >= this.input.lo[x]);
    }

    private available(i: number, stage: number): boolean {
        return this.active[i] === 1 && this.placed[i] < 0 && this.decided[i] !== stage;
    }

    /**
     * Bounds what stage j can still add: `boundMusts` more musts at most, and, with that many,
     * at most `boundExtra` more score (the musts' best scores plus the fractional knapsack of
     * the positive non-musts in the capacity left after the smallest musts). `boundTerms` = 0
     * when that bound is exactly 0 (nothing can be added).
     */
    private bound(j: number, cursor: number): void {
        const { input, placed, decided, active } = this;
        const list = this.order[j];
        const rem = this.rem[j];
        // How many more musts fit: smallest costs first, a must's cost being its effort plus,
        // for each unplaced non-must prerequisite, that one's effort divided among the musts
        // that need it (their sum never exceeds what the musts' closure takes).
        const plain = this.plainCosts;
        const closed = this.closureCosts;
        let plainCount = 0;
        let closedCount = 0;
        // Past the musts in decision order, every must is decided: none can be added.
        const byEffort = cursor >= this.mustEnd[j] ? NO_ITEMS : this.mustsByEffort[j];
        for (let p = 0; p < byEffort.length; p++) {
            const i = byEffort[p];
            if (!this.available(i, j)) continue;
            const prerequisites = this.mustClosure[i];
            if (prerequisites === null) {
                plain[plainCount++] = input.effort[i];
                continue;
            }
            let cost = input.effort[i];
            let possible = true;
            for (const q of prerequisites) {
                if (placed[q] >= 0) continue;
                if (!active[q] || decided[q] === j || input.lo[q] > j || input.hi[q] < j) { possible = false; break; }
                cost += input.effort[q] / this.share[q];
            }
            if (possible) closed[closedCount++] = cost;
        }
        if (closedCount > 1) closed.subarray(0, closedCount).sort();
        let musts = 0;
        let used = 0;
        const limit = rem + 1e-9 * (Math.abs(rem) + 1);
        for (let a = 0, b = 0; a < plainCount || b < closedCount;) {
            const cost = b >= closedCount || (a < plainCount && plain[a] <= closed[b]) ? plain[a++] : closed[b++];
            if (used + cost > limit) break;
            used += cost;
            musts++;
        }
        // The capacity the new musts take at least: the smallest efforts among them.
        let mustEffort = 0;
        if (musts > 0) {
            const byEffort = this.mustsByEffort[j];
            for (let p = 0, taken = 0; p < byEffort.length && taken < musts; p++) {
                const i = byEffort[p];
                if (!this.available(i, j)) continue;
                mustEffort += input.effort[i];
                taken++;
            }
        }
        let extra = 0;
        let terms = 0;
        let abs = 0;
        if (musts > 0) {
            const byScore = this.mustsByScore[j];
            let taken = 0;
            for (let p = 0; p < byScore.length && taken < musts; p++) {
                const i = byScore[p];
                if (!this.available(i, j)) continue;
                extra += input.score[i];
                abs += Math.abs(input.score[i]);
                terms++;
                taken++;
            }
        }
        let capacity = rem - mustEffort;
        let ratio = 0;
        for (let p = Math.max(cursor, this.mustEnd[j]); p < this.positiveEnd[j]; p++) {
            const i = list[p];
            if (!this.available(i, j)) continue;
            const effort = input.effort[i];
            const score = input.score[i];
            if (capacity <= 0) {
                // The first item left out: its ratio prices capacity in the Lagrangian bound.
                ratio = score / effort;
                break;
            }
            terms++;
            if (effort <= capacity) {
                capacity -= effort;
                extra += score;
                abs += score;
            } else {
                extra += score * capacity / effort;
                abs += score;
                capacity = 0;
                ratio = score / effort;
                break;
            }
        }
        this.boundRatio = ratio;
        this.boundMusts = musts;
        this.boundExtra = extra;
        this.boundTerms = terms;
        this.boundAbs = abs;
    }

    /**
     * With new musts, a tighter score bound, from Lagrangian relaxation of the capacity at a
     * price μ ≥ 0 per unit: any plan placing exactly `boundMusts` more musts scores at most
     * g(μ) = μ·rem + the best `boundMusts` values of (s − μe) among the musts + Σ max(0, s − μe)
     * over the other items, for every μ ≥ 0. g is convex; μ is found by bisection on its
     * slope (rem minus the effort of what the maximum takes), which gives the bound of the
     * linear relaxation. Keeps the lowest bound seen.
     */
    private tighten(j: number, cursor: number): void {
        const count = this.boundMusts;
        if (count === 0) return;
        const list = this.order[j];
        // The musts still available, once.
        let musts = 0;
        for (let p = Math.min(cursor, this.mustEnd[j]); p < this.mustEnd[j]; p++) {
            const i = list[p];
            if (this.available(i, j)) this.work[musts++] = i;
        }
        let low = 0;
        let high = this.maxRatio[j];
        this.lagrangian(j, cursor, this.boundRatio, count, musts);
        const steps = musts > 300 ? 8 : 16;
        for (let step = 0; step < steps; step++) {
            const mu = (low + high) / 2;
            if (this.lagrangian(j, cursor, mu, count, musts) > this.rem[j]) low = mu;
            else high = mu;
        }
        this.lagrangian(j, cursor, high, count, musts);
    }

    /** g(μ) (see tighten): lowers the bound to it when lower; returns the effort its maximum takes. */
    private lagrangian(j: number, cursor: number, mu: number, count: number, musts: number): number {
        const { input } = this;
        const list = this.order[j];
        const rem = this.rem[j];
        let value = mu * rem;
        let abs = Math.abs(value);
        let terms = 2;
        let used = 0;
        for (let p = Math.max(cursor, this.mustEnd[j]); p < this.positiveEnd[j]; p++) {
            const i = list[p];
            if (!this.available(i, j)) continue;
            const reduced = input.score[i] - mu * input.effort[i];
            if (reduced <= 0) break;
            value += reduced;
            abs += input.score[i] + mu * input.effort[i];
            used += input.effort[i];
            terms += 2;
        }
        const reduced = this.closureCosts;
        const items = this.plainCosts;
        for (let t = 0; t < musts; t++) {
            const i = this.work[t];
            reduced[t] = input.score[i] - mu * input.effort[i];
            items[t] = t;
            abs += Math.abs(input.score[i]) + mu * input.effort[i];
        }
        terms += 2 * musts;
        const take = Math.min(count, musts);
        selectLargest(items, musts, take, reduced);
        for (let t = 0; t < take; t++) {
            value += reduced[items[t]];
            used += input.effort[this.work[items[t]]];
        }
        if (value < this.boundExtra) {
            this.boundExtra = value;
            this.boundTerms = terms;
            this.boundAbs = abs;
        }
        return used;
    }

    /** Stage j's bound against a target (musts, exact score): -1 below it, 0 equal, 1 above or not known to be below. */
    private stageCompare(j: number, targetMusts: number, targetScore: bigint, cursor: number): number {
        this.bound(j, cursor);
        const musts = this.mCount[j] + this.boundMusts;
        if (musts !== targetMusts) return musts < targetMusts ? -1 : 1;
        // What the stage still needs, exactly (sign) and as a double; cached per stage, since
        // most nodes change neither the stage's score nor the target.
        let cache = this.missingCache[j];
        if (cache === undefined || cache.score !== this.sExact[j] || cache.target !== targetScore) {
            const missing = targetScore - this.sExact[j];
            cache = { score: this.sExact[j], target: targetScore, sign: missing > 0n ? 1 : missing < 0n ? -1 : 0, needed: exactToNumber(missing, this.input.scoreExponent) };
            this.missingCache[j] = cache;
        }
        if (this.boundTerms === 0) return cache.sign === 0 ? 0 : -cache.sign;
        if (cache.sign <= 0) return 1;
        const needed = cache.needed;
        if (this.below(needed)) return -1;
        if (this.boundMusts === 0) return 1;
        this.tighten(j, cursor);
        return this.below(needed) ? -1 : 1;
    }

    /** Whether the last bound is below `needed` by more than its rounding error could account for. */
    private below(needed: number): boolean {
        // Rounding error of the bound's float sum (γ_n ≤ n·u/(1 − n·u) of Σ|terms|), and of the conversion.
        const tolerance = this.boundAbs * (2 * this.boundTerms + 8) * 2 ** -53 + needed * 2 ** -51 + Number.MIN_VALUE;
        return this.boundExtra + tolerance < needed;
    }

    /** True when no plan below this node can beat the incumbent (value) or reach the target and beat it (ties). */
    private prune(): boolean {
        const k = this.k;
        if (!this.ties) {
            const best = this.best;
            if (!best) return false;
            for (let j = this.from; j < k; j++) {
                if (this.mCount[j] !== best.m[j]) return this.mCount[j] < best.m[j];
                if (this.sExact[j] !== best.s[j]) return this.sExact[j] < best.s[j];
            }
            for (let j = k; j <= this.to; j++) {
                const r = this.stageCompare(j, best.m[j], best.s[j], j === k ? this.c : 0);
                if (r !== 0) return r < 0;
            }
            return true;
        }
        if (!this.reachesTarget()) return true;
        const best = this.best;
        if (!best) return false;
        if (this.moves > best.moves) return true;
        const lower = this.moves + this.forcedMoves();
        if (lower !== best.moves) return lower > best.moves;
        return !this.rankOrderMayImprove(best);
    }

    /**
     * Ties mode: moves that the stages still to fill force, beyond those committed. In stage
     * j the valued items take at least max(the smallest efforts of the musts still needed,
     * the least capacity that reaches the stage's target score — a fractional fill by
     * ratio); of the undecided zero-score items whose spec stage is j, those that cannot all
     * fit in what is left (smallest first) must move. And musts: stage j takes exactly n_j
     * more and a_j undecided musts have spec j, so Σ max(0, a_j − n_j) of those cannot stay
     * and Σ max(0, n_j − a_j) placements are moves, less those that musts whose move is
     * already counted can fill (the larger of the two; they may overlap).
     */
    private forcedMoves(): number {
        const { input, target } = this;
        let forced = 0;
        // Musts: stage j takes exactly n_j more; a_j undecided musts have spec j.
        let staySurplus = 0;
        let placeSurplus = 0;
        for (let j = this.k; j <= this.to; j++) {
            const needed = target!.m[j] - this.mCount[j];
            let here = 0;
            for (const i of this.mustSpec[j]) if (this.available(i, j)) here++;
            if (here > needed) staySurplus += here - needed;
            else placeSurplus += needed - here;
        }
        // Placements may be filled, with no new move, by musts whose move is already counted.
        let counted = 0;
        for (let i = 0; i < this.n; i++) {
            if (!input.must[i] || this.placed[i] >= 0 || !this.active[i]) continue;
            const spec = input.spec[i];
            if (spec < 0) continue;
            if (spec < this.k || spec < input.lo[i] || spec > input.hi[i] || (spec === this.k && this.decided[i] === this.k)) counted++;
        }
        forced += Math.max(staySurplus, placeSurplus - counted);
        for (let j = this.k; j <= this.to; j++) {
            const candidates = this.zeroSpec[j];
            if (candidates.length === 0) continue;
            const rem = this.rem[j];
            // Musts still needed, smallest efforts first.
            let mustsNeeded = target!.m[j] - this.mCount[j];
            let mustEffort = 0;
            const byEffort = this.mustsByEffort[j];
            for (let p = 0; p < byEffort.length && mustsNeeded > 0; p++) {
                const i = byEffort[p];
                if (!this.available(i, j)) continue;
                mustEffort += input.effort[i];
                mustsNeeded--;
            }
            // The least capacity that reaches the score still missing, best ratios first (musts included).
            let scoreEffort = 0;
            let missing = exactToNumber(target!.s[j] - this.sExact[j], input.scoreExponent);
            const byRatio = this.valuedByRatio[j];
            for (let p = 0; p < byRatio.length && missing > 0; p++) {
                const i = byRatio[p];
                if (!this.available(i, j)) continue;
                const score = input.score[i];
                if (score >= missing) {
                    scoreEffort += input.effort[i] * (missing / score);
                    missing = 0;
                } else {
                    scoreEffort += input.effort[i];
                    missing -= score;
                }
            }
            // Rounding may only make the room larger (a weaker, still valid bound).
            const room = rem - Math.max(mustEffort, scoreEffort * (1 - 1e-9)) + 1e-9 * (Math.abs(rem) + 1);
            let count = 0;
            let fit = 0;
            let used = 0;
            for (let p = 0; p < candidates.length; p++) {
                const i = candidates[p];
                if (!this.available(i, j)) continue;
                count++;
                if (used + input.effort[i] <= room) {
                    used += input.effort[i];
                    fit++;
                }
            }
            forced += count - fit;
        }
        return forced;
    }

    /** Ties mode: whether the (musts, score) bound of this node still reaches the target. */
    private reachesTarget(): boolean {
        const target = this.target!;
        const k = this.k;
        for (let j = this.from; j < k && j <= this.to; j++) {
            if (this.mCount[j] !== target.m[j] || this.sExact[j] !== target.s[j]) return false;
        }
        for (let j = k; j <= this.to; j++) {
            const r = this.stageCompare(j, target.m[j], target.s[j], j === k ? this.c : 0);
            if (r < 0) return false;
            if (r > 0) break;
        }
        return true;
    }

    /**
     * Whether a plan below this node may come earlier in rank order than the incumbent: each
     * item's earliest possible stage (after its prerequisites'), compared in rank order.
     */
    private rankOrderMayImprove(best: Incumbent): boolean {
        const { input, placed, decided, K } = this;
        const earliest = this.work;
        const k = this.k;
        for (let i = 0; i < this.n; i++) {
            let lower: number;
            if (placed[i] >= 0) {
                lower = placed[i];
            } else {
                lower = Math.max(decided[i] === k ? k + 1 : k, input.lo[i]);
                for (const p of input.prereqs[i]) if (p < i && earliest[p] > lower) lower = earliest[p];
                if (lower > input.hi[i]) lower = K;
            }
            earliest[i] = lower;
            const incumbent = best.placed[i] < 0 ? K : best.placed[i];
            if (lower !== incumbent) return lower < incumbent;
        }
        return false;
    }

    private leaf(): void {
        const { input } = this;
        const best = this.best;
        if (!this.ties) {
            if (best) {
                let better = false;
                for (let j = this.from; j <= this.to; j++) {
                    if (this.mCount[j] !== best.m[j]) { better = this.mCount[j] > best.m[j]; break; }
                    if (this.sExact[j] !== best.s[j]) { better = this.sExact[j] > best.s[j]; break; }
                }
                if (!better) return;
            }
            this.best = { placed: this.placed.slice(), m: this.mCount.slice(), s: this.sExact.slice(), moves: 0 };
            return;
        }
        const target = this.target!;
        for (let j = this.from; j <= this.to; j++) {
            if (this.mCount[j] !== target.m[j] || this.sExact[j] !== target.s[j]) return;
        }
        let moves = 0;
        for (let i = 0; i < this.n; i++) if (this.placed[i] !== input.spec[i]) moves++;
        if (best) {
            if (moves > best.moves) return;
            if (moves === best.moves) {
                let earlier = false;
                for (let i = 0; i < this.n; i++) {
                    const a = this.placed[i] < 0 ? this.K : this.placed[i];
                    const b = best.placed[i] < 0 ? this.K : best.placed[i];
                    if (a !== b) { earlier = a < b; break; }
                }
                if (!earlier) return;
            }
        }
        this.best = { placed: this.placed.slice(), m: this.mCount.slice(), s: this.sExact.slice(), moves };
    }

    /** Stage j's component of the current node's bound vector: exact before k, a bound from k on. */
    private component(j: number, cheap: boolean): { m: number; s: number; sExact: bigint | null } {
        const exponent = this.input.scoreExponent;
        if (j < this.k || j < this.from || j > this.to) {
            return { m: this.mCount[j], s: exactToNumber(this.sExact[j], exponent), sExact: this.sExact[j] };
        }
        const cursor = j === this.k ? this.c : 0;
        this.bound(j, cursor);
        if (!cheap) this.tighten(j, cursor);
        return {
            m: this.mCount[j] + this.boundMusts,
            s: exactToNumber(this.sExact[j], exponent) + this.boundExtra,
            sExact: this.boundTerms === 0 ? this.sExact[j] : null
        };
    }

    /**
     * Raises `top` to the current node's bound vector when that is lexicographically larger,
     * computing components only as far as needed (most open nodes fall below at once).
     */
    private raise(top: BoundVector): BoundVector {
        for (let j = 0; j < this.K; j++) {
            let part = this.component(j, true);
            let order = compareComponent(part, top, j);
            if (order >= 0 && part.sExact === null && j >= this.k) {
                part = this.component(j, false);
                order = compareComponent(part, top, j);
            }
            if (order < 0) return top;
            if (order > 0) {
                const vector: BoundVector = { m: top.m.slice(0, j), s: top.s.slice(0, j), sExact: top.sExact.slice(0, j) };
                vector.m.push(part.m);
                vector.s.push(part.s);
                vector.sExact.push(part.sExact);
                for (let rest = j + 1; rest < this.K; rest++) {
                    const next = this.component(rest, false);
                    vector.m.push(next.m);
                    vector.s.push(next.s);
                    vector.sExact.push(next.sExact);
                }
                return vector;
            }
        }
        return top;
    }

    /** Visits the open nodes of a stopped search (the current one, then each branch left on the stack). */
    private visitOpenNodes(visit: () => void, until = Infinity): void {
        if (!this.finished) visit();
        for (let f = this.frameStage.length - 1; f >= 0; f--) {
            this.undoTo(this.frameMark[f]);
            if (performance.now() > until) {
                // Out of time: the search's root bounds every plan, so it covers the nodes left.
                this.undoTo(0);
                this.k = this.from;
                this.c = 0;
                visit();
                break;
            }
            const pending = this.framePending[f];
            const stage = this.frameStage[f];
            const item = this.frameItem[f];
            let open = false;
            if (pending === PENDING_EXCLUDE) {
                this.exclude(item, stage);
                open = true;
            } else if (pending === PENDING_INCLUDE) {
                open = this.tryInclude(item, stage);
            }
            if (open) {
                this.k = stage;
                this.c = this.frameCursor[f];
                visit();
            }
            this.undoTo(this.frameMark[f]);
        }
        this.finished = true;
    }

    /**
     * Value mode, after a stop: the lexicographic maximum of `top` and the open nodes' bound
     * vectors, by `until` (then the root's bound stands for the nodes not visited).
     */
    openBound(top: BoundVector, until = Infinity): BoundVector {
        let result = top;
        this.visitOpenNodes(() => { result = this.raise(result); }, until);
        return result;
    }

    /** Ties mode, after a stop: the fewest moves any open node that can reach the target may have. */
    openMovesBound(): number {
        let lower = this.best ? this.best.moves : Infinity;
        this.visitOpenNodes(() => {
            if (this.reachesTarget()) lower = Math.min(lower, this.moves + this.forcedMoves());
        });
        return lower;
    }
}
