// window.__kubeNetsim: a test hook for Playwright (setup and reading Monaco's markers).
export interface TestHook {
  setText?: (text: string) => void;
  getText?: () => string;
  getSimulation?: () => unknown;
  /** Computes `text` through a fresh engine client (the worker, as the page uses it). */
  compute?: (text: string) => Promise<{ host: string; result: unknown }>;
  getMarkers?: () => unknown[];
  getHighlightedLines?: () => Array<{ startLineNumber: number; endLineNumber: number }>;
  /** The editor lines lit for the loaded trace (where its packet is dropped). */
  getTraceHighlightedLines?: () => Array<{ startLineNumber: number; endLineNumber: number }>;
  /** The editor lines lit for the policy verdict the matrix explains (the rule that allowed, the policies that isolate). */
  getPolicyHighlightedLines?: () => Array<{ startLineNumber: number; endLineNumber: number }>;
  setCursor?: (line: number, column?: number) => void;
  editorReady?: boolean;
  engineHost?: () => string | null;
}

declare global {
  interface Window {
    __kubeNetsim?: TestHook;
  }
}

/** Adds entries to the hook; the returned function removes them again. */
export function setTestHook(entries: TestHook): () => void {
  const hook = (window.__kubeNetsim ??= {});
  Object.assign(hook, entries);
  return () => {
    for (const key of Object.keys(entries) as Array<keyof TestHook>) {
      if (hook[key] === entries[key]) delete hook[key];
    }
  };
}
