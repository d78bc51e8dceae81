import type { Section } from '../page.js';
import { backlog } from '../sections/backlog.js';
import { businessCase } from '../sections/business-case.js';
import { metrics } from '../sections/metrics.js';
import { personasAndNeeds } from '../sections/needs.js';
import { overview } from '../sections/overview.js';
import { openProblems } from '../sections/problems.js';
import { roadmap } from '../sections/roadmap.js';
import { stakeholders } from '../sections/stakeholders.js';
import { traceability } from '../sections/traceability.js';

/** The full page of a product, for everyone: every section, in this order. */
export const FULL_SECTIONS: readonly Section[] = [
    { anchor: 'overview', heading: 'Overview', lines: overview },
    { anchor: 'stakeholders', heading: 'Stakeholders', lines: stakeholders },
    { anchor: 'personas-and-needs', heading: 'Personas and needs', lines: personasAndNeeds },
    { anchor: 'backlog', heading: 'Backlog', lines: backlog },
    { anchor: 'roadmap', heading: 'Roadmap', lines: roadmap },
    { anchor: 'metrics', heading: 'Metrics', lines: metrics },
    { anchor: 'business-case', heading: 'Business case', lines: businessCase },
    { anchor: 'traceability', heading: 'Traceability', lines: traceability },
    { anchor: 'open-problems', heading: 'Open problems', lines: openProblems }
];
