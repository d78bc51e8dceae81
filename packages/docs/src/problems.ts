import type { ProductModel, WorkspaceModel } from '@product-spec/language';

/**
 * A diagnostic of the spec as plain data, for the docs' "Open problems": what the CLI's
 * `validate` prints and the language server publishes, with the file as the reader knows
 * it (relative, never absolute: the docs must not depend on where the repository lies).
 */
export interface DocsProblem {
    /** The file as shown to people, e.g. `examples/acme/features.product`. */
    readonly file: string;
    /** The document's URI, used only to find the product whose block holds the problem. */
    readonly uri: string;
    /** 1-based. */
    readonly line: number;
    readonly column: number;
    readonly severity: 'error' | 'warning' | 'info' | 'hint';
    readonly code: string;
    readonly message: string;
}

const SEVERITIES = ['error', 'error', 'warning', 'info', 'hint'] as const;

/** An LSP diagnostic (0-based range, numeric severity) as a DocsProblem. */
export function toDocsProblem(file: string, uri: string, diagnostic: {
    range: { start: { line: number; character: number } };
    severity?: number;
    code?: number | string;
    message: string;
}): DocsProblem {
    return {
        file, uri,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        code: diagnostic.code === undefined ? '' : String(diagnostic.code),
        message: diagnostic.message
    };
}

/** What the docs need of an AST node to locate it: its text range and its document. */
interface Located {
    readonly $container?: Located;
    readonly $document?: { readonly uri: { toString(): string } };
    readonly $cstNode?: { readonly range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

function documentUri(node: Located): string | undefined {
    let current: Located | undefined = node;
    while (current?.$container) current = current.$container;
    return current?.$document?.uri.toString();
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The problems of each product (by the product block that holds them) and those outside any product. */
export interface SortedProblems {
    readonly byProduct: ReadonlyMap<ProductModel, DocsProblem[]>;
    readonly outside: DocsProblem[];
}

export function sortProblems(model: WorkspaceModel, problems: readonly DocsProblem[]): SortedProblems {
    const blocks = model.products.flatMap(product => product.blocks.map(block => {
        const located = block as unknown as Located;
        return { product, uri: documentUri(located), range: located.$cstNode?.range };
    }));
    const byProduct = new Map<ProductModel, DocsProblem[]>(model.products.map(product => [product, []]));
    const outside: DocsProblem[] = [];
    for (const problem of orderProblems(problems)) {
        const position = { line: problem.line - 1, character: problem.column - 1 };
        const block = blocks.find(b => b.uri === problem.uri && b.range && before(b.range.start, position) && before(position, b.range.end));
        if (block) byProduct.get(block.product)!.push(problem);
        else outside.push(problem);
    }
    return { byProduct, outside };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 };

/** Errors first, then warnings, then the rest; each by file, line and column. */
function orderProblems(problems: readonly DocsProblem[]): DocsProblem[] {
    return [...problems].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
        || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
        || a.line - b.line || a.column - b.column
        || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
