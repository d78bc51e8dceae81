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

/**
 * A number as written: the value an input's score reads. (When inputs may be ranges,
 * `lo..hi`, this is where a range gives its mean, or the range itself.)
 */
function written(value: number | undefined): InputValue {
    return value ?? null;
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
            'rice.reach': written(rice?.reach),
            'rice.impact': rice?.impactWord ?? rice?.impactNumber ?? null,
            'rice.confidence': written(rice?.confidence),
            'rice.effort': written(rice?.effort),
            'effort': written(feature.node.effort),
            'ice.impact': written(ice?.impact),
            'ice.confidence': written(ice?.confidence),
            'ice.ease': written(ice?.ease),
            'wsjf.value': written(wsjf?.value),
            'wsjf.criticality': written(wsjf?.criticality),
            'wsjf.risk': written(wsjf?.risk),
            'wsjf.size': written(wsjf?.size),
            'kano': feature.node.kano ?? null,
            'kano.must': written(kanoSurvey?.must),
            'kano.performance': written(kanoSurvey?.performance),
            'kano.attractive': written(kanoSurvey?.attractive),
            'kano.indifferent': written(kanoSurvey?.indifferent),
            'kano.reverse': written(kanoSurvey?.reverse),
            'kano.questionable': written(kanoSurvey?.questionable),
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
        'months': written(node.months),
        'price': written(node.price),
        'customers': written(node.customers),
        'growth': written(node.growth),
        'churn': written(node.churn),
        'cost.fixed': written(node.fixedCost),
        'cost.variable': written(node.variableCost)
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
