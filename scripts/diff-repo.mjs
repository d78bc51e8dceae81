#!/usr/bin/env node
// Makes a git repository holding a large generated workspace in two commits, to measure
// `product-spec diff` (nothing is downloaded; the repository is local).
//
//   node scripts/diff-repo.mjs DIR [FEATURES=10000] [FILES=100] [CHANGED=FILES]   (DIR new or empty)
//   cd DIR && time npx product-spec diff HEAD~1 HEAD --format markdown -- specs
//
// Commit 1: one product `big` over FILES files with FEATURES features (each requires an
// earlier one, is requested, released and scored), ten releases and a forecast.
// Commit 2: every hundredth reach raised and every thousandth feature moved to another
// release (in the first CHANGED files only), a new prerequisite and a new top feature (in
// the last file), one feature removed (in the first), the forecast's churn changed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, featuresArg = '10000', filesArg = '100', changedArg = filesArg] = process.argv.slice(2);
if (!dir) {
    console.error('usage: node scripts/diff-repo.mjs DIR [FEATURES=10000] [FILES=100]');
    process.exit(2);
}
const n = Number(featuresArg);
const fileCount = Number(filesArg);
const changedFiles = Number(changedArg);

function feature(i, { reach, release, requires, skip }) {
    if (skip) return [];
    const req = requires.length > 0 ? ` requires ${requires.join(', ')}` : '';
    return [
        `  feature f${i} "Feature ${i}" { release r${release} requestedBy pm addresses demand${req}`,
        `    rice { reach ${reach} impact high confidence 80% effort ${1 + (i % 5)} } }`
    ];
}

function write(version) {
    const perFile = Math.ceil(n / fileCount);
    for (let file = 0; file < fileCount; file++) {
        const lines = [file === 0 ? 'product big "Big" {' : 'product big {'];
        if (file === 0) {
            lines.push('  stakeholder pm "PM" { group engineering }', '  need demand "Need" { importance 8 satisfaction 3 }');
            for (let r = 0; r < 10; r++) lines.push(`  release r${r} "R${r}" { date 2027-${String(r + 1).padStart(2, '0')}-01 capacity ${n / 3} }`);
            lines.push(`  forecast fy27 "First year" { months 12 price 49 customers 200 growth 8% churn ${version === 1 ? 2 : 3}% cost fixed 40000 cost variable 6 }`);
            lines.push('  scoring { method rice }');
        }
        for (let i = file * perFile; i < Math.min(n, (file + 1) * perFile); i++) {
            const requires = i > 0 ? [`f${Math.floor((i * 7919) % i)}`] : [];
            let reach = 100 + (i * 37) % 900;
            let release = Math.floor((i * 10) / n);
            let skip = false;
            if (version === 2) {
                const touched = file < changedFiles;
                if (touched && i % 100 === 7) reach += 500;
                if (i === n - 1) requires.push('f3');
                if (touched && i % 1000 === 11) release = (release + 1) % 10;
                if (i === 5) skip = true;
            }
            lines.push(...feature(i, { reach, release, requires, skip }));
        }
        if (version === 2 && file === fileCount - 1) lines.push(...feature(n, { reach: 999, release: 0, requires: [], skip: false }));
        lines.push('}', '');
        mkdirSync(join(dir, 'specs', `part${Math.floor(file / 10)}`), { recursive: true });
        writeFileSync(join(dir, 'specs', `part${Math.floor(file / 10)}`, `features${file}.product`), lines.join('\n'));
    }
}

const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
    GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z'
};
const git = (...args) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, stdio: 'pipe' });
if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} is not empty: give a new or empty folder.`);
    process.exit(2);
}
mkdirSync(dir, { recursive: true });
git('init', '-q', '-b', 'main');
write(1);
git('add', '-A');
git('commit', '-q', '-m', 'base');
write(2);
git('add', '-A');
git('commit', '-q', '-m', 'head');
console.log(`${dir}: ${n} features in ${fileCount} files (${Math.min(changedFiles, fileCount)} changed, and the last), commits HEAD~1 and HEAD`);
