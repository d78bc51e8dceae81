import type { ValidationAcceptor } from 'langium';
import { missingInputs } from '../../model/feature-scores.js';
import type { FeatureModel, MetricModel } from '../../model/types.js';
import { Codes } from '../codes.js';
import type { Locator } from '../locate.js';

/**
 * `unused-metric`, `reverse-feature` and `missing-score-input`: what links features and
 * metrics across the workspace, and what a product's method needs.
 */
export class TraceabilityChecks {
    constructor(private readonly locate: Locator) { }

    checkFeature(feature: FeatureModel, accept: ValidationAcceptor): void {
        const node = feature.node;
        const active = feature.status !== 'shipped' && feature.status !== 'dropped';
        const planned = feature.status === 'planned' || feature.status === 'building' || (feature.release !== undefined && active);
        if (planned && feature.kano?.category === 'reverse') {
            accept('warning', `Feature ${feature.name} is planned but its Kano category is reverse: customers are less satisfied with it than without it. Drop it or rethink it.`,
                { node, range: this.locate.property(node, 'kano') ?? this.locate.name(node), code: Codes.ReverseFeature });
        }
        const scoring = feature.product.scoring;
        if (scoring.methodDeclared && active) {
            const missing = missingInputs(node, scoring.method);
            if (missing.length > 0) {
                accept('warning', `Feature ${feature.name} cannot be scored by ${scoring.method}, product ${feature.product.name}'s scoring method: it lacks ${missing.join(', ')}.`,
                    { node, range: this.locate.name(node), code: Codes.MissingScoreInput });
            } else if (scoring.method === 'weighted') {
                // Weighted scoring counts a missing input as 0: only a feature with no input for any driver cannot be scored.
                const drivers = Object.entries(scoring.weights).filter(([, weight]) => (weight ?? 0) > 0).map(([driver]) => driver);
                const absent = drivers.filter(driver => (driver === 'opportunity' ? feature.opportunity === null : missingInputs(node, driver).length > 0));
                if (drivers.length > 0 && absent.length === drivers.length) {
                    accept('warning', `Feature ${feature.name} has no input for any weighted driver (${absent.join(', ')}): it scores 0. Give one, or drop the feature's weights.`,
                        { node, range: this.locate.name(node), code: Codes.MissingScoreInput });
                }
            }
        }
    }

    checkMetric(metric: MetricModel, accept: ValidationAcceptor): void {
        if (metric.movedBy.length === 0 && metric.objectives.length === 0) {
            accept('warning', `Metric ${metric.name} is moved by no feature and named by no objective: link it with moves or an objective's metrics, or remove it.`,
                { node: metric.node, range: this.locate.name(metric.node), code: Codes.UnusedMetric });
        }
    }
}
