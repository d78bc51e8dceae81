import { DefaultWorkspaceManager, UriUtils, type BuildOptions, type FileSystemNode, type LangiumSharedCoreServices, type URI, type WorkspaceFolder } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { excludedGlobs } from '../lsp/settings.js';
import { exclusion, isSearchedFolderName, isSpecFileName } from './spec-files.js';

/**
 * The language server's workspace: the files the command line would read for the same
 * folder (workspace/spec-files.ts: `*.product`, skipping node_modules and dot-folders, and
 * the `productSpec.exclude` globs), every one validated when the server starts, not only the
 * open ones: the Problems view lists every file's diagnostics, and the model that rank,
 * forecast, docs and the status bar read is complete from the first request.
 */
export class ProductSpecWorkspaceManager extends DefaultWorkspaceManager {
    override initialBuildOptions: BuildOptions = { validation: true };
    private excluded: (relativePath: string) => boolean = () => false;
    private roots: URI[] = [];

    constructor(private readonly sharedServices: LangiumSharedCoreServices) {
        super(sharedServices);
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
        const configuration = this.sharedServices.workspace.ConfigurationProvider;
        await configuration.ready;
        this.excluded = exclusion(await excludedGlobs(configuration));
        this.roots = folders.map(folder => this.getRootFolder(folder));
        return super.initializeWorkspace(folders, cancelToken);
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (entry.isDirectory ? !isSearchedFolderName(name) : !isSpecFileName(name)) return false;
        const root = this.roots.find(folder => UriUtils.contains(folder, entry.uri));
        return !root || !this.excluded(UriUtils.relative(root, entry.uri));
    }
}
