// Space plays or pauses, arrow keys step: only while focus is in the canvas or the Trace panel,
// never while typing (inputs, the editor) and never on a control Space already activates.
import { useCallback, type KeyboardEvent } from 'react';
import { usePlayground } from '../state/context';

function isTyping(target: Element): boolean {
  return target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}

export function useStepKeys(): (event: KeyboardEvent) => void {
  const { playback } = usePlayground();
  return useCallback(
    (event: KeyboardEvent) => {
      const state = playback.getState();
      if (!state.path || event.altKey || event.ctrlKey || event.metaKey || !(event.target instanceof Element) || isTyping(event.target)) return;
      let act: (() => void) | null = null;
      if (event.key === ' ' && event.target.closest('button, a, [role="button"]') === null) act = state.playing ? state.pause : state.play;
      else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') act = () => state.step(1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') act = () => state.step(-1);
      if (!act) return;
      // The canvas would otherwise take Space for panning and node selection.
      event.preventDefault();
      event.stopPropagation();
      act();
    },
    [playback],
  );
}
