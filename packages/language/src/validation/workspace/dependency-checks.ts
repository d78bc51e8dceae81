import type { ValidationAcceptor } from 'langium';
import type * as ast from '../../generated/ast.js';
import type { FeatureModel, WorkspaceModel } from '../../model/types.js';
import { Codes } from '../codes.js';

/** A feature's name as written in a reference to it from another product's feature. */
function nameFrom(feature: FeatureModel, from: FeatureModel): string {
    return feature.product === from.product ? feature.name : `${feature.product.name}.${feature.name}`;
}

/** `dependency-cycle`, `release-order`, `requires-dropped`: on the `requires` reference at fault. */
export class DependencyChecks {
    checkFeature(model: WorkspaceModel, feature: FeatureModel, accept: ValidationAcceptor): void {
        const node = feature.node;
        const cycle = feature.inCycle ? model.cycles.find(c => c.includes(feature)) : undefined;
        let cycleReported = false;
        node.requires.forEach((reference, index) => {
            const required = reference.ref ? model.features.get(reference.ref) : undefined;
            if (!required) return;
            const info = { node, property: 'requires' as const, index };
            if (cycle && !cycleReported && cycle.includes(required)) {
                cycleReported = true;
                accept('error', `Feature ${feature.name} is on a dependency cycle: ${describeCycle(feature, cycle)}. Remove one of these requirements.`,
                    { ...info, code: Codes.DependencyCycle });
            }
            if (feature.status !== 'dropped' && required.status === 'dropped') {
                accept('error', `Feature ${feature.name} requires ${nameFrom(required, feature)}, which is dropped: remove the requirement, or give ${required.name} another status.`,
                    { ...info, code: Codes.RequiresDropped });
                return;
            }
            this.checkReleaseOrder(feature, required, accept, info);
        });
    }

    private checkReleaseOrder(feature: FeatureModel, required: FeatureModel, accept: ValidationAcceptor, info: { node: ast.Feature; property: 'requires'; index: number }): void {
        const release = feature.release;
        if (!release || feature.status === 'dropped' || feature.status === 'shipped') return;
        // A shipped prerequisite is already available, whatever its release.
        if (required.status === 'shipped' || required.status === 'dropped') return;
        const requiredName = nameFrom(required, feature);
        if (!required.release) {
            accept('error', `Feature ${feature.name} is in release ${release.name} but requires ${requiredName}, which has no release: put ${required.name} in ${release.name} or an earlier release.`,
                { ...info, code: Codes.ReleaseOrder });
            return;
        }
        const date = release.date;
        const requiredDate = required.release.date;
        if (date && requiredDate && date < requiredDate) {
            accept('error', `Feature ${feature.name} is in release ${release.name} (${date}) but requires ${requiredName}, planned for the later release ${required.release.name} (${requiredDate}): move ${required.name} to ${release.name} or earlier, or ${feature.name} to ${required.release.name} or later.`,
                { ...info, code: Codes.ReleaseOrder });
        }
    }
}

/** "a → b → c → a", starting at the given feature, following `requires` inside the cycle. */
function describeCycle(start: FeatureModel, cycle: FeatureModel[]): string {
    const members = new Set(cycle);
    const path = [start];
    let current = start;
    for (let step = 0; step < cycle.length; step++) {
        const next = current.requires.filter(r => members.has(r)).find(r => r === start || !path.includes(r))
            ?? current.requires.find(r => members.has(r))!;
        path.push(next);
        if (next === start) break;
        current = next;
    }
    return path.map(f => f.name).join(' → ');
}
