import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type LangiumCoreServices, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { reparseDeclaration } from '../syntax/incremental.js';

/**
 * Langium's document factory, which parses a changed document again only where it changed:
 * an edit inside one declaration reparses that declaration (syntax/incremental.ts), any
 * other edit the whole text.
 */
export class ProductSpecDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // As Langium's update: the text is the open editor's, else the file's.
        const previous = document.parseResult;
        const oldText = previous.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = textDocument ? textDocument.getText() : await this.fileSystemProvider.readFile(document.uri);
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument, configurable: true });
        } else {
            const getter = this.createTextDocumentGetter(document.uri, text);
            Object.defineProperty(document, 'textDocument', { get: getter, configurable: true });
        }
        if (oldText !== text) {
            const services = this.serviceRegistry.getServices(document.uri) as LangiumCoreServices;
            const incremental = oldText === undefined ? undefined
                : reparseDeclaration(services.parser.LangiumParser, previous as unknown as ParseResult<Model>, oldText, text);
            const parseResult = (incremental ?? await this.parseAsync(document.uri, text, cancellationToken)) as ParseResult<T>;
            (document as { parseResult: ParseResult<T> }).parseResult = parseResult;
            (parseResult.value as { $document?: LangiumDocument }).$document = document;
        }
        (document as { state: DocumentState }).state = DocumentState.Parsed;
        return document;
    }
}
