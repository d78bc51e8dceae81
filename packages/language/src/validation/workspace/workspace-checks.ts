import { AstUtils, getDiagnosticRange, toDiagnosticSeverity, type LangiumDocument, type ValidationAcceptor } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { ModelService } from '../../model/model-service.js';
import type { WorkspaceModel } from '../../model/types.js';
import type { PropertyKeywords } from '../../syntax/properties.js';
import { Locator } from '../locate.js';
import { DependencyChecks } from './dependency-checks.js';
import { NameChecks } from './name-checks.js';
import { ReleaseChecks } from './release-checks.js';
import { TraceabilityChecks } from './traceability-checks.js';

/** The source every diagnostic of this language carries. */
export const DIAGNOSTIC_SOURCE = 'product-spec';

/**
 * The checks that read the whole workspace (duplicate names, product properties across
 * blocks, dependency cycles, requires-dropped, release order, capacity, must share, unused
 * metrics, reverse features, missing score inputs), run in one pass over the computed model
 * once per workspace state. Their diagnostics may concern any file, whichever changed: the
 * document validator adds each document's share to its own checks.
 */
export class WorkspaceChecks {
    private readonly names: NameChecks;
    private readonly dependencies: DependencyChecks;
    private readonly releases: ReleaseChecks;
    private readonly traceability: TraceabilityChecks;
    private readonly byModel = new WeakMap<WorkspaceModel, Map<string, Diagnostic[]>>();

    constructor(private readonly models: ModelService, keywords: PropertyKeywords) {
        const locate = new Locator(keywords);
        this.names = new NameChecks(locate);
        this.dependencies = new DependencyChecks();
        this.releases = new ReleaseChecks(locate);
        this.traceability = new TraceabilityChecks(locate);
    }

    /** The workspace checks' diagnostics in a document, for the current workspace state. */
    diagnosticsOf(document: LangiumDocument): readonly Diagnostic[] {
        const model = this.models.model;
        let byDocument = this.byModel.get(model);
        if (!byDocument) this.byModel.set(model, byDocument = this.run(model));
        return byDocument.get(document.uri.toString()) ?? [];
    }

    private run(model: WorkspaceModel): Map<string, Diagnostic[]> {
        const byDocument = new Map<string, Diagnostic[]>();
        const accept: ValidationAcceptor = (severity, message, info) => {
            const uri = AstUtils.getDocument(info.node).uri.toString();
            let list = byDocument.get(uri);
            if (!list) byDocument.set(uri, list = []);
            list.push({
                message, range: getDiagnosticRange(info), severity: toDiagnosticSeverity(severity),
                code: info.code, data: info.data, source: DIAGNOSTIC_SOURCE
            });
        };
        this.names.check(model, accept);
        for (const feature of model.features.values()) {
            this.dependencies.checkFeature(model, feature, accept);
            this.traceability.checkFeature(feature, accept);
        }
        for (const release of model.releases.values()) this.releases.checkRelease(release, accept);
        for (const metric of model.metrics.values()) this.traceability.checkMetric(metric, accept);
        return byDocument;
    }
}
