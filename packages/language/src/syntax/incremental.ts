import { isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type LangiumParser, type ParseResult } from 'langium';
import type { Position, Range } from 'vscode-languageserver';
import { isProduct, type Model } from '../generated/ast.js';

/** The rule that parses a declaration on its own: product members, or top-level declarations. */
const RULE_OF_CONTAINER: Record<string, string> = { members: 'Member', declarations: 'Declaration' };

/** Fields of Langium's CST node classes that a graft rewrites (Langium 4.2.1, parser/cst-node-builder.js). */
interface MutableLeaf { _offset: number; _range: Range; root: unknown }
interface MutableComposite { _rangeCache: Range | undefined; root: unknown }

/**
 * Reparses only the declaration an edit falls in. When the text changed inside one product
 * member (a feature, a release, ...) or one top-level declaration, and that declaration
 * parses on its own without an error, its new syntax tree replaces the old one and every
 * later CST node moves by the edit; everything else is kept, so a keystroke in a
 * 10,000-feature file costs one feature's parse instead of the file's.
 *
 * The result equals a full parse: the grammar is context-free, and the edited declaration
 * is parsed by the same rule that parses it in place, between the same token boundaries.
 * Anything less certain (syntax errors before or after, an edit touching the boundary of a
 * declaration, a comment outside it, a word joining the text around it) returns undefined:
 * the caller then parses the whole text.
 */
export function reparseDeclaration(parser: LangiumParser, previous: ParseResult<Model>, oldText: string, newText: string): ParseResult<Model> | undefined {
    if (previous.lexerErrors.length > 0 || previous.parserErrors.length > 0 || (previous.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const root = previous.value;
    const rootCst = root.$cstNode as CompositeCstNode | undefined;
    if (!rootCst) return undefined;

    // The changed region: [start, oldEnd) of the old text became [start, newEnd) of the new one.
    const shortest = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start < shortest && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let oldEnd = oldText.length;
    let newEnd = newText.length;
    while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) { oldEnd--; newEnd--; }

    const unit = enclosingDeclaration(root, start, oldEnd);
    if (!unit) return undefined;
    const wrapper = unit.$cstNode as CompositeCstNode;
    if (wrapper.content.length !== 1 || !isCompositeCstNode(wrapper.content[0])) return undefined;
    const unitStart = wrapper.offset;
    const unitEnd = wrapper.end;
    const delta = newEnd - oldEnd;
    const snippet = newText.slice(unitStart, unitEnd + delta);
    // A word on either side of the snippet would join it into one token in the whole text.
    if (isWordChar(newText.charAt(unitStart - 1)) && isWordChar(snippet.charAt(0))) return undefined;
    if (isWordChar(newText.charAt(unitEnd + delta)) && isWordChar(snippet.charAt(snippet.length - 1))) return undefined;

    // A snippet ending in \r may end halfway through a \r\n line break: positions would be off by a line.
    if (snippet.endsWith('\r')) return undefined;
    const rule = RULE_OF_CONTAINER[unit.$containerProperty ?? ''];
    const result = parser.parse(snippet, { rule });
    if (result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const replacement = result.value as AstNode;
    const snippetRoot = replacement.$cstNode as CompositeCstNode | undefined;
    if (!snippetRoot || snippetRoot.content.length !== 1 || snippetRoot.content[0].hidden || !isCompositeCstNode(snippetRoot.content[0])) return undefined;
    const inner = snippetRoot.content[0];

    // Graft: the new declaration's CST takes its place in the whole text's tree.
    const startPosition = wrapper.range.start;
    const oldEndPosition = { ...wrapper.range.end };
    walk(inner, node => {
        (node as unknown as MutableLeaf | MutableComposite).root = rootCst;
        if (isCompositeCstNode(node)) {
            (node as unknown as MutableComposite)._rangeCache = undefined;
        } else {
            const leaf = node as unknown as MutableLeaf;
            leaf._offset += unitStart;
            leaf._range = { start: fromSnippet(leaf._range.start, startPosition), end: fromSnippet(leaf._range.end, startPosition) };
        }
        return true;
    });
    // Where the snippet ends in the new text, from the snippet's own text: not the declaration's
    // last token, since the snippet may end in whitespace the edit added (found by the
    // live-diagnostics property test: "}" then "\n\n" typed after it left every later token
    // two lines too high).
    const newEndPosition = fromSnippet(endOf(snippet), startPosition);
    const lines = newEndPosition.line - oldEndPosition.line;
    const characters = newEndPosition.character - oldEndPosition.character;
    // Every later token moves by the edit. Their positions are changed in place, so the
    // ranges that composite nodes and reference descriptions keep of them stay true.
    const move = (position: Position) => {
        if (position.line === oldEndPosition.line) position.character += characters;
        position.line += lines;
    };
    for (const node of following(wrapper)) {
        walk(node, descendant => {
            if (!isCompositeCstNode(descendant)) {
                const leaf = descendant as unknown as MutableLeaf;
                leaf._offset += delta;
                move(leaf._range.start);
                move(leaf._range.end);
            }
            return true;
        });
    }
    // The nodes around the declaration: their first or last token may be a new one.
    for (let ancestor: CompositeCstNode | undefined = wrapper; ancestor; ancestor = ancestor.container) {
        (ancestor as unknown as MutableComposite)._rangeCache = undefined;
    }
    wrapper.content.splice(0, 1, inner);
    (rootCst as unknown as { _text: string })._text = newText;

    const container = unit.$container as unknown as Record<string, AstNode[]>;
    const property = unit.$containerProperty!;
    const index = unit.$containerIndex!;
    container[property][index] = replacement;
    Object.assign(replacement, { $container: unit.$container, $containerProperty: property, $containerIndex: index, $cstNode: wrapper });
    (wrapper as unknown as { astNode: AstNode }).astNode = replacement;

    return { value: root, lexerErrors: [], parserErrors: [], lexerReport: result.lexerReport };
}

/** The product member, or else the top-level declaration other than a product, that holds [start, end). */
function enclosingDeclaration(root: Model, start: number, end: number): AstNode | undefined {
    const holding = <T extends AstNode>(nodes: readonly T[]): T | undefined => {
        // Declarations are in text order: binary search for the last one starting at or before `start`.
        let low = 0;
        let high = nodes.length - 1;
        let found: T | undefined;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const cst = nodes[middle].$cstNode;
            if (cst && cst.offset <= start) { found = nodes[middle]; low = middle + 1; } else { high = middle - 1; }
        }
        return found?.$cstNode && end <= found.$cstNode.end ? found : undefined;
    };
    const declaration = holding(root.declarations ?? []);
    if (!declaration) return undefined;
    if (!isProduct(declaration)) return declaration;
    return holding(declaration.members);
}

function isWordChar(char: string): boolean {
    return char !== '' && /[\p{L}\p{N}_]/u.test(char);
}

/** A position (keys in the order Langium's lexer writes them) in a snippet parsed on its own, as a position in the whole text where it starts at `origin`. */
function fromSnippet(position: Position, origin: Position): Position {
    return position.line === 0
        ? { character: origin.character + position.character, line: origin.line }
        : { character: position.character, line: origin.line + position.line };
}

/** The position just after the end of `text` (line breaks as LSP counts them: \r\n, \r or \n). */
function endOf(text: string): Position {
    let line = 0;
    let lineStart = 0;
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
        line++;
        lineStart = match.index! + match[0].length;
    }
    return { character: text.length - lineStart, line };
}

/** Depth first, in text order; `visit` returns false to skip a node's children. */
function walk(node: CstNode, visit: (node: CstNode) => boolean): void {
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (!visit(current) || !isCompositeCstNode(current)) continue;
        const content = current.content;
        for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
    }
}

/** The CST nodes after `node` in text order, as the roots of their subtrees: later siblings of it and of each ancestor. */
function* following(node: CstNode): Generator<CstNode> {
    for (let current: CstNode = node; current.container; current = current.container) {
        const siblings = current.container.content;
        for (let i = siblings.lastIndexOf(current) + 1; i < siblings.length; i++) yield siblings[i];
    }
}
