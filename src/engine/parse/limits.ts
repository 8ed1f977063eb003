// What the simulator agrees to expand. A paste can be hostile (an alias bomb, replicas: 1e9) or just
// huge (a whole cluster's dump): past these limits the engine stops and says so (KN8xxx) instead of
// freezing the page. Sized so the largest accepted input still simulates in a few seconds.

/** Characters read across all files (about 2 MB); later documents are not read (KN8001). */
export const MAX_INPUT_CHARS = 2_000_000;
/** Objects simulated, after `*List` items are unrolled; later ones are dropped (KN8002). */
export const MAX_OBJECTS = 10_000;
/** Pods built from workloads and Pod objects together; workloads past it get fewer pods (KN8003). */
export const MAX_PODS = 10_000;
/** Alias expansions per document (the `yaml` library's guard against "billion laughs"; KN8004). */
export const MAX_ALIAS_COUNT = 1_000;
