import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider, type FuzzyMatcher, type NodeKindProvider } from 'langium/lsp';
import { CancellationToken, SymbolKind, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isProduct } from '../generated/ast.js';
import type { ProductSpecServices } from '../product-spec-module.js';

/**
 * What each declaration is in the outline, breadcrumbs and Ctrl+T (issue 11): a kind of its
 * own (VS Code draws each with its icon) and its title as the detail.
 */
const SYMBOL_KIND: Readonly<Record<string, SymbolKind>> = {
    Product: SymbolKind.Module,
    Stakeholder: SymbolKind.Object,
    Persona: SymbolKind.Interface,
    Need: SymbolKind.Property,
    Objective: SymbolKind.Enum,
    Metric: SymbolKind.Number,
    Release: SymbolKind.Event,
    Feature: SymbolKind.Function,
    Forecast: SymbolKind.Struct,
    Scenario: SymbolKind.EnumMember
};

export class ProductSpecNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        const type = 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
        return SYMBOL_KIND[type] ?? SymbolKind.Field;
    }
}

export class ProductSpecDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: NonNullable<AstNode['$cstNode']>, nameNode: NonNullable<AstNode['$cstNode']>, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }
}

/**
 * Ctrl+T: every declaration whose name or title matches the query (Langium's fuzzy
 * matcher, as VS Code users expect: `bulk` finds bulk_export, `sign` finds "Single
 * sign-on"), members shown with their product as the container.
 */
export class ProductSpecWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly matcher: FuzzyMatcher;
    private readonly kinds: NodeKindProvider;

    constructor(services: ProductSpecServices['shared']) {
        this.documents = services.workspace.LangiumDocuments;
        this.matcher = services.lsp.FuzzyMatcher;
        this.kinds = services.lsp.NodeKindProvider;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            if (cancelToken.isCancellationRequested) break;
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                const name = (node as { name?: unknown }).name;
                if (typeof name !== 'string' || !SYMBOL_KIND[node.$type]) continue;
                const title = (node as { title?: string }).title;
                const matches = query === '' || this.matcher.match(query, name.toLowerCase()) || (title !== undefined && this.matcher.match(query, title.toLowerCase()));
                const range = node.$cstNode?.range;
                if (!matches || !range) continue;
                const product = isProduct(node) ? undefined : AstUtils.getContainerOfType(node.$container, isProduct);
                symbols.push({
                    name: title ? `${name} — ${title}` : name,
                    kind: this.kinds.getSymbolKind(node),
                    ...(product ? { containerName: product.name } : {}),
                    location: { uri: document.uri.toString(), range }
                });
            }
        }
        return symbols;
    }
}
