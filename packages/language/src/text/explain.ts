import { driverLabel, estimateText, formatFixed, formatNumber, formatPercent, methodLabel, scoreText } from '../model/display.js';
import { missingInputs } from '../model/feature-scores.js';
import { featureWeightedTerms } from '../model/ranking.js';
import type { RankUncertainty } from '../model/uncertainty.js';
import type { Estimate } from '../model/values.js';
import type {
    FeatureModel, ForecastCase, ForecastModel, Method, MetricModel, NeedModel, ProductModel, RankedFeature, Ranking, ReleaseModel
} from '../model/types.js';

/**
 * The sentences that hover, code lens and inlay hints show, built from the computed model.
 * Nothing here computes a score: every value comes from the model; only the inputs of a
 * formula are read back from the spec to show its arithmetic.
 */

/** How a declaration is named from inside `from`: its own members by short name, others qualified. */
export function nameFrom(target: { name: string; product?: ProductModel }, from: ProductModel | undefined): string {
    return target.product && target.product !== from ? `${target.product.name}.${target.name}` : target.name;
}

const n = (value: number | null | undefined): string => formatNumber(value);

/** `reach 2,000..6,000 (mean 4,000)`: a range as written, and the mean every deterministic figure uses (decide.md §2). */
function rangeText(label: string, estimate: Estimate, percent = false): string {
    return `${label} ${estimateText(estimate, percent)}`;
}

/** The ranges among a feature's inputs, in the order the draws take them; empty when it has none. */
export function featureRangesText(feature: FeatureModel): string[] {
    const texts: string[] = [];
    const seen = new Set<object>();
    const add = (label: string, estimate: Estimate | null | undefined, percent = false) => {
        if (!estimate || estimate.kind === 'exact') return;
        const key = estimate.source ?? estimate;
        if (seen.has(key)) return;
        seen.add(key);
        texts.push(rangeText(label, estimate, percent));
    };
    const rice = feature.riceInputs?.ranges;
    if (rice) { add('reach', rice.reach); add('impact', rice.impact); add('confidence', rice.confidence, true); add(rice.effort && rice.effort.source === feature.effortEstimate?.source ? 'effort' : 'RICE effort', rice.effort); }
    const ice = feature.iceInputs?.ranges;
    if (ice) { add('ICE impact', ice.impact); add('ICE confidence', ice.confidence); add('ease', ice.ease); }
    const wsjf = feature.wsjfInputs?.ranges;
    if (wsjf) { add('value', wsjf.value); add('criticality', wsjf.criticality); add('risk', wsjf.risk); add('size', wsjf.size); }
    add('effort', feature.effortEstimate);
    return texts;
}

/** The ranges among a forecast case's inputs. */
export function forecastRangesText(forecast: ForecastCase): string[] {
    const e = forecast.estimates;
    const entries: Array<[string, Estimate | undefined, boolean]> = [
        ['price', e.price, false], ['customers', e.customers, false], ['fixed cost', e.fixedCost, false],
        ['variable cost', e.variableCost, false], ['growth', e.growth, true], ['churn', e.churn, true]
    ];
    return entries.filter(([, estimate]) => estimate && estimate.kind !== 'exact').map(([label, estimate, percent]) => rangeText(label, estimate!, percent));
}

/** Why a feature has no score by a method: "lacks rice effort", or that an input is invalid. */
export function unscoredReason(feature: FeatureModel, method: Method): string {
    const missing = missingInputs(feature.node, method);
    return missing.length > 0 ? `lacks ${missing.join(', ')}` : `an input is invalid`;
}

/**
 * A feature's score by the ranking's method with its arithmetic:
 * `RICE = 4,000 × 2 × 0.8 ÷ 2 = 3,200`, `ICE = (7 + 6 + 8) ÷ 3 = 7`, `WSJF = (8 + 5 + 3) ÷ 5 = 3.2`,
 * `Kano = 0.67 (performance)`, `MoSCoW = 4 (must)`, or the weighted sum of its drivers.
 */
export function scoreArithmetic(feature: FeatureModel, ranking: Ranking): string {
    const method = ranking.method;
    const label = methodLabel(method);
    const score = ranking.byFeature.get(feature)?.score ?? null;
    if (score === null) return `${label} unscored: ${unscoredReason(feature, method)}`;
    switch (method) {
        case 'rice': {
            const rice = feature.riceInputs!;
            return `RICE = ${n(rice.reach)} × ${n(rice.impact)} × ${n(rice.confidence)} ÷ ${n(rice.effort)} = ${n(score)}`;
        }
        case 'ice': {
            const ice = feature.iceInputs!;
            return ice.mode === 'product'
                ? `ICE = ${n(ice.impact)} × ${n(ice.confidence)} × ${n(ice.ease)} = ${n(score)}`
                : `ICE = (${n(ice.impact)} + ${n(ice.confidence)} + ${n(ice.ease)}) ÷ 3 = ${n(score)}`;
        }
        case 'wsjf': {
            const wsjf = feature.wsjfInputs!;
            return `WSJF = (${n(wsjf.value)} + ${n(wsjf.criticality)} + ${n(wsjf.risk)}) ÷ ${n(wsjf.size)} = ${n(score)}`;
        }
        case 'kano':
            return `Kano = ${n(score)} (${feature.kano?.category ?? 'none'})`;
        case 'moscow':
            return `MoSCoW = ${n(score)} (${feature.moscow ?? 'none'})`;
        case 'weighted':
            return `${label} = ${weightedTerms(feature, ranking).join(' + ')} = ${n(score)}`;
    }
}

/**
 * The terms of a weighted score: each driver's normalised weight × its value ÷ the
 * driver's largest value in the product, e.g. `40% × RICE 1,500 ÷ 3,200`.
 */
export function weightedTerms(feature: FeatureModel, ranking: Ranking): string[] {
    return featureWeightedTerms(feature, ranking.weighted).map(t => t.value === null || t.max === undefined || t.max <= 0
        ? `${formatPercent(t.weight)} × ${driverLabel(t.driver)} 0`
        : `${formatPercent(t.weight)} × ${driverLabel(t.driver)} ${n(t.value)} ÷ ${n(t.max)}`);
}

/** "rank 1 of 2", "shipped: not ranked", "rank 5 of 5 (unscored)". */
export function rankText(entry: RankedFeature, ranking: Ranking): string {
    const feature = entry.feature;
    if (entry.rank === null) return `${feature.status}: listed, not ranked`;
    const unscored = entry.effectiveScore === null ? ' (unscored: ranks after every scored feature)' : '';
    return `rank ${entry.rank} of ${ranking.rankedCount}${unscored}`;
}

/**
 * How sure a rank is over the draws of its ranges (decide.md §2): "80% of draws between
 * 2 and 5" (the 10th to 90th percentile hold 80% of the draws), "the same in every draw".
 */
export function drawnRankText(drawn: RankUncertainty): string {
    if (drawn.stable) return 'the same in every draw';
    if (drawn.rankP10 === drawn.rankP90) return `80% of draws at rank ${drawn.rankP50}`;
    return `80% of draws between ${drawn.rankP10} and ${drawn.rankP90}`;
}

/** "effective score 3,200, inherited from bulk_export, which requires it" (only when it moved). */
export function inheritanceText(entry: RankedFeature): string | undefined {
    if (!entry.inheritedFrom || entry.effectiveScore === null) return undefined;
    const from = nameFrom(entry.inheritedFrom, entry.feature.product);
    return `effective score ${n(entry.effectiveScore)}, inherited from ${from}, which requires it`;
}

/** The code lens above a feature: `#1 · RICE 1,500 → 3,200 (from bulk_export)`, `shipped`, `#3 · unscored: lacks rice effort`. */
export function featureLensTitle(feature: FeatureModel): string {
    const ranking = feature.product.ranking;
    const entry = ranking.byFeature.get(feature);
    if (!entry || entry.rank === null) return feature.status;
    const from = entry.inheritedFrom ? nameFrom(entry.inheritedFrom, feature.product) : undefined;
    const text = entry.score === null
        ? `unscored: ${unscoredReason(feature, ranking.method)}`
        : scoreText(ranking.method, entry.score, entry.effectiveScore, from);
    return `#${entry.rank} · ${text}`;
}

/** `load 4 / 12 · musts 50%`; `unit` follows the numbers (hover says " person-months"). */
export function releaseLoadText(release: ReleaseModel, unit = ''): string {
    const capacity = release.capacity !== undefined ? ` / ${n(release.capacity)}` : '';
    const over = release.capacity !== undefined && release.load > release.capacity ? ' (over capacity)' : '';
    const musts = release.mustShare !== null ? ` · musts ${formatPercent(release.mustShare)}` : '';
    return `load ${n(release.load)}${capacity}${unit}${over}${musts}`;
}

/** `break-even month 9 · margin 12.5%`, or why the forecast cannot be computed. */
export function forecastLensTitle(forecast: ForecastModel): string {
    const scenarios = forecast.scenarios.map(scenario => `${scenario.name}: ${forecastCaseSummary(scenario, ', ')}`);
    return [forecast.result ? forecastCaseSummary(forecast) : `no forecast: ${forecastMissing(forecast)}`, ...scenarios].join(' · ');
}

/** A forecast case in a few words: `break-even month 8 · margin 12.5%` (the lens, and a scenario's line in a hover). */
export function forecastCaseSummary(forecast: ForecastCase, separator = ' · '): string {
    const result = forecast.result;
    if (!result) return forecastMissing(forecast);
    const breakEven = result.breakEvenMonth !== null
        ? `break-even month ${result.breakEvenMonth}`
        : `no break-even in ${result.months.length} months`;
    const margin = result.totals.margin !== null ? `${separator}margin ${formatPercent(result.totals.margin)}` : '';
    return `${breakEven}${margin}`;
}

export function forecastMissing(forecast: ForecastCase): string {
    return forecast.missing.length > 0 ? `lacks ${forecast.missing.join(', ')}` : 'months, growth or churn is invalid';
}

/** Money as the forecast shows it: 2 decimals and the product's currency. */
export function money(value: number, product: ProductModel): string {
    return product.currency ? `${formatFixed(value)} ${product.currency}` : formatFixed(value);
}

/** `opportunity 9 + max(9 − 3, 0) = 15` when computable. */
export function opportunityArithmetic(need: NeedModel): string | undefined {
    if (need.opportunity === null) return undefined;
    const importance = need.importance!.mean;
    const satisfaction = need.satisfaction!.mean;
    return `${n(importance)} + max(${n(importance)} − ${n(satisfaction)}, 0) = ${n(need.opportunity)}`;
}

/** A value with its unit: `12%`, `3 teams`. */
export function withUnit(value: number | undefined, unit: string | undefined): string {
    if (value === undefined) return '–';
    if (!unit) return n(value);
    return unit === '%' ? `${n(value)}%` : `${n(value)} ${unit}`;
}

export function metricProgressText(metric: MetricModel): string | undefined {
    return metric.progress === null ? undefined : `progress ${formatPercent(metric.progress)}`;
}
