import type { FeatureModel, ProductModel } from '@product-spec/language';
import { featureChartLabel } from '../labels.js';
import { flowchartNode, mermaidBlock } from '../mermaid.js';

/**
 * The `requires` graph around a product's features, as a flowchart read left to right: an
 * arrow runs from a prerequisite to the feature that needs it. Features of other products
 * are dashed; features on a dependency cycle are outlined in red.
 */
export function dependencyFlowchart(product: ProductModel): string[] | undefined {
    const ids = new Map<FeatureModel, string>();
    const id = (feature: FeatureModel) => {
        let existing = ids.get(feature);
        if (!existing) {
            existing = `f${ids.size + 1}`;
            ids.set(feature, existing);
        }
        return existing;
    };
    const edges: string[] = [];
    const seen = new Set<string>();
    const edge = (from: FeatureModel, to: FeatureModel) => {
        const line = `  ${id(from)} --> ${id(to)}`;
        if (!seen.has(line)) {
            seen.add(line);
            edges.push(line);
        }
    };
    for (const feature of product.features) {
        for (const required of feature.requires) edge(required, feature);
        for (const dependent of feature.requiredBy) if (dependent.product !== product) edge(feature, dependent);
    }
    if (edges.length === 0) return undefined;
    const nodes = [...ids].map(([feature, nodeId]) => `  ${flowchartNode(nodeId, featureChartLabel(feature, product))}`);
    const classes: string[] = [];
    const other = [...ids].filter(([feature]) => feature.product !== product).map(([, nodeId]) => nodeId);
    const cycle = [...ids].filter(([feature]) => feature.inCycle).map(([, nodeId]) => nodeId);
    const done = [...ids].filter(([feature]) => feature.status === 'shipped' || feature.status === 'dropped').map(([, nodeId]) => nodeId);
    if (other.length > 0) classes.push('  classDef other stroke-dasharray: 5 5', `  class ${other.join(',')} other`);
    if (done.length > 0) classes.push('  classDef done fill:#eeeeee,color:#555555', `  class ${done.join(',')} done`);
    if (cycle.length > 0) classes.push('  classDef cycle stroke:#cc0000,stroke-width:3px', `  class ${cycle.join(',')} cycle`);
    return mermaidBlock(['flowchart LR', ...nodes, ...edges, ...classes]);
}
