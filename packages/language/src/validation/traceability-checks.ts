import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { isWrongDirection } from '../model/formulas.js';
import { missingInputs } from '../model/feature-scores.js';
import type { ModelService } from '../model/model-service.js';
import { Codes } from './codes.js';
import type { Locator } from './locate.js';
import { formatInput } from './value-checks.js';

/**
 * `orphan-feature`, `unused-metric`, `metric-direction`, `reverse-feature`,
 * `missing-score-input` and `missing-forecast-input`: what links needs, features,
 * metrics and objectives, and what a product's method needs.
 */
export class TraceabilityChecks {
    constructor(private readonly models: ModelService, private readonly locate: Locator) { }

    checkFeature(node: ast.Feature, accept: ValidationAcceptor): void {
        const feature = this.models.model.features.get(node);
        if (!feature) return;
        const nameRange = this.locate.name(node);
        if (node.addresses.length === 0 && node.moves.length === 0 && node.requestedBy.length === 0) {
            accept('warning', `Feature ${feature.name} addresses no need, moves no metric and was requested by nobody: say why it exists with addresses, moves or requestedBy.`,
                { node, range: nameRange, code: Codes.OrphanFeature, data: { within: node.$cstNode?.range } });
        }
        const active = feature.status !== 'shipped' && feature.status !== 'dropped';
        const planned = feature.status === 'planned' || feature.status === 'building' || (feature.release !== undefined && active);
        if (planned && feature.kano?.category === 'reverse') {
            accept('warning', `Feature ${feature.name} is planned but its Kano category is reverse: customers are less satisfied with it than without it. Drop it or rethink it.`,
                { node, range: this.locate.property(node, 'kano') ?? nameRange, code: Codes.ReverseFeature });
        }
        const scoring = feature.product.scoring;
        if (scoring.methodDeclared && active) {
            const missing = missingInputs(node, scoring.method);
            if (missing.length > 0) {
                accept('warning', `Feature ${feature.name} cannot be scored by ${scoring.method}, product ${feature.product.name}'s scoring method: it lacks ${missing.join(', ')}.`,
                    { node, range: nameRange, code: Codes.MissingScoreInput });
            } else if (scoring.method === 'weighted') {
                const absent = Object.entries(scoring.weights)
                    .filter(([driver, weight]) => (weight ?? 0) > 0 && (driver === 'opportunity' ? feature.opportunity === null : missingInputs(node, driver).length > 0))
                    .map(([driver]) => driver);
                if (absent.length > 0) {
                    accept('warning', `Feature ${feature.name} has no input for the weighted drivers ${absent.join(', ')}: they count 0 in its score. Give them, or drop their weights.`,
                        { node, range: nameRange, code: Codes.MissingScoreInput });
                }
            }
        }
    }

    checkMetric(node: ast.Metric, accept: ValidationAcceptor): void {
        const metric = this.models.model.metrics.get(node);
        if (!metric) return;
        if (metric.movedBy.length === 0 && metric.objectives.length === 0) {
            accept('warning', `Metric ${metric.name} is moved by no feature and named by no objective: link it with moves or an objective's metrics, or remove it.`,
                { node, range: this.locate.name(node), code: Codes.UnusedMetric });
        }
        const { baseline, current, target } = node;
        if (baseline !== undefined && current !== undefined && target !== undefined && isWrongDirection(baseline, current, target)) {
            const side = target > baseline ? 'below' : 'above';
            accept('warning', `Metric ${metric.name}'s current value ${formatInput(current)} lies ${side} its baseline ${formatInput(baseline)} by more than the whole baseline→target interval (${formatInput(baseline)}→${formatInput(target)}): check the direction of current, baseline and target.`,
                { node, range: this.locate.property(node, 'current') ?? this.locate.name(node), code: Codes.MetricDirection });
        }
    }

    checkForecast(node: ast.Forecast, accept: ValidationAcceptor): void {
        const forecast = this.models.model.forecasts.get(node);
        if (!forecast || forecast.missing.length === 0) return;
        accept('warning', `Forecast ${forecast.name} cannot be computed: it lacks ${forecast.missing.join(', ')}.`,
            { node, range: this.locate.name(node), code: Codes.MissingForecastInput });
    }
}
