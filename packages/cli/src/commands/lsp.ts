import type { CommandInput } from '../arguments.js';
import { UsageError } from '../errors.js';

/** Runs until the client exits; never returns a code of its own. */
export async function run({ options }: CommandInput): Promise<number | undefined> {
    if (options.stdio !== true) throw new UsageError(`lsp needs --stdio (the only transport it offers).`);
    const { startServer } = await import('@product-spec/language/server');
    const { docsServerCommands, docsServerRequests } = await import('@product-spec/docs');
    const { diffServerRequests } = await import('../diff-request.js');
    startServer({ commands: docsServerCommands(), requests: { ...docsServerRequests(), ...diffServerRequests() } });
    return undefined;
}
