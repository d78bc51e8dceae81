import { byName } from '@product-spec/language';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isGenerated, type DocFile } from './generate.js';

/** Writes one file; must be atomic (a reader never sees half a file). */
export type WriteFile = (target: string, content: string) => Promise<void>;

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename, so a reader
 * never sees half a file. With `exclusive`, an existing target is never replaced: the
 * temporary file is hard-linked to the target name, which fails with EEXIST if the name is
 * taken (even if it was taken meanwhile).
 */
export async function writeFileAtomic(target: string, content: string, options: { exclusive?: boolean } = {}): Promise<void> {
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
    try {
        if (options.exclusive) {
            await fs.link(temporary, target);
            await fs.unlink(temporary);
        } else {
            await fs.rename(temporary, target);
        }
    } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
    }
}

export interface WriteDocsOptions {
    /** Compare only: write nothing. */
    readonly check?: boolean;
    /** Overwrite files that lack the generated-file marker. */
    readonly force?: boolean;
    readonly writeFile?: WriteFile;
}

/** What a run found and did. Paths are relative to the output folder, with `/`. */
export interface WriteDocsResult {
    /** Files written (with `check`: files that are missing or differ). */
    readonly written: string[];
    /** The part of `written` that did not exist before. */
    readonly missing: string[];
    /** Files already up to date (left untouched). */
    readonly unchanged: string[];
    /** Files that exist without the generated-file marker: hand-written, never overwritten without `force`. */
    readonly handWritten: string[];
    /** True when hand-written files stopped the run: then nothing at all was written. */
    readonly blocked: boolean;
    /** Generated files in the folder for products no longer in the spec (left in place). */
    readonly stale: string[];
}

async function readIfExists(file: string): Promise<string | undefined> {
    try {
        return await fs.readFile(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
        throw error;
    }
}

function target(outputDir: string, relative: string): string {
    return path.join(outputDir, ...relative.split('/'));
}

/**
 * Writes the generated files into `outputDir` (creating folders), each atomically, and
 * only those whose text changed. The rules, shared by the CLI and the language server:
 * a file that exists without the generated-file marker is hand-written and blocks the
 * whole run (nothing is written, so the docs never end up half old and half new) unless
 * `force`; generated files of products that no longer exist are left and reported as stale.
 */
export async function writeDocs(outputDir: string, files: readonly DocFile[], options: WriteDocsOptions = {}): Promise<WriteDocsResult> {
    const changed: DocFile[] = [];
    const unchanged: string[] = [];
    const handWritten: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
        const existing = await readIfExists(target(outputDir, file.path));
        if (existing === file.content) {
            unchanged.push(file.path);
            continue;
        }
        if (existing === undefined) missing.push(file.path);
        else if (!isGenerated(existing)) handWritten.push(file.path);
        changed.push(file);
    }
    const stale = await findStale(outputDir, new Set(files.map(file => file.path)));
    const blocked = handWritten.length > 0 && !options.force;
    const result = { written: changed.map(file => file.path), missing, unchanged, handWritten, blocked, stale };
    if (options.check) return result;
    if (blocked) return { ...result, written: [], missing: [] };
    // Every destination checked before any is written: a run never half-writes, then refuses.
    for (const file of changed) await assertInside(outputDir, target(outputDir, file.path));
    await removeAbandonedTemporaries(new Set(changed.map(file => path.dirname(target(outputDir, file.path)))));
    const write = options.writeFile ?? writeFileAtomic;
    for (const file of changed) {
        const destination = target(outputDir, file.path);
        await fs.mkdir(path.dirname(destination), { recursive: true });
        await write(destination, file.content);
    }
    return result;
}

/** The temporary files `writeFileAtomic` makes: `.PRODUCT.md.<12 hex>.tmp`. */
const TEMPORARY = /^\.(?:index|PRODUCT)\.md\.[0-9a-f]{12}\.tmp$/;
/** Older than this, a temporary file belongs to no run still writing (a run writes in seconds). */
const ABANDONED_MS = 10 * 60 * 1000;

/**
 * Temporary files left by a run that was killed mid-write (`kill -9`): removed by the next
 * run, once they are old enough that no run still writing could own them.
 */
async function removeAbandonedTemporaries(folders: ReadonlySet<string>): Promise<void> {
    for (const folder of folders) {
        let names: string[];
        try {
            names = await fs.readdir(folder);
        } catch {
            continue;
        }
        for (const name of names.filter(n => TEMPORARY.test(n))) {
            const file = path.join(folder, name);
            try {
                const stat = await fs.lstat(file);
                if (stat.isFile() && Date.now() - stat.mtimeMs > ABANDONED_MS) await fs.rm(file, { force: true });
            } catch {
                // Gone meanwhile.
            }
        }
    }
}

/** A file where the docs need a folder (`DIR/acme` a file, or DIR itself). */
export class BlockedOutputError extends Error {
    readonly code = 'ENOTDIR';
    constructor(readonly relative: string) {
        super(`${relative} is a file where the docs need a folder: nothing was written.`);
    }
}

/** A destination that would land outside the output folder (through a symlink in it). */
export class OutsideOutputError extends Error {
    readonly code = 'EOUTSIDE';
    constructor(readonly relative: string, readonly resolved: string) {
        super(`${relative} leads outside the output folder (to ${resolved}, through a symbolic link): nothing was written.`);
    }
}

/**
 * The deepest existing folder on the way to `destination`, resolved through symbolic links,
 * must lie in the output folder resolved likewise: `DIR/acme` being a link to `../victim`
 * would otherwise make the docs write `victim/PRODUCT.md`. A link inside the folder that
 * stays inside it is fine; the folder named may itself be a link anywhere (the user named it).
 */
async function assertInside(outputDir: string, destination: string): Promise<void> {
    const root = await realFolder(path.resolve(outputDir));
    const real = await realFolder(path.dirname(path.resolve(destination)));
    // A file where a folder must be (DIR/acme a file) would fail halfway through the writes: say so first.
    const blocker = await fileOnTheWay(path.dirname(path.resolve(destination)));
    if (blocker) throw new BlockedOutputError(path.relative(path.resolve(outputDir), blocker).split(path.sep).join('/') || blocker);
    if (real !== root && !real.startsWith(root.endsWith(path.sep) ? root : root + path.sep)) {
        throw new OutsideOutputError(path.relative(path.resolve(outputDir), destination).split(path.sep).join('/'), real);
    }
}

/** The first path on the way to `folder` (from the root) that exists and is not a folder, if any. */
async function fileOnTheWay(folder: string): Promise<string | undefined> {
    const parts: string[] = [];
    for (let current = folder; ; current = path.dirname(current)) {
        parts.unshift(current);
        if (path.dirname(current) === current) break;
    }
    for (const part of parts) {
        try {
            if (!(await fs.stat(part)).isDirectory()) return part;
        } catch {
            return undefined;
        }
    }
    return undefined;
}

/** The real path of a folder that may not exist yet (the part that exists, resolved, then the rest). */
async function realFolder(folder: string): Promise<string> {
    try {
        return await fs.realpath(folder);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
        const parent = path.dirname(folder);
        return parent === folder ? folder : path.join(await realFolder(parent), path.basename(folder));
    }
}

/** `<folder>/PRODUCT.md` files with the marker that this run does not produce. */
async function findStale(outputDir: string, produced: ReadonlySet<string>): Promise<string[]> {
    let entries;
    try {
        entries = await fs.readdir(outputDir, { withFileTypes: true });
    } catch {
        return [];
    }
    const stale: string[] = [];
    for (const entry of entries.filter(e => e.isDirectory()).sort(byName)) {
        const relative = `${entry.name}/PRODUCT.md`;
        if (produced.has(relative)) continue;
        const content = await readIfExists(target(outputDir, relative));
        if (content !== undefined && isGenerated(content)) stale.push(relative);
    }
    return stale;
}
