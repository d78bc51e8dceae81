/**
 * The language server bundled in the extension (dist/server.js, started by the client over
 * Node IPC): the language package's server with the docs package's command
 * (`productSpec.generateDocs`) and request (`productSpec/docsPreview`), exactly what
 * `product-spec lsp --stdio` serves to other editors. The docs folder is the command's
 * argument (the client always sends one), else the `productSpec.docs.outputFolder` setting
 * (the client synchronises the `productSpec` section), else `docs`, in the first workspace folder.
 */
import { diffServerRequests } from '@product-spec/cli/diff-request';
import { docsServerCommands, docsServerRequests } from '@product-spec/docs';
import { createServerConnection, startServer } from '@product-spec/language/server';

const connection = createServerConnection();

/** `productSpec.docs.outputFolder`, as the client last sent it. */
let outputFolder: string | undefined;

const { shared } = startServer({
    connection,
    commands: docsServerCommands({ defaultOutputDir: () => outputFolder }),
    requests: { ...docsServerRequests(), ...diffServerRequests() }
});
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(({ section, configuration }) => {
    if (section !== 'productSpec') return;
    const value: unknown = (configuration as { docs?: { outputFolder?: unknown } } | undefined)?.docs?.outputFolder;
    outputFolder = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
});
