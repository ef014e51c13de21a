/** Hook scripts of the demo account: real JavaScript of the kind integrator.io runs. */

export const HOOK_SCRIPTS = [
  {
    key: 'skipTestOrders',
    name: 'Shopify - Skip Test Orders',
    description: 'preSavePage: drops test orders and orders without an email before they reach NetSuite.',
    daysAgo: 118,
    content: `/*
 * preSavePage hook for "Shopify - Get Orders".
 * Drops test orders and orders that have no customer email, so they never reach NetSuite.
 */
function preSavePage(options) {
  const kept = [];
  const errors = [...options.errors];
  for (const order of options.data) {
    if (order.test === true || (order.tags || '').includes('test')) continue;
    if (!order.email) {
      errors.push({ code: 'MISSING_EMAIL', message: \`Order \${order.name} has no email\`, source: 'preSavePage' });
      continue;
    }
    kept.push(order);
  }
  return { data: kept, errors, abort: false, newErrorsAndRetryData: [] };
}
`,
  },
  {
    key: 'buildLines',
    name: 'NetSuite - Build Sales Order Lines',
    description: 'preMap: splits bundles into their components and rounds prices.',
    daysAgo: 117,
    content: `/*
 * preMap hook for "NetSuite - Create Sales Orders".
 * Expands bundle SKUs ("BUNDLE-A+B") into one line per component and rounds prices to cents.
 */
function preMap(options) {
  return options.data.map((order) => {
    const lines = [];
    for (const line of order.line_items || []) {
      const parts = line.sku && line.sku.startsWith('BUNDLE-') ? line.sku.slice(7).split('+') : [line.sku];
      for (const sku of parts) {
        lines.push({ ...line, sku, price: Math.round((line.price / parts.length) * 100) / 100 });
      }
    }
    return { data: { ...order, line_items: lines } };
  });
}
`,
  },
  {
    key: 'warehouseAudit',
    name: 'Snowflake - Load Audit',
    description: 'postSubmit: counts rows written and marks failures for retry.',
    daysAgo: 69,
    content: `/*
 * postSubmit hook for "Snowflake - Merge Opportunities".
 * Keeps the warehouse responses as they are, and turns "row locked" failures into retriable errors.
 */
function postSubmit(options) {
  return options.responseData.map((response) => {
    const locked = (response.errors || []).some((e) => /locked/i.test(e.message));
    if (locked) {
      return { ...response, statusCode: 422, errors: [{ code: 'ROW_LOCKED', message: 'Row was locked; will retry' }] };
    }
    return response;
  });
}
`,
  },
  {
    key: 'orderStatusApi',
    name: 'Order Status API handler',
    description: 'My API: answers GET /orders/:id with the NetSuite status.',
    daysAgo: 25,
    content: `/*
 * Handler of the "Order Status API".
 * Looks the order up through the NetSuite export and answers with its status.
 */
import { exports } from 'integrator-api';

function handleRequest(options) {
  const id = options.pathParams.id;
  const result = exports.run({ _id: 'netsuite-order-lookup', listenerData: [{ id }] });
  const order = result.data && result.data[0];
  if (!order) return { statusCode: 404, headers: {}, body: { message: 'Order not found' } };
  return { statusCode: 200, headers: {}, body: { id, status: order.status, updated: order.lastModifiedDate } };
}
`,
  },
] as const;
