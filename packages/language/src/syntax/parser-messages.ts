import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { isReservedWord } from './reserved.js';

const TERMINALS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted string',
    NUMBER: 'a number',
    PERCENT: 'a percent such as 80%',
    DATE: 'a date such as 2027-03-01',
    EOF: 'the end of the file'
};

/** What a terminal reads as in a message ("a number"). */
export function describeTerminal(name: string): string | undefined {
    return TERMINALS[name];
}

/** How a token type reads in a message: terminals as what to write, keywords quoted as written. */
export function describeTokenType(type: TokenType): string {
    return TERMINALS[type.name] ?? `'${type.name}'`;
}

export function describeFound(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') {
        return 'the end of the file';
    }
    return `'${token.image}'`;
}


/**
 * "Expected X but found Y." Where a name may stand, every non-reserved keyword may too:
 * those are summarised as "a name" rather than listed.
 */
function expected(types: TokenType[], found: IToken | undefined): string {
    const takesName = types.some(type => type.name === 'ID');
    const described = takesName ? ['a name', ...types.filter(t => TERMINALS[t.name] && t.name !== 'ID').map(describeTokenType)] : types.map(describeTokenType);
    const foundText = found ? describeFound(found) : 'the end of the file';
    const reserved = takesName && found && isReservedWord(found.image) ? ` ('${found.image}' opens a declaration, so it cannot be a name)` : '';
    return `Expected ${oneOf(described)} but found ${foundText}${reserved}.`;
}

/** "one of 'must', 'should' or 'wont'": a list of what may come, as messages say it. */
export function oneOf(descriptions: string[]): string {
    const unique = [...new Set(descriptions)];
    if (unique.length <= 1) return unique[0] ?? 'something else';
    return `one of ${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/**
 * Chevrotain's default messages list token sequences; ours say in one line what was
 * expected and what was found, so that a product manager can act on them.
 */
export class ProductSpecParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return expected([options.expected], options.actual);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected a declaration (product, stakeholder, persona or metric) but found ${describeFound(options.firstRedundant)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(t => t !== undefined);
        return expected(firsts, options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined);
        return expected(firsts, options.actual[0]);
    }
}
