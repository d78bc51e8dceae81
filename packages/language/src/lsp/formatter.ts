import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { ProductSpecServices } from '../product-spec-module.js';

/** Two spaces per block level, whatever the editor's tab settings: one style for every spec. */
export const INDENT = '  ';

/** AST containment properties whose elements each start a line in a multi-line block. */
const LINE_MEMBERS = new Set(['members', 'scoring', 'weights', 'scenarios']);

/**
 * The house style of `.product` files:
 * - 2 spaces of indentation per block level;
 * - in a block written over several lines, one property (or member) per line and the
 *   closing `}` on its own line; at most one blank line is kept between properties;
 * - a block written on one line (`stakeholder marco "Marco Ruiz" { group commercial ... }`,
 *   `rice { reach 4000 ... }`) stays on one line, with single spaces;
 * - one space between the words of a property, none before `,` and one after it, none
 *   around the `.` of a qualified name;
 * - comments are kept; a comment at the end of a line keeps its alignment.
 *
 * Only whitespace between tokens changes, never a token. The rules are decided per gap
 * between two tokens (comments included), from where braces open and close in the text,
 * which keeps own-line comments indented with the code they precede wherever the parser
 * attached them in the syntax tree. Documents with syntax errors are not formatted
 * (AbstractFormatter's guard).
 */
export class ProductSpecFormatter extends AbstractFormatter {
    /** Keywords that start a property of some block (`status`, `rice`, `reach`, ...), from the grammar. */
    private readonly propertyStarts: ReadonlySet<GrammarAST.Keyword>;

    constructor(services: ProductSpecServices) {
        super();
        this.propertyStarts = propertyStartKeywords(services.Grammar);
    }

    protected format(): void {
        // Every rule is decided in doDocumentFormat, gap by gap.
    }

    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value;
        const rootCst = root.$cstNode;
        if (!rootCst) return [];
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const leaves = CstUtils.streamCst(rootCst).filter(isLeafCstNode).filter(leaf => leaf.length > 0).toArray();
        if (leaves.length === 0) return [];

        // Where each line-starting member begins: top-level declarations, product members, scoring weights.
        const lineStarts = new Map<number, 'declaration' | 'member'>();
        for (const node of AstUtils.streamAllContents(root)) {
            const property = node.$containerProperty;
            if (property !== 'declarations' && !LINE_MEMBERS.has(property ?? '')) continue;
            const first = node.$cstNode && CstUtils.streamCst(node.$cstNode).find(cst => isLeafCstNode(cst) && !cst.hidden);
            if (first) lineStarts.set(first.offset, property === 'declarations' ? 'declaration' : 'member');
        }

        // Matching braces; a block is multi-line when its braces are on different lines.
        const multiLine = new Map<LeafCstNode, boolean>();
        const open: LeafCstNode[] = [];
        for (const leaf of leaves) {
            if (leaf.hidden) continue;
            if (isBrace(leaf, '{')) open.push(leaf);
            else if (isBrace(leaf, '}')) {
                const start = open.pop();
                const multi = !start || start.range.start.line !== leaf.range.start.line;
                if (start) multiLine.set(start, multi);
                multiLine.set(leaf, multi);
            }
        }
        for (const start of open) multiLine.set(start, true);

        const edits: TextEdit[] = [];
        const stack: boolean[] = [];
        const depth = () => stack.filter(Boolean).length;
        const lines = (count: number, level: number) => eol.repeat(count) + INDENT.repeat(level);
        const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
        let previousToken: LeafCstNode | undefined;
        let commentStartsLine = false;
        for (let i = 0; i < leaves.length; i++) {
            const leaf = leaves[i];
            const previous = leaves[i - 1];
            const closing = !leaf.hidden && isBrace(leaf, '}');
            if (closing) stack.pop();
            const gapStart = previous ? previous.end : 0;
            const gap = text.slice(gapStart, leaf.offset);
            const newlines = (gap.match(/\n/g) ?? []).length;
            const afterOpen = previousToken !== undefined && isBrace(previousToken, '{');
            const kind = leaf.hidden ? 'comment'
                : closing && multiLine.get(leaf) ? 'close'
                    : lineStarts.get(leaf.offset) === 'declaration' ? 'declaration'
                        : (lineStarts.get(leaf.offset) === 'member' || this.isPropertyStart(leaf)) && stack[stack.length - 1] ? 'property'
                            : 'inline';
            let replacement: string | undefined;
            if (!previous) {
                replacement = '';
            } else if (kind !== 'comment' && kind !== 'inline' && previous.hidden && commentStartsLine && newlines === 0 && previous.text.startsWith('/*')) {
                // `/* note */ status planned` on a line of its own: the comment leads the line.
                replacement = ' ';
            } else if (kind === 'comment') {
                // At the end of a line a comment stays where it is; on its own line it is indented.
                if (newlines > 0) replacement = lines(clamp(newlines, 1, afterOpen ? 1 : 2), depth());
            } else if (kind === 'close') {
                replacement = lines(1, depth());
            } else if (kind === 'declaration') {
                replacement = lines(clamp(newlines, 1, 2), 0);
            } else if (kind === 'property') {
                replacement = lines(clamp(newlines, 1, afterOpen ? 1 : 2), depth());
            } else if (previous.hidden) {
                // After a comment inside a property: continue on the next line, or keep the spacing.
                if (newlines > 0 || previous.text.startsWith('//')) replacement = lines(1, depth() + 1);
            } else if (leaf.text === ',' || leaf.text === '.' || previous.text === '.' || leaf.text === '..' || previous.text === '..') {
                replacement = '';
            } else {
                replacement = ' ';
            }
            if (replacement !== undefined && replacement !== gap) {
                edits.push({ range: { start: textDocument.positionAt(gapStart), end: textDocument.positionAt(leaf.offset) }, newText: replacement });
            }
            if (leaf.hidden) {
                commentStartsLine = !previous || newlines > 0;
            } else {
                if (isBrace(leaf, '{')) stack.push(multiLine.get(leaf) ?? true);
                previousToken = leaf;
            }
        }
        const last = leaves[leaves.length - 1];
        if (text.slice(last.end) !== eol) {
            edits.push({ range: { start: textDocument.positionAt(last.end), end: textDocument.positionAt(text.length) }, newText: eol });
        }
        // A range formats the lines it covers: the whitespace that leads into each of them and what lies within.
        return range ? edits.filter(edit => edit.range.end.line >= range.start.line && edit.range.end.line <= range.end.line) : edits;
    }

    private isPropertyStart(leaf: LeafCstNode): boolean {
        return GrammarAST.isKeyword(leaf.grammarSource) && this.propertyStarts.has(leaf.grammarSource);
    }
}

function isBrace(leaf: LeafCstNode, brace: '{' | '}'): boolean {
    return leaf.text === brace && GrammarAST.isKeyword(leaf.grammarSource);
}

/** A keyword made of letters (not `,`, `{`, ...). */
function isWord(element: GrammarAST.AbstractElement | undefined): element is GrammarAST.Keyword {
    return GrammarAST.isKeyword(element) && /\p{L}/u.test(element.value);
}

/**
 * The keywords that start a property: the first keyword of each alternative of a repeated
 * group (`( 'status' status=Status | 'release' release=[Release] | ... )*`), in every rule.
 */
export function propertyStartKeywords(grammar: GrammarAST.Grammar): Set<GrammarAST.Keyword> {
    const keywords = new Set<GrammarAST.Keyword>();
    const visit = (element: GrammarAST.AbstractElement) => {
        const repeated = element.cardinality === '*' || element.cardinality === '+';
        if (repeated && GrammarAST.isAlternatives(element)) {
            const starts = (alternative: GrammarAST.AbstractElement): void => {
                // Through a fragment (`ForecastInput`): each of its alternatives.
                if (GrammarAST.isRuleCall(alternative) && GrammarAST.isParserRule(alternative.rule.ref) && alternative.rule.ref.fragment) {
                    const definition = alternative.rule.ref.definition;
                    (GrammarAST.isAlternatives(definition) ? definition.elements : [definition]).forEach(starts);
                    return;
                }
                const first = GrammarAST.isGroup(alternative) ? alternative.elements[0] : alternative;
                if (isWord(first)) keywords.add(first);
            };
            element.elements.forEach(starts);
        } else if (repeated && GrammarAST.isGroup(element) && isWord(element.elements[0])) {
            keywords.add(element.elements[0]);
        }
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element)) {
            element.elements.forEach(visit);
        }
    };
    for (const rule of grammar.rules) {
        if (GrammarAST.isParserRule(rule) && !rule.dataType) visit(rule.definition);
    }
    return keywords;
}
