/**
 * Every formula of the language contract (spec/language.md, "Computations"),
 * each in one function, with its source. Nothing here rounds: only display does.
 */

// ---- RICE (Sean McBride, Intercom, "RICE: Simple prioritization for product managers", 2016)

/** RICE impact words and their multipliers (Intercom's scale). */
export const IMPACT_SCALE = { massive: 3, high: 2, medium: 1, low: 0.5, minimal: 0.25 } as const;
export type ImpactWord = keyof typeof IMPACT_SCALE;

export function impactOfWord(word: string): number | undefined {
    return Object.prototype.hasOwnProperty.call(IMPACT_SCALE, word) ? IMPACT_SCALE[word as ImpactWord] : undefined;
}

export function isImpactNumber(value: number): boolean {
    return Object.values(IMPACT_SCALE).includes(value as never);
}

/** RICE = reach × impact × confidence ÷ effort (confidence as a fraction, 0.8 for 80%). */
export function riceScore(reach: number, impact: number, confidence: number, effort: number): number {
    return reach * impact * confidence / effort;
}

// ---- ICE (Sean Ellis, GrowthHackers)

export type IceMode = 'average' | 'product';

/** ICE = (impact + confidence + ease) ÷ 3, or impact × confidence × ease with `ice product`. */
export function iceScore(impact: number, confidence: number, ease: number, mode: IceMode): number {
    return mode === 'product' ? impact * confidence * ease : (impact + confidence + ease) / 3;
}

// ---- WSJF (Scaled Agile Framework, "Weighted Shortest Job First")

/** SAFe's modified Fibonacci scale for WSJF inputs. */
export const WSJF_SCALE = [1, 2, 3, 5, 8, 13, 20, 40, 100] as const;

/** WSJF = cost of delay ÷ job size = (value + criticality + risk) ÷ size. */
export function wsjfScore(value: number, criticality: number, risk: number, size: number): number {
    return (value + criticality + risk) / size;
}

export function nearestOnScale(value: number, scale: readonly number[]): number {
    let best = scale[0];
    for (const candidate of scale) {
        if (Math.abs(candidate - value) < Math.abs(best - value)) best = candidate;
    }
    return best;
}

// ---- Kano (Kano et al. 1984; coefficients: Berger et al. 1993, "Kano's methods for understanding customer-defined quality")

export type KanoCategory = 'must' | 'performance' | 'attractive' | 'indifferent' | 'reverse' | 'questionable';

/** Order used to break exact ties between answer counts. */
export const KANO_TIE_ORDER: readonly KanoCategory[] = ['must', 'performance', 'attractive', 'indifferent', 'reverse', 'questionable'];

export type KanoCounts = Record<KanoCategory, number>;

/** The category with the largest count; exact ties go must > performance > attractive > indifferent > reverse > questionable. */
export function kanoCategory(counts: KanoCounts): KanoCategory {
    let best: KanoCategory = KANO_TIE_ORDER[0];
    for (const category of KANO_TIE_ORDER) {
        if (counts[category] > counts[best]) best = category;
    }
    return best;
}

/** Better = (A+P) ÷ (A+P+M+I); worse = −(P+M) ÷ (A+P+M+I) (Berger et al. 1993). Undefined when A+P+M+I = 0. */
export function kanoCoefficients(counts: KanoCounts): { better: number; worse: number } | undefined {
    const total = counts.attractive + counts.performance + counts.must + counts.indifferent;
    if (total === 0) return undefined;
    return {
        better: (counts.attractive + counts.performance) / total,
        worse: -(counts.performance + counts.must) / total
    };
}

/** A Kano category as a driver of weighted scoring (language contract). */
export const KANO_DRIVER_VALUE: Record<KanoCategory, number> = {
    must: 1, performance: 0.67, attractive: 0.33, indifferent: 0, reverse: 0, questionable: 0
};

// ---- MoSCoW (Dai Clegg, DSDM)

export type Moscow = 'must' | 'should' | 'could' | 'wont';

/** MoSCoW as a score: must 4, should 3, could 2, wont 1, none 0. */
export function moscowScore(moscow: Moscow | undefined): number {
    switch (moscow) {
        case 'must': return 4;
        case 'should': return 3;
        case 'could': return 2;
        case 'wont': return 1;
        default: return 0;
    }
}

/** DSDM: Must-haves should not exceed 60% of a timebox's effort. */
export const MUST_SHARE_LIMIT = 0.6;

// ---- Opportunity (Anthony Ulwick, Outcome-Driven Innovation)

/** Opportunity = importance + max(importance − satisfaction, 0). */
export function opportunityScore(importance: number, satisfaction: number): number {
    return importance + Math.max(importance - satisfaction, 0);
}

// ---- Weighted scoring

export type Driver = 'rice' | 'ice' | 'wsjf' | 'kano' | 'moscow' | 'opportunity';
export const DRIVERS: readonly Driver[] = ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'opportunity'];

/** One driver's part of a weighted score: normalised weight × value ÷ the driver's maximum. */
export interface WeightedTerm {
    readonly driver: Driver;
    /** The weight normalised so that all weights sum to 1. */
    readonly weight: number;
    /** The feature's value for the driver (null: no input, counts 0). */
    readonly value: number | null;
    /** The driver's largest value among the product's features (undefined: none has it). */
    readonly max: number | undefined;
    readonly term: number;
}

/**
 * Weighted scoring: each driver's value is divided by that driver's largest value among the
 * product's features (so it lies in 0..1; a missing input counts 0); weights are normalised to
 * sum 1; score = Σ weight × value. Returns the terms of drivers with a weight.
 */
export function weightedTerms(values: Partial<Record<Driver, number | null>>, maxima: Partial<Record<Driver, number>>, weights: Partial<Record<Driver, number>>): WeightedTerm[] {
    const totalWeight = DRIVERS.reduce((sum, driver) => sum + (weights[driver] ?? 0), 0);
    if (totalWeight <= 0) return [];
    const terms: WeightedTerm[] = [];
    for (const driver of DRIVERS) {
        const raw = weights[driver] ?? 0;
        if (raw === 0) continue;
        const weight = raw / totalWeight;
        const value = values[driver] ?? null;
        const max = maxima[driver];
        const term = value === null || max === undefined || max <= 0 ? 0 : weight * (value / max);
        terms.push({ driver, weight, value, max, term });
    }
    return terms;
}

// ---- Metrics

/** Progress = (current − baseline) ÷ (target − baseline), as a fraction (display shows a percent). */
export function metricProgress(baseline: number, current: number, target: number): number | undefined {
    if (target === baseline) return undefined;
    return (current - baseline) / (target - baseline);
}

/**
 * True when `current` lies outside the baseline→target interval, on the side away from
 * the target, by more than the interval's length.
 */
export function isWrongDirection(baseline: number, current: number, target: number): boolean {
    const span = target - baseline;
    if (span === 0) return false;
    const behind = span > 0 ? baseline - current : current - baseline;
    return behind > Math.abs(span);
}

// ---- Forecast

export interface ForecastInputs {
    months: number;
    price: number;
    customers: number;
    growth: number;
    churn: number;
    fixedCost: number;
    variableCost: number;
}

export interface ForecastMonth {
    month: number;
    customers: number;
    revenue: number;
    cost: number;
    profit: number;
    cumulativeProfit: number;
}

export interface ForecastResult {
    months: ForecastMonth[];
    totals: { revenue: number; cost: number; profit: number; margin: number | null };
    breakEvenMonth: number | null;
    cumulativeBreakEvenMonth: number | null;
}

/**
 * Month m = 1..months: customers = customers₁ × (1 + growth − churn)^(m−1);
 * revenue = customers × price; cost = fixed + variable × customers; profit = revenue − cost.
 * Break-even: first month with profit ≥ 0; cumulative break-even: first month whose cumulative profit ≥ 0.
 */
export function forecast(inputs: ForecastInputs): ForecastResult {
    const months: ForecastMonth[] = [];
    let cumulativeProfit = 0;
    let revenueTotal = 0;
    let costTotal = 0;
    let breakEvenMonth: number | null = null;
    let cumulativeBreakEvenMonth: number | null = null;
    for (let month = 1; month <= inputs.months; month++) {
        const customers = inputs.customers * Math.pow(1 + inputs.growth - inputs.churn, month - 1);
        const revenue = customers * inputs.price;
        const cost = inputs.fixedCost + inputs.variableCost * customers;
        const profit = revenue - cost;
        cumulativeProfit += profit;
        revenueTotal += revenue;
        costTotal += cost;
        if (breakEvenMonth === null && profit >= 0) breakEvenMonth = month;
        if (cumulativeBreakEvenMonth === null && cumulativeProfit >= 0) cumulativeBreakEvenMonth = month;
        months.push({ month, customers, revenue, cost, profit, cumulativeProfit });
    }
    // The profit total is the last cumulative profit, so the table's columns add up to its totals.
    const profitTotal = cumulativeProfit;
    return {
        months,
        totals: { revenue: revenueTotal, cost: costTotal, profit: profitTotal, margin: revenueTotal === 0 ? null : profitTotal / revenueTotal },
        breakEvenMonth,
        cumulativeBreakEvenMonth
    };
}
