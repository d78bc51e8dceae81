import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';
import { MUST_SHARE_LIMIT } from '../model/formulas.js';
import type { ModelService } from '../model/model-service.js';
import { Codes } from './codes.js';
import type { Locator } from './locate.js';
import { formatInput } from './value-checks.js';

/** `over-capacity` and `must-share`, from the computed release load. */
export class ReleaseChecks {
    constructor(private readonly models: ModelService, private readonly locate: Locator) { }

    checkRelease(node: ast.Release, accept: ValidationAcceptor): void {
        const release = this.models.model.releases.get(node);
        if (!release) return;
        if (release.capacity !== undefined && release.load > release.capacity) {
            accept('warning', `Release ${release.name} is over capacity: its load is ${formatInput(release.load)} person-months, ${formatInput(release.load - release.capacity)} more than its capacity of ${formatInput(release.capacity)}. Move features out or raise the capacity.`,
                { node, range: this.locate.property(node, 'capacity') ?? this.locate.name(node), code: Codes.OverCapacity });
        }
        if (release.mustShare !== null && release.mustShare > MUST_SHARE_LIMIT) {
            accept('warning', `Musts take ${formatInput(Math.round(release.mustShare * 1000) / 10)}% of release ${release.name}'s load (${formatInput(release.mustLoad)} of ${formatInput(release.load)} person-months): DSDM keeps musts at or below 60%; make some of them should or could.`,
                { node, range: this.locate.name(node), code: Codes.MustShare });
        }
    }
}
