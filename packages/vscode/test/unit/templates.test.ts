import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { buildWorkspace, createProductSpecServices, URI } from '@product-spec/language';
import { productNameProblem, suggestProductName, TEMPLATES } from '../../src/extension/templates.js';

describe('New Spec from Template', () => {
    for (const template of TEMPLATES) {
        it(`'${template.label}' validates with no error and no warning`, async () => {
            const { shared } = createProductSpecServices(EmptyFileSystem);
            const [document] = await buildWorkspace(shared, [{ uri: URI.parse(`file:///ws/${template.defaultFile('gizmo')}`), text: template.text('gizmo') }]);
            const problems = (document.diagnostics ?? []).map(d => `${d.code} ${d.range.start.line + 1}: ${d.message}`);
            assert.deepEqual(problems, []);
            if (template.needsProduct) assert.match(template.text('gizmo'), /product gizmo "Gizmo" \{/);
        });
    }

    it('checks product names', () => {
        assert.equal(productNameProblem('team_notes'), undefined);
        assert.equal(productNameProblem('café_東京'), undefined);
        assert.ok(productNameProblem('2fast'));
        assert.ok(productNameProblem('feature'));
        assert.ok(productNameProblem('my product'));
        assert.equal(suggestProductName('Team Notes.product'), 'team_notes');
        assert.equal(suggestProductName('feature'), 'my_product');
    });
});
