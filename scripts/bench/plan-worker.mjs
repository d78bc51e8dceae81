// The release planner (decide.md §1), in-process (run by scripts/bench.mjs in a child process):
//   node plan-worker.mjs IMPLEMENTATION_ROOT FEATURES RELEASES TIME_LIMIT_S
// builds one product of FEATURES open features (RICE scores and efforts varied, a tenth of
// them musts, every tenth requiring the one before) and RELEASES releases of a capacity that
// holds about half of them, plans it, and prints one JSON line: the milliseconds, whether the
// plan is proven optimal, its gap, and how many features it planned.
import { modelOfText } from './model-of-text.mjs';

const [implementation, featureCount, releaseCount, timeLimit] = process.argv.slice(2);
const features = Number(featureCount);
const releases = Number(releaseCount);

// A fixed pseudo-random sequence, so that every run plans the same spec.
let seed = 42;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const efforts = Array.from({ length: features }, () => 1 + Math.floor(next() * 8));
const capacity = Math.ceil(efforts.reduce((sum, effort) => sum + effort, 0) / 2 / releases);
let text = 'product big {\n';
for (let r = 0; r < releases; r++) text += `  release r${r} { date 2027-${String(r + 1).padStart(2, '0')}-01 capacity ${capacity} }\n`;
for (let i = 0; i < features; i++) {
    const must = i % 10 === 3 ? ' moscow must' : '';
    const requires = i % 10 === 9 ? ` requires f${i - 1}` : '';
    text += `  feature f${i} { status planned effort ${efforts[i]}${must}${requires} rice { reach ${100 + Math.floor(next() * 5000)} impact high confidence 80% } }\n`;
}
text += '}\n';

const { language, model } = await modelOfText(implementation, text, { validation: false });
const start = performance.now();
const plan = language.planProduct(model.products[0], { timeLimit: Number(timeLimit) });
const ms = performance.now() - start;
const planned = plan.releases.reduce((sum, release) => sum + release.features.length, 0);
process.stdout.write(JSON.stringify({ ms, optimal: plan.optimal, gap: plan.gap, planned }) + '\n');
