import { snapshotWorkspace, type WorkspaceSnapshot } from '@product-spec/language';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SpecText } from './files.js';
import { buildSpecWorkspace, diagnosticEntries, type LoadedWorkspace } from './workspace.js';

/**
 * One side of a diff, built and reduced to what the comparison reads. A large side is built
 * in a worker thread, so that the two sides of a large workspace are built at the same time
 * on a machine with two cores; a small one here (a worker's start costs more than it saves).
 */

export interface DiffSide {
    readonly snapshot: WorkspaceSnapshot;
    /** How many errors the side has. */
    readonly errors: number;
}

/** Spec texts from this many characters on are built in a worker. */
export const WORKER_THRESHOLD = 256 * 1024;

export function sideOf(workspace: LoadedWorkspace): DiffSide {
    return {
        snapshot: snapshotWorkspace(workspace.model, diagnosticEntries(workspace)),
        errors: workspace.errors
    };
}

/** Builds files with their texts: in a worker when `inWorker` (by default, when they are large). */
export async function buildSide(files: readonly SpecText[], inWorker = files.reduce((n, f) => n + f.text.length, 0) >= WORKER_THRESHOLD): Promise<DiffSide> {
    if (!inWorker) return sideOf(await buildSpecWorkspace(files));
    return new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { diffSide: files } });
        worker.once('message', (side: DiffSide) => {
            resolve(side);
            void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', code => reject(new Error(`the worker building a side of the diff stopped (exit code ${code})`)));
    });
}

if (!isMainThread && parentPort && (workerData as { diffSide?: unknown } | null)?.diffSide) {
    const files = (workerData as { diffSide: SpecText[] }).diffSide;
    const port = parentPort;
    void buildSide(files, false).then(side => port.postMessage(side));
}
