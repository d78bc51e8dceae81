import { ResponseError } from 'vscode-languageserver';
import { compareSides } from './commands/diff.js';
import { diffMarkdown } from './diff-format.js';
import { UsageError } from './errors.js';
import { openRepository, resolveCommit } from './git.js';

/** `productSpec/diff`: what changed in a folder's specs since a revision, as `diff --format markdown` writes it. */
export const DIFF_REQUEST = 'productSpec/diff';

export interface DiffParams {
    /** The folder whose specs are compared (a workspace folder's path). */
    readonly folder: string;
    /** The revision to compare with (default HEAD). */
    readonly base?: string;
}

/**
 * The saved working tree of `folder` against `base` (decide.md §4), for an editor's "Compare
 * with HEAD": the same sides, comparison and markdown as `product-spec diff BASE -- FOLDER`.
 * Problems a user can fix (not a repository, no such revision, no specs) are an error whose
 * message says so, not a stack trace.
 */
export async function diffSinceRevision(params: DiffParams): Promise<{ markdown: string; base: string }> {
    if (typeof params?.folder !== 'string') throw new ResponseError(-32602, `${DIFF_REQUEST} takes { folder: string, base?: string }.`);
    try {
        const repo = await openRepository(params.folder);
        const commit = await resolveCommit(repo, params.base ?? 'HEAD');
        const { report } = await compareSides(repo, { commit }, { workingTree: true }, [params.folder]);
        return { markdown: diffMarkdown(report).join('\n'), base: commit.short };
    } catch (error) {
        if (error instanceof UsageError) throw new ResponseError(-32803, error.message);
        throw error;
    }
}

/** The request for `startServer({ requests })`. */
export function diffServerRequests(): Record<string, (params: unknown) => Promise<unknown>> {
    return { [DIFF_REQUEST]: params => diffSinceRevision(params as DiffParams) };
}
