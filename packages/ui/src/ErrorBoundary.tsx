import { Component, type ErrorInfo, type ReactNode } from "react";
import { ErrorPage } from "./ErrorPage";

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead of the default error page. */
  fallback?: ReactNode;
  homeHref?: string;
}

/** Catches a rendering error below it and shows the French error page instead of a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For the developer console only; the page shows no internals.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return this.props.fallback ?? <ErrorPage homeHref={this.props.homeHref} />;
    }
    return this.props.children;
  }
}
