import * as assert from 'node:assert/strict';
import { ganttText, mermaidText, quadrantTitleBoxes, shorten, spreadLabels, unitCoordinate, type Box } from '../src/index.js';
import { parseDiagram } from './mermaid-check.js';

const NASTY = 'a "b" #c; d: <e> `f` %%{init: {"theme":"dark"}}%% | [g](h) {i} & \\ end';

describe('Mermaid escaping', () => {
    it('writes every character a Mermaid lexer or its HTML rendering gives meaning to as an entity code', () => {
        assert.equal(mermaidText('a "b" #c; d: <e> `f`'), 'a #34;b#34; #35;c#59; d#58; #60;e#62; #96;f#96;');
        assert.equal(mermaidText('%%{x}%% | [g] & \\'), '#37;#37;#123;x#125;#37;#37; #124; #91;g#93; #38; #92;');
        assert.equal(mermaidText('plain words (and parens), commas\' quotes'), 'plain words (and parens), commas\' quotes');
    });

    it('puts text on one line', () => {
        assert.equal(mermaidText('one\ntwo\r\nthree\u2028four\tfive'), 'one two three four five');
        assert.equal(mermaidText('  padded  '), 'padded');
    });

    it('keeps gantt names from being read as a statement, whatever their case', () => {
        assert.equal(ganttText('section Hack', 'x'), '#115;ection Hack');
        assert.equal(ganttText('Title page', 'x'), '#84;itle page');
        assert.equal(ganttText('Gantt chart', 'x'), '#71;antt chart');
        assert.equal(ganttText('click here', 'x'), '#99;lick here');
        assert.equal(ganttText('Reporting', 'x'), 'Reporting');
        assert.equal(ganttText(' \n ', 'fallback_name'), 'fallback_name');
    });

    it('writes quadrant coordinates as Mermaid\'s lexer accepts them (1, 0 or 0.ddd)', () => {
        assert.deepEqual([1, 0.99999, 1.5, 0, -0.2, 0.5, 0.1234, 0.0004].map(unitCoordinate), ['1', '1', '1', '0', '0', '0.5', '0.123', '0']);
    });

    it('shortens chart labels at a word, with an ellipsis', () => {
        assert.equal(shorten('Slack alerts for big payments', 22), 'Slack alerts for big…');
        assert.equal(shorten('Short', 22), 'Short');
        assert.equal(shorten('Averyveryverylongsingleword', 10), 'Averyvery…');
    });
});

describe('Label placement on quadrant charts', () => {
    const geometry = { width: 600, height: 600, fontSize: 12, titleFontSize: 14 };
    const labelBox = (label: string, x: number, y: number): Box => {
        const half = ([...label].length * 12 * 0.6) / (600 * 0.88) / 2;
        return { left: x - half, right: x + half, top: y + 6 / 528, bottom: y - 6 / 528 - (12 * 1.3) / 528 };
    };
    const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.bottom < b.top && b.bottom < a.top;

    it('spreads points that coincide so their labels do not overlap, keeping the first in place', () => {
        const points = ['Alpha', 'Beta', 'Gamma', 'Delta'].map(label => ({ label, x: 0.3, y: 0.3 }));
        const placed = spreadLabels(points, geometry);
        assert.deepEqual([placed[0].x, placed[0].y], [0.3, 0.3]);
        const boxes = placed.map(p => labelBox(p.label, p.x, p.y));
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `${placed[i].label} overlaps ${placed[j].label}`);
        }
        for (const p of placed) assert.ok(Math.abs(p.y - 0.3) <= 0.08 + 1e-9 && Math.abs(p.x - 0.3) <= 0.075 + 1e-9, `${p.label} moved too far`);
    });

    it('never moves a point out of its bounds (its quadrant)', () => {
        const bounds = { left: 0, right: 0.5, bottom: 0.5, top: 1 };
        const placed = spreadLabels(['One', 'Two', 'Three', 'Four', 'Five'].map(label => ({ label, x: 0.5, y: 0.5, bounds })), geometry);
        for (const p of placed) assert.ok(p.x >= 0 && p.x <= 0.5 && p.y >= 0.5 && p.y <= 1, `${p.label} left its quadrant: ${p.x}, ${p.y}`);
    });

    it('gives a point its short label where the long one finds no room, rather than moving it far', () => {
        const points = ['First feature', 'Second feature', 'Third feature', 'Fourth feature', 'Fifth feature', 'Sixth feature']
            .map((label, i) => ({ label, short: `#${i + 1}`, x: 0.5, y: 0.5 }));
        const placed = spreadLabels(points, geometry);
        assert.deepEqual(placed.map(p => p.label), ['First feature', 'Second feature', 'Third feature', '#4', '#5', '#6']);
        for (const p of placed) assert.ok(Math.abs(p.y - 0.5) <= 0.08 + 1e-9, `${p.label} moved too far`);
    });

    it('keeps labels off the quadrant titles', () => {
        const titles = quadrantTitleBoxes(['Big bets', 'Quick wins', 'Fill-ins', 'Time sinks'], geometry);
        const [placed] = spreadLabels([{ label: 'Quick', x: 0.25, y: 0.99 }], geometry, { obstacles: titles });
        assert.ok(!titles.some(title => overlaps(labelBox('Quick', placed.x, placed.y), title)));
    });

    it('is deterministic', () => {
        const points = ['A', 'B', 'C', 'D', 'E', 'F'].map((label, i) => ({ label: `${label} feature`, x: 0.4 + (i % 2) * 0.01, y: 0.2 }));
        assert.deepEqual(spreadLabels(points, geometry), spreadLabels(points, geometry));
    });
});

describe('Escaped text through Mermaid\'s own parser (mermaid 11 in Node)', () => {
    it('rejects what it should, so that a passing parse means something', async () => {
        await assert.rejects(parseDiagram('flowchart LR\n  f1["a "b" c"] --> f2["d"]'));
        await assert.rejects(parseDiagram('quadrantChart\n  "a": [0.5, 1.5]'));
        await assert.rejects(parseDiagram('gantt\n  dateFormat YYYY-MM-DD\n  section S\n    T :t1, 2027-13-01, 2027-03-01'), /Invalid date/);
    });

    it('draws flowchart labels exactly as the spec wrote them', async () => {
        const parsed = await parseDiagram(`flowchart LR\n  f1["${mermaidText(NASTY)}"] --> f2["${mermaidText('end')}"]`);
        assert.deepEqual(parsed.labels, [NASTY, 'end']);
    });

    it('draws quadrant point names exactly as the spec wrote them', async () => {
        const parsed = await parseDiagram(`quadrantChart\n  quadrant-1 Q\n  "${mermaidText(NASTY)}": [0.25, 0.75]\n  "${mermaidText('x: [0.1, 0.2]')}": [0.5, 0.5]`);
        assert.deepEqual(parsed.labels, [NASTY, 'x: [0.1, 0.2]']);
    });

    it('keeps gantt task and section names whole, with their dates', async () => {
        const parsed = await parseDiagram([
            'gantt', '  dateFormat YYYY-MM-DD',
            `  section ${ganttText(NASTY, 's')}`,
            `    ${ganttText(NASTY, 't')} :crit, t1, 2027-01-01, 2027-02-01`,
            `    ${ganttText('section two: dateFormat x', 't')} :t2, 2027-01-01, 2027-02-01`,
            `    ${ganttText('title; #x', 't')} :milestone, m1, 2027-02-01, 0d`
        ].join('\n'));
        assert.deepEqual(parsed.groups, [NASTY]);
        assert.deepEqual(parsed.labels, [NASTY, 'section two: dateFormat x', 'title; #x']);
        assert.deepEqual(parsed.values, ['2027-01-01..2027-02-01', '2027-01-01..2027-02-01', '2027-02-01..2027-02-01']);
    });
});
