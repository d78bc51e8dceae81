import { DefaultLanguageServer } from 'langium/lsp';
import type { InitializeParams, InitializeResult } from 'vscode-languageserver';

/** The server's name and version as `initialize` reports them (kept equal to package.json by a test). */
export const SERVER_INFO = { name: 'product-spec', version: '0.1.0' } as const;

/** Langium's language server, saying who it is in `serverInfo` (issue 11). */
export class ProductSpecLanguageServer extends DefaultLanguageServer {
    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        return { ...super.buildInitializeResult(params), serverInfo: { ...SERVER_INFO } };
    }
}
