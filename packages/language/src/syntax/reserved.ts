/**
 * The words that open a declaration: the only reserved words of the language (contract:
 * every other keyword stays usable as a name). No imports: clients use it too.
 */
export const RESERVED_WORDS: readonly string[] = ['product', 'stakeholder', 'persona', 'need', 'objective', 'metric', 'release', 'feature', 'forecast', 'scoring'];

export function isReservedWord(word: string): boolean {
    return RESERVED_WORDS.includes(word);
}

/**
 * Whether `text` is a whole name (`[\p{L}_][\p{L}\p{N}_]*`, language.md): the same rule as
 * the lexer's, written with the `u` flag because clients need no lexer speed here.
 */
export function isName(text: string): boolean {
    return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(text);
}
