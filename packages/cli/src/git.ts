import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors.js';
import { isSkippedFolder, isSpecFileName, joinAsGiven, type SpecFile, type SpecText } from './files.js';

/**
 * Spec files at a git revision, read from git's object store with the `git` executable:
 * nothing is checked out, and neither the working tree nor the index is touched (only
 * `rev-parse`, `ls-tree` and `cat-file` run). Depends on nothing but Node and the CLI's
 * file rules, so that the language server can use it too.
 */

/** The repository around a folder: its top folder, and the folder's path inside it. */
export interface Repository {
    /** The top folder of the work tree (as git gives it). */
    readonly root: string;
    /** The folder that relative paths start from. */
    readonly cwd: string;
}

/** A commit: its full hash and a short one for people (7 characters, more when ambiguous). */
export interface Commit {
    readonly hash: string;
    readonly short: string;
}

interface GitResult {
    code: number;
    stdout: Buffer;
    stderr: string;
}

/** Runs git in a folder, feeding it `input`; never through a shell. */
function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
    return new Promise((resolve, reject) => {
        const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', error => {
            const code = (error as NodeJS.ErrnoException).code;
            reject(code === 'ENOENT'
                ? new UsageError('diff needs the git executable, and none was found on the PATH.')
                : new UsageError(`Cannot run git (${code ?? String(error)}).`));
        });
        child.on('close', code => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { /* git exited early; its exit code tells */ });
        child.stdin.end(input ?? '');
    });
}

/** The first line of git's complaint, for an internal error's message. */
function complaint(result: GitResult): string {
    return result.stderr.split('\n').find(line => line.trim() !== '')?.replace(/^(fatal|error): /, '') ?? `exit code ${result.code}`;
}

/** The repository whose work tree holds `cwd`; a usage error outside one. */
export async function openRepository(cwd: string = process.cwd()): Promise<Repository> {
    const result = await git(cwd, ['rev-parse', '--show-toplevel']);
    if (result.code !== 0) {
        throw new UsageError(`${cwd} is not inside a git repository's work tree; diff compares git revisions, so run it in one.`);
    }
    return { root: result.stdout.toString('utf8').replace(/\n$/, ''), cwd };
}

/** The commit a revision names (`HEAD`, `main`, `origin/main`, `3f2a9c1`, `v1.2~3`); a usage error if none. */
export async function resolveCommit(repo: Repository, revision: string): Promise<Commit> {
    const result = await git(repo.cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
    if (result.code !== 0) {
        throw new UsageError(`Unknown revision '${revision}': git has no commit by that name${revision === 'HEAD' ? ' (the repository has no commit yet)' : ''}.`);
    }
    const hash = result.stdout.toString('utf8').trim();
    const short = await git(repo.cwd, ['rev-parse', '--short=7', hash]);
    return { hash, short: short.code === 0 ? short.stdout.toString('utf8').trim() : hash.slice(0, 7) };
}

/**
 * The spec files of the given paths (relative to the repository's `cwd`, or absolute) at a
 * commit, found as the CLI finds them on disk (files as given; folders searched for
 * `*.product`, skipping `node_modules` and dot-folders; in name order) and shown the same
 * way, so that one file has one name at every revision. A path that the commit lacks
 * contributes no file.
 */
export async function specFilesAt(repo: Repository, commit: Commit, paths: readonly string[]): Promise<SpecText[]> {
    const targets = paths.map(given => ({ given, inRepo: repoPath(repo, given) }));
    // Only the paths' part of the tree is listed (all of it when a path is the top folder).
    const limit = targets.some(t => t.inRepo === '') ? [] : ['--', ...targets.map(t => t.inRepo)];
    const listing = await git(repo.root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit.hash, ...limit]);
    if (listing.code !== 0) throw new Error(`git ls-tree ${commit.short} failed: ${complaint(listing)}`);
    const blobs: Array<{ path: string; oid: string }> = [];
    for (const entry of listing.stdout.toString('utf8').split('\0')) {
        // `<mode> <type> <object>\t<path>`: regular files only (no links, no submodules).
        const tab = entry.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        if (type === 'blob' && (mode === '100644' || mode === '100755')) blobs.push({ path: entry.slice(tab + 1), oid });
    }
    blobs.sort((a, b) => compareSegments(a.path, b.path));

    const found: Array<{ file: SpecFile; oid: string }> = [];
    const seen = new Set<string>();
    for (const { given, inRepo } of targets) {
        for (const blob of blobs) {
            let display: string;
            if (blob.path === inRepo) {
                display = given;
            } else if (inRepo === '' || blob.path.startsWith(`${inRepo}/`)) {
                const inside = (inRepo === '' ? blob.path : blob.path.slice(inRepo.length + 1)).split('/');
                if (inside.slice(0, -1).some(isSkippedFolder) || !isSpecFileName(inside[inside.length - 1])) continue;
                display = joinAsGiven(given, inside.join(path.sep));
            } else {
                continue;
            }
            const absolute = path.join(repo.root, ...blob.path.split('/'));
            if (seen.has(absolute)) continue;
            seen.add(absolute);
            found.push({ file: { display, absolute }, oid: blob.oid });
        }
    }
    const texts = await readBlobs(repo, found.map(f => f.oid));
    return found.map(({ file, oid }) => ({ ...file, text: texts.get(oid)! }));
}

/** A path from the command line as a path inside the repository (`/`-separated, '' for the top). */
function repoPath(repo: Repository, given: string): string {
    let absolute = path.resolve(repo.cwd, given);
    if (path.isAbsolute(given)) {
        // An absolute path may pass through a link (/tmp → /private/tmp); git's root is a real path.
        try { absolute = realpathSync(absolute); } catch { /* not on disk: as given */ }
    }
    const relative = path.relative(repo.root, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        throw new UsageError(`${given} is outside the git repository at ${repo.root}.`);
    }
    return relative.split(path.sep).filter(part => part !== '').join('/');
}

/** Paths in the order of the CLI's folder search: name by name, folder by folder. */
function compareSegments(a: string, b: string): number {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
}

/** Many blobs read by one `git cat-file --batch`: object id → text (UTF-8). */
async function readBlobs(repo: Repository, oids: readonly string[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return texts;
    const result = await git(repo.root, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
    if (result.code !== 0) throw new Error(`git cat-file failed: ${complaint(result)}`);
    // Each object: `<oid> <type> <size>\n<content>\n`.
    const out = result.stdout;
    let at = 0;
    for (const oid of unique) {
        const newline = out.indexOf(0x0a, at);
        const header = out.toString('utf8', at, newline).split(' ');
        if (header[0] !== oid || header[1] !== 'blob') throw new Error(`git cat-file gave '${header.join(' ')}' for ${oid}.`);
        const size = Number(header[2]);
        texts.set(oid, out.toString('utf8', newline + 1, newline + 1 + size));
        at = newline + 1 + size + 1;
    }
    return texts;
}
