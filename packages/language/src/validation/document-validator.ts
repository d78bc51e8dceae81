import {
    AstUtils, CstUtils, DefaultDocumentValidator, DocumentValidator, GrammarAST, isLeafCstNode, isOperationCancelled,
    type AstNode, type CstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { isProduct, type Model, type Product } from '../generated/ast.js';
import { ownCstNode, type PropertyKeywords } from '../syntax/properties.js';
import { Codes, type FixData } from './codes.js';
import { propertyOfAnotherBlock } from './document/unknown-checks.js';
import { BLOCK_WORD, editDistance, kindWord } from './messages.js';
import type { WorkspaceChecks } from './workspace/workspace-checks.js';

/**
 * Langium's built-in diagnostics with the contract's codes: lexer and parser errors become
 * `syntax` (saying what was expected where), linking errors `unresolved-reference` (saying
 * where the name was looked up, with "did you mean" and "declare it" fixes).
 */
export class ProductSpecDocumentValidator extends DefaultDocumentValidator {
    private readonly services: LangiumCoreServices;

    constructor(services: LangiumCoreServices, private readonly propertyKeywords: PropertyKeywords, private readonly workspaceChecks: WorkspaceChecks) {
        super(services);
        this.services = services;
    }

    /** Lexer, parser and own-text checks of a document, kept with its parse result (they read nothing else). */
    private readonly ownDiagnostics = new WeakMap<ParseResult, Diagnostic[]>();
    /**
     * The own-text checks of each declaration, with where the declaration started then: a
     * declaration that an incremental parse kept (syntax/incremental.ts) keeps its
     * diagnostics, moved by the edit before it.
     */
    private readonly declarationDiagnostics = new WeakMap<AstNode, { start: Position; diagnostics: Diagnostic[] }>();

    /**
     * A document's diagnostics: its syntax errors and the checks of its own text (computed
     * once per parse of each declaration), its unresolved references (once per linking), and
     * its share of the workspace checks (once per workspace state), in text order.
     */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        this.currentDocument = document;
        try {
            const own = this.ownDiagnostics.get(document.parseResult) ?? await this.validateOwnText(document, options, cancelToken);
            const linking = this.linkingDiagnostics(document, options);
            const diagnostics = withoutOrphansInError([...own, ...linking, ...this.workspaceChecks.diagnosticsOf(document)]);
            return diagnostics.sort(compareDiagnostics);
        } finally {
            this.currentDocument = undefined;
        }
    }
    private currentDocument: LangiumDocument | undefined;

    /** Unresolved references, kept until the document is linked again (which gives it a new list of references). */
    private readonly linkingResults = new WeakMap<object, { count: number; diagnostics: Diagnostic[] }>();

    private linkingDiagnostics(document: LangiumDocument, options: ValidationOptions): Diagnostic[] {
        const references = document.references;
        const cached = this.linkingResults.get(references);
        if (cached && cached.count === references.length) return cached.diagnostics;
        const diagnostics: Diagnostic[] = [];
        this.processLinkingErrors(document, diagnostics, options);
        this.linkingResults.set(references, { count: references.length, diagnostics });
        return diagnostics;
    }

    private async validateOwnText(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        this.processLexingErrors(document.parseResult, diagnostics, options);
        this.processParsingErrors(document.parseResult, diagnostics, options);
        try {
            const root = document.parseResult.value as Model;
            diagnostics.push(...this.habitTokens(document));
            for (const unknown of root.unknown ?? []) diagnostics.push(...await this.declarationChecks(unknown, options, cancelToken));
            for (const declaration of root.declarations ?? []) {
                if (isProduct(declaration)) {
                    // The product block's own properties, then each member and scoring block on its own.
                    diagnostics.push(...await this.runChecks([declaration], options, cancelToken));
                    for (const part of AstUtils.streamContents(declaration)) diagnostics.push(...await this.declarationChecks(part, options, cancelToken));
                } else {
                    diagnostics.push(...await this.declarationChecks(declaration, options, cancelToken));
                }
            }
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error('An error occurred during validation:', error);
        }
        this.ownDiagnostics.set(document.parseResult, diagnostics);
        return diagnostics;
    }

    private async declarationChecks(node: AstNode, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
        const cached = this.declarationDiagnostics.get(node);
        if (cached) {
            if (cached.start.line === start.line && cached.start.character === start.character) return cached.diagnostics;
            const moved = cached.diagnostics.map(diagnostic => movePositions(diagnostic, cached.start, start));
            this.declarationDiagnostics.set(node, { start: { ...start }, diagnostics: moved });
            return moved;
        }
        const diagnostics = await this.runChecks(AstUtils.streamAst(node), options, cancelToken);
        this.declarationDiagnostics.set(node, { start: { ...start }, diagnostics });
        return diagnostics;
    }

    /**
     * Tokens the parser skips but the validator reports (product-spec.langium, STRAY and
     * OPEN_COMMENT): a colon or semicolon from other languages, a comment never closed.
     */
    private habitTokens(document: LangiumDocument): Diagnostic[] {
        const text = document.textDocument.getText();
        const root = document.parseResult.value.$cstNode;
        if (!root || !(text.includes(':') || text.includes(';') || text.includes('/*'))) return [];
        const diagnostics: Diagnostic[] = [];
        for (const leaf of CstUtils.streamCst(root)) {
            if (!isLeafCstNode(leaf) || !leaf.hidden) continue;
            const type = leaf.tokenType.name;
            if (type !== 'STRAY' && type !== 'OPEN_COMMENT') continue;
            const range = type === 'OPEN_COMMENT' ? { start: leaf.range.start, end: { line: leaf.range.start.line, character: leaf.range.start.character + 2 } } : leaf.range;
            const message = type === 'OPEN_COMMENT'
                ? 'This comment is not closed: end it with */ (everything after /* is the comment until then).'
                : leaf.text === ':'
                    ? 'A colon does not belong here: write a property and its value with a space between them (reach 1000).'
                    : 'Specs have no semicolons: remove it.';
            const data: FixData | undefined = type === 'STRAY' ? { fix: 'remove', range: { start: { ...range.start }, end: { ...range.end } }, title: `Remove '${leaf.text}'` } : undefined;
            diagnostics.push({ severity: 1, range: { start: { ...range.start }, end: { ...range.end } }, message, code: Codes.Syntax, source: this.getSource(), data });
        }
        return diagnostics;
    }

    /** The registered checks (validator.ts) of the given nodes, as Langium runs them. */
    private async runChecks(nodes: Iterable<AstNode>, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        // Positions are copied: the CST's own move with later edits (syntax/incremental.ts), these are moved when reused.
        const acceptor: ValidationAcceptor = (severity, message, info) => { diagnostics.push(copyPositions(this.toDiagnostic(severity, message, info))); };
        for (const node of nodes) {
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                await check(node, acceptor, cancelToken);
            }
        }
        return diagnostics;
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        const text = this.currentDocument?.textDocument.getText() ?? '';
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.code = Codes.Syntax;
            const offset = this.currentDocument?.textDocument.offsetAt(diagnostic.range.start);
            const character = offset !== undefined ? text.charAt(offset) : '';
            diagnostic.message = character === '"'
                ? 'This string is not closed: end it with " on the same line.'
                : `Unexpected character ${JSON.stringify(character)}: names are letters, digits and _, strings are in double quotes, comments start with // or /*.`;
        }
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(start)) {
            diagnostic.code = Codes.Syntax;
            diagnostic.message = this.withContext(parseResult, diagnostic);
        }
    }

    /** Where the parser expected `}` inside a block, also name the properties the block accepts. */
    private withContext(parseResult: ParseResult, diagnostic: Diagnostic): string {
        const message = diagnostic.message;
        if (!message.startsWith(`Expected '}'`) || !this.currentDocument) return message;
        const root = parseResult.value.$cstNode;
        if (!root) return message;
        const offset = this.currentDocument.textDocument.offsetAt(diagnostic.range.start);
        const open = openBraceAt(root, offset);
        if (!open) return message;
        const weights = open.previous?.text === 'weights';
        let node: AstNode | undefined = open.brace.astNode;
        const found = message.slice(message.indexOf(' but found '));
        if (node.$type === 'Unknown' && found.includes('the end of the file')) {
            return `The block opened at line ${open.brace.range.start.line + 1} is not closed: end it with '}'.`;
        }
        while (node && !BLOCK_WORD[node.$type]) node = node.$container;
        if (!node) return message;
        const word = weights ? 'weights block' : BLOCK_WORD[node.$type];
        if (found.includes('the end of the file')) {
            const name = (node as { name?: string }).name;
            return `The ${word}${name && !weights ? ` ${name}` : ''} opened at line ${open.brace.range.start.line + 1} is not closed: end it with '}'.`;
        }
        const foundWord = /^ but found '([^']*)'/.exec(found)?.[1];
        const elsewhere = foundWord && !weights ? propertyOfAnotherBlock(this.propertyKeywords, foundWord, node.$type) : undefined;
        if (elsewhere) return `'${foundWord}' is a property of ${elsewhere}, not of this ${word}: write it inside that block.`;
        const keywords = weights ? ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'opportunity'] : this.propertyKeywords.of(node.$type);
        const members = node.$type === 'Product' && !weights ? ', a member declaration' : '';
        return `Expected ${weights ? 'a weight' : 'a property'} of this ${word} (${keywords.join(', ')}${members}) or '}'${found}`;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const refText = info.reference.$refText;
            const targetType = this.services.shared.AstReflection.getReferenceType(info);
            const kind = kindWord(targetType);
            const product = AstUtils.getContainerOfType(info.container, isProduct);
            const range = reference.$refNode?.range ?? info.container.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            let where: string;
            if (refText.includes('.')) {
                const [productName, member] = refText.split('.');
                const exists = this.services.shared.workspace.LangiumDocuments.all
                    .some(other => (other.parseResult.value as Model).declarations?.some(declaration => isProduct(declaration) && declaration.name === productName));
                where = exists ? `No ${kind} named '${member}' in product ${productName}` : `No product named '${productName}' (for its ${kind} '${member}')`;
            } else {
                where = product
                    ? `No ${kind} named '${refText}' in product ${product.name} or at the top level`
                    : `No ${kind} named '${refText}' at the top level`;
            }
            const suggestions = this.similarNames(info, refText);
            const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
            const fixes: FixData[] = suggestions.length > 0
                ? [{ fix: 'replace', range: range, options: suggestions.map(name => ({ title: `Change to '${name}'`, text: name })) }]
                : [];
            const declare = !refText.includes('.') && product ? this.declareFix(product, kind, refText) : undefined;
            if (declare) fixes.push(declare);
            diagnostics.push({
                severity: 1,
                range,
                message: `${where}: declare it, or name an existing ${kind}.${hint}`,
                code: Codes.UnresolvedReference,
                source: this.getSource(),
                data: { code: DocumentValidator.LinkingError, fixes }
            });
        }
    }

    /** Names in scope within edit distance 2 (closest first, at most 3). */
    private similarNames(info: import('langium').ReferenceInfo, refText: string): string[] {
        try {
            const scope = this.services.references.ScopeProvider.getScope(info);
            const scored: Array<{ name: string; distance: number }> = [];
            for (const description of scope.getAllElements()) {
                const distance = editDistance(description.name.toLowerCase(), refText.toLowerCase());
                if (distance <= 2 && description.name !== refText) scored.push({ name: description.name, distance });
            }
            return scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1)).slice(0, 3).map(s => s.name);
        } catch {
            return [];
        }
    }

    /** Insert `kind name` as the last member of the product block that holds the reference. */
    private declareFix(product: Product, kind: string, name: string): FixData | undefined {
        const cst = ownCstNode(product);
        if (!cst) return undefined;
        const close = [...cst.content].reverse().find(child => isLeafCstNode(child) && child.text === '}' && GrammarAST.isKeyword(child.grammarSource));
        if (!close) return undefined;
        const braceIndent = ' '.repeat(close.range.start.character);
        const onOwnLine = (this.currentDocument?.textDocument.getText({ start: { line: close.range.start.line, character: 0 }, end: close.range.start }) ?? '').trim() === '';
        return {
            fix: 'declare', kind, name, container: product.name,
            insertAt: onOwnLine ? { line: close.range.start.line, character: 0 } : { ...close.range.start },
            indent: onOwnLine ? `${braceIndent}  ` : ' '
        };
    }
}


/**
 * A feature that has an error is not also called an orphan: the error comes first, and
 * `orphan-feature` (a completeness hint) returns once the feature is well-formed.
 */
function withoutOrphansInError(diagnostics: Diagnostic[]): Diagnostic[] {
    const errors = diagnostics.filter(d => d.severity === 1);
    if (errors.length === 0) return diagnostics;
    const inside = (outer: Range, inner: Range) =>
        (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character))
        && (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    return diagnostics.filter(diagnostic => {
        if (diagnostic.code !== Codes.OrphanFeature) return true;
        const within = (diagnostic.data as { within?: Range } | undefined)?.within;
        return !within || !errors.some(error => inside(within, error.range));
    });
}

/** Text order: start, then end, then code and message (so that equal specs give equal lists). */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
        || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character
        || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message);
}

/**
 * A copy of a diagnostic of a declaration that moved from `from` to `to` (an edit before it):
 * positions on its first line move by the column change, all by the line change.
 */
function copyPositions<T>(value: T): T {
    return movePositions(value, { line: 0, character: 0 }, { line: 0, character: 0 });
}

function movePositions<T>(value: T, from: Position, to: Position): T {
    if (Array.isArray(value)) return value.map(item => movePositions(item, from, to)) as T;
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.line === 'number' && typeof record.character === 'number' && Object.keys(record).length === 2) {
        const line = record.line as number;
        const character = record.character as number;
        return { character: line === from.line ? character + to.character - from.character : character, line: line + to.line - from.line } as T;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) copy[key] = movePositions(item, from, to);
    return copy as T;
}

/** The innermost `{` still open at `offset` (braces matched in text order), with the token before it. */
function openBraceAt(root: CstNode, offset: number): { brace: CstNode; previous: CstNode | undefined } | undefined {
    const stack: Array<{ brace: CstNode; previous: CstNode | undefined }> = [];
    let previous: CstNode | undefined;
    for (const leaf of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(leaf) || leaf.hidden) continue;
        if (leaf.offset >= offset) break;
        if (leaf.text === '{') stack.push({ brace: leaf, previous });
        else if (leaf.text === '}') stack.pop();
        previous = leaf;
    }
    return stack[stack.length - 1];
}
