import * as assert from 'node:assert/strict';
import type { RankReportFeature } from '../../src/shared/protocol.js';
import { featureDetails, featureLabel, featureScoreText, shorten, statusText } from '../../src/extension/ranking-text.js';

const feature = (over: Partial<RankReportFeature>): RankReportFeature => ({
    name: 'auth', title: 'Single sign-on', rank: 3, score: 1500, effectiveScore: 3200, inheritedFrom: 'bulk_export',
    rice: 1500, ice: null, wsjf: null, kano: null, moscow: 'should', opportunity: null, effort: 2, release: 'mvp',
    status: 'idea', requires: [], requiredBy: ['bulk_export'], ...over
});

describe('ranking and status texts', () => {
    it('says a feature\'s score as the code lens does', () => {
        assert.equal(featureScoreText(feature({}), 'rice'), 'RICE 1,500 → 3,200 (from bulk_export)');
        assert.equal(featureScoreText(feature({ inheritedFrom: null, effectiveScore: 1500 }), 'rice'), 'RICE 1,500');
        assert.equal(featureScoreText(feature({ score: null, effectiveScore: null, inheritedFrom: null }), 'wsjf'), 'WSJF unscored');
        assert.equal(featureScoreText(feature({ rank: null, status: 'shipped' }), 'rice'), 'shipped');
    });

    it('marks a rank that moves over the draws of its ranges (decide.md §2)', () => {
        const drawn = { samples: 10000, seed: 1, rankP10: 2, rankP50: 3, rankP90: 5, pTop: 0.62, pFirst: 0.08, stable: false };
        const moving = feature({ inheritedFrom: null, effectiveScore: 1500, uncertainty: drawn });
        assert.equal(featureScoreText(moving, 'rice'), 'RICE 1,500 · draws 2–5');
        assert.equal(featureDetails(moving, 'rice')[2], 'over 10,000 draws of the ranges: rank 2 to 5 in 80% of them, median 3, first in 8%');
        const stable = feature({ inheritedFrom: null, effectiveScore: 1500, uncertainty: { ...drawn, rankP10: 3, rankP90: 3, pTop: 1, pFirst: 0, stable: true } });
        assert.equal(featureScoreText(stable, 'rice'), 'RICE 1,500');
        const mostly = feature({ inheritedFrom: null, effectiveScore: 1500, uncertainty: { ...drawn, rankP10: 3, rankP90: 3 } });
        assert.equal(featureScoreText(mostly, 'rice'), 'RICE 1,500', 'rank 3 in over 80% of the draws');
        assert.equal(featureScoreText({ ...mostly, rank: 4 }, 'rice'), 'RICE 1,500 · draws 3');
        assert.equal(featureDetails(stable, 'rice')[2], 'over 10,000 draws of the ranges: rank 3 in every draw');
    });

    it('labels features with their rank', () => {
        assert.equal(featureLabel(feature({})), '#3 Single sign-on');
        assert.equal(featureLabel(feature({ rank: null, title: null })), '– auth');
    });

    it('writes the status bar text', () => {
        assert.equal(statusText({ product: 'acme', errors: 0, warnings: 2, top: feature({ rank: 1, title: 'Bank feed import' }) }),
            '$(package) acme  $(error) 0  $(warning) 2  $(arrow-up) Bank feed import');
        assert.equal(shorten('A very long feature title that goes on and on', 20), 'A very long feature…');
    });
});
