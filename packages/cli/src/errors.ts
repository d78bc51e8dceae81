/** A problem with how the command was called or with its files: exit code 2, one sentence on stderr. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

/** Exit codes of the CLI contract. */
export const Exit = {
    Ok: 0,
    SpecErrors: 1,
    Usage: 2
} as const;
