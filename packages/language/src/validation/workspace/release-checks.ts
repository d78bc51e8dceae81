import type { ValidationAcceptor } from 'langium';
import { MUST_SHARE_LIMIT } from '../../model/formulas.js';
import type { ReleaseModel } from '../../model/types.js';
import { Codes } from '../codes.js';
import type { Locator } from '../locate.js';
import { formatInput } from '../messages.js';

/** `over-capacity` and `must-share`, from the computed release load. */
export class ReleaseChecks {
    constructor(private readonly locate: Locator) { }

    checkRelease(release: ReleaseModel, accept: ValidationAcceptor): void {
        const node = release.node;
        // A negative capacity is out-of-range already (value checks): no over-capacity on top of it.
        if (release.capacity !== undefined && release.capacity >= 0 && release.load > release.capacity) {
            accept('warning', `Release ${release.name} is over capacity: its load is ${formatInput(release.load)} person-months, ${formatInput(release.load - release.capacity)} more than its capacity of ${formatInput(release.capacity)}. Move features out or raise the capacity.`,
                { node, range: this.locate.property(node, 'capacity') ?? this.locate.name(node), code: Codes.OverCapacity });
        }
        if (release.mustShare !== null && release.mustShare > MUST_SHARE_LIMIT) {
            accept('warning', `Musts take ${formatInput(Math.round(release.mustShare * 1000) / 10)}% of release ${release.name}'s load (${formatInput(release.mustLoad)} of ${formatInput(release.load)} person-months): DSDM keeps musts at or below 60%; make some of them should or could.`,
                { node, range: this.locate.name(node), code: Codes.MustShare });
        }
    }
}
