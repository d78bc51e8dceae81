import { AstUtils, DefaultScopeProvider, stream, type AstNodeDescription, type ReferenceInfo, type Scope, type Stream } from 'langium';
import { isProduct } from '../generated/ast.js';
import { qualifiedMemberName } from './scope-computation.js';

/**
 * Resolves a name as the language contract says: inside product P, `x` is a member of P
 * (from any file) or else a top-level declaration; `q.x` is member x of product q.
 * Every lookup is a map access in the global index (built once per workspace state).
 */
export class ProductSpecScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const global = this.getGlobalScope(referenceType, context);
        const product = AstUtils.getContainerOfType(context.container, isProduct);
        return new ProductScope(global, product?.name);
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
