import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';

/** How a token type reads in a message: keywords as written, terminals as what to write. */
export function describeTokenType(type: TokenType): string {
    const name = type.name;
    if (name.endsWith(':KW')) {
        return `'${name.slice(0, -3)}'`;
    }
    switch (name) {
        case 'ID': return 'a name';
        case 'STRING': return 'a quoted string';
        case 'NUMBER': return 'a number';
        case 'PERCENT': return 'a percent such as 80%';
        case 'DATE': return 'a date such as 2027-03-01';
        case 'EOF': return 'the end of the file';
        default: return name;
    }
}

export function describeFound(token: IToken): string {
    if (token.tokenType?.name === 'EOF' || token.image === '') {
        return 'the end of the file';
    }
    return `'${token.image}'`;
}

function oneOf(descriptions: string[]): string {
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
        return `Expected ${describeTokenType(options.expected)} but found ${describeFound(options.actual)}.`;
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected a declaration (product, stakeholder, persona or metric) but found ${describeFound(options.firstRedundant)}.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(t => t !== undefined);
        return `Expected ${oneOf(firsts.map(describeTokenType))} but found ${describeFound(options.actual[0])}.`;
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const firsts = options.expectedIterationPaths.map(path => path[0]).filter(t => t !== undefined);
        return `Expected ${oneOf(firsts.map(describeTokenType))} but found ${describeFound(options.actual[0])}.`;
    }
}
