import type * as vscode from 'vscode';

/**
 * Runs a view's refresh so that requests never pile up: `now()` runs it, or, while one runs,
 * once more after it; `after(ms)` waits first, and later calls within the wait push it back
 * (for cursor moves, which come in bursts). The server says when its model changed
 * (`productSpec/modelChanged`), so views refresh on that, not on timers of their own.
 */
export class Refresher implements vscode.Disposable {
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<void> | undefined;
    private again = false;

    constructor(private readonly task: () => Promise<void>) { }

    now(): Promise<void> {
        if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
        if (this.running) {
            this.again = true;
            return this.running;
        }
        this.running = (async () => {
            do {
                this.again = false;
                await this.task();
            } while (this.again);
        })().finally(() => { this.running = undefined; });
        return this.running;
    }

    after(delay: number): void {
        if (delay <= 0) { void this.now(); return; }
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.now(); }, delay);
    }

    /** Forgets a run that an old server will never answer. */
    reset(): void {
        this.running = undefined;
        this.again = false;
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
    }
}
