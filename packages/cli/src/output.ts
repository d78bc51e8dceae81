/** Where a command writes: injected so that tests can run commands in-process. */
export interface Output {
    stdout(line: string): void;
    stderr(line: string): void;
}

export const processOutput: Output = {
    stdout: line => process.stdout.write(`${line}\n`),
    stderr: line => process.stderr.write(`${line}\n`)
};
