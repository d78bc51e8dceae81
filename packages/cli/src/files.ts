import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { byName, exclusion, isSearchedFolderName, isSpecFileName, specText } from '@product-spec/language';
import { UsageError } from './errors.js';

export { isSpecFileName };

/** A spec file found from the command line: the path to show, and where it really is. */
export interface SpecFile {
    /** As given on the command line, joined with the path inside a folder. */
    readonly display: string;
    readonly absolute: string;
}

/** A spec file with its text (read from disk, or from git). */
export interface SpecText extends SpecFile {
    readonly text: string;
    /** Where the bytes first are not UTF-8 (1-based), when they are not: the text shows U+FFFD there. */
    readonly notUtf8?: { readonly line: number; readonly column: number };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A spec file's text from its bytes: UTF-8 (a byte-order mark dropped). Bytes that are not
 * UTF-8 (a latin-1 file) are read as U+FFFD, and where the first one is, is kept so that
 * `validate` can say which file and where, instead of changing the text silently.
 */
export function decodeSpecBytes(bytes: Uint8Array): { text: string; notUtf8?: { line: number; column: number } } {
    try {
        return { text: specText(strictUtf8.decode(bytes)) };
    } catch {
        const text = specText(new TextDecoder('utf-8').decode(bytes));
        const at = text.indexOf('\uFFFD');
        const before = text.slice(0, Math.max(at, 0));
        const line = before.split('\n').length;
        const column = before.length - (before.lastIndexOf('\n') + 1) + 1;
        return { text, notUtf8: { line, column } };
    }
}

export interface FindOptions {
    /** Globs of paths to leave out, relative to each folder searched (`--exclude`). */
    readonly exclude?: readonly string[];
}

/**
 * Expands the command line's paths: files as given, folders searched (recursively, in
 * name order) by the rules the language server follows too (language package,
 * workspace/spec-files.ts: `*.product`, skipping `node_modules`, dot-folders and the
 * excluded globs). A file reached twice is loaded once. A path that does not exist, or a
 * file that is not a `.product` file, is a usage error.
 */
export async function findSpecFiles(paths: readonly string[], options: FindOptions = {}): Promise<SpecFile[]> {
    const excluded = exclusion(options.exclude ?? []);
    const found: SpecFile[] = [];
    const seen = new Set<string>();
    const add = (display: string, absolute: string) => {
        if (seen.has(absolute)) return;
        seen.add(absolute);
        found.push({ display, absolute });
    };
    for (const given of paths) {
        let stat;
        try {
            stat = await fs.stat(given);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            throw new UsageError(code === 'ENOENT' ? `No such file or folder: ${given}` : `Cannot read ${given} (${code ?? String(error)}).`);
        }
        if (stat.isDirectory()) {
            await walk(given, given, add, relative => excluded(relative));
        } else if (!isSpecFileName(given)) {
            throw new UsageError(`${given} is not a .product file: product-spec reads only .product files.`);
        } else {
            add(given, path.resolve(given));
        }
    }
    if (found.length === 0) {
        throw new UsageError(`No .product files found in ${paths.join(', ')}.`);
    }
    return found;
}

/** A folder that the search skips: `node_modules` and dot-folders. */
export function isSkippedFolder(name: string): boolean {
    return !isSearchedFolderName(name);
}

/** A path inside a folder, shown after the folder exactly as the user wrote it (`./specs/` stays `./specs/`). */
export function joinAsGiven(given: string, name: string): string {
    return given.endsWith('/') || given.endsWith(path.sep) ? `${given}${name}` : `${given}${path.sep}${name}`;
}

async function walk(folder: string, display: string, add: (display: string, absolute: string) => void, excluded: (relative: string) => boolean, relative = ''): Promise<void> {
    let entries;
    try {
        entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
        throw new UsageError(`Cannot read folder ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    entries.sort(byName);
    for (const entry of entries) {
        const child = path.join(folder, entry.name);
        const shown = joinAsGiven(display, entry.name);
        const inside = relative ? `${relative}/${entry.name}` : entry.name;
        if (excluded(inside)) continue;
        if (entry.isDirectory()) {
            if (isSkippedFolder(entry.name)) continue;
            await walk(child, shown, add, excluded, inside);
        } else if (entry.isFile() && isSpecFileName(entry.name)) {
            add(shown, path.resolve(child));
        }
    }
}

export async function readSpecFile(file: SpecFile): Promise<{ text: string; notUtf8?: { line: number; column: number } }> {
    try {
        return decodeSpecBytes(await fs.readFile(file.absolute));
    } catch (error) {
        throw new UsageError(`Cannot read ${file.display} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
}
