import { DefaultWorkspaceManager, type BuildOptions } from 'langium';

/**
 * Validates every file of the workspace when the server starts, not only the open ones:
 * the Problems view lists every file's diagnostics, and the model that rank, forecast,
 * docs and the status bar read is complete from the first request.
 */
export class ProductSpecWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
}
