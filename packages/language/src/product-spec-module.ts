import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { ProductSpecDocumentUpdateHandler } from './server/document-updates.js';
import { ProductSpecGeneratedModule, ProductSpecGeneratedSharedModule } from './generated/module.js';
import { ProductSpecCodeActionProvider } from './lsp/code-actions.js';
import { ProductSpecCodeLensProvider } from './lsp/code-lens.js';
import { ProductSpecCommandHandler } from './server/commands.js';
import { ProductSpecWorkspaceManager } from './workspace/workspace-manager.js';
import { ProductSpecCompletionProvider } from './lsp/completion.js';
import { ProductSpecFormatter } from './lsp/formatter.js';
import { ProductSpecHoverProvider } from './lsp/hover.js';
import { ProductSpecInlayHintProvider } from './lsp/inlay-hints.js';
import { ProductSpecSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { ModelService } from './model/model-service.js';
import { ProductSpecLanguageServer } from './lsp/language-server.js';
import { ProductSpecRenameProvider } from './lsp/rename.js';
import { ProductSpecConfigurationProvider } from './lsp/settings.js';
import { ProductSpecDocumentSymbolProvider, ProductSpecNodeKindProvider, ProductSpecWorkspaceSymbolProvider } from './lsp/symbols.js';
import { PlanService } from './model/plan/plan-service.js';
import { ProductSpecScopeComputation } from './references/scope-computation.js';
import { ProductSpecScopeProvider } from './references/scope-provider.js';
import { ProductSpecParserErrorMessageProvider } from './syntax/parser-messages.js';
import { PropertyKeywords } from './syntax/properties.js';
import { ProductSpecLexer } from './syntax/lexer.js';
import { createProductSpecCompletionParser, createProductSpecParser } from './syntax/parser.js';
import { ProductSpecTokenBuilder } from './syntax/token-builder.js';
import { ProductSpecValueConverter } from './syntax/value-converter.js';
import { ProductSpecDocumentValidator } from './validation/document-validator.js';
import { registerValidationChecks } from './validation/validator.js';
import { WorkspaceChecks } from './validation/workspace/workspace-checks.js';
import { ProductSpecDocumentBuilder } from './workspace/document-builder.js';
import { ProductSpecDocumentFactory } from './workspace/document-factory.js';
import { ProductSpecIndexManager, ProductSpecReferenceDescriptionProvider } from './workspace/index-manager.js';

/** Services this language adds to Langium's. */
export interface ProductSpecAddedServices {
    syntax: {
        PropertyKeywords: PropertyKeywords;
    };
    model: {
        ModelService: ModelService;
        PlanService: PlanService;
    };
    validation: {
        WorkspaceChecks: WorkspaceChecks;
    };
}

export type ProductSpecServices = LangiumServices & ProductSpecAddedServices;

/** The language's services, as a table: what replaces Langium's defaults, and what is added. */
export const ProductSpecModule: Module<ProductSpecServices, PartialLangiumServices & ProductSpecAddedServices> = {
    parser: {
        ValueConverter: () => new ProductSpecValueConverter(),
        TokenBuilder: () => new ProductSpecTokenBuilder(),
        Lexer: services => new ProductSpecLexer(services),
        LangiumParser: services => createProductSpecParser(services),
        CompletionParser: services => createProductSpecCompletionParser(services),
        // Every decision of the grammar is LL(2) at most: chevrotain's LL(k) lookahead, not ALL(*).
        ParserConfig: () => ({ maxLookahead: 3 }),
        ParserErrorMessageProvider: () => new ProductSpecParserErrorMessageProvider()
    },
    references: {
        ScopeComputation: services => new ProductSpecScopeComputation(services),
        ScopeProvider: services => new ProductSpecScopeProvider(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new ProductSpecReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new ProductSpecDocumentValidator(services, services.syntax.PropertyKeywords, services.validation.WorkspaceChecks),
        WorkspaceChecks: services => new WorkspaceChecks(services.model.ModelService, services.syntax.PropertyKeywords)
    },
    lsp: {
        CodeActionProvider: services => new ProductSpecCodeActionProvider(services),
        HoverProvider: services => new ProductSpecHoverProvider(services),
        CodeLensProvider: services => new ProductSpecCodeLensProvider(services),
        InlayHintProvider: services => new ProductSpecInlayHintProvider(services),
        CompletionProvider: services => new ProductSpecCompletionProvider(services),
        Formatter: services => new ProductSpecFormatter(services),
        SemanticTokenProvider: services => new ProductSpecSemanticTokenProvider(services),
        RenameProvider: services => new ProductSpecRenameProvider(services),
        DocumentSymbolProvider: services => new ProductSpecDocumentSymbolProvider(services)
    },
    syntax: {
        PropertyKeywords: services => new PropertyKeywords(services.Grammar)
    },
    model: {
        ModelService: services => new ModelService(services.shared),
        PlanService: services => new PlanService(services.shared)
    }
};

/** Shared services (one set for the whole workspace) that replace Langium's defaults. */
export const ProductSpecSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        ExecuteCommandHandler: () => new ProductSpecCommandHandler(),
        NodeKindProvider: () => new ProductSpecNodeKindProvider(),
        LanguageServer: services => new ProductSpecLanguageServer(services),
        WorkspaceSymbolProvider: services => new ProductSpecWorkspaceSymbolProvider(services),
        DocumentUpdateHandler: services => new ProductSpecDocumentUpdateHandler(services)
    },
    workspace: {
        WorkspaceManager: services => new ProductSpecWorkspaceManager(services),
        DocumentBuilder: services => new ProductSpecDocumentBuilder(services),
        LangiumDocumentFactory: services => new ProductSpecDocumentFactory(services),
        IndexManager: services => new ProductSpecIndexManager(services),
        ConfigurationProvider: services => new ProductSpecConfigurationProvider(services)
    }
};

/**
 * Creates the shared and language services. `context` gives the file system (Node's for the
 * CLI, an empty one for tests) and, for the language server, the connection. `override`
 * replaces services (the benchmark uses it to compare with Langium's default scoping).
 */
export function createProductSpecServices(context: DefaultSharedModuleContext, override?: Module<ProductSpecServices, PartialLangiumServices>): {
    shared: LangiumSharedServices;
    ProductSpec: ProductSpecServices;
} {
    const shared = inject(createDefaultSharedModule(context), ProductSpecGeneratedSharedModule, ProductSpecSharedModule);
    const ProductSpec = override
        ? inject(createDefaultModule({ shared }), ProductSpecGeneratedModule, ProductSpecModule, override)
        : inject(createDefaultModule({ shared }), ProductSpecGeneratedModule, ProductSpecModule);
    shared.ServiceRegistry.register(ProductSpec);
    registerValidationChecks(ProductSpec);
    if (!context.connection) {
        // Without a language server the configuration is never sent: mark it as ready.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, ProductSpec };
}
