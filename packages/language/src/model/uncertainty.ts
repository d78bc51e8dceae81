import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { DRIVERS, forecast, iceScore, KANO_DRIVER_VALUE, opportunityScore, riceScore, weightedTerms, wsjfScore, type Driver, type ForecastInputs } from './formulas.js';
import { effectiveScoresInto, RankOrderer, rankingFrame } from './ranking.js';
import { UNCERTAINTY_LIMITS, type FeatureModel, type ForecastCase, type Method, type ProductModel } from './types.js';

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
 * effort; ICE impact, confidence, ease; WSJF value, criticality, risk, size; for `weighted`
 * all of these and then the needs' importance and satisfaction in text order), then the
 * feature's `effort` when it is a range not drawn yet. A forecast's ranges are drawn in the
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

/** The value of a triangular or uniform range at the uniform draw u ∈ [0, 1). */
export function drawFrom(estimate: Estimate, u: number): number {
    const { low, high } = estimate;
    if (estimate.kind === 'exact' || high === low) return estimate.kind === 'exact' ? estimate.mean : low;
    if (estimate.kind === 'uniform') return low + u * (high - low);
    const mode = estimate.mode!;
    const cut = (mode - low) / (high - low);
    return u < cut ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** The draws of one generator: a slot per range, redrawn together. */
class Draws {
    private readonly slots: Estimate[] = [];
    private readonly slotOf = new Map<object, number>();
    values = new Float64Array(0);

    /** A getter for an input: its slot when it is a range, else its mean. */
    input(estimate: Estimate | undefined, mean: number): () => number {
        if (!estimate || estimate.kind === 'exact') return () => mean;
        const key = estimate.source ?? estimate;
        let slot = this.slotOf.get(key);
        if (slot === undefined) {
            slot = this.slots.length;
            this.slots.push(estimate);
            this.slotOf.set(key, slot);
        }
        const index = slot;
        return () => this.values[index];
    }

    get count(): number { return this.slots.length; }

    start(): void { this.values = new Float64Array(this.slots.length); }

    next(rng: ReturnType<typeof xoroshiro128plus>): void {
        for (let slot = 0; slot < this.slots.length; slot++) this.values[slot] = drawFrom(this.slots[slot], uniformFloat64(rng));
    }
}

/**
 * A feature's score by each driver in the current draw (NaN: no input), registering its
 * ranges with the draws in the documented order.
 */
function driversOf(feature: FeatureModel, draws: Draws, reads: (driver: Driver) => boolean): Record<Driver, () => number> {
    const rice = reads('rice') ? feature.riceInputs : null;
    const ice = reads('ice') ? feature.iceInputs : null;
    const wsjf = reads('wsjf') ? feature.wsjfInputs : null;
    const r = rice && [draws.input(rice.ranges.reach, rice.reach), draws.input(rice.ranges.impact, rice.impact), draws.input(rice.ranges.confidence, rice.confidence), draws.input(rice.ranges.effort, rice.effort)];
    const i = ice && [draws.input(ice.ranges.impact, ice.impact), draws.input(ice.ranges.confidence, ice.confidence), draws.input(ice.ranges.ease, ice.ease)];
    const w = wsjf && [draws.input(wsjf.ranges.value, wsjf.value), draws.input(wsjf.ranges.criticality, wsjf.criticality), draws.input(wsjf.ranges.risk, wsjf.risk), draws.input(wsjf.ranges.size, wsjf.size)];
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
 * Rank percentiles (nearest-rank), P(top K) and P(first) of a product's ranked features
 * over `samples` draws (decide.md §2). Without ranges every draw is the deterministic
 * ranking, so p10 = p50 = p90 = rank and the probabilities are exactly 0 or 1.
 */
export function rankUncertainty(product: ProductModel, features: readonly FeatureModel[], method: Method, options: UncertaintyOptions): Map<FeatureModel, RankUncertainty> {
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
    const reads = (driver: Driver) => weightedMethod || driver === method;
    const drivers = features.map(feature => driversOf(feature, draws, reads));
    if (weightedMethod) features.forEach((feature, index) => { drivers[index].opportunity = opportunityOf(feature); });
    const efforts = features.map(feature => draws.input(feature.effortEstimate ?? undefined, feature.effort ?? Infinity));
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
            const driver = method as Driver;
            for (let index = 0; index < count; index++) own[index] = drivers[index][driver]();
        }
        for (let index = 0; index < count; index++) effort[index] = efforts[index]();
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
