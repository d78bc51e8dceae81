import { readFileSync } from 'node:fs';
import { readArguments } from './arguments.js';
import { COMMANDS, commandHelp, mainHelp } from './commands.js';
import { Exit, UsageError } from './errors.js';
import { processOutput, visibleOutput, type Output } from './output.js';

export function version(): string {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
}

const VERSION_FLAGS = new Set(['--version', '-v', '-V']);
const HELP_FLAGS = new Set(['--help', '-h']);

/**
 * Runs the CLI and returns its exit code (undefined when the command keeps running, as the
 * language server does). Never throws: usage and I/O problems are one sentence on stderr.
 */
export async function main(argv: readonly string[], output: Output = processOutput): Promise<number | undefined> {
    const out = visibleOutput(output);
    const verbose = argv.includes('--verbose');
    const args = argv.filter(arg => arg !== '--verbose');
    try {
        const [name, ...rest] = args;
        if (args.some(arg => VERSION_FLAGS.has(arg)) || name === 'version') {
            out.stdout(version());
            return Exit.Ok;
        }
        if (name === undefined || HELP_FLAGS.has(name) || name === 'help') {
            const topic = name === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
            out.stdout(topic ? commandHelp(topic) : mainHelp());
            return Exit.Ok;
        }
        const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
        if (!command) throw new UsageError(`Unknown command '${name}'; the commands are ${Object.keys(COMMANDS).join(', ')}.`);
        if (rest.some(arg => HELP_FLAGS.has(arg))) {
            out.stdout(commandHelp(command));
            return Exit.Ok;
        }
        const input = readArguments(name, rest, command.options);
        const module = await command.load();
        return await module.run(input, out);
    } catch (error) {
        if (error instanceof UsageError) {
            out.stderr(`product-spec: ${error.message}`);
            return Exit.Usage;
        }
        const message = error instanceof Error ? error.message : String(error);
        out.stderr(`product-spec: internal error: ${message}${verbose ? '' : ' (run with --verbose for details)'}`);
        if (verbose && error instanceof Error && error.stack) out.stderr(error.stack);
        return Exit.Usage;
    }
}
