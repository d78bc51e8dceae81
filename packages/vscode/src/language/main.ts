/**
 * The language server bundled in the extension (dist/server.js, started by the client over
 * Node IPC). It is the language package's server, plus:
 *  - the docs package's `productSpec.generateDocs` command; the folder is the command's
 *    argument (the client always sends one), else the `productSpec.docs.outputFolder`
 *    setting (the client synchronises the `productSpec` section), else `docs`, in the first
 *    workspace folder;
 *  - the requests `productSpec/docsPreview` and `productSpec/productAt` (./extra-requests.ts).
 */
import { docsServerCommands } from '@product-spec/docs';
import { startServer } from '@product-spec/language/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { registerExtraRequests } from './extra-requests.js';

const connection = createConnection(ProposedFeatures.all);

/** `productSpec.docs.outputFolder`, as the client last sent it. */
let outputFolder: string | undefined;

const { shared, ProductSpec } = startServer({
    connection,
    commands: docsServerCommands({ defaultOutputDir: () => outputFolder })
});
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(({ section, configuration }) => {
    if (section !== 'productSpec') return;
    const value: unknown = (configuration as { docs?: { outputFolder?: unknown } } | undefined)?.docs?.outputFolder;
    outputFolder = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
});
registerExtraRequests(connection, ProductSpec);
