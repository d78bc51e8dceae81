import { buildWorkspace, Codes, type HiddenProblems, createProductSpecServices, SpecFileSystem, URI, type DiagnosticEntry, type ProductSpecServices, type WorkspaceModel } from '@product-spec/language';
import type { LangiumDocument } from 'langium';

import type { Diagnostic } from 'vscode-languageserver';
import { UsageError } from './errors.js';
import { findSpecFiles, readSpecFile, type FindOptions, type SpecFile, type SpecText } from './files.js';

export interface FileDiagnostic {
    readonly file: SpecFile;
    readonly diagnostic: Diagnostic;
}

/** The command line's specs, loaded, linked and validated as one workspace. */
export interface LoadedWorkspace {
    readonly files: SpecFile[];
    readonly services: ProductSpecServices;
    readonly documents: LangiumDocument[];
    /** Every diagnostic, ordered by file (as found), line, column. */
    readonly diagnostics: FileDiagnostic[];
    readonly errors: number;
    readonly warnings: number;
    readonly model: WorkspaceModel;
}

export async function loadWorkspace(paths: readonly string[], options: FindOptions = {}): Promise<LoadedWorkspace> {
    return buildSpecWorkspace(await readSpecFiles(paths, options));
}

/** The command line's paths: files as given, folders searched; each file read. */
export async function readSpecFiles(paths: readonly string[], options: FindOptions = {}): Promise<SpecText[]> {
    const files = await findSpecFiles(paths, options);
    const texts = await Promise.all(files.map(readSpecFile));
    return files.map((file, index) => ({ ...file, ...texts[index] }));
}

/** Files with their texts, built as one workspace with services of its own. */
export async function buildSpecWorkspace(files: readonly SpecText[]): Promise<LoadedWorkspace> {
    const sources = files.map(file => ({ uri: URI.file(file.absolute), text: file.text }));
    const { shared, ProductSpec } = createProductSpecServices(SpecFileSystem);
    return loadedWorkspace(files, ProductSpec, await buildWorkspace(shared, sources));
}

/** A built workspace as the commands read it: `documents[i]` is the document of `files[i]`. */
export function loadedWorkspace(files: readonly SpecText[], services: ProductSpecServices, documents: LangiumDocument[]): LoadedWorkspace {
    const diagnostics: FileDiagnostic[] = [];
    documents.forEach((document, index) => {
        const sorted = [...(document.diagnostics ?? [])].sort((a, b) =>
            a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
            || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character
            || (String(a.code) < String(b.code) ? -1 : String(a.code) > String(b.code) ? 1 : 0));
        const notUtf8 = files[index].notUtf8;
        if (notUtf8) {
            const at = { line: notUtf8.line - 1, character: notUtf8.column - 1 };
            diagnostics.push({ file: files[index], diagnostic: {
                severity: 1, code: Codes.Syntax, source: 'product-spec', range: { start: at, end: { ...at, character: at.character + 1 } },
                message: 'This file is not UTF-8: the byte here is not (it reads as \uFFFD); save the file as UTF-8.'
            } });
        }
        // A file's `too-many-problems` comes last, after the problems it shows.
        const capped = sorted.filter(d => d.code === Codes.TooManyProblems);
        for (const diagnostic of [...sorted.filter(d => d.code !== Codes.TooManyProblems), ...capped]) diagnostics.push({ file: files[index], diagnostic });
    });
    // The totals count what a `too-many-problems` stands for, not the diagnostic itself.
    const count = (severity: number, hidden: 'errors' | 'warnings') => diagnostics.reduce((sum, { diagnostic }) => {
        if (diagnostic.code === Codes.TooManyProblems) return sum + ((diagnostic.data as HiddenProblems | undefined)?.hidden[hidden] ?? 0);
        return sum + (diagnostic.severity === severity ? 1 : 0);
    }, 0);
    return {
        files: [...files], services, documents, diagnostics,
        errors: count(1, 'errors'),
        warnings: count(2, 'warnings'),
        model: services.model.ModelService.model
    };
}

export const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'] as const;

/** The diagnostics as `validate --format json` lists them: 1-based positions, files as shown. */
export function diagnosticEntries(workspace: LoadedWorkspace): DiagnosticEntry[] {
    return workspace.diagnostics.map(({ file, diagnostic }) => ({
        file: file.display,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? 1],
        code: String(diagnostic.code ?? ''),
        message: diagnostic.message
    }));
}

/** The `--product` a command was given, checked against the workspace: one message for every command. */
export function chosenProduct(workspace: LoadedWorkspace, product: string | undefined): string | undefined {
    if (product !== undefined && !workspace.model.productsByName.has(product)) {
        const known = workspace.model.products.map(p => p.name);
        throw new UsageError(`No product named '${product}' in these specs${known.length > 0 ? ` (products: ${known.join(', ')})` : ''}.`);
    }
    return product;
}
