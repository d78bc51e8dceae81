import { parseArgs } from '../args.js';
import { UsageError } from '../errors.js';

export const lspHelp = `Usage: product-spec lsp --stdio

Starts the product-spec language server on standard input and output, for any editor
that speaks the Language Server Protocol (Neovim, Helix, Emacs eglot, ...). Besides the
standard features it answers productSpec/rank and productSpec/forecast (the JSON of the
rank and forecast commands) and runs the command productSpec.generateDocs.`;

/** Runs until the client exits; never returns a code of its own. */
export async function lspCommand(argv: readonly string[]): Promise<number | undefined> {
    const { options } = parseArgs('lsp', argv, { stdio: { value: false } });
    if (!options.has('stdio')) throw new UsageError(`lsp needs --stdio (the only transport it offers).`);
    const { startServer } = await import('@product-spec/language/lsp');
    const { docsServerCommands } = await import('@product-spec/docs');
    startServer({ commands: docsServerCommands() });
    return undefined;
}
