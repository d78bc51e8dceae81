import {
    AstUtils, CstUtils, DefaultDocumentValidator, DocumentValidator, GrammarAST, isLeafCstNode,
    type AstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult, type ValidationOptions
} from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { isProduct, type Product } from '../generated/ast.js';
import { ownCstNode, type PropertyKeywords } from '../syntax/properties.js';
import { Codes, type FixData } from './codes.js';
import { editDistance } from './value-checks.js';

const KIND_WORD: Record<string, string> = {
    Stakeholder: 'stakeholder', Persona: 'persona', Need: 'need', Objective: 'objective',
    Metric: 'metric', Release: 'release', Feature: 'feature', Forecast: 'forecast'
};

/** Block types and the word a message uses for them. */
const BLOCK_WORD: Record<string, string> = {
    ...KIND_WORD, Product: 'product', Rice: 'rice block', Wsjf: 'wsjf block', Ice: 'ice block',
    KanoSurvey: 'kano survey', Scoring: 'scoring block'
};

/**
 * Langium's built-in diagnostics with the contract's codes: lexer and parser errors become
 * `syntax` (saying what was expected where), linking errors `unresolved-reference` (saying
 * where the name was looked up, with "did you mean" and "declare it" fixes).
 */
export class ProductSpecDocumentValidator extends DefaultDocumentValidator {
    private readonly services: LangiumCoreServices;

    constructor(services: LangiumCoreServices, private readonly propertyKeywords: PropertyKeywords) {
        super(services);
        this.services = services;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: import('vscode-languageserver').CancellationToken): Promise<Diagnostic[]> {
        this.currentDocument = document;
        try {
            return withoutOrphansInError(await super.validateDocument(document, options, cancelToken));
        } finally {
            this.currentDocument = undefined;
        }
    }
    private currentDocument: LangiumDocument | undefined;

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
        const leaf = CstUtils.findLeafNodeBeforeOffset(root, offset);
        let node: AstNode | undefined = leaf?.astNode;
        while (node && !BLOCK_WORD[node.$type]) node = node.$container;
        if (!node) return message;
        const keywords = this.propertyKeywords.of(node.$type);
        const found = message.slice(message.indexOf(' but found '));
        const members = node.$type === 'Product' ? ', a member declaration' : '';
        return `Expected a property of this ${BLOCK_WORD[node.$type]} (${keywords.join(', ')}${members}) or '}'${found}`;
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], _options: ValidationOptions): void {
        for (const reference of document.references) {
            const error = reference.error;
            if (!error) continue;
            const info = error.info;
            const refText = info.reference.$refText;
            const targetType = this.services.shared.AstReflection.getReferenceType(info);
            const kind = KIND_WORD[targetType] ?? targetType.toLowerCase();
            const product = AstUtils.getContainerOfType(info.container, isProduct);
            const range = reference.$refNode?.range ?? info.container.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            let where: string;
            if (refText.includes('.')) {
                const [productName, member] = refText.split('.');
                where = `No ${kind} named '${member}' in product ${productName}`;
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
