import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DRIVERS, forecast, iceScore, KANO_DRIVER_VALUE, opportunityScore, riceScore, weightedTerms, wsjfScore, type Driver, type ForecastInputs } from './formulas.js';
import { effectiveScoresInto, RankOrderer, rankingFrame } from './ranking.js';
import { UNCERTAINTY_LIMITS, type FeatureModel, type ForecastCase, type Method, type ProductModel, type Ranking } from './types.js';

export { UNCERTAINTY_LIMITS };
import type { Estimate } from './values.js';

/**
 * How sure a rank and a forecast are (decide.md §2): every range is drawn independently,
 * N times, and each draw is scored, ranked and forecast by the same rules as the means.
 *
 * The generator is pure-rand's xoroshiro128+ seeded with `--seed`, one per product ranked
 * and one per forecast case; a draw takes one uniform double per range (pure-rand's
 * `uniformFloat64`, 53 bits from two outputs) in a fixed order: the product's features in
 * text order and, per feature, the ranges its method reads (RICE reach, impact, confidence,
 * effort; ICE impact, confidence, ease; WSJF value, criticality, risk, size; `weighted`
 * reads all of these); for `weighted`, then each addressed need's importance and
 * satisfaction, in the order the features first address them; then each feature's
 * `effort` when it is a range not drawn yet. A forecast's ranges are drawn in the
 * order price, customers, fixed cost, variable cost, growth, churn. A value written once and
 * read twice (an effort used by RICE and by the tie rule) is one draw. So the same seed
 * gives the same bytes on every machine. A uniform range is lo + u·(hi − lo); a triangular
 * one is its inverse distribution function at u.
 */


export interface UncertaintyOptions {
    readonly samples: number;
    readonly seed: number;
    readonly top: number;
}

/**
 * The draws the editor shows (hover, ranking view): the CLI's defaults, so both agree, and
 * only up to `maxWork` ranked features × samples (about a second on this 2-core machine),
 * since a request waits for them.
 */
export const EDITOR_DRAWS = { samples: UNCERTAINTY_LIMITS.samples.default, seed: UNCERTAINTY_LIMITS.seed.default, top: UNCERTAINTY_LIMITS.top.default, maxWork: 10_000_000 } as const;

/** Why the editor shows no draws of a product: it has no range, or it is too big to draw while a request waits. */
export type EditorDraws = { kind: 'drawn'; ranks: Map<FeatureModel, RankUncertainty> } | { kind: 'no-ranges' } | { kind: 'too-big'; ranked: number };

const defaultDraws = new WeakMap<Ranking, Map<FeatureModel, RankUncertainty> | null>();
/** Per ranking too big to draw in the editor: whether it reads any range. */
const rangesRead = new WeakMap<Ranking, boolean>();

/**
 * A ranking's draws with the CLI's defaults (10,000 draws, seed 1, top 3), or null when the
 * method reads no range: computed once per ranking, so once per workspace state (the model
 * is new with each), and shared by the hover, the ranking view and the docs.
 */
export function defaultRankUncertainty(product: ProductModel, ranking: Ranking = product.ranking): Map<FeatureModel, RankUncertainty> | null {
    let drawn = defaultDraws.get(ranking);
    if (drawn === undefined) {
        drawn = readsAnyRange(product, ranking.method) ? rankUncertainty(product, product.features, ranking.method, EDITOR_DRAWS, true) ?? null : null;
        defaultDraws.set(ranking, drawn);
    }
    return drawn;
}

/**
 * Whether a method reads any range of a product: a scan of the inputs, so that a hover on
 * a spec without ranges (the common case) costs nothing (building the ranking frame to find
 * out took 7 ms a hover on 2,000 features, 22 ms on 10,000: measured in `npm run bench`).
 */
function readsAnyRange(product: ProductModel, method: Method): boolean {
    const range = (estimate: Estimate | null | undefined) => estimate !== undefined && estimate !== null && estimate.kind !== 'exact';
    const reads = (driver: 'rice' | 'ice' | 'wsjf') => method === driver || method === 'weighted';
    return product.features.some(feature => range(feature.effortEstimate)
        || (['rice', 'ice', 'wsjf'] as const).some(driver => reads(driver) && (methodInputs(feature, driver) ?? []).some(([estimate]) => range(estimate)))
        || (method === 'weighted' && feature.addresses.some(need => range(need.importance) || range(need.satisfaction))));
}

/** A product's draws for the editor: the default draws, unless the product is too big to draw while a request waits. */
export function editorRankUncertainty(product: ProductModel, ranking: Ranking = product.ranking): EditorDraws {
    const ranked = ranking.rankedCount;
    if (ranked * EDITOR_DRAWS.samples > EDITOR_DRAWS.maxWork) {
        let ranged = rangesRead.get(ranking);
        if (ranged === undefined) rangesRead.set(ranking, ranged = readsAnyRange(product, ranking.method));
        return ranged ? { kind: 'too-big', ranked } : { kind: 'no-ranges' };
    }
    const ranks = defaultRankUncertainty(product, ranking);
    return ranks ? { kind: 'drawn', ranks } : { kind: 'no-ranges' };
}

export interface RankUncertainty {
    samples: number;
    seed: number;
    rankP10: number;
    rankP50: number;
    rankP90: number;
    pTop: number;
    pFirst: number;
    stable: boolean;
}

/**
 * The draws of one generator: a slot per range, redrawn together. The ranges are copied
 * into typed arrays once, so a draw reads no estimate object (measured: a third of the time).
 */
class Draws {
    private readonly slots: Estimate[] = [];
    private readonly slotOf = new Map<object, number>();
    values = new Float64Array(0);
    private low = new Float64Array(0);
    private high = new Float64Array(0);
    private span = new Float64Array(0);
    /** Triangular: the share of the range below the mode; uniform: -1. */
    private cut = new Float64Array(0);
    private below = new Float64Array(0);
    private above = new Float64Array(0);

    /** A getter for an input: its slot when it is a range, else its mean. */
    input(estimate: Estimate | undefined, mean: number): () => number {
        const index = this.slot(estimate);
        if (index < 0) return () => mean;
        return () => this.values[index];
    }

    /** The slot of a range (registering it on first use), or -1 for an exact value. */
    slot(estimate: Estimate | undefined): number {
        if (!estimate || estimate.kind === 'exact') return -1;
        const key = estimate.source ?? estimate;
        let slot = this.slotOf.get(key);
        if (slot === undefined) {
            slot = this.slots.length;
            this.slots.push(estimate);
            this.slotOf.set(key, slot);
        }
        return slot;
    }

    get count(): number { return this.slots.length; }

    start(): void {
        const count = this.slots.length;
        this.values = new Float64Array(count);
        this.low = new Float64Array(count);
        this.high = new Float64Array(count);
        this.span = new Float64Array(count);
        this.cut = new Float64Array(count);
        this.below = new Float64Array(count);
        this.above = new Float64Array(count);
        this.slots.forEach((estimate, slot) => {
            const { low, high } = estimate;
            this.low[slot] = low;
            this.high[slot] = high;
            this.span[slot] = high - low;
            const triangular = estimate.kind === 'triangular' && high > low;
            this.cut[slot] = triangular ? (estimate.mode! - low) / (high - low) : -1;
            this.below[slot] = triangular ? (high - low) * (estimate.mode! - low) : 0;
            this.above[slot] = triangular ? (high - low) * (high - estimate.mode!) : 0;
        });
    }

    /** One draw of every range: uniform lo + u·(hi − lo), triangular by its inverse distribution function at u. */
    next(rng: ReturnType<typeof xoroshiro128plus>): void {
        const { values, low, high, span, cut, below, above } = this;
        for (let slot = 0; slot < values.length; slot++) {
            const u = uniformFloat64(rng);
            const share = cut[slot];
            values[slot] = share < 0 ? low[slot] + u * span[slot]
                : u < share ? low[slot] + Math.sqrt(u * below[slot]) : high[slot] - Math.sqrt((1 - u) * above[slot]);
        }
    }
}

/**
 * A feature's score by each driver in the current draw (NaN: no input), registering its
 * ranges with the draws in the documented order.
 */
function driversOf(feature: FeatureModel, draws: Draws): Record<Driver, () => number> {
    const getters = (driver: 'rice' | 'ice' | 'wsjf') => methodInputs(feature, driver)?.map(([estimate, mean]) => draws.input(estimate, mean));
    const r = getters('rice');
    const i = getters('ice');
    const w = getters('wsjf');
    const ice = feature.iceInputs;
    const kano = feature.kano ? KANO_DRIVER_VALUE[feature.kano.category] : NaN;
    const moscow = feature.moscowScore ?? NaN;
    return {
        rice: () => (r ? riceScore(r[0](), r[1](), r[2](), r[3]()) : NaN),
        ice: () => (i ? iceScore(i[0](), i[1](), i[2](), ice!.mode) : NaN),
        wsjf: () => (w ? wsjfScore(w[0](), w[1](), w[2](), w[3]()) : NaN),
        kano: () => kano,
        moscow: () => moscow,
        opportunity: () => NaN
    };
}

/**
 * The inputs of one method for every feature, as typed arrays: each input is a slot of the
 * draws or a constant, so scoring a draw allocates nothing and calls no closure (measured:
 * half the time of 1,000 features × 10,000 draws). Registers the ranges in the documented order.
 */
/** A feature's inputs of RICE, ICE or WSJF in the documented order, each its range (if it is one) and its mean. */
function methodInputs(feature: FeatureModel, method: 'rice' | 'ice' | 'wsjf'): Array<[Estimate | undefined, number]> | undefined {
    if (method === 'rice') {
        const rice = feature.riceInputs;
        return rice ? [[rice.ranges.reach, rice.reach], [rice.ranges.impact, rice.impact], [rice.ranges.confidence, rice.confidence], [rice.ranges.effort, rice.effort]] : undefined;
    }
    if (method === 'ice') {
        const ice = feature.iceInputs;
        return ice ? [[ice.ranges.impact, ice.impact], [ice.ranges.confidence, ice.confidence], [ice.ranges.ease, ice.ease]] : undefined;
    }
    const wsjf = feature.wsjfInputs;
    return wsjf ? [[wsjf.ranges.value, wsjf.value], [wsjf.ranges.criticality, wsjf.criticality], [wsjf.ranges.risk, wsjf.risk], [wsjf.ranges.size, wsjf.size]] : undefined;
}

function singleMethodInputs(features: readonly FeatureModel[], method: Driver, draws: Draws) {
    const count = features.length;
    const slots = new Int32Array(count * 4).fill(-1);
    const constants = new Float64Array(count * 4);
    const scored = new Uint8Array(count);
    const fixed = new Float64Array(count).fill(NaN);
    const product = new Uint8Array(count);
    features.forEach((feature, index) => {
        const inputs = method === 'rice' || method === 'ice' || method === 'wsjf' ? methodInputs(feature, method) : undefined;
        if (inputs) {
            scored[index] = 1;
            inputs.forEach(([estimate, mean], k) => { slots[index * 4 + k] = draws.slot(estimate); constants[index * 4 + k] = mean; });
            product[index] = method === 'ice' && feature.iceInputs!.mode === 'product' ? 1 : 0;
        } else if (method === 'kano' && feature.kano) {
            fixed[index] = KANO_DRIVER_VALUE[feature.kano.category];
        } else if (method === 'moscow' && feature.moscowScore !== null && feature.moscowScore !== undefined) {
            fixed[index] = feature.moscowScore;
        }
    });
    return {
        scoreInto(values: Float64Array, own: Float64Array): void {
            for (let index = 0; index < count; index++) {
                if (!scored[index]) { own[index] = fixed[index]; continue; }
                const at = index * 4;
                const a = slots[at] < 0 ? constants[at] : values[slots[at]];
                const b = slots[at + 1] < 0 ? constants[at + 1] : values[slots[at + 1]];
                const c = slots[at + 2] < 0 ? constants[at + 2] : values[slots[at + 2]];
                if (method === 'ice') { own[index] = iceScore(a, b, c, product[index] ? 'product' : 'average'); continue; }
                const d = slots[at + 3] < 0 ? constants[at + 3] : values[slots[at + 3]];
                own[index] = method === 'rice' ? riceScore(a, b, c, d) : wsjfScore(a, b, c, d);
            }
        }
    };
}

/**
 * Rank percentiles (nearest-rank), P(top K) and P(first) of a product's ranked features
 * over `samples` draws (decide.md §2). Without ranges every draw is the deterministic
 * ranking, so p10 = p50 = p90 = rank and the probabilities are exactly 0 or 1.
 */
export function rankUncertainty(product: ProductModel, features: readonly FeatureModel[], method: Method, options: UncertaintyOptions): Map<FeatureModel, RankUncertainty>;
/** With `onlyWithRanges`: undefined when the method reads no range, so nothing would vary. */
export function rankUncertainty(product: ProductModel, features: readonly FeatureModel[], method: Method, options: UncertaintyOptions, onlyWithRanges: true): Map<FeatureModel, RankUncertainty> | undefined;
export function rankUncertainty(product: ProductModel, features: readonly FeatureModel[], method: Method, options: UncertaintyOptions, onlyWithRanges = false): Map<FeatureModel, RankUncertainty> | undefined {
    const { samples, seed, top } = options;
    const count = features.length;
    const frame = rankingFrame(features);
    const draws = new Draws();
    const weightedMethod = method === 'weighted';
    // Per feature, its opportunity in this draw (weighted only): the best of its needs'.
    const needGetters = new Map<object, () => number>();
    const opportunityOf = (feature: FeatureModel): (() => number) => {
        const needs = feature.addresses.filter(need => need.importance && need.satisfaction).map(need => {
            let getter = needGetters.get(need);
            if (!getter) {
                const importance = draws.input(need.importance, need.importance!.mean);
                const satisfaction = draws.input(need.satisfaction, need.satisfaction!.mean);
                getter = () => opportunityScore(importance(), satisfaction());
                needGetters.set(need, getter);
            }
            return getter;
        });
        if (needs.length === 0) return () => NaN;
        return () => { let best = -Infinity; for (const need of needs) best = Math.max(best, need()); return best; };
    };
    // Only the ranges the method reads are drawn: a RICE ranking draws no ICE range.
    const drivers = weightedMethod ? features.map(feature => driversOf(feature, draws)) : [];
    if (weightedMethod) features.forEach((feature, index) => { drivers[index].opportunity = opportunityOf(feature); });
    const single = weightedMethod ? undefined : singleMethodInputs(features, method as Driver, draws);
    const effortSlot = Int32Array.from(features, feature => draws.slot(feature.effortEstimate ?? undefined));
    const effortMean = Float64Array.from(features, feature => feature.effort ?? Infinity);
    if (onlyWithRanges && draws.count === 0) return undefined;
    draws.start();

    const rankedCount = frame.ranked.reduce((sum, flag) => sum + flag, 0);
    const keepDraws = rankedCount > samples;
    const width = keepDraws ? samples : Math.max(rankedCount, 1);
    const cells = new Int32Array(count * width);
    const first = new Int32Array(count);
    const inTop = new Int32Array(count);
    const own = new Float64Array(count);
    const effective = new Float64Array(count);
    const effort = new Float64Array(count);
    const order = new Int32Array(count);
    const orderer = new RankOrderer(frame);
    const rng = xoroshiro128plus(seed);
    const driverValues: Record<Driver, Float64Array> = Object.fromEntries(DRIVERS.map(driver => [driver, new Float64Array(count)])) as Record<Driver, Float64Array>;
    for (let sample = 0; sample < samples; sample++) {
        draws.next(rng);
        if (weightedMethod) {
            for (const driver of DRIVERS) for (let index = 0; index < count; index++) driverValues[driver][index] = drivers[index][driver]();
            const maxima: Partial<Record<Driver, number>> = {};
            for (const driver of DRIVERS) {
                let max = NaN;
                for (const value of driverValues[driver]) if (!Number.isNaN(value) && (Number.isNaN(max) || value > max)) max = value;
                if (!Number.isNaN(max)) maxima[driver] = max;
            }
            for (let index = 0; index < count; index++) {
                const values: Partial<Record<Driver, number | null>> = {};
                for (const driver of DRIVERS) { const value = driverValues[driver][index]; values[driver] = Number.isNaN(value) ? null : value; }
                own[index] = weightedTerms(values, maxima, product.scoring.weights).reduce((sum, term) => sum + term.term, 0);
            }
        } else {
            single!.scoreInto(draws.values, own);
        }
        const values = draws.values;
        for (let index = 0; index < count; index++) { const slot = effortSlot[index]; effort[index] = slot < 0 ? effortMean[index] : values[slot]; }
        effectiveScoresInto(frame, own, effective);
        const placed = orderer.orderInto(effective, effort, order);
        for (let position = 0; position < placed; position++) {
            const index = order[position];
            const rank = position + 1;
            if (keepDraws) cells[index * width + sample] = rank;
            else cells[index * width + position]++;
            if (rank === 1) first[index]++;
            if (rank <= top) inTop[index]++;
        }
    }

    const result = new Map<FeatureModel, RankUncertainty>();
    const percentile = (index: number, p: number): number => {
        const wanted = Math.max(1, Math.ceil((p / 100) * samples));
        if (keepDraws) {
            const ranks = cells.subarray(index * width, index * width + width).slice().sort();
            return ranks[wanted - 1];
        }
        let seen = 0;
        for (let rank = 1; rank <= width; rank++) {
            seen += cells[index * width + rank - 1];
            if (seen >= wanted) return rank;
        }
        return width;
    };
    features.forEach((feature, index) => {
        if (!frame.ranked[index]) return;
        const rankP10 = percentile(index, 10);
        const rankP90 = percentile(index, 90);
        let stable: boolean;
        if (keepDraws) {
            const ranks = cells.subarray(index * width, index * width + width);
            stable = ranks.every(rank => rank === ranks[0]);
        } else {
            stable = cells.subarray(index * width, index * width + width).filter(n => n > 0).length === 1;
        }
        result.set(feature, { samples, seed, rankP10, rankP50: percentile(index, 50), rankP90, pTop: inTop[index] / samples, pFirst: first[index] / samples, stable });
    });
    return result;
}

/** How much memory `rankUncertainty` needs, in ranks kept: a usage error above `UNCERTAINTY_LIMITS.rankCells`. */
export function rankCells(features: number, samples: number): number {
    return features * Math.min(features, samples);
}

export interface Percentiles { p10: number; p50: number; p90: number }
/** Percentiles of a month (null: not within the horizon in that share of draws). */
export interface MonthPercentiles { probability: number; p10: number | null; p50: number | null; p90: number | null }

export interface ForecastUncertainty {
    samples: number;
    seed: number;
    totals: { revenue: Percentiles; profit: Percentiles };
    months: Array<{ month: number; cumulativeProfit: Percentiles }>;
    breakEven: MonthPercentiles;
    cumulativeBreakEven: MonthPercentiles;
}

function percentilesOf(values: Float64Array): Percentiles {
    const sorted = values.slice().sort();
    const at = (p: number) => sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
    return { p10: at(10), p50: at(50), p90: at(90) };
}

function monthPercentiles(months: Float64Array): MonthPercentiles {
    const { p10, p50, p90 } = percentilesOf(months);
    const reached = months.reduce((sum, month) => sum + (Number.isFinite(month) ? 1 : 0), 0);
    const finite = (value: number) => (Number.isFinite(value) ? value : null);
    return { probability: reached / months.length, p10: finite(p10), p50: finite(p50), p90: finite(p90) };
}

/** Percentiles of a forecast case's totals and cumulative profit, and of both break-even months (decide.md §2). */
export function forecastUncertainty(forecastCase: ForecastCase, options: Omit<UncertaintyOptions, 'top'>): ForecastUncertainty | null {
    const inputs = forecastCase.inputs;
    if (!inputs) return null;
    const { samples, seed } = options;
    const draws = new Draws();
    const estimates = forecastCase.estimates;
    const getters = {
        price: draws.input(estimates.price, inputs.price),
        customers: draws.input(estimates.customers, inputs.customers),
        fixedCost: draws.input(estimates.fixedCost, inputs.fixedCost),
        variableCost: draws.input(estimates.variableCost, inputs.variableCost),
        growth: draws.input(estimates.growth, inputs.growth),
        churn: draws.input(estimates.churn, inputs.churn)
    };
    draws.start();
    const rng = xoroshiro128plus(seed);
    const revenue = new Float64Array(samples);
    const profit = new Float64Array(samples);
    const cumulative = Array.from({ length: inputs.months }, () => new Float64Array(samples));
    const breakEven = new Float64Array(samples);
    const cumulativeBreakEven = new Float64Array(samples);
    for (let sample = 0; sample < samples; sample++) {
        draws.next(rng);
        const drawn: ForecastInputs = {
            months: inputs.months, price: getters.price(), customers: getters.customers(), fixedCost: getters.fixedCost(),
            variableCost: getters.variableCost(), growth: getters.growth(), churn: getters.churn()
        };
        const result = forecast(drawn);
        revenue[sample] = result.totals.revenue;
        profit[sample] = result.totals.profit;
        result.months.forEach((month, index) => { cumulative[index][sample] = month.cumulativeProfit; });
        breakEven[sample] = result.breakEvenMonth ?? Infinity;
        cumulativeBreakEven[sample] = result.cumulativeBreakEvenMonth ?? Infinity;
    }
    return {
        samples, seed,
        totals: { revenue: percentilesOf(revenue), profit: percentilesOf(profit) },
        months: cumulative.map((values, index) => ({ month: index + 1, cumulativeProfit: percentilesOf(values) })),
        breakEven: monthPercentiles(breakEven),
        cumulativeBreakEven: monthPercentiles(cumulativeBreakEven)
    };
}
