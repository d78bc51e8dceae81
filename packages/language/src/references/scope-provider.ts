import { AstUtils, DefaultScopeProvider, stream, WorkspaceCache, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { isProduct } from '../generated/ast.js';
import { qualifiedMemberName } from './scope-computation.js';

/**
 * Resolves a name as the language contract says: inside product P, `x` is a member of P
 * (from any file) or else a top-level declaration; `q.x` is member x of product q.
 * Every lookup is a map access in the global index (built once per workspace state).
 */
export class ProductSpecScopeProvider extends DefaultScopeProvider {
    /** Per reference type: exported name → its first declaration in workspace order. */
    private readonly namesByType: WorkspaceCache<string, NameScope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.namesByType = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const product = AstUtils.getContainerOfType(context.container, isProduct);
        return new ProductScope(this.getGlobalScope(referenceType), product?.name);
    }

    /**
     * A name declared twice (a `duplicate-name` error) resolves to its first declaration in
     * workspace order (document URI, then position), whatever order the files were loaded in.
     */
    protected override getGlobalScope(referenceType: string): NameScope {
        return this.namesByType.get(referenceType, () => {
            const byDocument = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements(referenceType)) {
                const uri = description.documentUri.toString();
                let list = byDocument.get(uri);
                if (!list) byDocument.set(uri, list = []);
                list.push(description);
            }
            const names = new Map<string, AstNodeDescription>();
            for (const uri of [...byDocument.keys()].sort()) {
                for (const description of byDocument.get(uri)!) {
                    if (!names.has(description.name)) names.set(description.name, description);
                }
            }
            return new NameScope(names);
        });
    }
}

/** Exported names, each with one declaration. */
class NameScope implements Scope {
    constructor(private readonly names: ReadonlyMap<string, AstNodeDescription>) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.get(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const element = this.names.get(name);
        return stream(element ? [element] : []);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values());
    }
}

export class ProductScope implements Scope {
    constructor(private readonly global: Scope, private readonly productName: string | undefined) { }

    getElement(name: string): AstNodeDescription | undefined {
        if (name.includes('.')) {
            return this.global.getElement(name);
        }
        const member = this.productName ? this.global.getElement(qualifiedMemberName(this.productName, name)) : undefined;
        return member ?? this.global.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const element = this.getElement(name);
        return stream(element ? [element] : []);
    }

    /** For completion: own members by their short name, then top-level names, then other products' members qualified. */
    getAllElements(): Stream<AstNodeDescription> {
        const prefix = this.productName ? `${this.productName}.` : undefined;
        const own: AstNodeDescription[] = [];
        const others: AstNodeDescription[] = [];
        for (const description of this.global.getAllElements()) {
            if (prefix && description.name.startsWith(prefix)) {
                own.push({ ...description, name: description.name.slice(prefix.length) });
            } else {
                others.push(description);
            }
        }
        return stream(own, others);
    }
}
