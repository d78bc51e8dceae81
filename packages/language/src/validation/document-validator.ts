import {
    AstUtils, CstUtils, DefaultDocumentValidator, DocumentValidator, GrammarAST, isLeafCstNode, isOperationCancelled,
    type AstNode, type CstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import { CancellationToken, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { isProduct, type Model, type Product } from '../generated/ast.js';
import { ownCstNode, type PropertyKeywords } from '../syntax/properties.js';
import { Codes, DIAGNOSTICS_PER_FILE, type FixData, type HiddenProblems } from './codes.js';
import { propertyOfAnotherBlock } from './document/unknown-checks.js';
import { BLOCK_WORD, editDistance, kindWord } from './messages.js';
import { STRAY_BRACE_MESSAGE } from '../syntax/lexer.js';
import { NESTING_MESSAGE } from '../syntax/parser.js';
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
            return capDiagnostics(diagnostics.sort(compareDiagnostics), this.getSource());
        } finally {
            this.currentDocument = undefined;
        }
    }
    private currentDocument: LangiumDocument | undefined;

    /** The tool's name, as editors show it beside each problem (Langium would say the language id, `product`). */
    protected override getSource(): string {
        return 'product-spec';
    }

    /**
     * Unresolved references, kept until the document is linked again (a new list of
     * references) or parsed again (a new parse result: an edit above a reference moves it,
     * even when an incremental reparse keeps the list; found by the live-diagnostics
     * property test, a diagnostic two lines off).
     */
    private readonly linkingResults = new WeakMap<object, { count: number; parseResult: object; diagnostics: Diagnostic[] }>();

    private linkingDiagnostics(document: LangiumDocument, options: ValidationOptions): Diagnostic[] {
        const references = document.references;
        const cached = this.linkingResults.get(references);
        if (cached && cached.count === references.length && cached.parseResult === document.parseResult) return cached.diagnostics;
        const diagnostics: Diagnostic[] = [];
        this.processLinkingErrors(document, diagnostics, options);
        this.linkingResults.set(references, { count: references.length, parseResult: document.parseResult, diagnostics });
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
            // A stray '}' is reported by the lexer that made it STRAY (syntax/lexer.ts).
            if ((type !== 'STRAY' && type !== 'OPEN_COMMENT') || leaf.text === '}') continue;
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
            if (diagnostic.message.startsWith(NESTING_MESSAGE)) continue;
            if (diagnostic.message.startsWith(STRAY_BRACE_MESSAGE)) {
                diagnostic.data = { fix: 'remove', range: { start: { ...diagnostic.range.start }, end: { ...diagnostic.range.end } }, title: "Remove this '}'" } satisfies FixData;
                continue;
            }
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
        // The names in scope and the products, once per validation (not once per broken
        // reference: 10,000 of them took 2.5 minutes when each one listed the scope again).
        const namesInScope = new Map<string, string[]>();
        const suggested = new Map<string, string[]>();
        const declarePlaces = new Map<Product, DeclarePlace | undefined>();
        // Suggestions only for as many broken references as a file shows (DIAGNOSTICS_PER_FILE).
        let suggestionsLeft = DIAGNOSTICS_PER_FILE;
        let productNames: Set<string> | undefined;
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
                productNames ??= new Set(this.services.shared.workspace.LangiumDocuments.all
                    .flatMap(other => ((other.parseResult.value as Model).declarations ?? []).filter(isProduct).map(declaration => declaration.name)));
                const exists = productNames.has(productName);
                where = exists ? `No ${kind} named '${member}' in product ${productName}` : `No product named '${productName}' (for its ${kind} '${member}')`;
            } else {
                where = product
                    ? `No ${kind} named '${refText}' in product ${product.name} or at the top level`
                    : `No ${kind} named '${refText}' at the top level`;
            }
            const scopeKey = `${targetType}|${product?.name ?? ''}`;
            let names = namesInScope.get(scopeKey);
            if (!names) {
                names = this.scopeNames(info);
                namesInScope.set(scopeKey, names);
            }
            const suggestionKey = `${scopeKey}|${refText}`;
            let suggestions = suggested.get(suggestionKey);
            if (!suggestions) {
                suggestions = suggestionsLeft-- > 0 ? similarNames(names, refText) : [];
                suggested.set(suggestionKey, suggestions);
            }
            const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map(s => `'${s}'`).join(' or ')}?` : '';
            const fixes: FixData[] = suggestions.length > 0
                ? [{ fix: 'replace', range: range, options: suggestions.map(name => ({ title: `Change to '${name}'`, text: name })) }]
                : [];
            let place: DeclarePlace | undefined;
            if (!refText.includes('.') && product) {
                if (!declarePlaces.has(product)) declarePlaces.set(product, this.declarePlace(product));
                place = declarePlaces.get(product);
            }
            const declare: FixData | undefined = place && product ? { fix: 'declare', kind, name: refText, container: product.name, ...place } : undefined;
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

    /** The names a reference like this one could name (its type, from its product). */
    private scopeNames(info: import('langium').ReferenceInfo): string[] {
        try {
            return this.services.references.ScopeProvider.getScope(info).getAllElements().map(description => description.name).toArray();
        } catch {
            return [];
        }
    }

    /** Where `kind name` goes: as the last member of the product block that holds the reference. */
    private declarePlace(product: Product): DeclarePlace | undefined {
        const cst = ownCstNode(product);
        if (!cst) return undefined;
        const close = [...cst.content].reverse().find(child => isLeafCstNode(child) && child.text === '}' && GrammarAST.isKeyword(child.grammarSource));
        if (!close) return undefined;
        const braceIndent = ' '.repeat(close.range.start.character);
        const onOwnLine = (this.currentDocument?.textDocument.getText({ start: { line: close.range.start.line, character: 0 }, end: close.range.start }) ?? '').trim() === '';
        return {
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
    const errors = diagnostics.filter(d => d.severity === 1).sort((a, b) => comparePositions(a.range.start, b.range.start));
    if (errors.length === 0) return diagnostics;
    // Errors by start: the ones inside `within` start in it, so a binary search finds the first candidate.
    const hasErrorInside = (within: Range): boolean => {
        let low = 0;
        let high = errors.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (comparePositions(errors[middle].range.start, within.start) < 0) low = middle + 1;
            else high = middle;
        }
        for (let i = low; i < errors.length && comparePositions(errors[i].range.start, within.end) <= 0; i++) {
            if (comparePositions(errors[i].range.end, within.end) <= 0) return true;
        }
        return false;
    };
    return diagnostics.filter(diagnostic => {
        if (diagnostic.code !== Codes.OrphanFeature) return true;
        const within = (diagnostic.data as { within?: Range } | undefined)?.within;
        return !within || !hasErrorInside(within);
    });
}

function comparePositions(a: { line: number; character: number }, b: { line: number; character: number }): number {
    return a.line - b.line || a.character - b.character;
}

/** Code units, not the locale: the same order on every machine (and localeCompare took seconds on 100,000 diagnostics). */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Text order: start, then end, then code and message (so that equal specs give equal lists). */
function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
    return comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end)
        || compareText(String(a.code), String(b.code)) || compareText(a.message, b.message);
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

/** Names within edit distance 2 of what was written, ignoring case (closest first, at most 3). */
export function similarNames(names: readonly string[], refText: string): string[] {
    const wanted = refText.toLowerCase();
    const scored: Array<{ name: string; distance: number }> = [];
    for (const name of names) {
        if (name === refText || Math.abs(name.length - refText.length) > 2) continue;
        const distance = editDistance(name.toLowerCase(), wanted, 2);
        if (distance <= 2) scored.push({ name, distance });
    }
    return scored.sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : 1)).slice(0, 3).map(s => s.name);
}

type DeclarePlace = { insertAt: { line: number; character: number }; indent: string };

/**
 * The first DIAGNOSTICS_PER_FILE diagnostics (errors first, then warnings, each in text
 * order), in text order, and one last `too-many-problems` at the first one left out (of the
 * most severe kind left out: an error when an error is among them, so the file still fails)
 * that counts the rest.
 */
export function capDiagnostics(sorted: Diagnostic[], source: string): Diagnostic[] {
    if (sorted.length <= DIAGNOSTICS_PER_FILE) return sorted;
    const bySeverity = sorted.map((diagnostic, index) => ({ diagnostic, index }))
        .sort((a, b) => (a.diagnostic.severity ?? 1) - (b.diagnostic.severity ?? 1) || a.index - b.index);
    const kept = bySeverity.slice(0, DIAGNOSTICS_PER_FILE).sort((a, b) => a.index - b.index).map(entry => entry.diagnostic);
    const rest = bySeverity.slice(DIAGNOSTICS_PER_FILE);
    const errors = rest.filter(entry => (entry.diagnostic.severity ?? 1) === 1).length;
    const warnings = rest.filter(entry => entry.diagnostic.severity === 2).length;
    // At the first left out of the most severe kind left out: where the next fix is.
    const first = rest[0].diagnostic;
    const counts = [errors > 0 && `${errors.toLocaleString('en-US')} error${errors === 1 ? '' : 's'}`, warnings > 0 && `${warnings.toLocaleString('en-US')} warning${warnings === 1 ? '' : 's'}`]
        .filter(Boolean).join(' and ');
    const data: HiddenProblems = { hidden: { errors, warnings, others: rest.length - errors - warnings } };
    return [...kept, {
        severity: first.severity ?? 1,
        range: first.range,
        message: `${rest.length.toLocaleString('en-US')} more problem${rest.length === 1 ? '' : 's'} in this file ${rest.length === 1 ? 'is' : 'are'} not shown${counts ? ` (${counts})` : ''}, the next here: fix the ${DIAGNOSTICS_PER_FILE} shown first.`,
        code: Codes.TooManyProblems,
        source,
        data
    }];
}
