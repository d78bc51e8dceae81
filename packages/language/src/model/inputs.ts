import type * as ast from '../generated/ast.js';
import type { FeatureModel, ForecastModel, ProductModel } from './types.js';
import { last } from './values.js';
import { compareText } from './order.js';

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
 * An input as written (the last of a property written twice): a number, or a range as its
 * text (`2000..6000`, `50%..90%`), which is what changed when a bound moved.
 */
function written(values: ReadonlyArray<ast.Amount | ast.Percentage | number> | undefined, percent = false): InputValue {
    const value = last(values);
    if (value === undefined) return null;
    if (typeof value === 'number') return value;
    if (value.values.length === 1) return value.values[0];
    return value.values.map(v => (percent ? `${Number((v * 100).toPrecision(12))}%` : String(v))).join('..');
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
    const rice = last(feature.node.rice);
    const ice = last(feature.node.ice);
    const wsjf = last(feature.node.wsjf);
    const kanoSurvey = last(feature.node.kanoSurvey);
    const name = (other: { name: string; product: ProductModel }) =>
        (other.product === feature.product ? other.name : `${other.product.name}.${other.name}`);
    return {
        values: {
            'rice.reach': written(rice?.reach),
            'rice.impact': last(rice?.impactWord) ?? written(rice?.impactNumber),
            'rice.confidence': written(rice?.confidence, true),
            'rice.effort': written(rice?.effort),
            'effort': written(feature.node.effort),
            'ice.impact': written(ice?.impact),
            'ice.confidence': written(ice?.confidence),
            'ice.ease': written(ice?.ease),
            'wsjf.value': written(wsjf?.value),
            'wsjf.criticality': written(wsjf?.criticality),
            'wsjf.risk': written(wsjf?.risk),
            'wsjf.size': written(wsjf?.size),
            'kano': last(feature.node.kano) ?? null,
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
        'growth': written(node.growth, true),
        'churn': written(node.churn, true),
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
    for (const [driver, weight] of Object.entries(product.scoring.weights).sort(([a], [b]) => compareText(a, b))) {
        values[`scoring.weights.${driver}`] = weight ?? null;
    }
    return values;
}
