/**
 * A first-come first-served lock for async work. Acquiring returns the function that releases it; waiting
 * callers are served in arrival order, so a burst of writers cannot starve one of them.
 */
export class SerialLock {
  private tail: Promise<void> = Promise.resolve();
  private held = false;

  get isHeld(): boolean {
    return this.held;
  }

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => next);
    await previous;
    this.held = true;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.held = false;
      release();
    };
  }
}
