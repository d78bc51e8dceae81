import { DefaultScopeComputation, MultiMap, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import { isProduct, type Model } from '../generated/ast.js';

/** The name a product member is exported under: `product.member`. */
export function qualifiedMemberName(productName: string, memberName: string): string {
    return `${productName}.${memberName}`;
}

/**
 * Every declaration is exported to the workspace index once, keyed by a name that is
 * unique per scope: top-level stakeholders, personas and metrics by their own name,
 * product members as `product.member`. Products reopened in several files therefore
 * merge by construction. No local symbols are collected: the scope provider resolves
 * everything through the name-keyed global index, so lookups do not grow with file size.
 */
export class ProductSpecScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value as Model;
        const exports: AstNodeDescription[] = [];
        for (const declaration of model.declarations ?? []) {
            if (isProduct(declaration)) {
                if (!declaration.name) continue;
                for (const member of declaration.members) {
                    if (member.name) {
                        exports.push(this.descriptions.createDescription(member, qualifiedMemberName(declaration.name, member.name), document));
                    }
                }
            } else if (declaration.name) {
                exports.push(this.descriptions.createDescription(declaration, declaration.name, document));
            }
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<never, never>() as unknown as LocalSymbols;
    }
}
