import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';

/** Declarations that stand only inside a product (the top level holds product, stakeholder, persona, metric). */
const MEMBER_ONLY = new Set(['need', 'objective', 'release', 'feature', 'forecast', 'scoring']);

export const STRAY_BRACE_MESSAGE = "This '}' has no '{' to match";

/**
 * Langium's lexer, with one recovery before parsing: a `}` too many that closes a product
 * before its members end (`feature a { ... } }` then `feature b`) becomes a skipped STRAY
 * token with one error at it, so the members after it stay in their product instead of
 * cascading into top-level errors and being lost (issue 10). A brace counts as too many
 * only when the file has more `}` than `{` and the next word declares a product member.
 */
export class ProductSpecLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        if (!text.includes('}')) return result;
        const strays = strayClosingBraces(result.tokens);
        if (strays.length === 0) return result;
        const stray = this.definition.STRAY as TokenType;
        for (const { index, message } of strays.reverse()) {
            const [token] = result.tokens.splice(index, 1);
            token.tokenType = stray;
            token.tokenTypeIdx = stray.tokenTypeIdx!;
            insertByOffset(result.hidden, token);
            result.errors.push({ offset: token.startOffset, length: 1, line: token.startLine, column: token.startColumn, message });
        }
        return result;
    }
}

/** The `}` tokens that close a product early, each with the error that says so. */
export function strayClosingBraces(tokens: readonly IToken[]): Array<{ index: number; message: string }> {
    let excess = 0;
    for (const token of tokens) {
        if (token.image === '{') excess--;
        else if (token.image === '}') excess++;
    }
    const strays: Array<{ index: number; message: string }> = [];
    let depth = 0;
    let declaration: IToken | undefined;
    for (let i = 0; i < tokens.length && excess > 0; i++) {
        const token = tokens[i];
        if (depth === 0 && token.image !== '{' && token.image !== '}' && declaration === undefined) declaration = token;
        if (token.image === '{') depth++;
        else if (token.image === '}') {
            const next = tokens[i + 1];
            if (depth === 1 && declaration?.image === 'product' && next && MEMBER_ONLY.has(next.image)) {
                const name = tokens[tokens.indexOf(declaration) + 1];
                strays.push({
                    index: i,
                    message: `${STRAY_BRACE_MESSAGE}: it would close product ${name?.image ?? ''} (opened at line ${declaration.startLine}) before the ${next.image} on line ${next.startLine}. Remove it.`
                });
                excess--;
                continue;
            }
            depth = Math.max(0, depth - 1);
            if (depth === 0) declaration = undefined;
        }
    }
    return strays;
}

function insertByOffset(hidden: IToken[], token: IToken): void {
    let at = hidden.length;
    while (at > 0 && hidden[at - 1].startOffset > token.startOffset) at--;
    hidden.splice(at, 0, token);
}
