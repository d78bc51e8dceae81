import * as assert from 'node:assert/strict';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { buildWorkspace } from '../src/workspace/build-workspace.js';
import { createProductSpecServices } from '../src/product-spec-module.js';

describe('document builder', () => {
    it('answers a wait for the validated workspace that starts while the last phase notifies its listeners', async () => {
        const { shared } = createProductSpecServices(EmptyFileSystem);
        const builder = shared.workspace.DocumentBuilder;
        let waited: Promise<string> | undefined;
        // A listener that yields to the event loop (as Langium's interruptions do): a request
        // arriving then starts waiting after the listeners were taken, before the state is set.
        builder.onBuildPhase(DocumentState.Validated, async () => {
            await new Promise(resolve => setImmediate(resolve));
            waited ??= builder.waitUntil(DocumentState.Validated).then(() => 'answered');
        });
        await buildWorkspace(shared, [{ uri: URI.parse('file:///ws/a.product'), text: 'product p { feature f { requestedBy s } stakeholder s }\n' }]);
        const timeout = new Promise<string>(resolve => setTimeout(() => resolve('still waiting'), 2000));
        assert.equal(await Promise.race([waited!, timeout]), 'answered');
    });
});
