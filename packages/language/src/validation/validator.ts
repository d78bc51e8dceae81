import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { ProductSpecAstType } from '../generated/ast.js';
import type { ProductSpecServices } from '../product-spec-module.js';
import { DependencyChecks } from './dependency-checks.js';
import { DuplicateChecks } from './duplicate-checks.js';
import { Locator } from './locate.js';
import { ReleaseChecks } from './release-checks.js';
import { TraceabilityChecks } from './traceability-checks.js';
import { ValueChecks } from './value-checks.js';

/** Registers every check of the contract's diagnostic table, one class per concern. */
export function registerValidationChecks(services: ProductSpecServices): void {
    const models = services.model.ModelService;
    const locate = new Locator(services.syntax.PropertyKeywords);
    const duplicates = new DuplicateChecks(models, locate);
    const values = new ValueChecks(locate);
    const dependencies = new DependencyChecks(models, locate);
    const releases = new ReleaseChecks(models, locate);
    const traceability = new TraceabilityChecks(models, locate);

    const bind = <T extends AstNode>(check: (node: T, accept: ValidationAcceptor) => void, owner: object) =>
        (node: T, accept: ValidationAcceptor) => check.call(owner, node, accept);
    const property = bind(duplicates.checkDuplicateProperty, duplicates);
    const name = bind(duplicates.checkDuplicateName, duplicates);

    const checks: ValidationChecks<ProductSpecAstType> = {
        Product: [bind(duplicates.checkProductProperties, duplicates)],
        Stakeholder: [property, name],
        Persona: [property, name, bind(values.checkPersona, values)],
        Need: [property, name, bind(values.checkNeed, values)],
        Objective: [property, name],
        Metric: [property, name, bind(values.checkMetric, values), bind(traceability.checkMetric, traceability)],
        Release: [property, name, bind(values.checkRelease, values), bind(releases.checkRelease, releases)],
        Feature: [property, name, bind(values.checkFeature, values), bind(dependencies.checkFeature, dependencies), bind(traceability.checkFeature, traceability)],
        Forecast: [property, name, bind(values.checkForecast, values), bind(traceability.checkForecast, traceability)],
        Rice: [property, bind(values.checkRice, values)],
        Wsjf: [property, bind(values.checkWsjf, values)],
        Ice: [property, bind(values.checkIce, values)],
        KanoSurvey: [property, bind(values.checkKanoSurvey, values)],
        Scoring: [property]
    };
    services.validation.ValidationRegistry.register(checks);
}
