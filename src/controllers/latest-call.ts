/**
 * Only the newest call's result counts. Each call takes a ticket ({@link LatestCall.start}); its
 * result is used only while {@link LatestCall.isLatest} holds for that ticket: a later call, or
 * {@link LatestCall.supersede} (a cancel, a new file), makes it stale. For asynchronous work that
 * can cross: a reading that started first and finishes last never replaces a newer one.
 */
export class LatestCall {
  private newest = 0;

  /** Starts a call: every call started before it is stale from now on. Returns its ticket. */
  start(): number {
    this.newest += 1;
    return this.newest;
  }

  /** Makes every call started so far stale, starting none. */
  supersede(): void {
    this.newest += 1;
  }

  /** Whether the call with `ticket` is the newest (its result may be used). */
  isLatest(ticket: number): boolean {
    return ticket === this.newest;
  }
}
