// The demo seed's identities and sync data: what a browser of a real pool meets. Settings and game
// saves, developer-provider users (so LookupDeveloperIdentity finds them), a social login, a
// merged dataset, removed records, a 200 KB value, a disabled identity, and one dataset near each
// limit (datasets per identity, records per dataset, bytes per dataset). Ids are stable across starts.
import { DATASET_LIMITS } from './behaviour';
import { addIdentity, mergeIdentities, stableIdentityId } from './identities';
import { PoolState } from './store';
import { deviceWrite } from './syncData';

export const DEMO_DEVELOPER_PROVIDERS = { shop: 'login.shopmobile', games: 'login.gamesaves' } as const;

const DAY = 24 * 60 * 60 * 1000;

interface DemoIdentity {
  name: string;
  logins?: Record<string, string[]>;
  disabled?: boolean;
  daysOld: number;
}

function identity(pool: PoolState, poolId: string, person: DemoIdentity, now: number): string {
  const id = stableIdentityId(poolId.split(':')[0], `${poolId}/demo/${person.name}`);
  addIdentity(pool, { id, now: now - person.daysOld * DAY, logins: person.logins, disabled: person.disabled });
  return id;
}

/** Writes `changes` as the device `by` did `daysAgo` days ago. */
function write(pool: PoolState, id: string, dataset: string, changes: Record<string, string | null>, by: string, at: number): void {
  deviceWrite(pool, id, dataset, changes, by, at);
}

const json = (value: unknown) => JSON.stringify(value);

/** The ShopMobile_Prod pool's identities (developer provider login.shopmobile). */
export function seedShopIdentities(pool: PoolState, poolId: string, now: number): void {
  pool.identityPool.DeveloperProviderName = DEMO_DEVELOPER_PROVIDERS.shop;
  pool.identityPool.SupportedLoginProviders = { 'graph.facebook.com': '7346241598935552', [DEMO_DEVELOPER_PROVIDERS.shop]: DEMO_DEVELOPER_PROVIDERS.shop };
  pool.identityPool.AllowUnauthenticatedIdentities = true;
  const dev = (user: string) => ({ [DEMO_DEVELOPER_PROVIDERS.shop]: [user] });

  const alice = identity(pool, poolId, { name: 'alice', logins: dev('alice@example.com'), daysOld: 80 }, now);
  write(pool, alice, 'settings', { theme: 'dark', language: 'en-GB', currency: 'GBP', notifications: json({ push: true, email: false, sms: false }), legacyFlag: 'on' }, 'alice-iphone', now - 60 * DAY);
  write(pool, alice, 'settings', { legacyFlag: null, theme: 'light' }, 'alice-ipad', now - 2 * DAY);
  write(pool, alice, 'cart', { 'item:SKU-1042': json({ qty: 1, price: 19.99 }), 'item:SKU-2231': json({ qty: 3, price: 4.5 }), coupon: 'WINTER10' }, 'alice-iphone', now - DAY);
  write(pool, alice, 'cart', { coupon: null }, 'alice-iphone', now - DAY / 2);

  // bob used the app logged out on a tablet, then logged in: the tablet identity was merged into his.
  const bob = identity(pool, poolId, { name: 'bob', logins: dev('bob.martin'), daysOld: 50 }, now);
  write(pool, bob, 'settings', { theme: 'dark', language: 'fr-FR', currency: 'EUR' }, 'bob-pixel', now - 40 * DAY);
  const tablet = identity(pool, poolId, { name: 'bob-tablet', logins: dev('bob.tablet.guest'), daysOld: 45 }, now);
  write(pool, tablet, 'settings', { theme: 'system', language: 'fr-FR', fontScale: '1.2' }, 'bob-tablet', now - 30 * DAY);
  write(pool, tablet, 'wishlist', { 'item:SKU-9001': json({ addedAt: '2026-10-02' }) }, 'bob-tablet', now - 29 * DAY);
  mergeIdentities(pool, tablet, bob, now - 20 * DAY);

  const carol = identity(pool, poolId, { name: 'carol', logins: { 'graph.facebook.com': ['10224567890123456'] }, daysOld: 30 }, now);
  write(pool, carol, 'settings', { theme: 'dark', language: 'de-DE', currency: 'EUR', onboardingDone: 'true' }, 'carol-galaxy', now - 10 * DAY);
  // A 200 KB value: an offline catalogue snapshot the app caches.
  const catalogue = json({ version: 42, items: Array.from({ length: 1600 }, (_, index) => ({ sku: `SKU-${10000 + index}`, name: `Product ${index}`, price: (index % 97) + 0.99 })) });
  write(pool, carol, 'offline-cache', { catalogue: catalogue.padEnd(200 * 1024, ' ').slice(0, 200 * 1024), fetchedAt: new Date(now - 3 * DAY).toISOString() }, 'carol-galaxy', now - 3 * DAY);

  // Near the datasets-per-identity limit: 19 of 20 (95 %).
  const dave = identity(pool, poolId, { name: 'dave', logins: dev('dave.k'), daysOld: 300 }, now);
  for (let index = 1; index < DATASET_LIMITS.datasetsPerIdentity; index += 1) write(pool, dave, `list-${String(index).padStart(2, '0')}`, { title: `Shopping list ${index}`, items: json([`item ${index}a`, `item ${index}b`]) }, 'dave-phone', now - (300 - index) * DAY);

  // Near the records-per-dataset limit: 1,000 of 1,024 (98 %).
  const erin = identity(pool, poolId, { name: 'erin', logins: dev('erin.w'), daysOld: 200 }, now);
  const history: Record<string, string> = {};
  for (let index = 1; index <= 1000; index += 1) history[`viewed:${String(index).padStart(4, '0')}`] = `SKU-${10000 + ((index * 37) % 5000)}`;
  write(pool, erin, 'recently-viewed', history, 'erin-phone', now - 5 * DAY);

  // Near the bytes-per-dataset limit: about 900 KB of 1 MB (88 %).
  const frank = identity(pool, poolId, { name: 'frank', logins: dev('frank.o'), daysOld: 150 }, now);
  const drafts: Record<string, string> = {};
  for (let index = 1; index <= 9; index += 1) drafts[`draft-${index}`] = `Draft review ${index}: `.padEnd(100 * 1024, 'lorem ipsum ');
  write(pool, frank, 'review-drafts', drafts, 'frank-laptop', now - 7 * DAY);

  identity(pool, poolId, { name: 'guest-1', daysOld: 3 }, now);
  const closed = identity(pool, poolId, { name: 'closed-account', disabled: true, daysOld: 400 }, now);
  write(pool, closed, 'settings', { theme: 'dark' }, 'old-phone', now - 390 * DAY);
}

/** The GameSaves_EU pool's players (developer provider login.gamesaves). */
export function seedGameIdentities(pool: PoolState, poolId: string, now: number): void {
  pool.identityPool.DeveloperProviderName = DEMO_DEVELOPER_PROVIDERS.games;
  const players = ['player-ana', 'player-ben', 'player-chen'];
  players.forEach((player, index) => {
    const id = identity(pool, poolId, { name: player, logins: { [DEMO_DEVELOPER_PROVIDERS.games]: [player] }, daysOld: 100 - index * 10 }, now);
    const save = (slot: number) => json({ level: 3 + slot + index, checkpoint: `zone-${slot}-${index}`, hp: 80 + slot, inventory: ['sword', 'potion', 'map'].slice(0, slot + 1), playedSeconds: 3600 * (slot + index) });
    write(pool, id, 'saves', { slot1: save(1), slot2: save(2), activeSlot: 'slot1' }, `${player}-console`, now - (20 - index) * DAY);
    write(pool, id, 'saves', { slot2: save(3), activeSlot: 'slot2' }, `${player}-phone`, now - (10 - index) * DAY);
    write(pool, id, 'achievements', { firstBlood: '2026-09-01', explorer: '2026-09-14', hoarder: index === 1 ? '2026-10-30' : null }, `${player}-console`, now - 9 * DAY);
    write(pool, id, 'options', { musicVolume: '0.6', sfxVolume: '0.8', subtitles: 'true', controls: json({ jump: 'A', attack: 'X' }) }, `${player}-console`, now - 30 * DAY);
  });
}
