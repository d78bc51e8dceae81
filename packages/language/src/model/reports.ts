import type { FeatureModel, ForecastCase, Method, Ranking, WorkspaceModel } from './types.js';
import { rankProductBy } from './build.js';
import { EDITOR_DRAWS, editorRankUncertainty, forecastUncertainty, rankUncertainty, type ForecastUncertainty, type RankUncertainty, type UncertaintyOptions } from './uncertainty.js';

/**
 * The JSON reports of the CLI contract (spec/cli.md, "JSON shapes"). The language
 * server's `productSpec/rank` and `productSpec/forecast` requests return the same objects.
 * Numbers are unrounded.
 */
export interface RankReport {
    products: Array<{
        name: string;
        title: string | null;
        method: Method;
        /** Added, with `uncertainty` asked: the draws every feature's `uncertainty` comes from. */
        uncertainty?: UncertaintyOptions;
        features: RankReportFeature[];
    }>;
}

export interface RankReportFeature {
    name: string;
    title: string | null;
    rank: number | null;
    score: number | null;
    effectiveScore: number | null;
    /** Added: the feature requiring this one whose effective score it took, if any. */
    inheritedFrom: string | null;
    rice: number | null;
    ice: number | null;
    wsjf: number | null;
    kano: { category: string; better: number | null; worse: number | null } | null;
    moscow: string | null;
    opportunity: number | null;
    effort: number | null;
    release: string | null;
    status: string;
    requires: string[];
    requiredBy: string[];
    /** With `uncertainty` asked (decide.md §2): the feature's rank over the draws; null for a feature without a rank. */
    uncertainty?: RankUncertainty | null;
}

export interface RankOptions {
    /** Only this product (by name). */
    product?: string;
    /** Rank by this method instead of each product's own. */
    method?: Method;
    /** Draw the ranges (`rank --uncertainty`); `editor`: the editor's draws, only for products with ranges and not too big. */
    uncertainty?: UncertaintyOptions | 'editor';
}

export function rankReport(model: WorkspaceModel, options: RankOptions = {}): RankReport {
    const products = model.products.filter(product => options.product === undefined || product.name === options.product);
    return {
        products: products.map(product => {
            const ranking: Ranking = options.method ? rankProductBy(product, options.method) : product.ranking;
            const asked = options.uncertainty;
            let uncertainty: Map<FeatureModel, RankUncertainty> | undefined;
            let drawnWith: UncertaintyOptions | undefined;
            if (asked === 'editor') {
                const drawn = editorRankUncertainty(product, ranking);
                if (drawn.kind === 'drawn') { uncertainty = drawn.ranks; drawnWith = EDITOR_DRAWS; }
            } else if (asked) {
                uncertainty = rankUncertainty(product, product.features, ranking.method, asked);
                drawnWith = asked;
            }
            return {
                name: product.name,
                title: product.title ?? null,
                method: ranking.method,
                ...(drawnWith ? { uncertainty: { samples: drawnWith.samples, seed: drawnWith.seed, top: drawnWith.top } } : {}),
                features: ranking.entries.map(entry => {
                    const feature = entry.feature;
                    const refName = (other: typeof feature) => (other.product === product ? other.name : `${other.product.name}.${other.name}`);
                    return {
                        name: feature.name,
                        title: feature.title ?? null,
                        rank: entry.rank,
                        score: entry.score,
                        effectiveScore: entry.effectiveScore,
                        inheritedFrom: entry.inheritedFrom ? refName(entry.inheritedFrom) : null,
                        rice: feature.rice,
                        ice: feature.ice,
                        wsjf: feature.wsjf,
                        kano: feature.kano ? { category: feature.kano.category, better: feature.kano.better, worse: feature.kano.worse } : null,
                        moscow: feature.moscow ?? null,
                        opportunity: feature.opportunity,
                        effort: feature.effort,
                        release: feature.release ? (feature.release.product === product ? feature.release.name : `${feature.release.product.name}.${feature.release.name}`) : null,
                        status: feature.status,
                        requires: feature.requires.map(refName),
                        requiredBy: feature.requiredBy.map(refName),
                        ...(uncertainty ? { uncertainty: uncertainty.get(feature) ?? null } : {})
                    };
                })
            };
        })
    };
}

/** One case of a forecast as reported: the base case, or a scenario (decide.md §3). */
export interface ForecastCaseReport {
    name: string;
    title: string | null;
    months: Array<{ month: number; customers: number; revenue: number; cost: number; profit: number; cumulativeProfit: number }>;
    totals: { revenue: number; cost: number; profit: number; margin: number | null };
    breakEvenMonth: number | null;
    cumulativeBreakEvenMonth: number | null;
    /** Added: inputs that are missing or invalid, when the case cannot be computed. */
    missing: string[];
    /** With `uncertainty` asked (decide.md §2); null when the case cannot be computed. */
    uncertainty?: ForecastUncertainty | null;
}

export interface ForecastReport {
    forecasts: Array<ForecastCaseReport & {
        product: string;
        /** Added: the product's currency, when it has one. */
        currency: string | null;
        /** Each scenario beside the base case, in declaration order (decide.md §3). */
        scenarios: ForecastCaseReport[];
    }>;
}

export function forecastReport(model: WorkspaceModel, options: { product?: string; uncertainty?: Omit<UncertaintyOptions, 'top'> } = {}): ForecastReport {
    const forecasts: ForecastReport['forecasts'] = [];
    for (const product of model.products) {
        if (options.product !== undefined && product.name !== options.product) continue;
        for (const forecast of product.forecasts) {
            const report = (forecastCase: ForecastCase) => caseReport(forecastCase, options.uncertainty);
            const { name, title, ...base } = report(forecast);
            forecasts.push({
                product: product.name,
                name, title,
                currency: product.currency ?? null,
                ...base,
                scenarios: forecast.scenarios.map(report)
            });
        }
    }
    return { forecasts };
}

function caseReport(forecast: ForecastCase, uncertainty: Omit<UncertaintyOptions, 'top'> | undefined): ForecastCaseReport {
    const result = forecast.result;
    return {
        name: forecast.name,
        title: forecast.title ?? null,
        months: result ? result.months.map(month => ({ ...month })) : [],
        totals: result ? { ...result.totals } : { revenue: 0, cost: 0, profit: 0, margin: null },
        breakEvenMonth: result?.breakEvenMonth ?? null,
        cumulativeBreakEvenMonth: result?.cumulativeBreakEvenMonth ?? null,
        missing: result ? [] : forecast.missing.length > 0 ? forecast.missing : ['valid months, growth or churn'],
        ...(uncertainty ? { uncertainty: forecastUncertainty(forecast, uncertainty) } : {})
    };
}
