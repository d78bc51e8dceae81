import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../../generated/ast.js';
import { missingForecastInputs } from '../../model/build.js';
import { isWrongDirection } from '../../model/formulas.js';
import { last } from '../../model/values.js';
import { Codes } from '../codes.js';
import type { Locator } from '../locate.js';
import { formatInput } from '../messages.js';

/**
 * A declaration the model holds: it has a name, and so has the product around it (a
 * nameless one is a syntax error already reported, and left out of the model).
 */
export function isModelled(node: AstNode & { name?: string }): boolean {
    return Boolean(node.name) && (!ast.isProduct(node.$container) || Boolean(node.$container.name));
}

/**
 * `orphan-feature`, `metric-direction`, `missing-forecast-input`: what one declaration
 * lacks or gets backwards, read from its own text.
 */
export class CompletenessChecks {
    constructor(private readonly locate: Locator) { }

    checkFeature(node: ast.Feature, accept: ValidationAcceptor): void {
        if (!isModelled(node)) return;
        if (node.addresses.length === 0 && node.moves.length === 0 && node.requestedBy.length === 0) {
            accept('warning', `Feature ${node.name} addresses no need, moves no metric and was requested by nobody: say why it exists with addresses, moves or requestedBy.`,
                { node, range: this.locate.name(node), code: Codes.OrphanFeature, data: { within: node.$cstNode?.range } });
        }
    }

    checkMetric(node: ast.Metric, accept: ValidationAcceptor): void {
        if (!isModelled(node)) return;
        const baseline = last(node.baseline);
        const current = last(node.current);
        const target = last(node.target);
        if (baseline !== undefined && current !== undefined && target !== undefined && isWrongDirection(baseline, current, target)) {
            const side = target > baseline ? 'below' : 'above';
            accept('warning', `Metric ${node.name}'s current value ${formatInput(current)} lies ${side} its baseline ${formatInput(baseline)} by more than the whole baseline→target interval (${formatInput(baseline)}→${formatInput(target)}): check the direction of current, baseline and target.`,
                { node, range: this.locate.property(node, 'current') ?? this.locate.name(node), code: Codes.MetricDirection });
        }
    }

    checkForecast(node: ast.Forecast, accept: ValidationAcceptor): void {
        if (!isModelled(node)) return;
        const missing = missingForecastInputs(node);
        if (missing.length === 0) return;
        accept('warning', `Forecast ${node.name} cannot be computed: it lacks ${missing.join(', ')}.`,
            { node, range: this.locate.name(node), code: Codes.MissingForecastInput });
    }
}
