// Logical ids derived from pool names. CloudFormation allows only [A-Za-z0-9] (at most 255
// characters), CDK uses a top-level construct id as the logical id, and Terraform names are the
// snake_case of the same id, so one allocator keeps all three unique: an id is taken when its
// snake_case form (which also folds case) is taken.
import { terraformName } from './terraformNames';

/** Room left for the longest suffix (`SyncTriggerPermission`) and a counter within 255. */
const MAX_BASE_LENGTH = 200;

/** `ShopMobile_Prod` → `ShopMobileProd`; `2024 app` → `Pool2024App`; nothing usable → `Pool`. */
export function logicalIdBase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  let base = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  if (base === '' || /^[0-9]/.test(base)) base = `Pool${base}`;
  return base.slice(0, MAX_BASE_LENGTH);
}

export class LogicalIdAllocator {
  private readonly taken = new Set<string>();

  /** A base id for one pool, unique among every id this allocator handed out (with any suffix). */
  poolBase(name: string, suffixes: readonly string[]): string {
    const base = logicalIdBase(name);
    for (let counter = 1; ; counter += 1) {
      const candidate = counter === 1 ? base : `${base}${counter}`;
      const ids = suffixes.map((suffix) => `${candidate}${suffix}`);
      if (ids.every((id) => !this.taken.has(terraformName(id)))) {
        ids.forEach((id) => this.taken.add(terraformName(id)));
        return candidate;
      }
    }
  }
}
