import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** When this changes (a new simulation), the boundary tries again. */
  resetKey: unknown;
  children: ReactNode;
  /** What to show instead; by default a short explanation. */
  fallback?: (error: Error) => ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/** Bad input must never take the page down: a part fails alone and the text is kept. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.info('kube-netsim: a part of the page failed and was replaced', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      if (this.props.fallback) return this.props.fallback(this.state.error);
      return (
        <div className="canvas-error" role="alert" data-testid="canvas-error">
          The canvas could not draw this input ({this.state.error.message}). Your text is safe; keep editing.
        </div>
      );
    }
    return this.props.children;
  }
}
