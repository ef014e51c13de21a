/**
 * The block helpers and data variables against every documented example with data (celigo/ai
 * references/helpers/block-helpers.md, SKILL.md's compare gotcha), plus the edge cases the docs call
 * out. The docs' outputs lose their whitespace (a table cell shows "Sales ID Found!" where the
 * template leaves a newline): the expected strings here are the templates' exact output, as
 * Handlebars strips a block tag alone on its line ("standalone") with its newline.
 */
import { fails, renders } from '../../support/handlebars';

const CONTACT = {
  Contact: { homeAddress: '123 Anywhere', offAddress: '789 Somewhere' },
  emptyString: '',
  nullfield: null,
  zeroString: '0',
  zeroInteger: 0,
};

const FIELDS = {
  fields: {
    field: 'sample',
    field2: 'row2',
    rights: ['system', 'admin', 'editor', 'contributor', 'viewer', 'vendor'],
    names: [{ name1: 'Stacy' }, { name2: 'Lance' }, { name3: 'Bernice' }],
  },
};

const POST = {
  title: 'My New Post',
  body: 'This is my first post!',
  array: [1, 2, 3, 4],
  message: 'This is the message.',
  child: { childTitle: 'Child Title', childBody: 'Child Body' },
};

const ORDER = {
  record: {
    order: {
      id: 12345,
      customer: 'John Doe',
      lineItems: [
        { sku: 'TShirt-001', tag: 'standard' },
        { sku: 'Mug-009', tag: 'custom' },
        { sku: 'SmallMug-010', tag: 'custom' },
        { sku: 'Cap-003', tag: 'standard' },
      ],
    },
  },
};

describe('handlebars block helpers', () => {
  it('and: documented examples', () => {
    // The table says "true" for zeroInteger, but its own text says 0 is false: JavaScript's rule is kept.
    renders('{{#and Contact.homeAddress zeroInteger}}true{{else}}false{{/and}}', CONTACT, 'false');
    renders('{{#and Contact.homeAddress emptyString}}true{{else}}false{{/and}}', CONTACT, 'false');
    // The table's garbled rows repeat one template; what its text says of the other fields:
    renders('{{#and Contact.homeAddress zeroString}}true{{else}}false{{/and}}', CONTACT, 'true');
    renders('{{#and Contact.homeAddress nullfield}}true{{else}}false{{/and}}', CONTACT, 'false');
    renders('{{#and Contact.homeAddress Contact.missing}}true{{else}}false{{/and}}', CONTACT, 'false');
    // The docs show "11-33"; the template's spaces are kept.
    renders(
      '{{#and legends.unicorns legends.horses}} {{legends.unicorns}} - {{legends.horses}} {{else}} Not found {{/and}}',
      { legends: { unicorns: '11', ponies: '22', horses: '33', total: '66' } },
      ' 11 - 33 ',
    );
    renders(
      '{{#and firstName lastName}} {{firstName}} {{middleName}} {{lastName}} {{else}}Not found {{/and}}',
      { fullName: 'Hillary Ann Swank', firstName: 'Hillary', middleName: 'Ann', lastName: 'Swank' },
      ' Hillary Ann Swank ',
    );
  });

  it('and: more than two values, and inline as a subexpression', () => {
    renders('{{#and a b c}}yes{{else}}no{{/and}}', { a: 1, b: 'x', c: [] }, 'yes');
    renders('{{#and a b c}}yes{{else}}no{{/and}}', { a: 1, b: 'x', c: 0 }, 'no');
    renders('{{#if (and a b)}}yes{{/if}}', { a: 1, b: 2 }, 'yes');
  });

  it('compare: documented examples', () => {
    renders(
      '{{#compare details.fromState "===" "NE"}}+{{details.qty}}\n{{else}}{{details.qty}}{{/compare}}\n{{#compare details.fromState "===" "AK"}}TRUE: {{details.qty}}\n{{else}}FALSE{{/compare}}',
      { export: {}, details: { fromState: 'NE', customerName: 'Thomas', customerId: '22222', qty: '3', other: ' ' } },
      '+3\n\nFALSE',
    );
    // "50" > "100" as strings.
    renders(
      '{{#compare sample1 ">" sample2}} true {{else}} false {{/compare}}',
      { sample1: '50', sample2: '100', sample3: '200' },
      ' true ',
    );
    renders(
      '{{#compare sample1 "<" sample2}} true {{else}} false {{/compare}}',
      { sample1: '50', sample2: '100', sample3: '200' },
      ' false ',
    );
    const stock = {
      state: 'VA',
      name: 'Thomas Jefferson',
      part: 'R1',
      qty: '100',
      ordered: '100',
      inventoryOnOrder: '1000',
      ERP_Item: 'kit',
    };
    renders('{{#compare qty ">=" ordered}}Please ship {{qty}} units\n{{else}} do-not-ship{{/compare}}', stock, 'Please ship 100 units\n');
    renders('{{#compare phone.length "===" 10}}{{else}}0000000000{{/compare}}', { phone: '123456789' }, '0000000000');
    renders(
      '{{#compare ordered "<=" stockLevel}}Match{{else compare stockLevel "<" inventoryOnOrder}}Match{{else}}Inventory levels too low{{/compare}}',
      { state: 'NE', name: 'Thomas', qty: '100', ordered: '100', stockLevel: '10', inventoryOnOrder: '1000', ERP_Item: 'kit' },
      'Match',
    );
    // SKILL.md's gotcha: string comparison.
    renders('{{#compare "9" ">" "10"}}TRUE{{else}}FALSE{{/compare}}', {}, 'TRUE');
  });

  it('compare: the object.length examples', () => {
    renders('{{#compare state.length "===" 2}}{{uppercase state}}{{else}}Bad state value{{/compare}}', { state: 'ill' }, 'Bad state value');
    renders('{{#compare state.length "===" 2}}{{uppercase state}}{{else}}Bad state value{{/compare}}', { state: 'il' }, 'IL');
    renders('{{#compare phone.length "===" 10}}{{phone}}{{else}}0000000000{{/compare}}', { phone: '123456789' }, '0000000000');
    renders('{{#compare phone.length "===" 10}}{{phone}}{{else}}0000000000{{/compare}}', { phone: '1234567890' }, '1234567890');
  });

  it('compare: coercion, numbers, nesting, bad operators', () => {
    renders('{{#compare a "==" b}}eq{{else}}ne{{/compare}}', { a: 5, b: '5' }, 'eq');
    renders('{{#compare a "===" b}}eq{{else}}ne{{/compare}}', { a: 5, b: '5' }, 'ne');
    renders('{{#compare a "!=" b}}ne{{else}}eq{{/compare}}', { a: 5, b: '5' }, 'eq');
    renders('{{#compare a "!==" b}}ne{{else}}eq{{/compare}}', { a: 5, b: '5' }, 'ne');
    // Numbers compare as numbers (the docs' advice: convert first).
    renders('{{#compare 9 ">" 10}}TRUE{{else}}FALSE{{/compare}}', {}, 'FALSE');
    renders('{{#compare a "<=" b}}yes{{/compare}}', { a: 3, b: 3 }, 'yes');
    renders('{{#compare a "typeof" "string"}}yes{{/compare}}', { a: 'x' }, 'yes');
    // syntax-and-recipes' nested compare, with data.
    const nested =
      '{{#compare customer1 "==" "2"}}{{#compare customer2 "==" "5"}}Both match{{else}}Only first matches{{/compare}}{{else}}First does not match{{/compare}}';
    renders(nested, { customer1: '2', customer2: '5' }, 'Both match');
    renders(nested, { customer1: 2, customer2: '4' }, 'Only first matches');
    renders(nested, { customer1: '3' }, 'First does not match');
    // block-helpers' if…compare, with data.
    const ifCompare = '{{#if data.name}}{{#compare data.name "!=" ""}}{{data.name}}{{else}}{{/compare}}{{/if}}';
    renders(ifCompare, { data: { name: 'Bob' } }, 'Bob');
    renders(ifCompare, { data: {} }, '');
    fails('{{#compare a "=" b}}x{{/compare}}', { a: 1, b: 1 }, /compare: unknown operator "="/);
    fails('{{#compare a ">"}}x{{/compare}}', { a: 1 }, /compare: expects 3 arguments/);
  });

  it('contains: documented examples', () => {
    const found = '{{#contains order.item "5"}}\nSales ID Found!\n{{else}}Sales ID Missing!\n{{/contains}}';
    renders(found, { order: { item: '12345' } }, 'Sales ID Found!\n');
    renders(found.replace('"5"', '"6"'), { order: { item: '12345' } }, 'Sales ID Missing!\n');
    renders(
      '{{#contains order.sales "2"}}\nSales ID Found!\n{{else}}Sales ID Missing!\n{{/contains}}',
      { order: { sales: ['2', '3', '59', '4', '9', '10', '7'] } },
      'Sales ID Found!\n',
    );
    renders(
      '{{#contains ERP_Item "kit"}}+1{{else}}None found{{/contains}}\n{{#contains warranty "yes"}}Warranty included{{/contains}}',
      {
        state: 'NE',
        name: 'Thomas',
        id: '22222',
        qty: '100',
        ordered: '100',
        stockLevel: '100',
        returned: '100',
        other: ' ',
        ERP_Item: 'kit',
        warranty: 'yes',
      },
      '+1\nWarranty included',
    );
    renders(
      '{{#if source_name}}{{#contains source_name "3.1415926"}}true\n{{else}}false{{/contains}}{{/if}}',
      { source_name: '3.1415926', id: 123, name: 'Bob', age: 33 },
      'true\n',
    );
  });

  it('contains: arrays are strict, other values contain nothing', () => {
    renders('{{#contains list 2}}yes{{else}}no{{/contains}}', { list: ['2'] }, 'no');
    renders('{{#contains list "b" 2}}yes{{else}}no{{/contains}}', { list: ['a', 'b', 'c'] }, 'no');
    renders('{{#contains n "5"}}yes{{else}}no{{/contains}}', { n: 12345 }, 'no');
    renders('{{#contains missing "5"}}yes{{else}}no{{/contains}}', {}, 'no');
  });

  it('each: documented examples', () => {
    // The docs' output drops the trailing space.
    renders(
      '{{#each people}}{{this}}; {{/each}}',
      { people: ['Bertram Gilfoyle', 'Erlich Bachman', 'Jin Yang'] },
      'Bertram Gilfoyle; Erlich Bachman; Jin Yang; ',
    );
    renders(
      '{{#each fields.names}}{{#each this}} Employee {{@key}}: {{this}}\n{{/each}}{{/each}}',
      FIELDS,
      ' Employee name1: Stacy\n Employee name2: Lance\n Employee name3: Bernice\n',
    );
    // @index outside #each renders empty; the docs show one item a line.
    renders(
      'System privilege levels: {{@index}} {{#each fields.rights}} {{@index}}: {{this}} {{/each}}',
      FIELDS,
      'System privilege levels:   0: system  1: admin  2: editor  3: contributor  4: viewer  5: vendor ',
    );
    // The docs show one line; each standalone tag line is stripped, so each item keeps its newline.
    renders(
      '{{#each fields.rights}}\n{{@key}}:{{this}};\n{{/each}}',
      FIELDS,
      '0:system;\n1:admin;\n2:editor;\n3:contributor;\n4:viewer;\n5:vendor;\n',
    );
    // Block params: the 1st and 11th characters of each value.
    renders(
      '{{#each inventoryItems as |item|}}\n{{item.[0]}}: {{item.[10]}}\n{{/each}}',
      { inventoryItems: { X: '1001 text a', Y: '2002 text b', Z: '3003 text c' } },
      '1: a\n2: b\n3: c\n',
    );
  });

  it('each: the data variable examples (@first, @index, @key, @last, @root)', () => {
    const line = (body: string) => `{{#each ${body}}}\n{{#if @first}}\n{{@key}}\n{{/if}}\n{{/each}}`;
    renders(line('@root.child'), POST, 'childTitle\n');
    renders(line('array'), POST, '0\n');
    renders(line('array'), { ...POST, array: ['apple', 'orange', 'pear', 'banana'] }, '0\n');
    renders('{{#each @root.child}}\n{{@index}}\n{{/each}}', POST, '0\n1\n');
    renders('{{#each @root.people}}\n{{@index}}\n{{/each}}', { people: ['Bertram Gilfoyle', 'Erlich Bachman', 'Jin Yang'] }, '0\n1\n2\n');
    renders('{{#each array}}\n{{@key}}\n{{/each}}', POST, '0\n1\n2\n3\n');
    renders('{{#each array}}\n{{@key}}\n{{/each}}', { ...POST, array: ['one', 'two', 'three', 'four'] }, '0\n1\n2\n3\n');
    renders('{{#each @root.child}}\n{{@key}}\n{{/each}}', POST, 'childTitle\nchildBody\n');
    renders('{{#each @root}}\n{{@key}}\n{{/each}}', POST, 'title\nbody\narray\nmessage\nchild\n');
    // @last works on an object too, as the docs show (though their text says only @first does).
    const last = (body: string) => `{{#each ${body}}}\n{{#if @last}}\n{{@key}}\n{{/if}}\n{{/each}}`;
    renders(last('@root.child'), POST, 'childBody\n');
    renders(last('array'), POST, '3\n');
    renders(last('array'), { ...POST, array: ['apple', 'orange', 'pear', 'banana'] }, '3\n');
    const root = { title: 'My New Post', body: 'This is my first post!', array: [1, 2, 3, 4], message: 'This is the message.' };
    renders('{{@root.title}}', root, 'My New Post');
    renders('{{#each array}}{{@root.title}}\n{{/each}}', root, 'My New Post\nMy New Post\nMy New Post\nMy New Post\n');
    renders('{{@root.child.childTitle}}', POST, 'Child Title');
  });

  it('each: the `this` example renders its template (the documented output does not match it)', () => {
    const template =
      '[ {{#with data}} {{#each this}} {{#if @index}}, {{/if}}\n{\n"firstName" : {{this.name}}, {{#each this}}\n"{{@key}}": "{{this}}" {{/each}}\n} {{/each}} {{/with}}\n]';
    const data = {
      data: [
        { name: 'John', id: 1 },
        { name: 'Leslie', id: 2 },
      ],
    };
    renders(
      template,
      data,
      '[   \n{\n"firstName" : John, \n"name": "John" \n"id": "1" \n}  , \n{\n"firstName" : Leslie, \n"name": "Leslie" \n"id": "2" \n}  \n]',
    );
  });

  it('filter: documented examples', () => {
    // The docs show one item a line; the block is "Custom item: {{sku}} " (the opening tag's line is standalone).
    renders(
      '{{#filter record.order.lineItems "custom" "tag"}}\nCustom item: {{sku}} {{else}}\nNo custom items {{/filter}}',
      ORDER,
      'Custom item: Mug-009 Custom item: SmallMug-010 ',
    );
    renders(
      '{{#filter record.order.lineItems "express" "tag"}}\nFound express items {{else}}\nNo express items {{/filter}}',
      ORDER,
      '\nNo express items ',
    );
  });

  it('filter: case, dot paths, primitives, non-arrays and empty arrays', () => {
    renders('{{#filter record.order.lineItems "Custom" "tag"}}{{sku}}{{else}}none{{/filter}}', ORDER, 'none');
    renders(
      '{{#filter staff "Sales" "details.department"}}{{name}};{{/filter}}',
      { staff: [{ name: 'A', details: { department: 'Sales' } }, { name: 'B', details: { department: 'Ops' } }, { name: 'C' }] },
      'A;',
    );
    renders('{{#filter tags "x"}}[{{this}}]{{else}}none{{/filter}}', { tags: ['x', 'y', 'x'] }, '[x][x]');
    renders('{{#filter tags "x" property="k"}}{{v}}{{/filter}}', { tags: [{ k: 'x', v: 1 }] }, '1');
    // A missing or non-array first argument renders nothing, not even {{else}}; [] renders {{else}}.
    renders('[{{#filter record.missing "x"}}found{{else}}none{{/filter}}]', { record: {} }, '[]');
    renders('[{{#filter record.text "x"}}found{{else}}none{{/filter}}]', { record: { text: 'x' } }, '[]');
    renders('[{{#filter record.items "x"}}found{{else}}none{{/filter}}]', { record: { items: [] } }, '[none]');
  });

  it('if: the documented snippets, with data', () => {
    renders('{{#if data.name}}{{data.name}}{{/if}}', { data: { name: 'Ann' } }, 'Ann');
    renders('{{#if Name}}{{Name}}{{else}}{{/if}}', { Name: '' }, '');
    // Falsy: undefined, null, "", 0, false, [].
    for (const value of [undefined, null, '', 0, false, []]) renders('{{#if v}}yes{{else}}no{{/if}}', { v: value }, 'no');
    for (const value of ['0', 'false', ' ', 1, {}, [0]]) renders('{{#if v}}yes{{else}}no{{/if}}', { v: value }, 'yes');
  });

  it('ifEven: documented examples', () => {
    const orders = { orders: { item1: '2', item2: '5', item3: '8' } };
    renders('{{#ifEven orders.item1}}\n{{orders.item1}}\n{{else}}\nOdd Value {{/ifEven}}', orders, '2\n');
    renders(
      '{{#ifEven orders.item2}}\nThe even number value is {{orders.item2}} {{else}}\nOdd number value {{/ifEven}}',
      orders,
      '\nOdd number value ',
    );
    renders(
      '{{#ifEven orders.item3}}\nThe even number value is {{orders.item3}} {{else}}\nOdd number value {{/ifEven}}',
      orders,
      'The even number value is 8 ',
    );
  });

  it('ifEven: numbers, fractions, non-numeric and missing values', () => {
    renders('{{#ifEven n}}even{{else}}odd{{/ifEven}}', { n: 0 }, 'even');
    renders('{{#ifEven n}}even{{else}}odd{{/ifEven}}', { n: -4 }, 'even');
    renders('{{#ifEven n}}even{{else}}odd{{/ifEven}}', { n: 2.5 }, 'odd');
    renders('{{#ifEven n}}even{{else}}odd{{/ifEven}}', { n: 'abc' }, 'odd');
    renders('{{#ifEven n}}even{{else}}odd{{/ifEven}}', {}, 'odd');
  });

  it('inArray: documented examples', () => {
    const tags = { record: { order: { id: 45678, tags: ['gift', 'priority', 'international'] } } };
    renders(
      '{{#inArray record.order.tags "priority"}}\nPush to Salesforce as high-priority case {{else}}\nIgnore or send as regular case {{/inArray}}',
      tags,
      'Push to Salesforce as high-priority case ',
    );
    renders(
      '{{#inArray record.order.tags "express"}}\nMark as express shipping {{else}}\nContinue with standard shipping {{/inArray}}',
      { record: { order: { tags: ['gift', 'priority', 'international'] } } },
      '\nContinue with standard shipping ',
    );
    renders('{{#inArray record.numbers "3"}} Found{{else}} Not found{{/inArray}}', { record: { numbers: [1, 2, 3, 4] } }, ' Not found');
  });

  it('inArray: case, numbers, non-arrays and arrays of objects', () => {
    renders('{{#inArray tags "Priority"}}yes{{else}}no{{/inArray}}', { tags: ['priority'] }, 'no');
    renders('{{#inArray numbers 3}}yes{{else}}no{{/inArray}}', { numbers: [1, 2, 3, 4] }, 'yes');
    renders('{{#inArray tags "a"}}yes{{else}}no{{/inArray}}', { tags: 'a,b' }, 'no');
    renders('{{#inArray items "a"}}yes{{else}}no{{/inArray}}', { items: ['a', { sku: 'a' }] }, 'no');
  });

  it('isEmpty: documented examples', () => {
    renders(
      '{{#isEmpty record.arr}}Array is empty{{else}}Has items{{/isEmpty}}\n{{#isEmpty record.obj}}Object is empty{{else}}Has keys{{/isEmpty}}',
      { record: { arr: [], obj: {} } },
      'Array is empty\nObject is empty',
    );
    renders(
      '{{#isEmpty record.items}}No items found{{else}}Items available{{/isEmpty}}',
      { record: { items: [1, 2, 3] } },
      'Items available',
    );
  });

  it('isEmpty: missing, null, objects with keys, booleans, numbers and strings', () => {
    const template = '{{#isEmpty v}}empty{{else}}not{{/isEmpty}}';
    renders(template, {}, 'empty');
    renders(template, { v: null }, 'empty');
    renders(template, { v: { a: 1 } }, 'not');
    // The docs: anything not an array or plain object (a boolean, a number) counts as empty.
    renders(template, { v: true }, 'empty');
    renders(template, { v: 5 }, 'empty');
    renders(template, { v: 'text' }, 'empty');
  });

  it('neither: documented examples', () => {
    renders(
      '{{#neither item1 item2}}\nValues are absent for the specified parameters. {{else}}\nOnly one of the parameters has a value. {{/neither}}',
      { item1: '', item2: '' },
      'Values are absent for the specified parameters. ',
    );
    renders(
      '{{#neither item1 item2}}\nValues are absent for at least one of the specified parameters. {{else}}\nOnly one of the parameters has a value. {{/neither}}',
      { item1: '', item2: '5' },
      '\nOnly one of the parameters has a value. ',
    );
    renders('{{#neither a b}}none{{else}}some{{/neither}}', { a: 0, b: null }, 'none');
  });

  it('not: documented examples', () => {
    renders(
      '{{#not record.empty}}Field is empty{{else}}Field has value{{/not}}',
      { record: { isEnabled: true, empty: '', count: 0 } },
      'Field is empty',
    );
    renders('{{#not record.count}}No items available{{else}}Items exist{{/not}}', { record: { count: 0 } }, 'No items available');
    renders('{{#not record.items}}No items{{else}}Items array exists{{/not}}', { record: { items: [] } }, 'Items array exists');
  });

  it('not: "0", "false" and objects are truthy; null, undefined and false falsy', () => {
    const template = '{{#not v}}falsy{{else}}truthy{{/not}}';
    for (const value of ['0', 'false', {}, 1]) renders(template, { v: value }, 'truthy');
    for (const value of [null, undefined, false, '']) renders(template, { v: value }, 'falsy');
  });

  it('or: documented examples', () => {
    // The docs end both outputs with a "." the template does not have.
    const template = '{{#or item1 item2}}\nOne or both fields have a data value {{else}}\nNeither field has a data value {{/or}}';
    renders(template, { item1: '100', item2: '15000' }, 'One or both fields have a data value ');
    renders(template, { item1: '', item2: '' }, '\nNeither field has a data value ');
    renders(template, { item1: '', item2: '7' }, 'One or both fields have a data value ');
  });

  it('some: documented examples (a bare conditionFn name)', () => {
    renders('{{#some record.arr isTruthy}}\nTruthy {{else}}\nN/A {{/some}}', { record: { arr: [1, 'hello', true] } }, 'Truthy ');
    renders(
      '{{#some record.values isNumber}}\nContains a number {{else}}\nNo numbers {{/some}}',
      { record: { values: ['apple', false, 42] } },
      'Contains a number ',
    );
  });

  it('some: every condition, quoted names, chains, non-arrays and unknown names', () => {
    const values = { values: ['apple', false] };
    const check = (condition: string, context: unknown, expected: string) =>
      // On a second line after \r\n, where the name is read from the template; `~` strips the spaces and the line break.
      renders(`line one\r\n  {{~#some values ${condition}~}} yes {{~else~}} no {{~/some}}`, context, `line one${expected}`);
    check('isFalsy', values, 'yes');
    check('isTruthy', { values: [0, '', null] }, 'no');
    check('isArray', { values: [1, [2]] }, 'yes');
    check('isString', values, 'yes');
    check('isObject', { values: [[1], null, 'x'] }, 'no');
    check('isObject', { values: [{ a: 1 }] }, 'yes');
    check('isNumber', { values: ['42'] }, 'no');
    check('isBoolean', values, 'yes');
    check('"isNumber"', { values: [1] }, 'yes');
    check('isTruthy', { values: 'text' }, 'no');
    renders('{{#some v isNumber}}N{{else some v isString}}S{{else}}none{{/some}}', { v: ['a'] }, 'S');
    renders('{{#each lists}}{{#some this isNumber}}N{{else}}-{{/some}}{{/each}}', { lists: [[1], ['a'], [true, 2]] }, 'N-N');
    fails('{{#some values isEven}}x{{/some}}', values, /some: the condition must be one of isFalsy, isTruthy/);
  });

  it('startsWith: documented examples', () => {
    renders(
      '{{#startsWith "Hello" record.greeting}}Match!{{else}}No match{{/startsWith}}\n{{#startsWith "Goodbye" record.greeting}}Wrong!{{else}}Still here{{/startsWith}}',
      { record: { greeting: 'Hello, world!' } },
      'Match!\nStill here',
    );
    renders(
      '{{#startsWith "Jane" record.firstName}}\nWelcome, Jane! {{else}}\nUser not Jane {{/startsWith}}',
      { record: { firstName: 'Jane Doe' } },
      'Welcome, Jane! ',
    );
  });

  it('startsWith: case-sensitive; a missing argument renders ""', () => {
    renders('{{#startsWith "hello" s}}yes{{else}}no{{/startsWith}}', { s: 'Hello' }, 'no');
    renders('[{{#startsWith "Hello" record.missing}}yes{{else}}no{{/startsWith}}]', { record: {} }, '[]');
    renders('[{{#startsWith record.missing "Hello"}}yes{{else}}no{{/startsWith}}]', { record: {} }, '[]');
    renders('{{#startsWith "1" n}}yes{{else}}no{{/startsWith}}', { n: 123 }, 'no');
  });

  it('unless: documented examples', () => {
    const template = '{{#unless contact.phone}}\nPhone number missing {{else}}\nContact phone number {{contact.phone}} {{/unless}}';
    // The docs show "Contact phone number is:"; the template has no "is:".
    renders(
      template,
      { contact: { phone: '310-555-1234', street: 'streetName', address: 'streetAddress' } },
      '\nContact phone number 310-555-1234 ',
    );
    renders(template, { contact: { street: 'streetName', address: 'streetAddress' } }, 'Phone number missing ');
  });

  it('with: documented examples', () => {
    renders(
      '{{#with library}}{{title}} on "{{album}}" by {{artist}} {{/with}}',
      { library: { album: 'The Sound', title: 'Danube Incident', artist: 'Lalo Schifrin' } },
      'Danube Incident on "The Sound" by Lalo Schifrin ',
    );
    // The docs' output begins with a leaked "Output" label.
    renders(
      'The author{{#with author}} {{firstName}} {{lastName}}{{/with}}',
      { title: 'A Tale of Two Cities', author: { firstName: 'Charles', lastName: 'Dickens' } },
      'The author Charles Dickens',
    );
  });
});
