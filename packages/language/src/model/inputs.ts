import type { FeatureModel, ForecastModel, ProductModel } from './types.js';

/** An input as written in a spec: a number (percents as fractions, 0.8 for 80%), a word, or absent. */
export type InputValue = number | string | null;

/**
 * The inputs of a feature's scores and place, keyed by the property as a spec writes it
 * (`rice.reach`, `moscow`, ...), in the order they are shown. `requires` is a list of names
 * (another product's feature as `product.name`), sorted.
 */
export interface FeatureInputs {
    readonly values: Readonly<Record<string, InputValue>>;
    readonly requires: readonly string[];
}

/** Inputs held as fractions and shown as percents. */
export const PERCENT_INPUTS: ReadonlySet<string> = new Set(['rice.confidence', 'growth', 'churn']);

/**
 * Every input of a feature, read from its declaration as written (a value out of range is
 * still an input, though the score ignores it) and from the model where the input is
 * derived (status defaults to `idea`; opportunity comes from the needs it addresses).
 * The one place that reads them: `diff` compares what this returns.
 */
export function featureInputs(feature: FeatureModel): FeatureInputs {
    const { rice, ice, wsjf, kanoSurvey } = feature.node;
    const name = (other: { name: string; product: ProductModel }) =>
        (other.product === feature.product ? other.name : `${other.product.name}.${other.name}`);
    return {
        values: {
            'rice.reach': rice?.reach ?? null,
            'rice.impact': rice?.impactWord ?? rice?.impactNumber ?? null,
            'rice.confidence': rice?.confidence ?? null,
            'rice.effort': rice?.effort ?? null,
            'effort': feature.node.effort ?? null,
            'ice.impact': ice?.impact ?? null,
            'ice.confidence': ice?.confidence ?? null,
            'ice.ease': ice?.ease ?? null,
            'wsjf.value': wsjf?.value ?? null,
            'wsjf.criticality': wsjf?.criticality ?? null,
            'wsjf.risk': wsjf?.risk ?? null,
            'wsjf.size': wsjf?.size ?? null,
            'kano': feature.node.kano ?? null,
            'kano.must': kanoSurvey?.must ?? null,
            'kano.performance': kanoSurvey?.performance ?? null,
            'kano.attractive': kanoSurvey?.attractive ?? null,
            'kano.indifferent': kanoSurvey?.indifferent ?? null,
            'kano.reverse': kanoSurvey?.reverse ?? null,
            'kano.questionable': kanoSurvey?.questionable ?? null,
            'opportunity': feature.opportunity,
            'moscow': feature.moscow ?? null,
            'status': feature.status,
            'release': feature.release ? name(feature.release) : null
        },
        requires: feature.requires.map(name).sort()
    };
}

/** The inputs of a forecast as written, keyed as a spec writes them (`cost fixed` as `cost.fixed`). */
export function forecastInputs(forecast: ForecastModel): Readonly<Record<string, InputValue>> {
    const node = forecast.node;
    return {
        'months': node.months ?? null,
        'price': node.price ?? null,
        'customers': node.customers ?? null,
        'growth': node.growth ?? null,
        'churn': node.churn ?? null,
        'cost.fixed': node.fixedCost ?? null,
        'cost.variable': node.variableCost ?? null
    };
}

/** What a product scores by: its method, ICE mode and weights (weighted scoring). */
export function scoringInputs(product: ProductModel): Readonly<Record<string, InputValue>> {
    const values: Record<string, InputValue> = {
        'scoring.method': product.scoring.method,
        'scoring.ice': product.scoring.iceMode
    };
    for (const [driver, weight] of Object.entries(product.scoring.weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        values[`scoring.weights.${driver}`] = weight ?? null;
    }
    return values;
}
