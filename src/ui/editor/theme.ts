// Monaco's light theme with the two token colours that fall under WCAG AA contrast (4.5:1) once a
// line is tinted by a highlight (YAML keys #008080, numbers #098658) made a shade darker.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';

export const EDITOR_THEME = 'kube-netsim-light';

let defined = false;

export function defineEditorTheme(): string {
  if (!defined) {
    monaco.editor.defineTheme(EDITOR_THEME, {
      base: 'vs',
      inherit: true,
      rules: [
        { token: 'type', foreground: '006161' },
        { token: 'number', foreground: '066845' },
      ],
      colors: {},
    });
    defined = true;
  }
  return EDITOR_THEME;
}
