/**
 * Subscribers to one kind of happening, called in the order they subscribed. A lower layer announces
 * (a task is RUNNING, an alarm changed state) and the layers above it react, so the announcer imports none
 * of them. The order of subscription is the order of effects, which keeps runs deterministic.
 */
export class HookList<Args extends unknown[], Result = void> {
  private readonly subscribers: Array<(...args: Args) => Result> = [];

  on(subscriber: (...args: Args) => Result): void {
    this.subscribers.push(subscriber);
  }

  /** Calls every subscriber. */
  emit(...args: Args): void {
    for (const subscriber of this.subscribers) subscriber(...args);
  }

  /** Every subscriber's answer, in order (e.g. each load balancer's deregistration delay). */
  collect(...args: Args): Result[] {
    return this.subscribers.map((subscriber) => subscriber(...args));
  }

  /** The first answer that is not undefined, asking no further (e.g. the first reason a launch fails). */
  first(...args: Args): Result | undefined {
    for (const subscriber of this.subscribers) {
      const answer = subscriber(...args);
      if (answer !== undefined) return answer;
    }
    return undefined;
  }
}
