import { DefaultConfigurationProvider, type ConfigurationProvider } from 'langium';

/**
 * The editor's settings the server reads, all in one section: `productSpec` (the VS Code
 * extension's settings; other editors send the same section). Langium names a language's
 * section after its id (`product`); asking for `productSpec` instead makes the server fetch
 * these settings when it starts, before the workspace is read, rather than depend on the
 * client's first configuration notification arriving in time.
 */
export const SETTINGS_SECTION = 'productSpec';

export class ProductSpecConfigurationProvider extends DefaultConfigurationProvider {
    protected override toSectionName(): string {
        return SETTINGS_SECTION;
    }
}

/**
 * `productSpec.uncertainty.draws` (default on): whether the editor draws ranges for the
 * hover and the ranking view. An editor that sends no settings gets the default.
 */
export async function drawsEnabled(configuration: ConfigurationProvider): Promise<boolean> {
    const setting = await configuration.getConfiguration(SETTINGS_SECTION, 'uncertainty').catch(() => undefined) as { draws?: unknown } | undefined;
    return setting?.draws !== false;
}

/** `productSpec.exclude`: globs of paths the workspace leaves out (those of the CLI's `--exclude`). */
export async function excludedGlobs(configuration: ConfigurationProvider): Promise<string[]> {
    const globs = await configuration.getConfiguration(SETTINGS_SECTION, 'exclude').catch(() => undefined);
    return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string') : [];
}
