import type { LangiumSharedCoreServices } from 'langium';
import type { ProductModel } from '../types.js';
import { planProductAsync, type ProductPlan } from './plan.js';

/** How long the editor lets the planner search a product (seconds); the best plan found by then is shown as not proven. */
export const EDITOR_TIME_LIMIT = 2;

/**
 * The release plans of the current model state, for the language server: each product's
 * plan is computed once per model state, when first asked for (a code lens, a code action),
 * never on a keystroke by itself. The search runs in slices that yield to the event loop,
 * and a change to the documents abandons it (the next model state plans afresh).
 */
export class PlanService {
    /** By product record: each model state has its own records, so its own plans. */
    private readonly plans = new WeakMap<ProductModel, Promise<ProductPlan>>();
    /** Bumped on every change: searches of an older generation stop at their next slice. */
    private generation = 0;

    constructor(shared: LangiumSharedCoreServices) {
        shared.workspace.DocumentBuilder.onUpdate(() => { this.generation++; });
    }

    /** The plan of a product of the current model (by the product's own method). */
    plan(product: ProductModel): Promise<ProductPlan> {
        let plan = this.plans.get(product);
        if (!plan) {
            const generation = this.generation;
            plan = planProductAsync(product, { timeLimit: EDITOR_TIME_LIMIT }, { isCancelled: () => this.generation !== generation });
            this.plans.set(product, plan);
            // A cancelled search is only ever awaited by requests of its own (outdated) state.
            plan.catch(() => undefined);
        }
        return plan;
    }
}
