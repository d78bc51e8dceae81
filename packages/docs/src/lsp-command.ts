import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    DocsPreviewRequest, GENERATE_DOCS_COMMAND, productAt, workspaceReady, workspaceRoot,
    type CommandHandler, type DocsPreview, type DocsPreviewParams, type ExtraRequestHandler, type GenerateDocsArgs, type GenerateDocsResult, type WorkspaceModel
} from '@product-spec/language';
import { AUDIENCES, isAudience } from './audience.js';
import { generateDocPage, generateDocs } from './generate.js';
import { toDocsProblem, type DocsProblem } from './problems.js';
import { writeDocs, type WriteFile } from './write.js';

export { GENERATE_DOCS_COMMAND, type GenerateDocsArgs, type GenerateDocsResult };

/** The folder the docs go to when the command names none: `docs` in the workspace root. */
export const DEFAULT_DOCS_FOLDER = 'docs';

export interface GenerateDocsContext {
    readonly model: WorkspaceModel;
    /** A folder path or a `file:` URI. */
    readonly workspaceRoot: string;
    /** The workspace's diagnostics, for "Open problems" (see `documentProblems`). */
    readonly diagnostics: readonly DocsProblem[];
    /** The configured default output folder (a setting), relative to the workspace root or absolute. */
    readonly defaultOutputDir?: string;
    readonly writeFile?: WriteFile;
}

function folderPath(location: string): string {
    return location.startsWith('file:') ? fileURLToPath(location) : location;
}

/**
 * Handler of `productSpec.generateDocs`: the same files, marker and overwrite rules as
 * `product-spec docs`. Takes the command's first argument (or the arguments array as
 * LSP sends it). Throws only on I/O errors, with one sentence.
 */
export async function generateDocsCommand(args: GenerateDocsArgs | readonly unknown[] | undefined | null, context: GenerateDocsContext): Promise<GenerateDocsResult> {
    const options = (Array.isArray(args) ? args[0] : args) as GenerateDocsArgs | undefined | null;
    if (options !== undefined && options !== null && (typeof options !== 'object' || (options.outputDir !== undefined && typeof options.outputDir !== 'string')
        || (options.audience !== undefined && !isAudience(options.audience)))) {
        throw new Error(`${GENERATE_DOCS_COMMAND} takes { outputDir?: string, force?: boolean, audience?: ${AUDIENCES.map(a => `'${a}'`).join(' | ')} }.`);
    }
    const root = folderPath(context.workspaceRoot);
    const outputDir = path.resolve(root, options?.outputDir ?? context.defaultOutputDir ?? DEFAULT_DOCS_FOLDER);
    const files = generateDocs(context.model, context.diagnostics, { audience: options?.audience });
    let result;
    try {
        result = await writeDocs(outputDir, files, { force: options?.force === true, writeFile: context.writeFile });
    } catch (error) {
        throw new Error(`Cannot write the docs to ${outputDir} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    const shown = path.relative(root, outputDir) || '.';
    const message = result.blocked
        ? `Nothing was written: ${result.handWritten.join(', ')} in ${shown} lacks the generated-file marker, so it is not product-spec's to overwrite.`
        : `Docs in ${shown}: ${result.written.length} written, ${result.unchanged.length} already up to date` +
          `${result.stale.length > 0 ? `; no longer generated (delete if unwanted): ${result.stale.join(', ')}` : ''}.`;
    return {
        written: result.blocked ? [] : result.written,
        skipped: result.blocked ? result.handWritten : [],
        unchanged: result.unchanged,
        stale: result.stale,
        outputDir,
        message
    };
}

/** What `documentProblems` needs of a Langium document. */
export interface DocumentWithDiagnostics {
    readonly uri: { toString(): string; readonly fsPath: string };
    readonly diagnostics?: ReadonlyArray<Parameters<typeof toDocsProblem>[2]>;
}

/** The diagnostics of the workspace's documents as DocsProblems, files relative to the root. */
export function documentProblems(documents: Iterable<DocumentWithDiagnostics>, workspaceRoot: string): DocsProblem[] {
    const root = folderPath(workspaceRoot);
    const problems: DocsProblem[] = [];
    for (const document of documents) {
        const file = path.relative(root, document.uri.fsPath).split(path.sep).join('/');
        for (const diagnostic of document.diagnostics ?? []) problems.push(toDocsProblem(file, document.uri.toString(), diagnostic));
    }
    return problems;
}

/**
 * The language server's commands from this package, ready for `startServer({ commands })`
 * (used by `product-spec lsp` and by the VS Code extension's server). The output folder is
 * the command's argument, else `defaultOutputDir()` (a client setting), else `docs`, relative
 * to the first workspace folder.
 */
export function docsServerCommands(options: { defaultOutputDir?: () => string | undefined } = {}): Record<string, CommandHandler> {
    return {
        [GENERATE_DOCS_COMMAND]: (args, services) => {
            const root = services.shared.workspace.WorkspaceManager.workspaceFolders?.[0]?.uri ?? process.cwd();
            return generateDocsCommand(args as readonly unknown[], {
                model: services.model.ModelService.model,
                workspaceRoot: root,
                diagnostics: documentProblems(services.shared.workspace.LangiumDocuments.all, root),
                defaultOutputDir: options.defaultOutputDir?.()
            });
        }
    };
}

/**
 * The language server's requests from this package, ready for `startServer({ requests })`:
 * `productSpec/docsPreview`, the page Generate Docs would write for a product (or the
 * portfolio's), for previews in any editor.
 */
export function docsServerRequests(): Record<string, ExtraRequestHandler> {
    return {
        [DocsPreviewRequest.method]: async (params, services, cancelToken) => {
            await workspaceReady(services.shared, cancelToken);
            const { product: name, uri, position, audience } = (params ?? {}) as DocsPreviewParams;
            if (audience !== undefined && !isAudience(audience)) throw new Error(`${DocsPreviewRequest.method}: unknown audience '${String(audience)}'.`);
            const model = services.model.ModelService.model;
            const product = name !== undefined ? model.productsByName.get(name) : uri !== undefined ? productAt(services, model, uri, position) : undefined;
            const page = generateDocPage(model, product, documentProblems(services.shared.workspace.LangiumDocuments.all, workspaceRoot(services) ?? '/'), { audience });
            const ref = (p: { name: string; title?: string }) => ({ name: p.name, title: p.title ?? null });
            return {
                product: product ? ref(product) : null,
                path: page.path,
                markdown: page.content,
                products: model.products.map(ref)
            } satisfies DocsPreview;
        }
    };
}
