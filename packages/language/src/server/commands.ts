import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import type { ProductSpecServices } from '../product-spec-module.js';
import { workspaceReady } from './requests.js';

/**
 * A `workspace/executeCommand` command another package adds to the server (the docs
 * package adds `productSpec.generateDocs`). It runs once the workspace is validated, with
 * the language services: `services.model.ModelService.model` is the computed model.
 */
export type CommandHandler = (args: unknown[], services: ProductSpecServices, cancelToken: CancellationToken) => unknown;

/**
 * Langium's execute-command handler, open for registration: commands are added by
 * `registerCommands` (see `startServer({ commands })`) before the server is initialized,
 * since the client learns the command names from the initialize result.
 */
export class ProductSpecCommandHandler extends AbstractExecuteCommandHandler {
    registerCommands(_acceptor: ExecuteCommandAcceptor): void {
        // None of its own: commands come from registerCommands().
    }

    register(name: string, execute: (args: unknown[], cancelToken: CancellationToken) => unknown): void {
        if (this.registeredCommands.has(name)) throw new Error(`The command '${name}' is already registered.`);
        this.registeredCommands.set(name, execute);
    }
}


/** Adds commands to the server of `services`; each waits until the workspace is validated. */
export function registerCommands(services: ProductSpecServices, commands: Readonly<Record<string, CommandHandler>>): void {
    const handler = services.shared.lsp.ExecuteCommandHandler;
    if (!(handler instanceof ProductSpecCommandHandler)) throw new Error('The shared services have no ProductSpecCommandHandler.');
    for (const [name, command] of Object.entries(commands)) {
        handler.register(name, async (args, cancelToken) => {
            await workspaceReady(services.shared, cancelToken);
            return command(args, services, cancelToken);
        });
    }
}
