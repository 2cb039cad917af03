// Where a flow waits for the provider's answer, apart from the flow's code: every page
// load asks whether a flow is pending, and only then needs that code.

export const PENDING_FLOW_KEY = 'jwt-workbench.flow.pending';

/** True when a sign-in started here is waiting for its answer (reaching sessionStorage can throw when storage is blocked). */
export function hasPendingFlow(store: () => { getItem(key: string): string | null }): boolean {
  try {
    return store().getItem(PENDING_FLOW_KEY) !== null;
  } catch {
    return false;
  }
}
