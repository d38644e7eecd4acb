// Fault injection: make an operation fail with an error, drop the connection, stall (never
// answer) or answer late, a given number of times or with a probability.
import { randomUUID } from 'crypto';
import { seededRandom } from './random';

export type FaultKind = 'error' | 'drop' | 'stall' | 'latency';

export interface FaultRule {
  id: string;
  /** Operation name, or `*` for every operation. */
  operation: string;
  /** Limit to one service (`cognito-sync`, `cognito-identity`, `sns`, `iam`, `kinesis`, `lambda`); all when absent. */
  service?: string;
  kind: FaultKind;
  /** For `error`: the error shape name, e.g. TooManyRequestsException. */
  error?: string;
  message?: string;
  /** For `error`: the HTTP status when the model does not define one for `error`. */
  status?: number;
  /** For `latency`: milliseconds added to the reply. */
  latencyMs?: number;
  /** How many more times the rule fires; unlimited when absent. */
  times?: number;
  /** Chance in [0, 1] that the rule fires on a matching call; always when absent. */
  probability?: number;
  /**
   * With `probability`: the rule draws from its own sequence seeded with this integer, so the
   * same calls are faulted in every run (a test's count of faults does not depend on luck).
   */
  seed?: number;
}

export type FaultInput = Omit<FaultRule, 'id' | 'kind'> & { kind?: FaultKind };

export function normalizeFault(input: FaultInput): FaultRule {
  if (typeof input.operation !== 'string' || !input.operation) throw new Error('a fault needs "operation" (an operation name or "*")');
  const kind = input.kind ?? (input.latencyMs !== undefined && !input.error ? 'latency' : 'error');
  if (!['error', 'drop', 'stall', 'latency'].includes(kind)) throw new Error(`unknown fault kind "${kind}" (error, drop, stall, latency)`);
  if (kind === 'error' && (typeof input.error !== 'string' || !/^\w+$/.test(input.error))) throw new Error('an error fault needs "error", an error name such as TooManyRequestsException');
  if (kind === 'latency' && !(typeof input.latencyMs === 'number' && input.latencyMs >= 0)) throw new Error('a latency fault needs "latencyMs" >= 0');
  if (input.times !== undefined && !(Number.isInteger(input.times) && input.times > 0)) throw new Error('"times" must be a positive integer');
  if (input.probability !== undefined && !(input.probability >= 0 && input.probability <= 1)) throw new Error('"probability" must be between 0 and 1');
  if (input.seed !== undefined && !Number.isInteger(input.seed)) throw new Error('"seed" must be an integer');
  return { ...input, kind, id: randomUUID() };
}

/**
 * Command-line form: `[service:]OPERATION=WHAT[@TIMES][%PROBABILITY]`, WHAT being an error name,
 * `drop`, `stall` or `latency:MS`. Examples:
 *   GetIdentityPoolConfiguration=TooManyRequestsException@3
 *   *=InternalErrorException%0.5
 *   cognito-identity:ListIdentityPools=drop
 *   iam:ListRoles=ServiceFailureException@1
 *   ListIdentityPoolUsage=latency:2000
 */
export function parseFaultFlag(flag: string): FaultRule {
  const match = /^(?:(cognito-sync|cognito-identity|sns|iam|kinesis|lambda):)?([\w*]+)=([\w:]+?)(?:@(\d+))?(?:%([\d.]+))?$/.exec(flag);
  if (!match) throw new Error(`cannot read --fault "${flag}"; expected [service:]OPERATION=ERROR|drop|stall|latency:MS[@TIMES][%PROBABILITY]`);
  const [, service, operation, what, times, probability] = match;
  const base = { service, operation, times: times ? Number(times) : undefined, probability: probability ? Number(probability) : undefined };
  if (what === 'drop' || what === 'stall') return normalizeFault({ ...base, kind: what });
  if (what.startsWith('latency:')) return normalizeFault({ ...base, kind: 'latency', latencyMs: Number(what.slice('latency:'.length)) });
  return normalizeFault({ ...base, kind: 'error', error: what });
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  /** The dice of the rules that have a seed; the others share `random`. */
  private readonly seededDice = new Map<string, () => number>();

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): FaultRule {
    this.rules.push(rule);
    if (rule.seed !== undefined) this.seededDice.set(rule.id, seededRandom(rule.seed));
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  remove(id?: string): void {
    this.rules = id === undefined ? [] : this.rules.filter((rule) => rule.id !== id);
    if (id === undefined) this.seededDice.clear();
    else this.seededDice.delete(id);
  }

  /** The rules that fire for this call: all matching latency rules, then at most one other. */
  fire(service: string, operation: string): { latencyMs: number; fault?: FaultRule } {
    let latencyMs = 0;
    let fault: FaultRule | undefined;
    for (const rule of [...this.rules]) {
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.service && rule.service !== service) continue;
      if (rule.kind !== 'latency' && fault) continue;
      if (rule.probability !== undefined && (this.seededDice.get(rule.id) ?? this.random)() >= rule.probability) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) this.remove(rule.id);
      }
      if (rule.kind === 'latency') latencyMs += rule.latencyMs ?? 0;
      else fault = rule;
    }
    return { latencyMs, fault };
  }
}
