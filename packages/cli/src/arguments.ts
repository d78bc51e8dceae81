import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

/** An option of a command, as its help lists it and as `util.parseArgs` reads it. */
export interface OptionSpec {
    /** A switch (`--check`), or an option with a value (`--format json`). */
    readonly type: 'boolean' | 'string';
    /** A one-letter alias (`-o`). */
    readonly short?: string;
    /** The value's placeholder in the help (`DIR`), for options with a value. */
    readonly placeholder?: string;
    /** The words the value may be. */
    readonly choices?: readonly string[];
    /** May be given several times (the value is then a list). */
    readonly multiple?: boolean;
    /** What it does, one line in the help. */
    readonly description: string;
}

/** A command line after its options were read: the positionals, and each option's value. */
export interface CommandInput {
    readonly positionals: string[];
    readonly options: Readonly<Record<string, string | boolean | string[] | undefined>>;
    /** The positionals after `--` (also the last of `positionals`): `diff` takes revisions before it, paths after. */
    readonly afterDoubleDash: string[];
}

/**
 * Reads a command's arguments with Node's `util.parseArgs` (strict: unknown options and
 * missing values are errors), then what it leaves to us: allowed words, and an option
 * given twice (which `parseArgs` would silently resolve to the last one). Every problem
 * is one sentence, a usage error.
 */
export function readArguments(command: string, argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>): CommandInput {
    const options: NonNullable<ParseArgsConfig['options']> = {};
    for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
    let parsed;
    try {
        parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
    } catch (error) {
        throw new UsageError(explain(command, error as Error & { code?: string }, specs));
    }
    const seen = new Set<string>();
    for (const token of parsed.tokens ?? []) {
        if (token.kind !== 'option') continue;
        if (seen.has(token.name) && !specs[token.name]?.multiple) throw new UsageError(`Option --${token.name} is given twice; give it once.`);
        seen.add(token.name);
    }
    for (const [name, value] of Object.entries(parsed.values)) {
        const choices = specs[name]?.choices;
        if (choices && typeof value === 'string' && !choices.includes(value)) {
            throw new UsageError(`Option --${name} must be one of ${choices.join(', ')}, not '${value}'.`);
        }
    }
    const terminator = parsed.tokens?.find(token => token.kind === 'option-terminator');
    const afterDoubleDash = terminator ? parsed.tokens!.filter(token => token.kind === 'positional' && token.index > terminator.index).map(token => (token as { value: string }).value) : [];
    return { positionals: parsed.positionals, options: parsed.values as Record<string, string | boolean | string[] | undefined>, afterDoubleDash };
}

function explain(command: string, error: Error & { code?: string }, specs: Readonly<Record<string, OptionSpec>>): string {
    const see = `see 'product-spec ${command} --help'`;
    const option = /'(-{1,2}[A-Za-z0-9-]+)/.exec(error.message)?.[1];
    switch (error.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `Unknown option ${option ?? ''} for '${command}'; ${see}.`.replace('option  for', 'option for');
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
            const name = option?.replace(/^-+/, '').split(/[ =]/)[0];
            const spec = Object.entries(specs).find(([long, s]) => long === name || s.short === name);
            if (spec && spec[1].type === 'string') {
                return `Option --${spec[0]} needs a value${spec[1].choices ? ` (${spec[1].choices.join(', ')})` : ''}.`;
            }
            return `Option --${spec?.[0] ?? name} takes no value.`;
        }
        default:
            return `${error.message.replace(/\.$/, '')}; ${see}.`;
    }
}

/** The options' lines of a command's help: `  -o, --output DIR  the folder to write to`. */
export function optionLines(specs: Readonly<Record<string, OptionSpec>>): string[] {
    const entries = Object.entries(specs).map(([name, spec]) => {
        const value = spec.type === 'string' ? ` ${spec.placeholder ?? (spec.choices ? spec.choices.join('|') : 'VALUE')}` : '';
        return [`${spec.short ? `-${spec.short}, ` : ''}--${name}${value}`, spec.description] as const;
    });
    const width = Math.max(0, ...entries.map(([flag]) => flag.length));
    // A description of several lines continues under its first line.
    return entries.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description.split('\n').join(`\n  ${' '.repeat(width)}  `)}`);
}
