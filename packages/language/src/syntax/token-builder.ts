import { Lexer, type TokenType, type TokenVocabulary } from 'chevrotain';
import { DefaultTokenBuilder, type Grammar, type TokenBuilderOptions } from 'langium';
import { NAME_PATTERN } from './name-pattern.js';
import { isReservedWord } from './reserved.js';

/**
 * Keywords stay usable as names (language contract: only the words that open a declaration
 * are reserved). Each such keyword is put in the category of the ID token, so where the
 * grammar says `ID` the parser accepts it with one token test, instead of an alternative of
 * every keyword (chevrotain token categories).
 */
export class ProductSpecTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const id = tokens.find(token => token.name === 'ID');
        if (!id) throw new Error('The grammar has no ID terminal.');
        // The lexer makes WORD tokens (a word that is no keyword); ID is their category and
        // that of every keyword but the reserved ones. The grammar's `[\p{L}_][\p{L}\p{N}_]*`
        // becomes a plain regular expression the lexer can analyse (a `u` pattern becomes a
        // function that it tries at every position: ten times slower, measured).
        const word: TokenType = { name: 'WORD', PATTERN: NAME_PATTERN, CATEGORIES: [id] } as TokenType;
        tokens.splice(tokens.indexOf(id), 0, word);
        id.PATTERN = Lexer.NA;
        delete id.LINE_BREAKS;
        for (const token of tokens) {
            if (typeof token.PATTERN !== 'string' || !/^\w+$/.test(token.PATTERN)) continue;
            // ID is a Unicode pattern (a function for chevrotain), so Langium finds no longer
            // alternative for keywords: `needs_z` must stay one name, not `need` + `s_z`.
            token.LONGER_ALT = word;
            if (!isReservedWord(token.PATTERN)) token.CATEGORIES = [id];
        }
        return tokens;
    }

}
