// Loaded with `node --import` by the benchmark: at exit, the process's peak resident memory
// (bytes) on stderr, as "peak-rss N".
process.on('exit', () => {
    process.stderr.write(`\npeak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
});
