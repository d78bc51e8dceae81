import { compareText } from '@product-spec/language';
import type { FeatureModel, MetricModel, NeedModel, ProductModel, ReleaseModel, StakeholderModel, WorkspaceModel, ast } from '@product-spec/language';

/**
 * What the pages derive from the computed model (no markdown, no Mermaid): the orders
 * members are shown in and the sets a section shows.
 */

export const DAY = 24 * 60 * 60 * 1000;

/** The time of an ISO date (the model keeps only dates that exist), UTC milliseconds. */
export function dateTime(date: string | undefined): number | undefined {
    return date === undefined ? undefined : Date.parse(`${date}T00:00:00Z`);
}

/** A time as an ISO date. */
export function isoDate(time: number): string {
    return new Date(time).toISOString().slice(0, 10);
}

/** A product's releases by date (undated last), ties by name. */
export function releasesByDate(product: ProductModel): ReleaseModel[] {
    return [...product.releases].sort((a, b) => {
        const ta = dateTime(a.date);
        const tb = dateTime(b.date);
        if (ta !== tb) return ta === undefined ? 1 : tb === undefined ? -1 : ta - tb;
        return compareText(a.name, b.name);
    });
}

/** Features in the product's rank order (shipped and dropped ones after the ranked, by name). */
export function byRank(product: ProductModel, features: readonly FeatureModel[]): FeatureModel[] {
    const order = new Map(product.ranking.entries.map((e, i) => [e.feature, i]));
    return [...features].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}

/** The product's metrics, then the portfolio metrics it uses (moved by its features or named by its objectives). */
export function metricList(product: ProductModel, model: WorkspaceModel): MetricModel[] {
    const shared = model.shared.metrics.filter(metric =>
        metric.movedBy.some(f => f.product === product) || metric.objectives.some(o => product.objectives.includes(o)));
    return [...product.metrics, ...shared];
}

/** The metrics an objective names, as the product sees them. */
export function objectiveMetrics(objective: ast.Objective, product: ProductModel, model: WorkspaceModel): MetricModel[] {
    return metricList(product, model).filter(metric => metric.objectives.includes(objective));
}

/** The product's stakeholders, then those of the portfolio (or of another product) who manage it or asked for its features. */
export function productStakeholders(product: ProductModel, model: WorkspaceModel): StakeholderModel[] {
    const others = [...model.stakeholders.values()].filter(s => s.product !== product
        && (s.requested.some(f => f.product === product) || product.manager === s.node));
    return [...product.stakeholders, ...others];
}

/** Needs by opportunity, highest first (stable: declaration order among equals). */
export function byOpportunity(needs: readonly NeedModel[]): NeedModel[] {
    return [...needs].sort((a, b) => (b.opportunity ?? -1) - (a.opportunity ?? -1));
}

/**
 * An objective's progress: the mean progress of its metrics that have one (each
 * (current − baseline) ÷ (target − baseline)); null when none has.
 */
export function objectiveProgress(objective: ast.Objective, product: ProductModel, model: WorkspaceModel): number | null {
    const known = objectiveMetrics(objective, product, model).map(m => m.progress).filter((p): p is number => p !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** Open features: in the backlog (idea, planned or building). */
export function openFeatures(product: ProductModel): FeatureModel[] {
    return product.features.filter(f => f.status !== 'shipped' && f.status !== 'dropped');
}

/** Every stakeholder a portfolio page shows: the shared ones, then each product's (products by name). */
export function portfolioStakeholders(model: WorkspaceModel): StakeholderModel[] {
    return [...model.shared.stakeholders, ...model.products.flatMap(p => p.stakeholders)];
}

/** The first dated release that still holds work (a feature neither shipped nor dropped). */
export function nextLaunch(product: ProductModel): ReleaseModel | undefined {
    return releasesByDate(product).find(r => r.date && r.features.some(f => f.status !== 'shipped' && f.status !== 'dropped'));
}
