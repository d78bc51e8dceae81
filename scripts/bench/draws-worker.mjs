// The draws of `rank --uncertainty` and `forecast --uncertainty`, in-process (run by
// scripts/bench.mjs in a child process of its own):
//   node draws-worker.mjs IMPLEMENTATION_ROOT FEATURES SAMPLES
// builds a product of FEATURES features whose RICE inputs and efforts are ranges (every
// seventh requiring the one before) and a forecast with ranges, then prints one JSON line:
// the milliseconds of one deterministic ranking, of SAMPLES ranked draws, and of SAMPLES
// forecast draws.
import { modelOfText } from './model-of-text.mjs';

const [implementation, featureCount, sampleCount] = process.argv.slice(2);
const features = Number(featureCount);
const samples = Number(sampleCount);

let text = 'product big {\n';
for (let i = 0; i < features; i++) {
    text += `  feature f${i} { effort ${1 + (i % 5)}..${3 + (i % 5)} rice { reach ${100 + i}..${300 + 3 * i} impact high confidence 50%..90% }${i > 0 && i % 7 === 0 ? ` requires f${i - 1}` : ''} }\n`;
}
text += '  forecast money { months 24 price 40..60 customers 100..150..300 growth 2%..8% churn 1%..3% cost fixed 5000 cost variable 5 }\n}\n';

const { language, document, model: workspaceModel } = await modelOfText(implementation, text);
const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).length;
if (errors > 0) throw new Error(`draws-worker: the generated spec has ${errors} errors`);

const product = workspaceModel.products[0];
let start = performance.now();
language.rankReport(workspaceModel);
const rank = performance.now() - start;
start = performance.now();
const ranks = language.rankUncertainty(product, product.features, product.ranking.method, { samples, seed: 1, top: 3 });
const draws = performance.now() - start;
if (ranks.size !== features) throw new Error(`draws-worker: ${ranks.size} of ${features} features have draws`);
start = performance.now();
language.forecastUncertainty(product.forecasts[0], { samples, seed: 1 });
const forecast = performance.now() - start;
process.stdout.write(JSON.stringify({ rank, draws, forecast }) + '\n');
