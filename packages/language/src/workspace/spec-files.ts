import picomatch from 'picomatch';
import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';

/**
 * A spec file's text as the language reads it: without a UTF-8 byte order mark, which
 * editors hide and which would otherwise shift every column of the first line by one.
 */
export function specText(raw: string): string {
    return raw.charCodeAt(0) === 0xFEFF ? raw.slice(1) : raw;
}

/** Langium's Node file system, reading spec texts as `specText` says (the language server's). */
export class SpecFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return specText(await super.readFile(uri));
    }

    override readFileSync(uri: URI): string {
        return specText(super.readFileSync(uri));
    }
}

/** The file system context of the language server and the CLI. */
export const SpecFileSystem = { fileSystemProvider: () => new SpecFileSystemProvider() };

/** A file that belongs to a workspace: `*.product`. */
export function isSpecFileName(name: string): boolean {
    return name.endsWith('.product');
}

/** A folder searched for specs: all but `node_modules` and dot-folders (cli.md). */
export function isSearchedFolderName(name: string): boolean {
    return name !== 'node_modules' && !name.startsWith('.');
}

/**
 * Globs of paths left out of a workspace (`--exclude` on the command line, the
 * `productSpec.exclude` setting in VS Code), matched against the path relative to the
 * folder searched, with `/` (picomatch globs such as `out/**` or `legacy/*.product`). A folder
 * matched is not searched.
 */
export function exclusion(globs: readonly string[]): (relativePath: string) => boolean {
    if (globs.length === 0) return () => false;
    const matchers = globs.map(glob => picomatch(glob, { dot: true }));
    return relativePath => matchers.some(match => match(relativePath) || match(`${relativePath}/`));
}
