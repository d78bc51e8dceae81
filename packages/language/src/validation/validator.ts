import type { ValidationChecks } from 'langium';
import type { ProductSpecAstType } from '../generated/ast.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { CompletenessChecks } from './document/completeness-checks.js';
import { PropertyChecks } from './document/property-checks.js';
import { UnknownChecks } from './document/unknown-checks.js';
import { ValueChecks } from './document/value-checks.js';
import { Locator } from './locate.js';

/**
 * Registers the checks that read one document's own text (values, repeated properties,
 * completeness), one class per concern. They run when the document is parsed again, and
 * their results are kept until then (document-validator.ts). The checks that read the
 * whole workspace run once per workspace state: workspace/workspace-checks.ts.
 */
export function registerValidationChecks(services: ProductSpecServices): void {
    const registry = services.validation.ValidationRegistry;
    const locate = new Locator(services.syntax.PropertyKeywords);
    const properties = new PropertyChecks(locate);
    const property = [properties.checkDuplicateProperty, properties.checkMissingValues];
    registry.register<ProductSpecAstType>({
        Product: [properties.checkProductBlock, properties.checkMissingValues],
        Stakeholder: property, Persona: property, Need: property, Objective: property, Metric: property,
        Release: property, Feature: property, Forecast: property, Scenario: property, Rice: property, Wsjf: property, Ice: property,
        KanoSurvey: property, Scoring: [...property, properties.checkDuplicateWeights]
    } satisfies ValidationChecks<ProductSpecAstType>, properties);

    const values = new ValueChecks(locate);
    registry.register<ProductSpecAstType>({
        Persona: values.checkPersona, Need: values.checkNeed, Metric: values.checkMetric, Release: values.checkRelease,
        Feature: values.checkFeature, Forecast: values.checkForecast, Scenario: values.checkForecast, Rice: values.checkRice, Wsjf: values.checkWsjf,
        Ice: values.checkIce, KanoSurvey: values.checkKanoSurvey
    }, values);

    const unknown = new UnknownChecks(services.syntax.PropertyKeywords);
    registry.register<ProductSpecAstType>({ Unknown: unknown.checkUnknown }, unknown);

    const completeness = new CompletenessChecks(locate);
    registry.register<ProductSpecAstType>({
        Feature: completeness.checkFeature, Metric: completeness.checkMetric, Forecast: completeness.checkForecast
    }, completeness);
}
