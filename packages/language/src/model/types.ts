import type * as ast from '../generated/ast.js';
import type { Driver, ForecastInputs, ForecastResult, IceMode, KanoCategory, Moscow } from './formulas.js';
import type { IceInputs, RiceInputs, WsjfInputs } from './feature-scores.js';
import type { Estimate } from './values.js';

/** A scoring method of the contract: what a product ranks by. */
export type Method = 'rice' | 'ice' | 'wsjf' | 'kano' | 'moscow' | 'weighted';
export const METHODS: readonly Method[] = ['rice', 'ice', 'wsjf', 'kano', 'moscow', 'weighted'];

/** The release planner's search time limit in seconds (`plan --time-limit`): its default and bounds. */
export const PLAN_TIME_LIMIT = { default: 10, min: 0.1, max: 600 } as const;

/** The bounds of `--samples`, `--top` and `--seed` (decide.md §2), and the memory the draws may keep. */
export const UNCERTAINTY_LIMITS = {
    samples: { default: 10000, min: 1, max: 1_000_000 },
    top: { default: 3, min: 1, max: 1_000_000 },
    /** pure-rand seeds a generator from a 32-bit integer. */
    seed: { default: 1, min: 0, max: 2_147_483_647 },
    /** Ranks kept in memory: features × min(features, samples); beyond it `--samples` must come down. */
    rankCells: 25_000_000,
    /** Monthly figures kept in memory: months × samples per forecast. */
    monthCells: 20_000_000
} as const;

export type Status = 'idea' | 'planned' | 'building' | 'shipped' | 'dropped';

/**
 * The computed model of a workspace: every product with its members, scores, ranks,
 * release loads, metric progress and forecasts. Built once per workspace state
 * (see ModelService) and read by validation, hover, code lens, the CLI and the docs.
 */
export interface WorkspaceModel {
    /** Products sorted by name. */
    readonly products: ProductModel[];
    readonly productsByName: ReadonlyMap<string, ProductModel>;
    /** Top-level (portfolio-wide) declarations. */
    readonly shared: {
        stakeholders: StakeholderModel[];
        personas: ast.Persona[];
        metrics: MetricModel[];
    };
    readonly features: ReadonlyMap<ast.Feature, FeatureModel>;
    readonly releases: ReadonlyMap<ast.Release, ReleaseModel>;
    readonly metrics: ReadonlyMap<ast.Metric, MetricModel>;
    readonly needs: ReadonlyMap<ast.Need, NeedModel>;
    readonly stakeholders: ReadonlyMap<ast.Stakeholder, StakeholderModel>;
    readonly forecasts: ReadonlyMap<ast.Forecast, ForecastModel>;
    /** Dependency cycles (strongly connected components of `requires`), each sorted by name. */
    readonly cycles: FeatureModel[][];
}

export interface ProductModel {
    readonly name: string;
    readonly title?: string;
    readonly vision?: string;
    readonly strategy?: string;
    readonly manager?: ast.Stakeholder;
    readonly stage?: string;
    readonly currency?: string;
    /** Every `product NAME { }` block of this product, in workspace order (document URI, then offset). */
    readonly blocks: ast.Product[];
    readonly scoring: ScoringModel;
    readonly stakeholders: StakeholderModel[];
    readonly personas: ast.Persona[];
    readonly needs: NeedModel[];
    readonly objectives: ast.Objective[];
    readonly metrics: MetricModel[];
    readonly releases: ReleaseModel[];
    /** Features in declaration order. */
    readonly features: FeatureModel[];
    readonly forecasts: ForecastModel[];
    /** The ranking by the product's own method. */
    readonly ranking: Ranking;
}

export interface ScoringModel {
    readonly method: Method;
    /** True when the product's scoring block names a method (then missing inputs are reported). */
    readonly methodDeclared: boolean;
    readonly iceMode: IceMode;
    /** Weights as written (not normalised); the contract's example weights when none are given. */
    readonly weights: Partial<Record<Driver, number>>;
    readonly node?: ast.Scoring;
}

export interface KanoResult {
    readonly category: KanoCategory;
    /** Berger coefficients; null when the category was declared rather than surveyed. */
    readonly better: number | null;
    readonly worse: number | null;
    readonly surveyed: boolean;
}

export interface FeatureModel {
    readonly node: ast.Feature;
    readonly name: string;
    readonly title?: string;
    readonly product: ProductModel;
    readonly description?: string;
    readonly status: Status;
    readonly moscow?: Moscow;
    /** `effort`, else the RICE effort, else null (person-months); the mean of a range. */
    readonly effort: number | null;
    /** The effort as written (a number or a range). */
    readonly effortEstimate: Estimate | null;
    /** The inputs of each formula, when present and valid (explanations show this arithmetic). */
    readonly riceInputs: RiceInputs | null;
    readonly iceInputs: IceInputs | null;
    readonly wsjfInputs: WsjfInputs | null;
    /** Per-method values; null when inputs are missing or invalid. */
    readonly rice: number | null;
    readonly ice: number | null;
    readonly wsjf: number | null;
    readonly kano: KanoResult | null;
    readonly moscowScore: number;
    readonly opportunity: number | null;
    readonly release?: ReleaseModel;
    readonly requires: FeatureModel[];
    readonly requiredBy: FeatureModel[];
    readonly addresses: NeedModel[];
    readonly moves: MetricModel[];
    readonly requestedBy: StakeholderModel[];
    /** True when the feature lies on a `requires` cycle. */
    readonly inCycle: boolean;
}

export interface RankedFeature {
    readonly feature: FeatureModel;
    /** The value of the ranking's method for this feature (null: inputs missing). */
    readonly score: number | null;
    /** The largest of its own score and the effective scores of what requires it. */
    readonly effectiveScore: number | null;
    /** The feature requiring this one whose effective score it took, when higher than its own. */
    readonly inheritedFrom?: FeatureModel;
    /** 1-based; null for shipped or dropped features. */
    readonly rank: number | null;
}

export interface Ranking {
    readonly method: Method;
    /** Ranked features in rank order, then shipped and dropped ones by name. */
    readonly entries: RankedFeature[];
    readonly byFeature: ReadonlyMap<FeatureModel, RankedFeature>;
    /** How many features carry a rank. */
    readonly rankedCount: number;
    /** The driver values of weighted scoring, per feature, and their maxima (for explanations). */
    readonly weighted?: WeightedBreakdown;
}

export interface WeightedBreakdown {
    readonly weights: Partial<Record<Driver, number>>;
    readonly maxima: Partial<Record<Driver, number>>;
}

export interface ReleaseModel {
    readonly node: ast.Release;
    readonly name: string;
    readonly title?: string;
    readonly product: ProductModel;
    /** The release date (ISO), when given and a real calendar date. */
    readonly date?: string;
    /** The date as written, also when it is not a calendar date. */
    readonly dateWritten?: string;
    readonly description?: string;
    readonly phase?: string;
    readonly capacity?: number;
    /** Features in the release, declaration order (dropped ones included; they add no load). */
    readonly features: FeatureModel[];
    /** Σ effort of the release's features that are not dropped. */
    readonly load: number;
    /** Σ effort of its MoSCoW musts that are not dropped. */
    readonly mustLoad: number;
    /** mustLoad ÷ load, null when the load is 0. */
    readonly mustShare: number | null;
}

export interface NeedModel {
    readonly node: ast.Need;
    readonly name: string;
    readonly title?: string;
    readonly product: ProductModel;
    readonly description?: string;
    /** 0..10, as written (a number or a range); undefined when missing or out of range. */
    readonly importance?: Estimate;
    readonly satisfaction?: Estimate;
    readonly persona?: ast.Persona;
    readonly opportunity: number | null;
    readonly addressedBy: FeatureModel[];
}

export interface MetricModel {
    readonly node: ast.Metric;
    readonly name: string;
    readonly title?: string;
    /** Undefined for a top-level (shared) metric. */
    readonly product?: ProductModel;
    readonly description?: string;
    readonly unit?: string;
    readonly baseline?: number;
    readonly current?: number;
    readonly target?: number;
    readonly targetDate?: string;
    /** (current − baseline) ÷ (target − baseline) as a fraction; null when not computable. */
    readonly progress: number | null;
    readonly movedBy: FeatureModel[];
    readonly objectives: ast.Objective[];
}

export interface StakeholderModel {
    readonly node: ast.Stakeholder;
    readonly name: string;
    readonly title?: string;
    readonly product?: ProductModel;
    readonly requested: FeatureModel[];
    readonly group?: string;
    readonly role?: string;
    readonly influence?: string;
    readonly interest?: string;
    readonly description?: string;
}

/** A forecast's computation: its inputs (means), the ranges among them, and the months. */
export interface ForecastCase {
    readonly name: string;
    readonly title?: string;
    readonly description?: string;
    /** The means of the inputs; null when the forecast cannot be computed. */
    readonly inputs: ForecastInputs | null;
    /** The inputs written as ranges (decide.md §2). */
    readonly estimates: Partial<Record<'price' | 'customers' | 'fixedCost' | 'variableCost' | 'growth' | 'churn', Estimate>>;
    /** Required inputs that are missing (months, price, customers). */
    readonly missing: string[];
    readonly result: ForecastResult | null;
}

export interface ScenarioModel extends ForecastCase {
    readonly node: ast.Scenario;
}

export interface ForecastModel extends ForecastCase {
    readonly node: ast.Forecast;
    readonly product: ProductModel;
    /** Its scenarios, in declaration order: each overrides some inputs (decide.md §3). */
    readonly scenarios: ScenarioModel[];
}
