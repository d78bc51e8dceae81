#!/usr/bin/env node
// Measures the release planner on a generated backlog (decide.md §1):
//   node scripts/plan-bench.mjs [--features 300] [--releases 6] [--seed 1] [--time-limit 10]
//                               [--method rice] [--load 0.6] [--write FILE]
// The backlog is deterministic for a seed: RICE inputs on Intercom's scales, efforts from
// 0.5 to 8 person-months, 15% musts, 10% unscored, 3% without effort, half of the features
// already given a release, 5% building, 5% shipped, 5% dropped, a fifth requiring one or
// two earlier features; the releases' capacities add up to --load of the open effort.
// Prints the build time, the plan's time, whether it is proven optimal, its gap and nodes.
// Needs `npm run build` first.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EmptyFileSystem, URI } from 'langium';
import { buildWorkspace, createProductSpecServices, planProduct } from '../packages/language/out/src/index.js';

const { values } = parseArgs({
    options: {
        features: { type: 'string', default: '300' },
        releases: { type: 'string', default: '6' },
        seed: { type: 'string', default: '1' },
        'time-limit': { type: 'string', default: '10' },
        method: { type: 'string', default: 'rice' },
        load: { type: 'string', default: '0.6' },
        write: { type: 'string' }
    }
});
const N = Number(values.features);
const K = Number(values.releases);

/** Mulberry32: a small seeded generator, so that a seed gives the same backlog everywhere. */
function generator(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const random = generator(Number(values.seed));
const pick = list => list[Math.floor(random() * list.length)];

export function backlog() {
    const efforts = [0.5, 1, 1, 2, 2, 2, 3, 3, 5, 8];
    const features = [];
    let openEffort = 0;
    for (let i = 0; i < N; i++) {
        const roll = random();
        const status = roll < 0.05 ? 'shipped' : roll < 0.10 ? 'dropped' : roll < 0.15 ? 'building' : roll < 0.40 ? 'planned' : 'idea';
        const effort = random() < 0.03 ? null : pick(efforts);
        const release = status === 'building' || random() < 0.5 ? Math.floor(random() * K) : -1;
        const requires = [];
        if (i > 0 && random() < 0.2) {
            requires.push(Math.floor(random() * i));
            if (random() < 0.3) requires.push(Math.floor(random() * i));
        }
        const props = [`status ${status}`];
        if (release >= 0) props.push(`release r${release + 1}`);
        if (random() < 0.15) props.push('moscow must');
        else props.push(`moscow ${pick(['should', 'could', 'could'])}`);
        if (effort !== null && random() < 0.1) props.push(`effort ${effort}`);
        else if (effort !== null) {
            const reach = 100 + 10 * Math.floor(random() * 990);
            props.push(`rice { reach ${reach} impact ${pick(['minimal', 'low', 'medium', 'high', 'massive'])} confidence ${pick(['50%', '80%', '100%'])} effort ${effort} }`);
        }
        if (requires.length > 0) props.push(`requires ${[...new Set(requires)].map(r => `f${r}`).join(', ')}`);
        features.push(`  feature f${i} { ${props.join(' ')} }`);
        if (status !== 'shipped' && status !== 'dropped' && effort !== null) openEffort += effort;
    }
    const capacity = Math.max(1, Math.round(openEffort * Number(values.load) / K));
    const releases = Array.from({ length: K }, (_, k) =>
        `  release r${k + 1} { date ${2027 + Math.floor(k / 4)}-${String(1 + 3 * (k % 4)).padStart(2, '0')}-01 capacity ${capacity} }`);
    return `product bench "Bench" {\n${releases.join('\n')}\n${features.join('\n')}\n  scoring { method rice }\n}\n`;
}

const text = backlog();
if (values.write) writeFileSync(values.write, text);
const t0 = performance.now();
const { shared, ProductSpec } = createProductSpecServices(EmptyFileSystem);
await buildWorkspace(shared, [{ uri: URI.parse('file:///bench/bench.product'), text }]);
const product = ProductSpec.model.ModelService.model.productsByName.get('bench');
const t1 = performance.now();
const plan = planProduct(product, { method: values.method, timeLimit: Number(values['time-limit']) });
const t2 = performance.now();
const placed = [...plan.placement.values()].filter(release => release !== null).length;
console.log(JSON.stringify({
    features: N, releases: K, seed: Number(values.seed), method: values.method,
    buildSeconds: +((t1 - t0) / 1000).toFixed(2), planSeconds: +((t2 - t1) / 1000).toFixed(3),
    optimal: plan.optimal, gap: plan.gap, gapAt: plan.gapAt && `${plan.gapAt.release?.name ?? ''} ${plan.gapAt.component} ${plan.gapAt.value} (bound ${plan.gapAt.bound})`, nodes: plan.nodes, stoppedIn: plan.stats.stoppedIn,
    phases: Object.fromEntries(Object.entries(plan.stats.phases).map(([name, p]) => [name, `${p.nodes} nodes ${(p.ms / 1000).toFixed(2)} s`])),
    placed, unplanned: plan.unplanned.length, moves: plan.moves.length,
    load: plan.releases.map(r => `${r.load}/${r.capacity}`).join(' ')
}));
