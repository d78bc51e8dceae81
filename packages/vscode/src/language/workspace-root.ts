import type { ProductSpecServices } from '@product-spec/language';
import { fileURLToPath } from 'node:url';

/** The first workspace folder as a path, if the client opened a folder on disk. */
export function workspaceRoot(services: ProductSpecServices): string | undefined {
    const folder = services.shared.workspace.WorkspaceManager.workspaceFolders?.[0];
    if (!folder || !folder.uri.startsWith('file:')) return undefined;
    return fileURLToPath(folder.uri);
}
