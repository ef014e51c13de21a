/**
 * Believable records for simulated runs and virtual exports, generated deterministically from
 * a seed, shaped by what the export reads (NetSuite, Salesforce, an HTTP orders API, a file).
 */
import { hashString, isObject, JsonObject, seededRandom } from './json';

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Katherine', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia'];
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Johnson',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
  'Dijkstra',
  'Perlman',
];
const COMPANIES = [
  'Acme Products',
  'Widgets Inc.',
  'Example Services',
  'Northwind Traders',
  'Contoso Ltd',
  'Globex',
  'Initech',
  'Umbrella Retail',
];
const ITEMS = [
  { sku: 'TSHIRT-BLK-M', name: 'Black T-Shirt (M)', price: 19.5 },
  { sku: 'MUG-WHT', name: 'White Mug', price: 9 },
  { sku: 'CAP-NVY', name: 'Navy Cap', price: 14.25 },
  { sku: 'HOOD-GRY-L', name: 'Grey Hoodie (L)', price: 42 },
  { sku: 'SOCK-3PK', name: 'Socks, 3-pack', price: 11.99 },
];

export type RecordFlavour = 'order' | 'customer' | 'account' | 'opportunity' | 'statement' | 'ticket' | 'inventory' | 'generic';

/** Guesses what an export produces from its definition. */
export function flavourOf(exportDoc: JsonObject): RecordFlavour {
  const text = JSON.stringify(exportDoc).toLowerCase();
  if (text.includes('opportunit')) return 'opportunity';
  if (text.includes('inventory') || text.includes('item')) return 'inventory';
  if (text.includes('ticket')) return 'ticket';
  if (text.includes('statement') || text.includes('bank') || isObject(exportDoc.ftp)) return 'statement';
  if (text.includes('order') || text.includes('fulfil')) return 'order';
  if (text.includes('account') || isObject(exportDoc.salesforce)) return 'account';
  if (text.includes('customer') || isObject(exportDoc.netsuite)) return 'customer';
  return 'generic';
}

/** Records `from` to `from + count` of an endless, seeded stream. */
export function generateRecords(seedKey: string, flavour: RecordFlavour, from: number, count: number): JsonObject[] {
  const records: JsonObject[] = [];
  for (let i = from; i < from + count; i++) records.push(makeRecord(flavour, i, seededRandom(hashString(`${seedKey}#${i}`))));
  return records;
}

/** What every kind of record is made from: its index, the seeded random numbers, and a person. */
interface RecordContext {
  index: number;
  rnd: () => number;
  pick: <T>(list: readonly T[]) => T;
  first: string;
  last: string;
  email: string;
  /** A day in October or November 2026. */
  day: Date;
}

const money = (n: number) => Math.round(n * 100) / 100;

/** One maker per flavour; each draws its random numbers in a fixed order, so a seed gives the same record. */
const MAKERS: Record<RecordFlavour, (c: RecordContext) => JsonObject> = {
  order({ index, rnd, pick, first, last, email, day }) {
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
      const item = pick(ITEMS);
      return { sku: item.sku, title: item.name, quantity: 1 + Math.floor(rnd() * 3), price: item.price };
    });
    return {
      id: 5_100_000_000 + index,
      name: `#${1001 + index}`,
      email,
      created_at: day.toISOString(),
      financial_status: pick(['paid', 'paid', 'pending', 'refunded']),
      currency: 'USD',
      total_price: money(lines.reduce((s, l) => s + l.price * l.quantity, 0)),
      customer: { first_name: first, last_name: last, email },
      shipping_address: {
        city: pick(['Portland', 'Austin', 'Denver', 'Boston']),
        country_code: 'US',
        zip: String(10000 + Math.floor(rnd() * 89999)),
      },
      line_items: lines,
    };
  },
  customer({ index, pick, first, last, email, day }) {
    return {
      internalId: String(2000 + index),
      entityId: `CUST${String(2000 + index).padStart(6, '0')}`,
      companyName: pick(COMPANIES),
      email,
      firstName: first,
      lastName: last,
      subsidiary: 'Parent Company',
      dateCreated: day.toISOString(),
    };
  },
  account({ index, rnd, pick, day }) {
    return {
      Id: `0015g00000${String(index).padStart(8, '0')}`,
      Name: pick(COMPANIES),
      Industry: pick(['Retail', 'Manufacturing', 'Media', 'Finance']),
      AnnualRevenue: Math.floor(rnd() * 5e7),
      LastModifiedDate: day.toISOString(),
    };
  },
  opportunity({ index, rnd, pick, day }) {
    return {
      Id: `0065g00000${String(index).padStart(8, '0')}`,
      Name: `${pick(COMPANIES)} – ${pick(['Renewal', 'Expansion', 'New Business'])}`,
      StageName: pick(['Prospecting', 'Negotiation', 'Closed Won', 'Closed Lost']),
      Amount: money(1000 + rnd() * 90000),
      CloseDate: day.toISOString().slice(0, 10),
      AccountId: `0015g00000${String(Math.floor(rnd() * 500)).padStart(8, '0')}`,
    };
  },
  statement({ index, rnd, pick, day }) {
    return {
      date: day.toISOString().slice(0, 10),
      reference: `TRX${100000 + index}`,
      description: `Payment from ${pick(COMPANIES)}`,
      amount: money((rnd() - 0.3) * 5000),
      currency: 'USD',
    };
  },
  ticket({ index, pick, first, last, email, day }) {
    return {
      id: 40_000 + index,
      subject: pick(['Cannot log in', 'Refund request', 'Shipping delay', 'Wrong size']),
      priority: pick(['low', 'normal', 'high', 'urgent']),
      requester: { name: `${first} ${last}`, email },
      created_at: day.toISOString(),
    };
  },
  inventory({ rnd, pick, day }) {
    return {
      itemId: pick(ITEMS).sku,
      location: pick(['Main Warehouse', 'East DC']),
      quantityAvailable: Math.floor(rnd() * 500),
      lastModifiedDate: day.toISOString(),
    };
  },
  generic: ({ index, rnd, first, last, email, day }) => ({
    id: index + 1,
    name: `${first} ${last}`,
    email,
    amount: money(rnd() * 1000),
    updatedAt: day.toISOString(),
  }),
};

function makeRecord(flavour: RecordFlavour, index: number, rnd: () => number): JsonObject {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first}.${last}@example.com`.toLowerCase();
  const day = new Date(Date.UTC(2026, 9, 1) + Math.floor(rnd() * 58 * 86_400_000));
  return MAKERS[flavour]({ index, rnd, pick, first, last, email, day });
}
