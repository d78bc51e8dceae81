import { visibleControls } from '@product-spec/language/display';

/** Where a command writes: injected so that tests can run commands in-process. */
export interface Output {
    stdout(line: string): void;
    stderr(line: string): void;
}

export const processOutput: Output = {
    stdout: line => process.stdout.write(`${line}\n`),
    stderr: line => process.stderr.write(`${line}\n`)
};

/**
 * Every line a command prints, with no spec text raw: a title holding an escape sequence
 * could clear or rewrite a reviewer's terminal, so control characters are printed as
 * `\u001B` (in JSON that is the same string, and JSON.stringify already writes C0 so).
 */
export function visibleOutput(out: Output): Output {
    return { stdout: line => out.stdout(visibleControls(line)), stderr: line => out.stderr(visibleControls(line)) };
}
