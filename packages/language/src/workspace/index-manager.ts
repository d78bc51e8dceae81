import {
    AstUtils, DefaultIndexManager, DefaultReferenceDescriptionProvider, URI, type AstNode, type LangiumDocument,
    type ReferenceDescription, type Stream
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/** The member part of an exported or referenced name: `acme.auth` → `auth`. */
export function memberPart(name: string): string {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.slice(dot + 1);
}

/**
 * Langium's index, with two changes:
 * - it records the names that appeared or disappeared since they were last taken: the
 *   document builder relinks the references that name them (a new `auth` in product acme
 *   changes what `auth` means in all of acme's files);
 * - the descriptions of a document's references (what find-references and rename read) are
 *   made when first asked for, not on every build: a build only records which documents a
 *   document refers to, which is all that deciding what to relink needs. The command line
 *   never asks, and an edit does not pay for the whole file's references.
 */
export class ProductSpecIndexManager extends DefaultIndexManager {
    private changedNames = new Set<string>();
    /** Per document URI: the URIs of the documents its references resolve into. */
    private readonly targets = new Map<string, Set<string>>();
    /** Documents whose reference descriptions are to be made before the next find-references. */
    private readonly undescribed = new Set<string>();
    /** Documents with a reference that did not resolve when they were last linked. */
    private readonly unresolved = new Set<string>();

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        const targets = new Set<string>();
        let unresolved = false;
        for (const reference of document.references) {
            const target = (reference as { $nodeDescription?: { documentUri: URI } }).$nodeDescription?.documentUri;
            if (target) targets.add(target.toString());
            if (reference.error) unresolved = true;
        }
        this.targets.set(uri, targets);
        if (unresolved) this.unresolved.add(uri); else this.unresolved.delete(uri);
        this.referenceIndex.delete(uri);
        this.undescribed.add(uri);
    }

    override removeReferences(uri: URI): void {
        const key = uri.toString();
        this.targets.delete(key);
        this.undescribed.delete(key);
        this.unresolved.delete(key);
        super.removeReferences(uri);
    }

    /** True when the document had a reference that did not resolve, when it was last linked. */
    hasUnresolved(document: LangiumDocument): boolean {
        return this.unresolved.has(document.uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (uri !== document.uri.toString() && targets.has(uri)) return true;
        return false;
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const uri of this.undescribed) {
            const document = this.documents.getDocument(URI.parse(uri));
            const provider = document && this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
            if (provider instanceof ProductSpecReferenceDescriptionProvider) this.referenceIndex.set(uri, provider.describe(document!));
        }
        this.undescribed.clear();
        return super.findAllReferences(targetNode, astNodePath);
    }


    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        const before = this.symbolIndex.get(uri);
        await super.updateContent(document, cancelToken);
        this.recordChange(before, this.symbolIndex.get(uri));
    }

    override removeContent(uri: URI): void {
        this.recordChange(this.symbolIndex.get(uri.toString()), undefined);
        super.removeContent(uri);
    }

    /** The member names declared or removed since the last call (then forgotten). */
    takeChangedNames(): Set<string> {
        const names = this.changedNames;
        this.changedNames = new Set();
        return names;
    }

    private recordChange(before: ReadonlyArray<{ name: string; type: string }> | undefined, after: ReadonlyArray<{ name: string; type: string }> | undefined): void {
        const key = (d: { name: string; type: string }) => `${d.type}:${d.name}`;
        const old = new Set((before ?? []).map(key));
        const now = new Set((after ?? []).map(key));
        for (const description of before ?? []) if (!now.has(key(description))) this.changedNames.add(memberPart(description.name));
        for (const description of after ?? []) if (!old.has(key(description))) this.changedNames.add(memberPart(description.name));
    }
}

/** Langium's reference descriptions, also made at once (synchronously) when the index asks. */
export class ProductSpecReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    describe(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            });
        }
        return descriptions;
    }
}
