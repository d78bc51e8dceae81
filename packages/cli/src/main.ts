import { readFileSync } from 'node:fs';
import { Exit, UsageError } from './errors.js';
import { processOutput, type Output } from './output.js';
import { docsCommand, docsHelp } from './commands/docs.js';
import { forecastCommand, forecastHelp } from './commands/forecast.js';
import { initCommand, initHelp } from './commands/init.js';
import { lspCommand, lspHelp } from './commands/lsp.js';
import { rankCommand, rankHelp } from './commands/rank.js';
import { validateCommand, validateHelp } from './commands/validate.js';

interface Command {
    readonly summary: string;
    readonly help: string;
    run(argv: readonly string[], out: Output): Promise<number | undefined>;
}

const COMMANDS: Record<string, Command> = {
    validate: { summary: 'report every diagnostic, file:line:col', help: validateHelp, run: validateCommand },
    rank: { summary: 'the ranked features of each product', help: rankHelp, run: rankCommand },
    forecast: { summary: "each forecast's months, totals, margin and break-even", help: forecastHelp, run: forecastCommand },
    docs: { summary: 'write the markdown docs (with diagrams) of each product', help: docsHelp, run: docsCommand },
    init: { summary: 'write a small, valid starter spec', help: initHelp, run: initCommand },
    lsp: { summary: 'the language server over stdio, for any LSP editor', help: lspHelp, run: argv => lspCommand(argv) }
};

export function version(): string {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
}

function mainHelp(): string {
    const width = Math.max(...Object.keys(COMMANDS).map(name => name.length));
    return [
        'Usage: product-spec <command> PATH... [options]',
        '',
        'Product specs (.product files) validated, ranked, forecast and documented.',
        '',
        'Commands:',
        ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
        '',
        'Options everywhere: --help, --version, --verbose (stack traces on internal errors).',
        "Run 'product-spec <command> --help' for a command's options and exit codes."
    ].join('\n');
}

/** Registers a command (the docs package adds `docs`). */
export function registerCommand(name: string, command: Command): void {
    COMMANDS[name] = command;
}

/**
 * Runs the CLI and returns its exit code (undefined when the command keeps running, as the
 * language server does). Never throws: usage and I/O problems are one sentence on stderr.
 */
export async function main(argv: readonly string[], out: Output = processOutput): Promise<number | undefined> {
    const verbose = argv.includes('--verbose');
    const args = argv.filter(arg => arg !== '--verbose');
    try {
        if (args.includes('--version') || args[0] === 'version') {
            out.stdout(version());
            return Exit.Ok;
        }
        const [name, ...rest] = args;
        if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
            const topic = name === 'help' ? COMMANDS[rest[0] ?? ''] : undefined;
            out.stdout(topic ? topic.help : mainHelp());
            return Exit.Ok;
        }
        const command = COMMANDS[name];
        if (!command) throw new UsageError(`Unknown command '${name}'; the commands are ${Object.keys(COMMANDS).join(', ')}.`);
        if (rest.includes('--help') || rest.includes('-h')) {
            out.stdout(command.help);
            return Exit.Ok;
        }
        return await command.run(rest, out);
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
