// Reading the engine's answers on the page without importing the engine (it stays in the worker's chunk).
import type { Answer, AnswerOf } from '../../engine';
import type { AskResult } from '../../worker/client';

export type Asked<K extends keyof AnswerOf> = { ok: true; answer: AnswerOf[K] } | { ok: false; message: string } | null;

/** The answer of a settled ask, or what to tell the user; null for a stale one (a newer ask replaced it). */
export function readAnswer<K extends keyof AnswerOf>(result: AskResult): Asked<K> {
  if (result.kind === 'stale') return null;
  if (result.kind === 'timeout') return { ok: false, message: `The engine took longer than ${result.limitMs / 1000} s and was stopped.` };
  if (result.kind === 'error') return { ok: false, message: result.error };
  const answer: Answer = result.answer;
  if ('error' in answer) return { ok: false, message: answer.error.message };
  return { ok: true, answer: answer as AnswerOf[K] };
}
