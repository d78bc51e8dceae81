import type { ConfigurationProvider } from 'langium';

/** The editor's settings the server reads (the client sends the `productSpec` section). */

/**
 * `productSpec.uncertainty.draws` (default on): whether the editor draws ranges for the
 * hover and the ranking view. An editor that sends no settings gets the default.
 */
export async function drawsEnabled(configuration: ConfigurationProvider): Promise<boolean> {
    const setting = await configuration.getConfiguration('productSpec', 'uncertainty').catch(() => undefined) as { draws?: unknown } | undefined;
    return setting?.draws !== false;
}
