/**
 * Installing Tavla in a person's personal scope, so that a 1:1 chat can be opened with them
 * (Microsoft Graph, as Company Communicator does it). Optional: an administrator allows it.
 */
export type InstallOutcome =
  /** Installed now, or it already was (`already`). */
  | { readonly ok: true; readonly already: boolean }
  | {
      readonly ok: false;
      /** Trying again will not help (no permission, app not in the catalog, unknown user). */
      readonly permanent: boolean;
      readonly status?: number;
      readonly retryAfterMs?: number;
      /** Status and code only, no personal data. */
      readonly error: string;
    };

export interface AppInstaller {
  installFor(tenantId: string, aadObjectId: string): Promise<InstallOutcome>;
}
