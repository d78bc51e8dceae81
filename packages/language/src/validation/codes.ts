/**
 * Diagnostic codes of the language contract (spec/language.md, "Diagnostics").
 * They are stable: the CLI prints them and the language server puts them in each
 * diagnostic's `code`.
 */
export const Codes = {
    Syntax: 'syntax',
    UnresolvedReference: 'unresolved-reference',
    DuplicateName: 'duplicate-name',
    DuplicateProperty: 'duplicate-property',
    OutOfRange: 'out-of-range',
    BadImpact: 'bad-impact',
    DependencyCycle: 'dependency-cycle',
    ReleaseOrder: 'release-order',
    RequiresDropped: 'requires-dropped',
    OverCapacity: 'over-capacity',
    MustShare: 'must-share',
    NotFibonacci: 'not-fibonacci',
    EffortMismatch: 'effort-mismatch',
    MissingScoreInput: 'missing-score-input',
    OrphanFeature: 'orphan-feature',
    UnusedMetric: 'unused-metric',
    MetricDirection: 'metric-direction',
    ReverseFeature: 'reverse-feature',
    /** decide.md §2: a range that is not low..high or low..mode..high with low ≤ mode ≤ high. */
    BadRange: 'bad-range',
    /** Added to the contract: a forecast without months, price or customers cannot be computed. */
    MissingForecastInput: 'missing-forecast-input',
    /** Added: the last diagnostic of a file with more than DIAGNOSTICS_PER_FILE, saying how many more there are. */
    TooManyProblems: 'too-many-problems'
} as const;

/**
 * At most this many diagnostics per file, then one `too-many-problems` with the count of
 * the rest (errors first, then by position): 6 MB of broken text once gave a million
 * diagnostics, 177 MB of CLI output and a server that never published them.
 */
export const DIAGNOSTICS_PER_FILE = 100;

/** What a `too-many-problems` diagnostic carries: the diagnostics it stands for. */
export interface HiddenProblems { hidden: { errors: number; warnings: number; others: number } }

export type Code = typeof Codes[keyof typeof Codes];

/** Data a diagnostic carries for its quick fix (LSP `Diagnostic.data`). */
export type FixData =
    | { fix: 'replace'; range: RangeData; options: Array<{ title: string; text: string; range?: RangeData }> }
    | { fix: 'remove'; range: RangeData; title: string }
    | { fix: 'declare'; kind: string; name: string; insertAt: PositionData; indent: string; container: string };

export interface PositionData { line: number; character: number }
export interface RangeData { start: PositionData; end: PositionData }
