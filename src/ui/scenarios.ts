// The seed scenarios (src/scenarios): bundled with the page, each a lazy chunk, so the picker
// needs no network and works under any base path.
import index from '../scenarios/index.json';

export interface ScenarioEntry {
  id: string;
  title: string;
  file: string;
  summary: string;
}

export const SCENARIOS: ScenarioEntry[] = index;

const texts = import.meta.glob<string>('../scenarios/*.yaml', { query: '?raw', import: 'default' });

export async function loadScenarioText(entry: ScenarioEntry): Promise<string> {
  const load = texts[`../scenarios/${entry.file}`];
  if (!load) throw new Error(`scenario file ${entry.file} is missing from the build`);
  return load();
}
