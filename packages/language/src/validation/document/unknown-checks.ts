import { CstUtils, GrammarUtils, isLeafCstNode, type AstNode, type LeafCstNode, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import * as ast from '../../generated/ast.js';
import { RESERVED_WORDS } from '../../syntax/reserved.js';
import { propertySegments, type PropertyKeywords } from '../../syntax/properties.js';
import { Codes, type FixData } from '../codes.js';
import { rangeData } from '../locate.js';
import { blockWord, editDistance } from '../messages.js';

/** Properties that name one declaration, and what to say when a list is given. */
const SINGLE_NAMES: Readonly<Record<string, string>> = {
    release: 'A feature is in one release', persona: 'A need is of one persona', manager: 'A product has one manager'
};

/** The token before a node in the text (skipping comments). */
function previousLeaf(node: AstNode): LeafCstNode | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    let previous: LeafCstNode | undefined;
    for (const leaf of CstUtils.streamCst(cst.root)) {
        if (!isLeafCstNode(leaf) || leaf.hidden) continue;
        if (leaf.offset >= cst.offset) break;
        previous = leaf;
    }
    return previous;
}

/** The token after a node in the text (skipping comments). */
function nextLeafAfter(node: AstNode): LeafCstNode | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    for (const leaf of CstUtils.streamCst(cst.root)) {
        if (isLeafCstNode(leaf) && !leaf.hidden && leaf.offset >= cst.end) return leaf;
    }
    return undefined;
}

/** The declarations a file holds at the top level, and those a product holds. */
const TOP_LEVEL = ['product', 'stakeholder', 'persona', 'metric'];
const MEMBERS = ['stakeholder', 'persona', 'need', 'objective', 'metric', 'release', 'feature', 'forecast', 'scoring'];
const DRIVERS = ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'opportunity'];

/**
 * A word that is no keyword where it stands, or stray punctuation (the grammar's `Unknown`):
 * one error that says what would be right, with a quick fix where the fix is mechanical. The
 * word's value and block are part of it, so a word following a bare unknown word (`feture
 * cart "Cart" { ... }`: `cart` is its name) is not reported again.
 */
export class UnknownChecks {
    constructor(private readonly keywords: PropertyKeywords) { }

    checkUnknown(node: ast.Unknown, accept: ValidationAcceptor): void {
        if (this.followsBareWord(node)) return;
        const word = node.word;
        if (word === undefined) {
            // A block without its property: `{ must 3 ... }` where `kano { ... }` was meant.
            const brace = node.$cstNode?.range;
            if (brace) accept('error', 'A block without a property: write the property it belongs to before { (kano { ... }, rice { ... }).', { node, range: { start: brace.start, end: { line: brace.start.line, character: brace.start.character + 1 } }, code: Codes.Syntax });
            return;
        }
        if (word.startsWith('"')) {
            const range = GrammarUtils.findNodeForProperty(node.$cstNode, 'word')?.range;
            if (range) accept('error', `Text in quotes where a property goes: a declaration's title comes once, right after its name; properties are words (description ${word}).`, { node, range, code: Codes.Syntax });
            return;
        }
        const wordNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'word');
        const range = wordNode?.range ?? node.$cstNode?.range;
        if (!range) return;
        const remove: FixData = { fix: 'remove', range: rangeData(range), title: `Remove '${word}'` };
        if (word === ',') {
            this.checkComma(node, range, remove, accept);
            return;
        }
        const { words, where } = this.expected(node);
        if (words.includes(word)) {
            // A property whose value is missing (`requestedBy }`): the parser took the keyword alone.
            const next = nextLeafAfter(node);
            accept('error', `Expected a value after '${word}' but found ${next ? `'${next.text}'` : 'the end of the file'}.`, { node, range: next?.range ?? range, code: Codes.Syntax });
            return;
        }
        const replace = (text: string): FixData => ({ fix: 'replace', range: rangeData(range), options: [{ title: `Change to '${text}'`, text }] });
        const lower = word.toLowerCase();
        if (lower !== word && words.includes(lower)) {
            accept('error', `Keywords are lower-case: write '${lower}', not '${word}'.`, { node, range, code: Codes.Syntax, data: replace(lower) });
            return;
        }
        const close = words
            .map(candidate => ({ candidate, distance: editDistance(candidate.toLowerCase(), lower) }))
            .filter(c => c.distance <= Math.min(2, Math.max(1, Math.floor(c.candidate.length / 3))))
            .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
        if (close.length > 0) {
            const best = close[0].candidate;
            accept('error', `Unknown word '${word}' ${where}: did you mean '${best}'?`, { node, range, code: Codes.Syntax, data: replace(best) });
            return;
        }
        const elsewhere = propertyOfAnotherBlock(this.keywords, lower, node.$container.$type);
        if (elsewhere) {
            accept('error', `'${word}' is a property of ${elsewhere}, not of ${where.replace(/^in /, '')}: write it inside that block.`, { node, range, code: Codes.Syntax });
            return;
        }
        accept('error', `Unknown word '${word}' ${where}: ${this.listed(node, words)}.`, { node, range, code: Codes.Syntax });
    }

    /** A comma where no list goes: thousands separators, a second name for one release, or a trailing comma. */
    private checkComma(node: ast.Unknown, range: Range, remove: FixData, accept: ValidationAcceptor): void {
        const before = previousLeaf(node);
        const firstValue = node.$cstNode ? GrammarUtils.findNodesForProperty(node.$cstNode, 'values')[0] : undefined;
        const comma = node.$cstNode!.offset;
        // `4,000`: a number, the comma and three digits, written together.
        if (before && /^-?\d+$/.test(before.text) && before.end === comma && firstValue && /^\d{3}(\.\d+)?$/.test(firstValue.text) && firstValue.offset === comma + 1) {
            const written = `${before.text},${firstValue.text}`;
            const number = `${before.text}${firstValue.text}`;
            accept('error', `Numbers are written without thousands separators: ${number}, not ${written}.`, {
                node, range: { start: before.range.start, end: firstValue.range.end }, code: Codes.Syntax,
                data: { fix: 'replace', range: rangeData({ start: before.range.start, end: firstValue.range.end }), options: [{ title: `Change to ${number}`, text: number }] }
            });
            return;
        }
        const property = this.propertyBefore(node);
        if (property && SINGLE_NAMES[property]) {
            accept('error', `${SINGLE_NAMES[property]}: write one name after ${property}.`, { node, range, code: Codes.Syntax });
            return;
        }
        accept('error', 'A comma separates the names of a list (requires a, b), not properties: remove it.', { node, range, code: Codes.Syntax, data: remove });
    }

    /** The keyword of the property written just before the node in its block. */
    private propertyBefore(node: ast.Unknown): string | undefined {
        const offset = node.$cstNode?.offset ?? -1;
        const segments = propertySegments(node.$container, this.keywords.of(node.$container.$type));
        return segments.filter(segment => segment.end <= offset).pop()?.key;
    }

    /** After a bare unknown word (no value, no block), the next one is its name or value. */
    private followsBareWord(node: ast.Unknown): boolean {
        const index = node.$containerIndex ?? 0;
        if (index === 0) return false;
        const siblings = (node.$container as unknown as { unknown: ast.Unknown[] }).unknown;
        const previous = siblings[index - 1];
        if (previous.word === undefined || previous.values.length > 0 || previous.block !== undefined) return false;
        const previousEnd = previous.$cstNode?.end ?? -1;
        const start = node.$cstNode?.offset ?? -1;
        // Adjacent: nothing but whitespace or comments between them in the container's tokens.
        const container = node.$container.$cstNode;
        if (!container) return false;
        return !(container as unknown as { content: Array<{ offset: number; end: number; hidden: boolean }> }).content
            .some(child => !child.hidden && child.offset >= previousEnd && child.end <= start);
    }

    /** The words that could stand here, and where "here" is, for the message. */
    private expected(node: ast.Unknown): { words: string[]; where: string } {
        const container = node.$container;
        if (ast.isModel(container)) return { words: TOP_LEVEL, where: 'at the top level' };
        if (ast.isScoring(container) && this.inWeights(node)) return { words: DRIVERS, where: 'in these weights' };
        const properties = [...this.keywords.of(container.$type)];
        const words = ast.isProduct(container) ? [...properties, ...MEMBERS] : properties;
        return { words, where: `in this ${blockWord(container.$type)}` };
    }

    private listed(node: ast.Unknown, words: readonly string[]): string {
        const container = node.$container;
        if (ast.isModel(container)) return 'a file holds product, stakeholder, persona and metric declarations';
        if (ast.isScoring(container) && this.inWeights(node)) return `weights are given to ${DRIVERS.join(', ')}`;
        if (ast.isProduct(container)) return `a product holds the properties ${this.keywords.of('Product').join(', ')} and the declarations ${MEMBERS.join(', ')}`;
        return `its properties are ${words.join(', ')}`;
    }

    /** Whether the node stands between the braces of `weights { ... }` (the scoring block's own tokens). */
    private inWeights(node: AstNode): boolean {
        const scoring = node.$container;
        const offset = node.$cstNode?.offset ?? -1;
        if (!scoring?.$cstNode) return false;
        const own = CstUtils.streamCst(scoring.$cstNode).filter(isLeafCstNode).filter(leaf => !leaf.hidden && leaf.astNode === scoring).toArray();
        for (let i = 0; i + 1 < own.length; i++) {
            if (own[i].text !== 'weights' || own[i + 1].text !== '{') continue;
            const close = own.slice(i + 2).find(leaf => leaf.text === '}');
            if (own[i + 1].offset < offset && (!close || offset < close.offset)) return true;
        }
        return false;
    }
}

/** `a rice block` when `word` is a property of a block other than `type` (for "write it inside that block"). */
export function propertyOfAnotherBlock(keywords: PropertyKeywords, word: string, type: string): string | undefined {
    if (RESERVED_WORDS.includes(word) || keywords.of(type).includes(word)) return undefined;
    for (const other of ['Feature', 'Release', 'Need', 'Metric', 'Forecast', 'Stakeholder', 'Persona', 'Product', 'Scoring', 'Rice', 'Wsjf', 'Ice', 'KanoSurvey']) {
        if (other !== type && keywords.of(other).includes(word)) return `a ${blockWord(other)}`;
    }
    return undefined;
}
