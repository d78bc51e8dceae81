import { UsageError } from './errors.js';

export interface OptionSpec {
    /** Takes a value (`--format json`), or is a switch (`--check`). */
    readonly value: boolean;
    /** Allowed values, when the option takes one of a few words. */
    readonly choices?: readonly string[];
    /** A one-letter alias (`-o`). */
    readonly alias?: string;
}

export interface ParsedArgs {
    readonly positionals: string[];
    readonly options: Map<string, string | true>;
}

/**
 * Parses `PATH... --name value --switch` (also `--name=value`). Unknown options and
 * missing values are usage errors, reported in one sentence.
 */
export function parseArgs(command: string, argv: readonly string[], specs: Record<string, OptionSpec>): ParsedArgs {
    const positionals: string[] = [];
    const options = new Map<string, string | true>();
    const byAlias = new Map(Object.entries(specs).filter(([, spec]) => spec.alias).map(([name, spec]) => [spec.alias!, name]));
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        let name: string;
        let inline: string | undefined;
        if (arg.startsWith('--')) {
            const eq = arg.indexOf('=');
            name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
            inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
        } else {
            const alias = byAlias.get(arg.slice(1));
            if (!alias) throw new UsageError(`Unknown option ${arg} for '${command}'; see 'product-spec ${command} --help'.`);
            name = alias;
        }
        const spec = specs[name];
        if (!spec) throw new UsageError(`Unknown option --${name} for '${command}'; see 'product-spec ${command} --help'.`);
        if (!spec.value) {
            if (inline !== undefined) throw new UsageError(`Option --${name} takes no value.`);
            options.set(name, true);
            continue;
        }
        const value = inline ?? argv[++i];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
            throw new UsageError(`Option --${name} needs a value${spec.choices ? ` (${spec.choices.join(', ')})` : ''}.`);
        }
        if (spec.choices && !spec.choices.includes(value)) {
            throw new UsageError(`Option --${name} must be one of ${spec.choices.join(', ')}, not '${value}'.`);
        }
        options.set(name, value);
    }
    return { positionals, options };
}
