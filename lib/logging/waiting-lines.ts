/**
 * @internal The sizes of the lines still waiting for a transport, newest last. Lines leave the queue
 * oldest first, so after `keepNewest(n)` with the count read off the streams the total is that of the
 * lines really waiting: nothing to decrement per line, so nothing can drift when a transport skips one.
 */
export class WaitingLines {
  private sizes: number[] = [];
  private head = 0;
  private sum = 0;

  get bytes(): number {
    return this.sum;
  }

  /** Forgets all but the newest `count` lines: the others have been written. */
  keepNewest(count: number): void {
    const keep = Math.max(0, count);
    while (this.sizes.length - this.head > keep)
      this.sum -= this.sizes[this.head++]!;
    // Compacted now and then rather than shifted per line.
    if (this.head > 1_024 && this.head * 2 > this.sizes.length) {
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.sizes.length) this.sum = 0;
  }

  add(size: number): void {
    this.sizes.push(size);
    this.sum += size;
  }
}
