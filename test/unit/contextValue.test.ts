import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { contextValueOf, flag } from '../../src/explorer/contextValue';

describe("a tree row's context value", () => {
  it('is what the row is, then the flags that hold, in the order given', () => {
    assert.strictEqual(contextValueOf('environment', 'account', flag(true, 'production')), 'environment;account;production');
    assert.strictEqual(
      contextValueOf('resource:flow', flag(undefined, 'offline'), flag(1, 'disabled'), flag(0, 'lookup')),
      'resource:flow;disabled',
    );
    assert.strictEqual(contextValueOf(undefined, 'expandable'), 'expandable');
  });

  it("is matched by the menus' expressions in package.json as the rows mean it", () => {
    const menus = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { when?: string }[]> };
    };
    const expressions = Object.values(menus.contributes.menus)
      .flat()
      .map((item) => /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(item.when ?? '')?.[1])
      .filter((source): source is string => source !== undefined)
      .map((source) => new RegExp(source));
    const matching = (value: string) => expressions.filter((e) => e.test(value)).length;
    // A production account's row is offered the account's actions; a sandbox's is not offered Sign Out.
    assert.ok(
      matching(contextValueOf('environment', 'account', flag(true, 'production'))) > matching(contextValueOf('environment', 'sandbox')),
    );
    assert.ok(matching(contextValueOf('resource:connection', flag(true, 'offline'))) > 0, 'a connection row has its actions');
  });
});
