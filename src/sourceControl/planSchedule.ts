/**
 * When a pulled folder's view plans again, and which requests share one plan. A plan reads the
 * whole integration from the account, and requests come in bunches: a pull's own refresh and the
 * view's first one, the file watcher reporting the files the pull wrote, a person's Refresh. A
 * request joins the running plan when that plan began after every change the request knows of;
 * otherwise one more plan follows the running one, and every request made meanwhile shares it.
 * No `vscode` here: the rules are plain and tested in Node (test/unit/planSchedule.test.ts).
 */
import { IntegrationRead } from '../iac/accountReader';

export interface PlanRequest {
  /**
   * The caller changed the account or the folder, or cannot rule out that someone did (a
   * person's Refresh): only a plan begun after the request will do, reading the account again.
   */
  fresh?: boolean;
  /** The integration as the pull that wrote the folder read it, for the plan to compare with instead of reading it again. */
  pulled?: IntegrationRead;
  /** Files of the folder changed (the watcher said so): if the folder still holds what the last plan read, nothing needs planning. */
  files?: boolean;
}

/** What the next plan is asked for, merged from every request it serves. */
export interface NextPlan {
  pulled?: IntegrationRead;
  /** Every request it serves came from the file watcher. */
  onlyFiles: boolean;
}

interface Running<T> {
  done: Promise<T>;
  /** `heard` when it began. */
  heard: number;
  pulled?: IntegrationRead;
}

interface Queued<T> extends NextPlan {
  done: Promise<T>;
  fresh: boolean;
}

export class PlanSchedule<T> {
  /** Changes heard of (files of the folder, a caller's own writes): a plan begun before the last one may have read too early. */
  private heard = 0;
  private running: Running<T> | undefined;
  private queued: Queued<T> | undefined;

  constructor(private readonly plan: (next: NextPlan) => Promise<T>) {}

  /** A file of the folder changed: a plan running now may have read it before. */
  changed(): void {
    this.heard++;
  }

  request(request: PlanRequest = {}): Promise<T> {
    if (request.fresh) this.heard++;
    const running = this.running;
    if (running && (request.pulled ? running.pulled === request.pulled : running.heard === this.heard)) return running.done;
    if (!this.queued) {
      if (!running) return this.start({ onlyFiles: request.files === true, ...(request.pulled ? { pulled: request.pulled } : {}) });
      this.queued = this.after(running);
    }
    const queued = this.queued;
    queued.fresh ||= request.fresh === true;
    queued.onlyFiles &&= request.files === true;
    if (request.pulled) queued.pulled = request.pulled;
    return queued.done;
  }

  /** The plan that follows `running`, with what the requests it serves ask for (merged in as they come). */
  private after(running: Running<T>): Queued<T> {
    const wanted: Omit<Queued<T>, 'done'> = { fresh: false, onlyFiles: true };
    const next = () => {
      this.queued = undefined;
      // What someone asked for fresh is read fresh, even if a pull's read was waiting to be compared with.
      return this.start({ onlyFiles: wanted.onlyFiles, ...(wanted.pulled && !wanted.fresh ? { pulled: wanted.pulled } : {}) });
    };
    // A plan that failed ends its turn too: else the queued plan would never start, and every
    // later request would join it and get the old failure.
    const done = running.done.then(next, next);
    return Object.assign(wanted, { done });
  }

  private start(next: NextPlan): Promise<T> {
    const running: Running<T> = {
      heard: this.heard,
      ...(next.pulled ? { pulled: next.pulled } : {}),
      done: this.plan(next).finally(() => {
        if (this.running === running) this.running = undefined;
      }),
    };
    this.running = running;
    return running.done;
  }
}
