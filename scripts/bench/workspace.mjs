// Generates valid benchmark workspaces: N features over F files, with products, stakeholders,
// personas, needs, objectives, metrics, releases, dependencies (also across products) and a
// forecast. Deterministic; every generated workspace validates with 0 errors and 0 warnings.
//
// One file: one product. F files: ceil(F / 10) products, each spread over its share of the
// files; the first file of a product holds its header (people, needs, goals, releases,
// scoring, forecast), the others only features (`product pK { feature ... }`).

const RELEASES = 6;

/** @returns {{ path: string, text: string }[]} */
export function generateWorkspace(features, files = 1) {
    const productCount = Math.max(1, Math.ceil(files / 10));
    const perProduct = split(features, productCount);
    const filesPerProduct = split(files, productCount);
    const out = [];
    for (let p = 0; p < productCount; p++) {
        out.push(...productFiles(p, perProduct[p], filesPerProduct[p]));
    }
    return out;
}

function split(total, parts) {
    return Array.from({ length: parts }, (_, i) => Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts));
}

function productFiles(p, n, fileCount) {
    const name = `p${p}`;
    const releaseOf = i => Math.min(RELEASES - 1, Math.floor((i * RELEASES) / Math.max(n, 1)));
    const effortOf = i => 1 + (i % 5);
    const load = new Array(RELEASES).fill(0);
    const mustLoad = new Array(RELEASES).fill(0);
    const featureLines = [];
    for (let i = 0; i < n; i++) {
        const r = releaseOf(i);
        const must = i % 5 === 0;
        load[r] += effortOf(i);
        if (must) mustLoad[r] += effortOf(i);
        const requires = [];
        if (i > 0 && i % 3 !== 0) {
            // An earlier feature: its release is never later than this one's.
            requires.push(`f${(i * 7919) % i}`);
        }
        if (p > 0 && i % 50 === 7) {
            // Across products: an earlier-released feature of the previous product (same release dates).
            requires.push(`p${p - 1}.f${Math.floor(i / 2)}`);
        }
        const refs = [
            `requestedBy s${i % 5}`,
            `addresses n${i % 10}`,
            i % 4 === 0 ? `moves m${(i / 4) % 4}` : ''
        ].filter(Boolean).join(' ');
        featureLines.push(
            `  feature f${i} "Feature ${i} of ${name}" {`,
            `    release r${r} ${must ? 'moscow must ' : i % 5 === 1 ? 'moscow should ' : ''}status ${i % 7 === 0 ? 'planned' : 'idea'}`,
            `    rice { reach ${100 + ((i * 37) % 900)} impact ${['high', 'medium', 'low'][i % 3]} confidence ${50 + (i % 5) * 10}% effort ${effortOf(i)} }`,
            `    ${refs}${requires.length ? ` requires ${requires.join(', ')}` : ''}`,
            '  }'
        );
    }
    // A must share at or below 60% and load within capacity, so the workspace has no warning.
    for (let r = 0; r < RELEASES; r++) if (mustLoad[r] > 0.6 * load[r]) throw new Error('generator: must share');
    const header = [
        `product ${name} "Product ${p}" {`,
        `  vision "Product ${p} makes every team faster."`,
        `  manager s0`,
        `  stage development`,
        `  currency EUR`,
        ...[0, 1, 2, 3, 4].map(s => `  stakeholder s${s} "Stakeholder ${s}" { group ${['engineering', 'commercial', 'customer'][s % 3]} role "Role ${s}" influence high interest medium }`),
        `  persona owner "Owner" { size 12000 }`,
        `  persona analyst "Analyst" { size 3000 }`,
        ...Array.from({ length: 10 }, (_, k) => `  need n${k} "Need ${k}" { persona ${k % 2 ? 'analyst' : 'owner'} importance ${5 + (k % 5)} satisfaction ${k % 6} }`),
        `  objective grow "Grow" { metrics m0, m1 }`,
        `  objective keep "Keep" { metrics m2, m3 }`,
        ...[0, 1, 2, 3].map(m => `  metric m${m} "Metric ${m}" { unit "%" baseline 10 current ${12 + m} target 30 by 2027-12-31 }`),
        ...Array.from({ length: RELEASES }, (_, r) => `  release r${r} "Release ${r}" { date 2027-${String(r + 1).padStart(2, '0')}-01 phase ${r === 0 ? 'launch' : 'improvement'} capacity ${Math.ceil(load[r] * 1.25) + 1} }`),
        `  forecast plan "Plan" { months 24 price 49 customers 200 growth 8% churn 2% cost fixed 40000 cost variable 6 }`,
        `  scoring { method rice }`
    ];
    const files = [];
    const featuresPerFile = split(featureLines.length / 5, fileCount).map(count => count * 5);
    let offset = 0;
    for (let f = 0; f < fileCount; f++) {
        const body = featureLines.slice(offset, offset + featuresPerFile[f]);
        offset += featuresPerFile[f];
        const lines = f === 0 ? [...header, ...body, '}'] : [`product ${name} {`, ...body, '}'];
        files.push({ path: fileCount === 1 ? `${name}.product` : `${name}/part${String(f).padStart(2, '0')}.product`, text: lines.join('\n') + '\n' });
    }
    return files;
}
