#!/usr/bin/env node
// A reader that stops reading (`product-spec rank . | head -1`) ends the command quietly, as `git log | head` does.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', error => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
    });
}

const { main } = await import('../out/src/main.js');
process.exitCode = await main(process.argv.slice(2));
